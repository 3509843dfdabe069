// Which engine event each intent means. Slots are parsed here, at the edge, never in the engine.
import type { RequestEnvelope } from 'ask-sdk-model';
import { EXERCISE_IDS } from '../catalog/catalog';
import { SIDES } from '../catalog/schema';
import { ROUTINES, type RoutineEvent } from '../engine/types';
import { INTENTS, SLOTS, type IntentName } from '../intents';
import { boundedNumberSlot, resolvedChoice, resolvedSlotId } from './slots';

type EventFor = (envelope: RequestEnvelope) => RoutineEvent;

const simple = (event: RoutineEvent): EventFor => () => event;

export const INTENT_EVENTS: Record<IntentName, EventFor> = {
  [INTENTS.startRoutine]: (e) => ({ type: 'StartRoutineRequested', routine: resolvedChoice(e, SLOTS.routine, ROUTINES) }),
  [INTENTS.ready]: simple({ type: 'ReadyRequested' }),
  [INTENTS.skip]: simple({ type: 'SkipRequested' }),
  [INTENTS.goToExercise]: (e) => {
    const exerciseId = resolvedChoice(e, SLOTS.exercise, EXERCISE_IDS);
    return exerciseId === null
      ? { type: 'FallbackHeard' }
      : { type: 'GoToRequested', exerciseId, side: resolvedChoice(e, SLOTS.side, SIDES) };
  },
  [INTENTS.slower]: simple({ type: 'PaceChangeRequested', direction: 'slower' }),
  [INTENTS.faster]: simple({ type: 'PaceChangeRequested', direction: 'faster' }),
  [INTENTS.speakSlower]: simple({ type: 'VoiceRateChangeRequested', direction: 'slower' }),
  [INTENTS.speakNormal]: simple({ type: 'VoiceRateChangeRequested', direction: 'normal' }),
  [INTENTS.reportPain]: (e) => ({
    type: 'PainReported',
    bodyPart: resolvedSlotId(e, SLOTS.bodyPart),
    severity: boundedNumberSlot(e, SLOTS.severity, 0, 10),
  }),
  [INTENTS.emergency]: simple({ type: 'EmergencyReported' }),
  [INTENTS.summary]: simple({ type: 'SummaryRequested' }),
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
  [INTENTS.fallback]: simple({ type: 'FallbackHeard' }),
};

export function eventForIntent(intentName: string, envelope: RequestEnvelope): RoutineEvent {
  const eventFor = (INTENT_EVENTS as Record<string, EventFor | undefined>)[intentName];
  return eventFor === undefined ? { type: 'FallbackHeard' } : eventFor(envelope);
}
