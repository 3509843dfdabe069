// One set, beat by beat: the words and silences the speech layer renders and the engine times, from one function,
// so "was this set cut short?" is judged against everything the caregiver hears, not only the pauses.
import { exerciseById } from '../catalog/catalog';
import type { Movement } from '../catalog/schema';
import { SET_WORDS } from '../catalog/set-words';
import type { EffectivePace } from './pace';
import { countWords, wordsMs } from './spoken-time';
import type { PlannedStep } from './types';

/** The spoken count after each repetition is followed by this gap, but the last. */
export const REP_GAP_MS = 1000;
/**
 * Holds are counted aloud every this many seconds, however long: ten seconds of silence while holding a straight
 * leg feels as if the device had stopped (review of 2026-12).
 */
export const HOLD_COUNT_EVERY_S = 5;

export type Beat =
  /** A sentence of its own (the interrupt hint, a stage's introduction, the closing action). */
  | { kind: 'sentence'; text: string }
  | { kind: 'words'; text: string }
  | { kind: 'count'; n: number }
  | { kind: 'silence'; ms: number };

/** One repetition: an arc out and back; a sweep to one end, the middle, the other end and the middle again. */
function repetition(movement: Movement, pace: EffectivePace): Beat[] {
  const toEnd = (text: string): Beat[] => [{ kind: 'words', text }, { kind: 'silence', ms: pace.outMs + pace.pauseMs }];
  const toStart = (text: string): Beat[] => [{ kind: 'words', text }, { kind: 'silence', ms: pace.backMs }];
  return movement.kind === 'arc'
    ? [...toEnd(movement.out), ...toStart(movement.back)]
    : [...toEnd(movement.one), ...toStart(movement.middle), ...toEnd(movement.other), ...toStart(movement.middle)];
}

function repetitions(count: number, movement: Movement, pace: EffectivePace): Beat[] {
  const beats: Beat[] = [];
  for (let i = 1; i <= count; i += 1) {
    beats.push(...repetition(movement, pace), { kind: 'count', n: i });
    if (i < count) beats.push({ kind: 'silence', ms: REP_GAP_MS });
  }
  return beats;
}

function hold(seconds: number, pace: EffectivePace): Beat[] {
  const beats: Beat[] = [{ kind: 'words', text: SET_WORDS.holdMoveIn }, { kind: 'silence', ms: pace.moveInMs }, { kind: 'words', text: SET_WORDS.holdNow }];
  for (let done = 0; done < seconds; ) {
    const step = Math.min(HOLD_COUNT_EVERY_S, seconds - done);
    done += step;
    beats.push({ kind: 'silence', ms: step * 1000 }, { kind: 'count', n: done });
  }
  beats.push({ kind: 'words', text: SET_WORDS.holdEaseBack }, { kind: 'silence', ms: pace.backMs });
  return beats;
}

/**
 * The whole set: the interrupt hint once a session, each stage (introduced, with time to change position, when
 * there are two), and the closing action after the last count, with time to do it.
 */
export function setTimeline(step: PlannedStep, pace: EffectivePace, interruptHint: boolean): Beat[] {
  const exercise = exerciseById(step.exerciseId);
  const way = exercise.ways.find((w) => w.id === step.wayId) ?? exercise.ways[0]!;
  const body = step.dose.kind === 'reps' ? repetitions(step.dose.reps, way.movement, pace) : hold(step.dose.holdSeconds, pace);
  const stages = exercise.stages.flatMap((stage): Beat[] =>
    exercise.stages.length > 1 ? [{ kind: 'sentence', text: stage.intro }, { kind: 'silence', ms: pace.moveInMs }, ...body] : body,
  );
  const closing: Beat[] = way.closing === undefined ? [] : [{ kind: 'sentence', text: way.closing }, { kind: 'silence', ms: pace.backMs }];
  return [...(interruptHint ? [{ kind: 'sentence' as const, text: SET_WORDS.interruptHint }] : []), ...stages, ...closing];
}

/** Numbers up to twenty and whole tens are one word; the rest ("twenty five") two. */
const countWordsOf = (n: number) => (n <= 20 || n % 10 === 0 ? 1 : 2);

/** How long the set plays, words and silences, at the caregiver's voice rate. */
export function timelineMs(beats: readonly Beat[], voiceRatePercent: number): number {
  let silence = 0;
  let words = 0;
  for (const beat of beats) {
    if (beat.kind === 'silence') silence += beat.ms;
    else words += beat.kind === 'count' ? countWordsOf(beat.n) : countWords(beat.text);
  }
  return silence + wordsMs(words, voiceRatePercent);
}
