// Which engine event each intent means. Slots are parsed here, at the edge, never in the engine.
import type { RequestEnvelope } from 'ask-sdk-model';
import { getSlotValue } from 'ask-sdk-core';
import { BODY_PART_IDS, URGENT_BODY_WORDS } from '../catalog/body-parts';
import { EXERCISE_IDS, exerciseIdsInGroup } from '../catalog/catalog';
import { GROUPS, SIDES } from '../catalog/schema';
import { addDays } from '../engine/day';
import { ROUTINES, type PlanChange, type RoutineEvent } from '../engine/types';
import { INTENTS, SLOTS, type IntentName } from '../intents';
import { errorFields } from '../logger';
import { boundedNumberSlot, resolvedChoice, timeSlot } from './slots';
import type { EventSource, TurnIO } from './turn';

type EventFor = (envelope: RequestEnvelope) => EventSource;

const simple = (event: RoutineEvent): EventFor => () => event;
const notUnderstood: RoutineEvent = { type: 'FallbackHeard' };

/** The exercises a plan-change intent names: one exercise, or a group of them. */
function namedExercises(e: RequestEnvelope): { exerciseIds: string[]; group: string | null } | null {
  const exerciseId = resolvedChoice(e, SLOTS.exercise, EXERCISE_IDS);
  if (exerciseId !== null) return { exerciseIds: [exerciseId], group: null };
  const group = resolvedChoice(e, SLOTS.region, GROUPS);
  return group === null ? null : { exerciseIds: exerciseIdsInGroup(group), group };
}

function planChange(build: (e: RequestEnvelope) => PlanChange | null): EventFor {
  return (e) => {
    const change = build(e);
    return change === null ? notUnderstood : { type: 'PlanChangeRequested', change };
  };
}

/** Pain, said in any words; in the chest, the heart or the breath it is an emergency. StrongPain has no severity slot. */
function painEvent(e: RequestEnvelope, strongWords: boolean): RoutineEvent {
  // The heard words are only tested here, never kept or logged.
  if (URGENT_BODY_WORDS.test(getSlotValue(e, SLOTS.bodyPart) ?? '')) return { type: 'EmergencyReported' };
  return { type: 'PainReported', bodyPart: resolvedChoice(e, SLOTS.bodyPart, BODY_PART_IDS), severity: boundedNumberSlot(e, SLOTS.severity, 0, 10), strongWords };
}

/** The week's history is read only for a weekly summary, with one Query; a failed read still answers. */
async function weekHistory(io: TurnIO) {
  try {
    return await io.deps.stores.history.queryDays(io.userKey, addDays(io.today, -6), io.today, io.deadline);
  } catch (error) {
    io.deps.logger.error('history.read_failed', { requestId: io.requestId, userKey: io.userKey, error: errorFields(error) });
    return [];
  }
}

