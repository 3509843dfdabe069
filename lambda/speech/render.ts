// Acts -> speech: the one place that decides how the skill sounds. Returns SSML without <speak>.
import { exerciseById } from '../catalog/catalog';
import type { CloseAct, ContentAct, PromptAct, PromptKind, SkipScope } from '../engine/types';
import { stringsFor } from './locale-strings';
import type { LocaleStrings } from './locales/en-US';
import { renderSet, renderSetUp } from './set-speech';
import { numberWord, text, withVoiceRate } from './ssml';
import { capitalize, exerciseName, stepName } from './step-names';
import { spokenDate } from './calendar-words';
import { confirmChange, planChanged, planDescribed, planRefused } from './plan-speech';
import { spokenWhen, summaryCard, summaryLines, whatsLeft } from './summary-speech';

export type Rendered = {
  speech: string;
  reprompt: string | null;
  endSession: boolean;
  card: { title: string; text: string } | null;
  /** Alexa asks for the reminders permission by voice (AskFor), or a consent card goes to the app. */
  permission: 'askByVoice' | 'card' | null;
};

export type RenderOptions = {
  locale: string;
  voiceRatePercent: number;
  /** False when this turn's write failed for good: closing words then do not claim the progress is saved. */
  progressSaved?: boolean;
};

const sentence = (line: string) => `<s>${text(line)}</s>`;

/** Past this, the whole routine's opening says the legs and arms can be done at different times. */
const LONG_ROUTINE_MINUTES = 40;

