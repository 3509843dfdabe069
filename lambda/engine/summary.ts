// Counts of one day's work, derived from the outcomes: what was done, cut short, stopped, skipped, left.
import { buildSteps, stepKey } from './plan';
import type { DayProgress, DaySummary, Program, RoutineChoice, StepRef } from './types';

/** The day as one: a day of legs and then arms counts the whole plan, whether done in one session or two. */
function scopeOf(day: DayProgress, program: Program): RoutineChoice | null {
  if (day.routine === null || day.routine === 'everything') return day.routine;
  const inRoutine = new Set(buildSteps(day.routine, program).map(stepKey));
  return Object.keys(day.outcomes).some((key) => !inRoutine.has(key)) ? 'everything' : day.routine;
}

export function summarizeDay(day: DayProgress, program: Program): DaySummary {
  const scope = scopeOf(day, program);
  if (scope === null) {
    return { routine: null, rows: [], planned: 0, completed: 0, cutShort: [], stoppedEarly: [], skipped: [], remaining: [] };
  }
  const steps = buildSteps(scope, program);
  const withOutcome = (outcome: string): StepRef[] =>
    steps.filter((s) => day.outcomes[stepKey(s)]?.outcome === outcome).map(({ exerciseId, side }) => ({ exerciseId, side }));
  const skippedExercises = new Set(day.skippedExerciseIds);
  const remaining = steps
    .filter((s) => day.outcomes[stepKey(s)] === undefined && !skippedExercises.has(s.exerciseId))
    .map(({ exerciseId, side }) => ({ exerciseId, side }));
  return {
    routine: scope,
    rows: steps.map((s) => {
      const record = day.outcomes[stepKey(s)];
      const skippedToday = record === undefined && skippedExercises.has(s.exerciseId);
      return {
        step: { exerciseId: s.exerciseId, side: s.side },
        dose: s.dose,
        outcome: record?.outcome ?? (skippedToday ? 'skipped' : 'notReached'),
        amount: record?.amount ?? 0,
      };
    }),
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
