// Answers that inform without moving the routine: summaries, what's left, what's next, help.
import { assertNever } from './assert-never';
import { daysBetween } from './day';
import { ref, stepAfter, type Move } from './moves';
import { sameStep, stepOfKey } from './plan';
import { summarizeDay } from './summary';
import type { ContentAct, DayRecord, PainDetail, RoutineEvent, RoutineState, TurnContext, WeekSummary } from './types';

type InformationalEvent = Extract<
  RoutineEvent,
  { type: 'SummaryRequested' | 'WhatsLeftRequested' | 'LastStoppedEarlyRequested' | 'WhatsNextRequested' | 'HelpRequested' | 'FallbackHeard' }
>;

/** The 7 local days ending today: which had work, what stopped early, and (opted in) fatigue. */
export function weekSummary(state: RoutineState, history: readonly DayRecord[], ctx: TurnContext): WeekSummary {
  const today: DayRecord = { ...state.today, endedAtMs: null };
  // The day this turn closed, and one whose history write has not landed yet, are not in the history read.
  const closed: DayRecord[] = [...(ctx.justClosed === null ? [] : [{ ...ctx.justClosed, endedAtMs: null }]), ...(state.unfiledDay === null ? [] : [state.unfiledDay])];
  const earlier = [...history, ...closed.filter((c) => !history.some((d) => d.day === c.day))];
  const days = [...earlier.filter((d) => d.day !== ctx.today && daysBetween(d.day, ctx.today) < 7), today];
  const worked = days.filter((d) => Object.values(d.outcomes).some((o) => o.outcome === 'completed'));
  const stoppedEarly = days.flatMap((d) =>
    Object.entries(d.outcomes)
      .filter(([, o]) => o.outcome === 'stoppedEarly')
      .map(([key]) => ({ day: d.day, step: stepOfKey(key) })),
  );
  return {
    daysExercised: worked.length,
    stoppedEarly,
    fatigueDays: days.filter((d) => d.endReason === 'fatigue').length,
    endedEarlyDays: days.filter((d) => d.endedEarly).length,
  };
}

export function summaryAct(state: RoutineState, ctx: TurnContext, history: readonly DayRecord[] | null): ContentAct {
  const pain: PainDetail[] = ctx.recordHealthDetails
    ? state.today.painReports.map((r) => ({ step: r.stepKey === null ? null : stepOfKey(r.stepKey), bodyPart: r.bodyPart, severity: r.severity }))
    : [];
  return {
    type: 'Summary',
    today: ctx.today,
    summary: summarizeDay(state.today, ctx.program),
    week: history === null ? null : weekSummary(state, history, ctx),
    pain,
    reviewedOn: ctx.program.reviewedOn,
  };
}

export function informational(state: RoutineState, event: InformationalEvent, ctx: TurnContext): Move {
  switch (event.type) {
    case 'SummaryRequested':
      return { state, acts: [summaryAct(state, ctx, event.period === 'week' ? event.history : null)] };
    case 'WhatsLeftRequested': {
      // A set just counted is behind the caregiver, even before "next" confirms it.
      const heard = state.today.phase === 'setDelivered' ? state.today.current : null;
      const remaining = summarizeDay(state.today, ctx.program).remaining.filter((s) => heard === null || !sameStep(s, heard));
      return { state, acts: [{ type: 'WhatsLeft', remaining }] };
    }
    case 'LastStoppedEarlyRequested':
      return { state, acts: [{ type: 'LastStoppedEarly', last: state.lastStoppedEarly, today: ctx.today }] };
    case 'WhatsNextRequested': {
      const inSetUp = state.today.phase === 'settingUp' && state.today.current !== null;
      const next = inSetUp ? state.today.current : stepAfter(state, ctx);
      return { state, acts: [{ type: 'WhatsNext', next: next === null ? null : ref(next) }] };
    }
    case 'HelpRequested':
      return { state, acts: [{ type: 'Help', phase: state.today.phase }] };
    case 'FallbackHeard':
      return { state, acts: [{ type: 'NotUnderstood', phase: state.today.phase }] };
    default:
      return assertNever(event);
  }
}
