// The set-up of a step and the paced set itself: counted repetitions or a counted hold, in SSML.
import { exerciseById } from '../catalog/catalog';
import type { ExerciseWay } from '../catalog/schema';
import { effectivePace } from '../engine/pace';
import { setTimeline, type Beat } from '../engine/set-timeline';
import type { Act, PlannedStep } from '../engine/types';
import type { LocaleStrings } from './locales/en-US';
import { numberWord, pause, text } from './ssml';
import { capitalize, stepName } from './step-names';

type SetUpAct = Extract<Act, { type: 'SetUp' }>;
type SetAct = Extract<Act, { type: 'Set' }>;

function wayOf(step: PlannedStep): ExerciseWay {
  const exercise = exerciseById(step.exerciseId);
  return exercise.ways.find((w) => w.id === step.wayId) ?? exercise.ways[0]!;
}

function doseLine(step: PlannedStep, s: LocaleStrings): string {
  const { dose } = step;
  if (dose.kind === 'reps') return dose.reps === 1 ? s.doseOneRep : s.doseReps(capitalize(numberWord(dose.reps)));
  return dose.asTolerated ? s.doseHoldAsTolerated(numberWord(dose.holdSeconds)) : s.doseHold(numberWord(dose.holdSeconds));
}

/** Rotates the handout's general cues by step, skipping one whose point this set-up already made. */
function generalCue(stepNumber: number, said: string, s: LocaleStrings): string {
  const cues = s.generalCues;
  for (let offset = 0; offset < cues.length; offset += 1) {
    const cue = cues[(stepNumber + offset) % cues.length] ?? '';
    const keyWord = cue.includes('resistance') ? 'resistance' : cue.includes('supported') ? 'support' : null;
    if (keyWord === null || !said.toLowerCase().includes(keyWord)) return cue;
  }
  return '';
}

/** The short set-up of an exercise the caregiver has heard in full before: name and side, dose, one key cue. */
function briefSetUp(act: SetUpAct, s: LocaleStrings): string[] {
  const { step } = act;
  const exercise = exerciseById(step.exerciseId);
  const lines: string[] = [];
  if (act.stepNumber === 1 && step.side !== null) lines.push(s.startOnSide(step.side));
  if (act.sideChanged && step.side !== null) lines.push(s.moveRound(step.side));
  lines.push(`${capitalize(stepName(step))}.`, doseLine(step, s), exercise.safetyCue, s.winceShort);
  return lines;
}

export function renderSetUp(act: SetUpAct, s: LocaleStrings): string {
  if (act.brief) return briefSetUp(act, s).map((line) => `<s>${text(line)}</s>`).join(' ');
  const { step } = act;
  const exercise = exerciseById(step.exerciseId);
  const way = wayOf(step);
  const lines: string[] = [];
  if (act.stepNumber === 1 && step.side !== null) lines.push(s.startOnSide(step.side));
  if (act.sideChanged && step.side !== null) lines.push(s.moveRound(step.side));
  lines.push(`${capitalize(stepName(step))}.`, doseLine(step, s), act.mentionPosition ? exercise.position : '', way.hands, ...way.steps);
  lines.push(exercise.safetyCue, generalCue(act.stepNumber, lines.join(' '), s), s.wince);
  return lines.filter((line) => line !== '').map((line) => `<s>${text(line)}</s>`).join(' ');
}

/** The set as the engine timed it (set-timeline.ts), beat by beat. */
function beatSsml(beat: Beat): string {
  switch (beat.kind) {
    case 'sentence':
      return `<s>${text(beat.text)}</s>`;
    case 'words':
      return text(beat.text);
    case 'count':
      return `${numberWord(beat.n)}.`;
    case 'silence':
      return pause(beat.ms);
  }
}

export function renderSet(act: SetAct): string {
  const { step } = act;
  const pace = effectivePace(exerciseById(step.exerciseId).pace, act.paceFactor);
  return setTimeline(step, pace, act.interruptHint).map(beatSsml).join(' ');
}
