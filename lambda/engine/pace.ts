// Pacing of a set: the catalog pace scaled by the caregiver's "slower"/"faster" (how long it lasts: set-timeline.ts).
import { HOLD_MOVE_IN_SECONDS, type Dose, type Pace } from '../catalog/schema';

/**
 * "Faster" never goes below the catalog pace, which is at or above its class's floor (schema.ts PACE_FLOOR);
 * "slower" goes up to twice as slow.
 */
export const PACE_FACTOR = { min: 1, max: 2, step: 0.25, initial: 1 } as const;
/** moveInMs: into a hold, or into the next stage's position; never shorter than an "out" beat. */
export type EffectivePace = { outMs: number; pauseMs: number; backMs: number; moveInMs: number };

export function clampPaceFactor(factor: number): number {
  return Math.min(PACE_FACTOR.max, Math.max(PACE_FACTOR.min, factor));
}

export function effectivePace(pace: Pace, paceFactor: number): EffectivePace {
  const factor = clampPaceFactor(paceFactor);
  const ms = (seconds: number) => Math.round(seconds * factor * 1000);
  return {
    outMs: ms(pace.outSeconds),
    pauseMs: ms(pace.pauseSeconds),
    backMs: ms(pace.backSeconds),
    moveInMs: ms(Math.max(HOLD_MOVE_IN_SECONDS, pace.outSeconds)),
  };
}

export function doseAmount(dose: Dose): number {
  return dose.kind === 'reps' ? dose.reps : dose.holdSeconds;
}

/** The same kind of dose with another amount: repetitions, or seconds of hold. */
export function withAmount(dose: Dose, amount: number): Dose {
  return dose.kind === 'reps' ? { kind: 'reps', reps: amount } : { ...dose, holdSeconds: amount };
}
