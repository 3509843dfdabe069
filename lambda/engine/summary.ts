// Counts of one day's work, derived from the outcomes: what was done, cut short, stopped, skipped, left.
import { buildSteps, stepKey } from './plan';
import type { DayProgress, DaySummary, Program, StepRef } from './types';

export function summarizeDay(day: DayProgress, program: Program): DaySummary {
  if (day.routine === null) {
    return { routine: null, planned: 0, completed: 0, cutShort: [], stoppedEarly: [], skipped: [], remaining: [] };
  }
  const steps = buildSteps(day.routine, program);
  const withOutcome = (outcome: string): StepRef[] =>
    steps.filter((s) => day.outcomes[stepKey(s)]?.outcome === outcome).map(({ exerciseId, side }) => ({ exerciseId, side }));
  const skippedExercises = new Set(day.skippedExerciseIds);
  const remaining = steps
    .filter((s) => day.outcomes[stepKey(s)] === undefined && !skippedExercises.has(s.exerciseId))
    .map(({ exerciseId, side }) => ({ exerciseId, side }));
  return {
    routine: day.routine,
    planned: steps.length,
    completed: withOutcome('completed').length,
    cutShort: withOutcome('cutShort'),
    stoppedEarly: withOutcome('stoppedEarly'),
    skipped: steps
      .filter((s) => day.outcomes[stepKey(s)]?.outcome === 'skipped' || (skippedExercises.has(s.exerciseId) && day.outcomes[stepKey(s)] === undefined))
      .map(({ exerciseId, side }) => ({ exerciseId, side })),
    remaining,
  };
}