function renderContent(act: ContentAct, s: LocaleStrings, saved: boolean): string {
  switch (act.type) {
    case 'Intro':
      return [act.withPlan ? s.intro(s.therapist) : s.introWithoutPlan(s.therapist), s.resistanceExplained].map(sentence).join(' ');
    case 'Welcome':
      return sentence(s.welcome);
    case 'NewDay':
      return sentence(s.newDay(act.previous));
    case 'WelcomeBack':
      return sentence(s.welcomeBack);
    case 'RoutineStarted':
      return [
        act.onlyWhatIsLeft ? s.routineLeftStarted(act.routine, act.stepCount, act.minutes) : s.routineStarted(act.routine, act.stepCount, act.minutes),
        ...(act.routine === 'everything' && act.minutes > LONG_ROUTINE_MINUTES ? [s.longRoutine] : []),
      ]
        .map(sentence)
        .join(' ');
    case 'SetUp':
      return renderSetUp(act, s);
    case 'Set':
      return renderSet(act);
    case 'SetFinished':
      return sentence(s.setFinished(stepName(act.step)));
    case 'Skipped':
      return sentence(s.skipped(exerciseName(act.exerciseId)));
    case 'PainStop':
      return [
        act.step === null ? s.painStopNoStep(s.therapist) : s.painStop(s.therapist),
        ...(act.strong ? [s.strongPain] : []),
        ...(act.skip === null ? [] : [s.skipAfterPain(skipScopeWords(act.skip, s))]),
      ]
        .map(sentence)
        .join(' ');
    case 'LeftAfterPain':
      return sentence(s.leftAfterPain(act.count));
    case 'HandsCheck':
      return sentence(isNeck(act.exerciseIds) ? s.handsCheck(s.handsCheckNeck, true) : s.handsCheck(exerciseName(act.exerciseIds[0] ?? ''), false));
    case 'AnotherSetRefused':
      return sentence(act.reason === 'once' ? s.anotherSetOnce(stepName(act.step)) : s.anotherSetFullDose(exerciseName(act.step.exerciseId)));
    case 'Emergency':
      return sentence(s.emergency(s.emergencyNumber));
    case 'NotAgainToday':
      return sentence(s.notAgainToday(exerciseName(act.exerciseId)));
    case 'WarningSign':
      return sentence(s.warningSign(s.emergencyNumber));
    case 'LastRoutineOffered':
      return sentence(s.lastRoutineOffered(act.routine));
    case 'AfterEmergencyCheck':
      return sentence(s.afterEmergencyCheck);
    case 'AfterEmergencyStop':
      return sentence(s.afterEmergencyStop);
    case 'AfterWarningSignCheck':
      return sentence(s.afterWarningSignCheck);
    case 'AfterWarningSignStop':
      return sentence(s.afterWarningSignStop);
    case 'PaceChanged':
      return sentence(paceLine(act, s));
    case 'VoiceRateChanged':
      return sentence(act.voiceRatePercent === 100 ? s.voiceNormal : act.limit === 'slowest' ? s.voiceSlowest : s.voiceSlower);
    case 'Paused':
      return sentence(saved ? s.paused : s.pausedUnsaved);
    case 'RoutineFinished': {
      const { routine } = act.summary;
      if (act.rest === null || routine === null) return sentence(s.routineFinished);
      // Steps of this very routine are left (passed over with "go to"): it is not "done".
      const passedOver = act.rest === routine || act.rest === 'everything' || routine === 'everything';
      return sentence(passedOver ? s.routinePassedOver : s.partFinished(routine));
    }
    case 'AlreadyDoneToday':
      return sentence(act.rest === null || act.summary.routine === null ? s.alreadyDoneToday : s.partDoneToday(act.summary.routine));
    case 'RestLater':
      return sentence(s.restLater);
    case 'Summary':
      return summaryLines(act, act.today, s).map(sentence).join(' ');
    case 'WhatsLeft':
      return sentence(whatsLeft(act.remaining, s));
    case 'LastStoppedEarly':
      return sentence(act.last === null ? s.lastStopNone : s.lastStop(stepName(act.last.step), spokenWhen(act.last.day, act.today, s)));
    case 'WhatsNext':
      return sentence(act.next === null ? s.whatsNextNone : s.whatsNext(stepName(act.next)));
    case 'EndedEarly':
      return [...(act.tired ? [s.restAdvice(s.therapist)] : []), saved ? s.endedEarly : s.endedEarlyUnsaved].map(sentence).join(' ');
    case 'PlanChanged':
      return sentence(planChanged(act.change, s));
    case 'PlanChangeRefused':
      return sentence(planRefused(act, s));
    case 'PlanDescribed':
      return planDescribed(act.program, act.excluded, s).map(sentence).join(' ');
    case 'NewPlanInUse':
      return sentence(s.newPlanInUse(`on ${spokenDate(act.reviewedOn)}`, s.therapist, act.voiceChangesCleared));
    case 'ReviewSuggested':
      return sentence(s.reviewSuggested(s.therapist));
    case 'TherapistSuggested':
      return sentence(s.therapistSuggested(exerciseName(act.exerciseId), s.therapist));
    case 'ReminderSet':
      return sentence(s.reminderSet(s.spokenTime(act.hour, act.minute)));
    case 'ReminderCancelled':
      return sentence(s.reminderCancelled);
    case 'NoReminder':
      return sentence(s.noReminder);
    case 'ReminderFailed':
      return sentence(act.reason === 'noZone' ? s.reminderNoZone : s.reminderFailed);
    case 'ReminderNeedsTime':
      return sentence(s.reminderNeedsTime);
    case 'ReminderDeclined':
      return sentence(s.reminderDeclined);
    case 'AskReminderPermission':
      return sentence(s.reminderPermission);
    case 'ReminderPermissionCard':
      return sentence(s.reminderPermissionCard);
    case 'MovedOnElsewhere':
      return sentence(s.movedOnElsewhere);
    case 'SkippedGroup':
      return sentence(s.skippedGroup(s.groupNames[act.group] ?? act.group));
    case 'Help':
      return `${sentence(s.help[act.phase])} ${sentence(s.help.commands)}`;
    case 'NotUnderstood':
      return sentence(act.phase === 'choosing' || act.phase === 'finished' ? s.notUnderstood : s.notUnderstoodInRoutine);
    case 'NotAvailableNow':
      return sentence(s.notAvailable[act.reason]);
    case 'NotInRoutine':
      return sentence(capitalize(s.notInRoutine(exerciseName(act.exerciseId), act.routine)));
    case 'PlanUnavailable':
      return sentence(s.planUnavailable);
    case 'NothingPlanned':
      return sentence(s.nothingPlanned(act.routine, s.therapist));
    case 'Goodbye':
      return sentence(saved ? s.goodbye : s.goodbyeUnsaved);
    case 'ReportCode': {
      if (act.code === null) return sentence(s.reportCode.failed);
      const words = (digits: string) => [...digits].map((d) => s.reportCode.digitWords[Number(d)] ?? d).join(' ');
      return sentence(s.reportCode.said(words(act.code.slice(0, 3)), words(act.code.slice(3))));
    }
  }
}

function reportCodeCard(acts: readonly ContentAct[], s: LocaleStrings): Rendered['card'] {
  const act = acts.find((a) => a.type === 'ReportCode');
  if (act?.type !== 'ReportCode' || act.code === null) return null;
  return { title: s.reportCode.cardTitle, text: s.reportCode.card(`${act.code.slice(0, 3)} ${act.code.slice(3)}`, act.address) };
}

const isNeck = (exerciseIds: readonly string[]) => exerciseIds.length > 0 && exerciseIds.every((id) => exerciseById(id).group === 'neck');

function skipScopeWords(scope: SkipScope, s: LocaleStrings): string {
  switch (scope.kind) {
    case 'limb':
      return s.skipScopeLimb(scope.side, scope.region === 'legs' ? 'leg' : 'arm');
    case 'part':
      return s.skipScopePart(scope.side === null ? scope.part : `${scope.side} ${scope.part}`);
    case 'group':
      return s.skipScopeGroup(s.groupNames[scope.group] ?? scope.group);
  }
}

