// Pacing of a set: the catalog pace scaled by the caregiver's "slower"/"faster" (how long it lasts: set-timeline.ts).
import type { Dose, Pace } from '../catalog/schema';

/** "Faster" never goes below the catalog pace (the handout's slow floor); "slower" goes up to twice as slow. */
export const PACE_FACTOR = { min: 1, max: 2, step: 0.25, initial: 1 } as const;
export type EffectivePace = { outMs: number; pauseMs: number; backMs: number };

export function clampPaceFactor(factor: number): number {
  return Math.min(PACE_FACTOR.max, Math.max(PACE_FACTOR.min, factor));
}

export function effectivePace(pace: Pace, paceFactor: number): EffectivePace {
  const factor = clampPaceFactor(paceFactor);
  const ms = (seconds: number) => Math.round(seconds * factor * 1000);
  return { outMs: ms(pace.outSeconds), pauseMs: ms(pace.pauseSeconds), backMs: ms(pace.backSeconds) };
}

export function doseAmount(dose: Dose): number {
  return dose.kind === 'reps' ? dose.reps : dose.holdSeconds;
}
