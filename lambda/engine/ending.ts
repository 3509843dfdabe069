// Ending early: "she's tired" stops at once; "that's enough for today" may offer to finish the other side first.
import { settleDelivered, todaysSteps, type Move } from './moves';
import { stepKey } from './plan';
import { askToFinishOtherSide, sessionClosed, withDay } from './position';
import { activeStep } from './safety';
import type { RoutineState, TurnContext } from './types';

/** Ends today's session early; the reason (fatigue) is kept only with health details opted in. */
export function endNow(state: RoutineState, reason: 'fatigue' | null, ctx: TurnContext): Move {
  const settled = settleDelivered(state, ctx);
  const endReason = ctx.recordHealthDetails ? (reason ?? settled.today.endReason) : null;
  return {
    state: withDay(sessionClosed(settled), { endedEarly: true, endReason }),
    acts: [{ type: 'EndedEarly', tired: reason === 'fatigue' }],
    close: 'goodbye',
  };
}

export function endEarly(state: RoutineState, reason: 'fatigue' | null, ctx: TurnContext, confirmed = false): Move {
  const step = activeStep(state);
  // Tiredness ends the session at once (the handout: avoid fatigue); only "that's enough" may offer the other side.
  if (confirmed || reason === 'fatigue' || !ctx.planKnown || step === null || step.side === null || state.today.phase === 'stoppedForPain') return endNow(state, reason, ctx);
  const otherSide = todaysSteps(state, ctx).find(
    (s) => s.exerciseId === step.exerciseId && s.side !== step.side && state.today.outcomes[stepKey(s)] === undefined,
  );
  if (otherSide === undefined) return endNow(state, reason, ctx);
  const withReason = ctx.recordHealthDetails && reason !== null ? withDay(state, { endReason: reason }) : state;
  const asking = askToFinishOtherSide(settleDelivered(withReason, ctx), { kind: 'endEarly', otherSide: { exerciseId: otherSide.exerciseId, side: otherSide.side } });
  return asking === null ? endNow(state, reason, ctx) : { state: asking, acts: [] };
}