function paceLine(act: Extract<ContentAct, { type: 'PaceChanged' }>, s: LocaleStrings): string {
  if (act.limit === 'slowest') return s.paceSlowest;
  if (act.limit === 'fastest') return s.paceFastest;
  return act.direction === 'slower' ? s.paceSlower : s.paceFaster;
}

function renderPrompt(prompt: PromptAct, s: LocaleStrings): { speech: string; reprompt: string } {
  const p = s.prompts;
  const { next } = prompt;
  const kind: PromptKind = prompt.prompt;
  const name = next === null ? '' : stepName(next);
  switch (kind) {
    case 'chooseRoutine':
    case 'sayReady':
    case 'routineDone':
    case 'wantSummary':
    case 'secondRound':
      return p[kind];
    case 'afterSet':
      return { speech: next === null ? p.afterSetLast : p.afterSetNext(name), reprompt: p.afterSetReprompt };
    case 'afterPain':
      return { speech: next === null ? p.afterPainLast : p.afterPainNext(name), reprompt: p.afterPainReprompt };
    case 'continueOrRestart':
      return { speech: p.continueOrRestart(name), reprompt: p.continueOrRestartReprompt };
    case 'wasSetFinished':
      return { speech: p.wasSetFinished(name), reprompt: p.yesOrNo };
    case 'confirmPlanChange':
      return { speech: prompt.change === undefined ? p.yesOrNo : confirmChange(prompt.change, s), reprompt: p.yesOrNo };
    case 'leaveOutUntilReview':
      return { speech: p.leaveOutUntilReview(next === null ? '' : exerciseName(next.exerciseId), s.therapist), reprompt: p.yesOrNo };
    case 'endEarly':
      return { speech: p.endEarly(name), reprompt: p.endEarlyReprompt };
    case 'checkedAfterEmergency':
      return { speech: p.checkedAfterEmergency, reprompt: p.safetyCheckReprompt };
    case 'checkedAfterWarningSign':
      return { speech: p.checkedAfterWarningSign, reprompt: p.safetyCheckReprompt };
    case 'confirmHands': {
      const ids = prompt.exerciseIds ?? [];
      const neck = isNeck(ids);
      const what = neck ? p.confirmHandsNeck : p.confirmHandsExercise(exerciseName(ids[0] ?? next?.exerciseId ?? ''));
      return { speech: p.confirmHands(what, neck), reprompt: p.confirmHandsReprompt };
    }
    case 'anotherSet': {
      const dose = prompt.dose;
      const amount = dose === undefined ? '' : dose.kind === 'reps' ? p.anotherSetReps(numberWord(dose.reps)) : p.anotherSetHold(numberWord(dose.holdSeconds));
      return { speech: p.anotherSet(name, amount), reprompt: p.yesOrNo };
    }
    case 'offerRest':
      return p.offerRest(prompt.routine ?? 'everything');
    case 'confirmReminder': {
      const time = prompt.time === undefined ? '' : s.spokenTime(prompt.time.hour, prompt.time.minute);
      const old = prompt.replaces === undefined ? null : s.spokenTime(prompt.replaces.hour, prompt.replaces.minute);
      return { speech: old === null ? p.confirmReminder(time) : p.replaceReminder(old, time), reprompt: p.yesOrNo };
    }
  }
}

/** The after-set and after-pain prompts already say what is next; "what's next" should not say it twice. */
function promptNamesNext(then: PromptAct | CloseAct): boolean {
  return then.type === 'Prompt' && then.next !== null && (then.prompt === 'afterSet' || then.prompt === 'afterPain');
}

/** What speech needs of a turn: its content and its one initiative. */
export type SpokenTurn = { say: readonly ContentAct[]; then: PromptAct | CloseAct };

/** Turns one turn into speech; its initiative (a prompt or a close) decides the session. */
export function render(turn: SpokenTurn, options: RenderOptions): Rendered {
  const s = stringsFor(options.locale);
  const acts = turn.say;
  const parts = acts
    .filter((act) => !(act.type === 'WhatsNext' && promptNamesNext(turn.then)))
    .map((act) => renderContent(act, s, options.progressSaved ?? true))
    .filter((part) => part !== '');
  const summary = acts.find((act) => act.type === 'Summary');
  const card = summary?.type === 'Summary' ? summaryCard(summary, summary.today, s) : reportCodeCard(acts, s);
  let reprompt: string | null = null;
  if (turn.then.type === 'Prompt') {
    const prompt = renderPrompt(turn.then, s);
    parts.push(sentence(prompt.speech));
    reprompt = withVoiceRate(sentence(prompt.reprompt), options.voiceRatePercent);
  }
  return {
    speech: withVoiceRate(parts.join(' '), options.voiceRatePercent),
    reprompt,
    endSession: turn.then.type === 'Close',
    card,
    permission: acts.some((a) => a.type === 'AskReminderPermission')
      ? 'askByVoice'
      : acts.some((a) => a.type === 'ReminderPermissionCard')
        ? 'card'
        : null,
  };
}
