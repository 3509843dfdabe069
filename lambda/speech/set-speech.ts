// The set-up of a step and the paced set itself: counted repetitions or a counted hold, in SSML.
import { exerciseById } from '../catalog/catalog';
import type { Exercise, ExerciseWay } from '../catalog/schema';
import { effectivePace } from '../engine/pace';
import { setTimeline, type Beat } from '../engine/set-timeline';
import type { Act, PlannedStep } from '../engine/types';
import type { LocaleStrings } from './locales/en-US';
import { numberWord, pause, text } from './ssml';
import { capitalize } from './step-names';

type SetUpAct = Extract<Act, { type: 'SetUp' }>;
type SetAct = Extract<Act, { type: 'Set' }>;

function wayOf(step: PlannedStep): ExerciseWay {
  const exercise = exerciseById(step.exerciseId);
  return exercise.ways.find((w) => w.id === step.wayId) ?? exercise.ways[0]!;
}

function doseLine(step: PlannedStep, s: LocaleStrings): string {
  const { dose } = step;
  const [first, second] = exerciseById(step.exerciseId).stages;
  if (first?.label !== undefined && second?.label !== undefined) {
    const each = dose.kind === 'reps' ? s.stagedReps(numberWord(dose.reps)) : s.stagedHolds(numberWord(dose.holdSeconds));
    return s.doseTwoStages(each, first.label, second.label);
  }
  if (dose.kind === 'reps') return dose.reps === 1 ? s.doseOneRep : s.doseReps(capitalize(numberWord(dose.reps)));
  return dose.asTolerated ? s.doseHoldAsTolerated(numberWord(dose.holdSeconds)) : s.doseHold(numberWord(dose.holdSeconds));
}

/** Rotates the handout's general cues that fit this exercise by step, skipping one whose point was already made. */
function generalCue(exercise: Exercise, stepNumber: number, said: string, s: LocaleStrings): string {
  const cues = exercise.generalCues;
  const lower = said.toLowerCase();
  for (let offset = 0; offset < cues.length; offset += 1) {
    const tag = cues[(stepNumber + offset) % cues.length];
    if (tag !== undefined && !lower.includes(s.generalCueKeyWords[tag])) return s.generalCues[tag];
  }
  return '';
}

/**
 * Where the caregiver stands, said as the patient's side: at the first step, and when the routine walks round.
 * sideNamed: the line named the limb, so the exercise's own line need not.
 */
function sideLines(act: SetUpAct, s: LocaleStrings): { lines: string[]; sideNamed: boolean } {
  const { step } = act;
  const { limb } = exerciseById(step.exerciseId);
  if (step.side === null || limb === undefined) return { lines: [], sideNamed: false };
  if (act.stepNumber === 1) return { lines: [s.startOnSide(step.side, limb)], sideNamed: true };
  return { lines: act.sideChanged ? [s.walkRound(step.side)] : [], sideNamed: false };
}

function nameLine(act: SetUpAct, sideNamed: boolean, s: LocaleStrings): string {
  const { step } = act;
  const { name, limb } = exerciseById(step.exerciseId);
  if (step.side === null || limb === undefined || sideNamed) return `${capitalize(name)}.`;
  return s.nameWithSide(capitalize(name), step.side, limb);
}

/** "Never force" and the wince rule in full before the first set of a session, then the short form. */
function rulesLine(act: SetUpAct, s: LocaleStrings): string {
  return act.firstOfSession ? s.safetyRules : s.winceShort;
}

/**
 * The short set-up of an exercise heard in full before: name and side, dose, its key cue. The second side of an
 * exercise says only what changes: "same again on their left leg".
 */
function briefSetUp(act: SetUpAct, s: LocaleStrings): string[] {
  const { step } = act;
  const exercise = exerciseById(step.exerciseId);
  const side = sideLines(act, s);
  if (act.secondSide && step.side !== null && exercise.limb !== undefined) {
    return [...side.lines, `${capitalize(exercise.name)}.`, s.sameAgain(step.side, exercise.limb), rulesLine(act, s)];
  }
  return [...side.lines, nameLine(act, side.sideNamed, s), doseLine(step, s), exercise.safetyCue, rulesLine(act, s)];
}

function fullSetUp(act: SetUpAct, s: LocaleStrings): string[] {
  const { step } = act;
  const exercise = exerciseById(step.exerciseId);
  const way = wayOf(step);
  const side = sideLines(act, s);
  const lines = [...side.lines, nameLine(act, side.sideNamed, s), doseLine(step, s), act.mentionPosition ? exercise.position : '', way.hands, ...way.steps, exercise.safetyCue];
  const rules = rulesLine(act, s);
  // The cue is chosen against everything said, the exercise's own safety cue and the rules included.
  return [...lines, generalCue(exercise, act.stepNumber, [...lines, rules].join(' '), s), rules];
}

export function renderSetUp(act: SetUpAct, s: LocaleStrings): string {
  const lines = act.brief ? briefSetUp(act, s) : fullSetUp(act, s);
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
