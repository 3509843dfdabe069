// Which prompt ends a turn that keeps the session open: the question pending, else what the phase awaits.
import { currentPlanned, ref, stepAfter } from './moves';
import type { Act, PromptKind, RoutineState, StepRef, TurnContext } from './types';

export function promptFor(state: RoutineState, ctx: TurnContext): Extract<Act, { type: 'Prompt' }> {
  const current = state.today.current === null ? null : ref(state.today.current);
  const following = (): StepRef | null => {
    const after = stepAfter(state, ctx);
    return after === null ? null : ref(after);
  };
  const prompt = (kind: PromptKind, next: StepRef | null) => ({ type: 'Prompt' as const, prompt: kind, next });
  const question = state.today.question;
  switch (question?.kind) {
    case 'chooseRoutine':
      return prompt('chooseRoutine', null);
    case 'continueOrRestart':
      return prompt('continueOrRestart', current);
    case 'wasSetFinished':
      return prompt('wasSetFinished', current);
    case 'wantSummary':
      return prompt('wantSummary', null);
    case 'secondRound':
      return prompt('secondRound', null);
    case 'planChange':
      return { ...prompt('confirmPlanChange', null), change: question.change };
    case 'leaveOutUntilReview':
      return prompt('leaveOutUntilReview', { exerciseId: question.exerciseId, side: null });
    case 'endEarly':
      return prompt('endEarly', question.otherSide);
    case 'confirmReminder':
    case 'reminderPermission':
      return {
        ...prompt('confirmReminder', null),
        time: { hour: question.hour, minute: question.minute },
        ...(state.reminder === null ? {} : { replaces: { hour: state.reminder.hour, minute: state.reminder.minute } }),
      };
    case 'offerRest':
      return { ...prompt('offerRest', null), routine: question.routine };
    case 'checkedAfterEmergency':
    case 'checkedAfterWarningSign':
      return prompt(question.kind, null);
    case 'confirmHands':
      return { ...prompt('confirmHands', current), exerciseIds: question.exerciseIds };
    case 'anotherSet':
      return { ...prompt('anotherSet', current), dose: question.dose };
    case 'skipAfterPain':
      return prompt('afterPain', following());
    case undefined:
      break;
  }
  switch (state.today.phase) {
    case 'choosing':
      return prompt('chooseRoutine', null);
    case 'settingUp': {
      const planned = currentPlanned(state, ctx);
      return prompt('sayReady', planned === null ? current : ref(planned));
    }
    case 'setDelivered':
      return prompt('afterSet', following());
    case 'stoppedForPain':
      return prompt('afterPain', following());
    case 'finished':
      return prompt('routineDone', null);
  }
}