export const INTENT_EVENTS: Record<IntentName, EventFor> = {
  [INTENTS.startRoutine]: (e) => ({ type: 'StartRoutineRequested', routine: resolvedChoice(e, SLOTS.routine, ROUTINES) }),
  [INTENTS.ready]: simple({ type: 'ReadyRequested' }),
  [INTENTS.skip]: (e) => {
    const group = resolvedChoice(e, SLOTS.region, GROUPS);
    return group === null ? { type: 'SkipRequested' } : { type: 'SkipGroupRequested', group, exerciseIds: exerciseIdsInGroup(group) };
  },
  [INTENTS.goToExercise]: (e) => {
    const exerciseId = resolvedChoice(e, SLOTS.exercise, EXERCISE_IDS);
    return exerciseId === null ? notUnderstood : { type: 'GoToRequested', exerciseId, side: resolvedChoice(e, SLOTS.side, SIDES) };
  },
  [INTENTS.slower]: simple({ type: 'PaceChangeRequested', direction: 'slower' }),
  [INTENTS.faster]: simple({ type: 'PaceChangeRequested', direction: 'faster' }),
  [INTENTS.speakSlower]: simple({ type: 'VoiceRateChangeRequested', direction: 'slower' }),
  [INTENTS.speakNormal]: simple({ type: 'VoiceRateChangeRequested', direction: 'normal' }),
  [INTENTS.reportPain]: (e) => painEvent(e, false),
  [INTENTS.strongPain]: (e) => painEvent(e, true),
  [INTENTS.emergency]: simple({ type: 'EmergencyReported' }),
  [INTENTS.summary]: (e) =>
    resolvedChoice(e, SLOTS.period, ['today', 'week'] as const) === 'week'
      ? async (io) => ({ type: 'SummaryRequested', period: 'week', history: await weekHistory(io) })
      : { type: 'SummaryRequested', period: 'today', history: [] },
  [INTENTS.whatsLeft]: simple({ type: 'WhatsLeftRequested' }),
  [INTENTS.lastStoppedEarly]: simple({ type: 'LastStoppedEarlyRequested' }),
  [INTENTS.whatsNext]: simple({ type: 'WhatsNextRequested' }),
  [INTENTS.tired]: simple({ type: 'EndEarlyRequested', reason: 'fatigue' }),
  [INTENTS.warningSign]: simple({ type: 'WarningSignReported' }),
  [INTENTS.endEarly]: simple({ type: 'EndEarlyRequested', reason: null }),
  [INTENTS.leaveOut]: planChange((e) => {
    const named = namedExercises(e);
    return named === null ? null : { kind: 'leaveOut', ...named };
  }),
  [INTENTS.putBack]: planChange((e) => {
    const named = namedExercises(e);
    return named === null ? null : { kind: 'putBack', ...named };
  }),
  [INTENTS.setReps]: (e) => {
    const exerciseId = resolvedChoice(e, SLOTS.exercise, EXERCISE_IDS);
    const reps = boundedNumberSlot(e, SLOTS.count, 0, 1000);
    if (reps === null) return notUnderstood;
    return exerciseId === null
      ? { type: 'CurrentExerciseChangeRequested', change: { kind: 'setReps', reps } }
      : { type: 'PlanChangeRequested', change: { kind: 'setReps', exerciseId, reps } };
  },
  [INTENTS.useHold]: (e) => {
    const exerciseId = resolvedChoice(e, SLOTS.exercise, EXERCISE_IDS);
    return exerciseId === null
      ? { type: 'CurrentExerciseChangeRequested', change: { kind: 'useHold' } }
      : { type: 'PlanChangeRequested', change: { kind: 'useHold', exerciseId } };
  },
  [INTENTS.whatsThePlan]: simple({ type: 'PlanRequested' }),
  [INTENTS.setReminder]: (e) => ({ type: 'ReminderRequested', time: timeSlot(e, SLOTS.time) }),
  [INTENTS.cancelReminder]: simple({ type: 'ReminderCancelRequested' }),
  [INTENTS.reportCode]: simple({ type: 'ReportCodeRequested' }),
  [INTENTS.doItAgain]: simple({ type: 'AnotherSetRequested' }),
  // The custom twins: the very event of their built-in (lambda/intents.ts TWIN_OF_BUILT_IN).
  [INTENTS.nextStep]: simple({ type: 'NextRequested' }),
  [INTENTS.goBack]: simple({ type: 'PreviousRequested' }),
  [INTENTS.repeatThat]: simple({ type: 'RepeatRequested' }),
  [INTENTS.startAgain]: simple({ type: 'StartOverRequested' }),
  [INTENTS.pauseRoutine]: simple({ type: 'PauseRequested' }),
  [INTENTS.carryOn]: simple({ type: 'ResumeRequested' }),
  [INTENTS.agree]: simple({ type: 'YesSaid' }),
  [INTENTS.helpMe]: simple({ type: 'HelpRequested' }),
  [INTENTS.goodbye]: simple({ type: 'StopRequested' }),
  [INTENTS.next]: simple({ type: 'NextRequested' }),
  [INTENTS.previous]: simple({ type: 'PreviousRequested' }),
  [INTENTS.repeat]: simple({ type: 'RepeatRequested' }),
  [INTENTS.startOver]: simple({ type: 'StartOverRequested' }),
  [INTENTS.pause]: simple({ type: 'PauseRequested' }),
  [INTENTS.resume]: simple({ type: 'ResumeRequested' }),
  [INTENTS.yes]: simple({ type: 'YesSaid' }),
  [INTENTS.no]: simple({ type: 'NoSaid' }),
  [INTENTS.help]: simple({ type: 'HelpRequested' }),
  [INTENTS.stop]: simple({ type: 'StopRequested' }),
  [INTENTS.cancel]: simple({ type: 'StopRequested' }),
  [INTENTS.navigateHome]: simple({ type: 'StopRequested' }),
  [INTENTS.fallback]: simple(notUnderstood),
};

export function eventForIntent(intentName: string, envelope: RequestEnvelope): EventSource {
  const eventFor = (INTENT_EVENTS as Record<string, EventFor | undefined>)[intentName];
  return eventFor === undefined ? notUnderstood : eventFor(envelope);
}
