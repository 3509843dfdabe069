// The set-up of a step and the paced set itself: counted repetitions or a counted hold, in SSML.
import { exerciseById } from '../catalog/catalog';
import type { ExerciseWay } from '../catalog/schema';
import { effectivePace, REP_COUNT_MS, type EffectivePace } from '../engine/pace';
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

export function renderSetUp(act: SetUpAct, s: LocaleStrings): string {
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

function repetitions(count: number, way: ExerciseWay, pace: EffectivePace): string {
  const reps: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const gap = i < count ? pause(REP_COUNT_MS) : '';
    reps.push(`${text(way.movement.out)} ${pause(pace.outMs + pace.pauseMs)} ${text(way.movement.back)} ${pause(pace.backMs)} ${numberWord(i)}.${gap}`);
  }
  return reps.join(' ');
}

/** Splits a hold into counted chunks: every 5 s for short holds, every 10 s otherwise. */
function holdCount(seconds: number): string {
  const chunk = seconds <= 15 ? 5 : 10;
  const parts: string[] = [];
  for (let done = 0; done < seconds; ) {
    const step = Math.min(chunk, seconds - done);
    done += step;
    parts.push(`${pause(step * 1000)} ${numberWord(done)}.`);
  }
  return parts.join(' ');
}

function hold(seconds: number, pace: EffectivePace, s: LocaleStrings): string {
  return `${text(s.holdMoveIn)} ${pause(pace.outMs)} ${text(s.holdNow)} ${holdCount(seconds)} ${text(s.holdEaseBack)} ${pause(pace.backMs)}`;
}

export function renderSet(act: SetAct, s: LocaleStrings): string {
  const { step } = act;
  const exercise = exerciseById(step.exerciseId);
  const way = wayOf(step);
  const pace = effectivePace(exercise.pace, act.paceFactor);
  const body = step.dose.kind === 'reps' ? repetitions(step.dose.reps, way, pace) : hold(step.dose.holdSeconds, pace, s);
  const stages = exercise.stages.map((stage) =>
    exercise.stages.length > 1 ? `<s>${text(stage.intro)}</s> ${pause(pace.outMs)} ${body}` : body,
  );
  const hint = act.interruptHint ? `<s>${text(s.interruptHint)}</s> ` : '';
  return `${hint}${stages.join(' ')}`;
}
