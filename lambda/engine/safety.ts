// Pain and emergencies: stop at once, record only that the step stopped early unless health details are opted in.
import { advance, record, recordSkipped, ref, stepAfter, type Move } from './moves';
import { skipAfterPainOffer } from './pain-scope';
import { stepKey } from './plan';
import { ask, at, offerSkipAfterPain, stoppedForPain, withDay } from './position';
import { MAX_PAIN_REPORTS_PER_DAY } from './state';
import type { ContentAct, DayProgress, RoutineState, SkipScope, StepRef, TurnContext } from './types';

const ACTIVE_PHASES: ReadonlySet<string> = new Set(['settingUp', 'setDelivered', 'stoppedForPain']);
/** Stopping the same exercise this often within a week suggests talking to the therapist. */
export const STOPS_BEFORE_SUGGESTING_THERAPIST = 2;

export function activeStep(state: RoutineState): StepRef | null {
  return ACTIVE_PHASES.has(state.today.phase) ? state.today.current : null;
}

/** Marks the active step stopped early; what was delivered before the stop counts only if the set had ended. */
export function stopEarly(state: RoutineState, ctx: TurnContext): RoutineState {
  const step = activeStep(state);
  if (step === null) return state;
  const { delivered } = state.today;
  const amount = delivered !== null && ctx.nowMs >= delivered.endsAtMs ? delivered.amount : 0;
  const stopped = record(state, step, 'stoppedEarly', amount);
  return at(stopped, stoppedForPain(ref(step)));
}

/** Pain this strong is advice to stop for today and call the doctor if it does not settle. */
export const STRONG_PAIN_SEVERITY = 7;

export function pain(state: RoutineState, bodyPart: string | null, severity: number | null, ctx: TurnContext, strongWords = false): Move {
  const step = activeStep(state);
  const strong = strongWords || (severity !== null && severity >= STRONG_PAIN_SEVERITY);
  // Already stopped for pain: "she says her knee hurts" after "ow, stop" is the same incident, not a second stop.
  const sameIncident = state.today.phase === 'stoppedForPain';
  let stopped = sameIncident ? state : stopEarly(state, ctx);
  if (ctx.recordHealthDetails) {
    const report = { stepKey: step === null ? null : stepKey(step), bodyPart, severity, atMs: ctx.nowMs };
    const reports = [...stopped.today.painReports, report].slice(-MAX_PAIN_REPORTS_PER_DAY);
    stopped = withDay(stopped, { painReports: reports });
  }
  if (step === null) return { state: stopped, acts: [{ type: 'PainStop', step: null, next: null, strong, skip: null }] };
  const after = ctx.planKnown ? stepAfter(stopped, ctx) : null;
  const stopAct = (skip: SkipScope | null): ContentAct => ({ type: 'PainStop', step: ref(step), next: after === null ? null : ref(after), strong, skip });
  const suggestTherapist = !sameIncident && (stopped.recentStops[step.exerciseId]?.length ?? 0) >= STOPS_BEFORE_SUGGESTING_THERAPIST;
  if (suggestTherapist) {
    // Stopped often this week: leaving it out until the therapist has seen it is the one question asked.
    const asking = ask(stopped, { kind: 'leaveOutUntilReview', exerciseId: step.exerciseId });
    return { state: asking, acts: [stopAct(null), { type: 'TherapistSuggested', exerciseId: step.exerciseId }] };
  }
  // "Skip" then leaves out the rest of that limb, or what moves the part named, for today.
  const offer = ctx.planKnown ? skipAfterPainOffer(stopped, step, bodyPart, ctx) : null;
  const offered = offer === null ? null : offerSkipAfterPain(stopped, { kind: 'skipAfterPain', steps: offer.steps });
  // The offer is spoken only when "skip" can take it up.
  if (offer === null || offered === null) return { state: stopped, acts: [stopAct(null)] };
  return { state: offered, acts: [stopAct(offer.scope)] };
}

/** "Skip" after pain: the offered steps are left out for the rest of today (recorded as skipped), and the routine moves on. */
export function skipAfterPain(state: RoutineState, steps: readonly StepRef[], ctx: TurnContext): Move {
  const marked = recordSkipped(state, steps);
  const left = withDay(marked, { leftAfterPain: [...new Set([...marked.today.leftAfterPain, ...steps.map(stepKey)])] });
  const moved = advance(left, ctx);
  return { state: moved.state, acts: [{ type: 'LeftAfterPain', count: steps.length }, ...moved.acts] };
}

/**
 * A warning sign stops the step (recorded, like any stop, without why) and ends the session so they can rest; the
 * day remembers it, so a relaunch today asks first whether it has passed.
 */
export function warningSign(state: RoutineState, ctx: TurnContext): Move {
  return { state: withDay(stopEarly(state, ctx), { afterWarningSign: true }), acts: [{ type: 'WarningSign' }], close: 'goodbye' };
}

/**
 * After an emergency or a warning sign today, nothing starts or moves on before its question gets a yes: the day's
 * flag that keeps it due, and what is said when it is asked and when it is declined. The emergency is asked first.
 */
export const SAFETY_CHECKS = {
  checkedAfterEmergency: { flag: 'afterEmergency', asked: 'AfterEmergencyCheck', declined: 'AfterEmergencyStop' },
  checkedAfterWarningSign: { flag: 'afterWarningSign', asked: 'AfterWarningSignCheck', declined: 'AfterWarningSignStop' },
} as const satisfies Record<string, { flag: keyof DayProgress; asked: ContentAct['type']; declined: ContentAct['type'] }>;
export type SafetyCheck = keyof typeof SAFETY_CHECKS;

/** The question today waits on before anything else, if any. */
export function checkDue(today: DayProgress): SafetyCheck | null {
  const due = (Object.keys(SAFETY_CHECKS) as SafetyCheck[]).find((kind) => today[SAFETY_CHECKS[kind].flag]);
  return due ?? null;
}

export const askCheck = (state: RoutineState, kind: SafetyCheck): Move => ({ state: ask(state, { kind }), acts: [{ type: SAFETY_CHECKS[kind].asked }] });

export function emergency(state: RoutineState, ctx: TurnContext): Move {
  return { state: withDay(stopEarly(state, ctx), { afterEmergency: true }), acts: [{ type: 'Emergency' }], close: 'emergency' };
}
