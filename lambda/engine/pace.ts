// Pacing of a set: the catalog pace scaled by the caregiver's "slower"/"faster", and how long a set lasts.
import type { Dose, Pace } from '../catalog/schema';

/** "Faster" never goes below the catalog pace (the handout's slow floor); "slower" goes up to twice as slow. */
export const PACE_FACTOR = { min: 1, max: 2, step: 0.25, initial: 1 } as const;
/** The spoken count after each repetition. */
export const REP_COUNT_MS = 1000;

export type EffectivePace = { outMs: number; pauseMs: number; backMs: number };

export function clampPaceFactor(factor: number): number {
  return Math.min(PACE_FACTOR.max, Math.max(PACE_FACTOR.min, factor));
}

export function effectivePace(pace: Pace, paceFactor: number): EffectivePace {
  const factor = clampPaceFactor(paceFactor);
  const ms = (seconds: number) => Math.round(seconds * factor * 1000);
  return { outMs: ms(pace.outSeconds), pauseMs: ms(pace.pauseSeconds), backMs: ms(pace.backSeconds) };
}

/** Milliseconds of silence in one stage of a set: each repetition's movement, with a gap after each count but the last. */
export function stageMovementMs(dose: Dose, pace: EffectivePace): number {
  if (dose.kind === 'reps') return dose.reps * (pace.outMs + pace.pauseMs + pace.backMs) + (dose.reps - 1) * REP_COUNT_MS;
  return pace.outMs + dose.holdSeconds * 1000 + pace.backMs;
}

/**
 * The silences of a whole set, exactly as the speech layer renders them. With two stages, each is
 * introduced and followed by time to reposition the limb. A step command before this has passed interrupted the set.
 */
export function setMovementMs(dose: Dose, pace: EffectivePace, stageCount: number): number {
  const repositionMs = stageCount > 1 ? stageCount * pace.outMs : 0;
  return stageCount * stageMovementMs(dose, pace) + repositionMs;
}

export function doseAmount(dose: Dose): number {
  return dose.kind === 'reps' ? dose.reps : dose.holdSeconds;
}
