// A simulated caregiver: goes through a whole routine by listening to each answer, the way a person would,
// with random drops (the microphone times out), pain reports mid-set, relaunches after a while, and, for
// some users, a second Echo that may still hold an old session. It remembers what it was told was done.
import type { Intent } from 'ask-sdk-model';
import { buildSteps, stepKey } from '../../lambda/engine/plan';
import { programFor } from '../../lambda/engine/program';
import type { RoutineChoice, RoutineState, StepOutcome } from '../../lambda/engine/types';
import { completedSteps, INTENT, isAnswered, THINK_MS, type Device, type Turn } from './harness';

export type CaregiverPlan = {
  random: () => number;
  routine?: RoutineChoice;
  /** Per set: "Alexa, that hurts" part way through it. */
  painRate?: number;
  /** Per turn: the caregiver says nothing and the session ends (SessionEndedRequest), then comes back. */
  dropRate?: number;
  /** Per turn with a second device: the next thing is said to the other Echo. */
  switchRate?: number;
  /** How long a dropped caregiver takes to come back (ms); under 30 minutes resumes at once, over asks. */
  comeBackMs?: () => number;
  maxTurns?: number;
  /**
   * Real time (ms) between turns. People listen to each answer; without a pause every simulated caregiver
   * would keep a request in flight all the time, which is no Echo's traffic.
   */
  pauseMs?: () => number;
  /** Real time (ms) before the first turn: people do not all start at the same moment. */
  startAfterMs?: number;
  /** Stops the caregiver before the next turn (the soak's time limit). */
  shouldStop?: () => boolean;
  /** Called before each request with the number of turns so far (a test switches faults on and off here). */
  beforeTurn?: (turnIndex: number) => void;
};

export type CaregiverReport = {
  turns: Turn[];
  /** Turns that Alexa could not have played: no speech, no explicit shouldEndSession, or a thrown error. */
  unanswered: Turn[];
  /**
   * Step keys whose latest outcome in what the caregiver was told is completed: each answer's session state is
   * what the skill told, and a step done again later (say it hurt this time) takes its newer outcome.
   */
  toldCompleted: Set<string>;
  /** The latest outcome told for every step. */
  toldOutcomes: Map<string, StepOutcome>;
  /** The routine was heard to the end (the summary was asked for). */
  finished: boolean;
  drops: number;
  pains: number;
  switches: number;
};

function decide(known: RoutineState | null, routine: RoutineChoice): Intent | 'done' {
  if (known === null) return INTENT.start(routine);
  switch (known.today.question?.kind) {
    case 'chooseRoutine':
      return INTENT.start(routine);
    case 'continueOrRestart':
    case 'wasSetFinished':
    case 'wantSummary':
    case 'checkedAfterEmergency':
    // The therapist has shown them the hands-on exercises (asked once, without a plan).
    case 'confirmHands':
      return INTENT.yes();
    // "Skip" is a command the caregiver may give after pain; this one carries on with "next".
    case 'skipAfterPain':
      break;
    case 'secondRound':
    case 'endEarly':
    case 'planChange':
    case 'leaveOutUntilReview':
    case 'confirmReminder':
    case 'reminderPermission':
    case 'anotherSet':
      return INTENT.no();
    case undefined:
      break;
  }
  switch (known.today.phase) {
    case 'choosing':
      return INTENT.start(routine);
    case 'settingUp':
      return INTENT.ready();
    case 'setDelivered':
    case 'stoppedForPain':
      return INTENT.next();
    case 'finished':
      return 'done';
  }
}

export async function runCaregiver(devices: readonly Device[], plan: CaregiverPlan): Promise<CaregiverReport> {
  const { random } = plan;
  const routine = plan.routine ?? 'legs';
  const maxTurns = plan.maxTurns ?? 200;
  const report: CaregiverReport = { turns: [], unanswered: [], toldCompleted: new Set(), toldOutcomes: new Map(), finished: false, drops: 0, pains: 0, switches: 0 };
  let known: RoutineState | null = null;
  let active = 0;
  if ((plan.startAfterMs ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, plan.startAfterMs));
  const before = () => plan.beforeTurn?.(report.turns.length);
  const hear = (turn: Turn) => {
    report.turns.push(turn);
    const ended = turn.envelope.request.type === 'SessionEndedRequest';
    if (ended ? turn.error !== undefined : !isAnswered(turn)) report.unanswered.push(turn);
    if (turn.state !== null) {
      known = turn.state;
      for (const [key, { outcome }] of Object.entries(turn.state.today.outcomes)) {
        report.toldOutcomes.set(key, outcome);
        if (outcome === 'completed') report.toldCompleted.add(key);
        else report.toldCompleted.delete(key);
      }
    }
  };

  while (report.turns.length < maxTurns && !report.finished && !(plan.shouldStop?.() ?? false)) {
    if (devices.length > 1 && random() < (plan.switchRate ?? 0)) {
      active = (active + 1) % devices.length;
      report.switches += 1;
    }
    const device = devices[active]!;
    const pause = plan.pauseMs?.() ?? 0;
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    before();
    if (!device.sessionOpen) {
      hear(await device.launch());
      continue;
    }
    if (random() < (plan.dropRate ?? 0)) {
      hear(await device.end());
      report.drops += 1;
      device.user.wait(plan.comeBackMs?.() ?? 60_000);
      continue;
    }
    const intent = decide(known, routine);
    if (intent === 'done') {
      hear(await device.send(INTENT.stop()));
      report.finished = true;
      break;
    }
    const asked = known as RoutineState | null;
    const summaryAsked = asked?.today.question?.kind === 'wantSummary';
    const turn = await device.send(intent);
    hear(turn);
    if (summaryAsked && intent.name === 'AMAZON.YesIntent' && turn.shouldEndSession === true) report.finished = true;
    // Part way through a set: "Alexa, that hurts".
    if (intent.name === 'ReadyIntent' && turn.state?.today.phase === 'setDelivered' && device.sessionOpen && random() < (plan.painRate ?? 0)) {
      const delivered = turn.state.today.delivered;
      if (delivered !== null) {
        device.user.nowMs = delivered.atMs + Math.floor((delivered.endsAtMs - delivered.atMs) * (0.2 + 0.6 * random()));
        before();
        hear(await device.send(INTENT.pain()));
        device.user.wait(THINK_MS);
        report.pains += 1;
      }
    }
  }
  return report;
}

/** What the store must show for what the caregiver was told: every step told completed is completed there. */
export function lostSteps(told: ReadonlySet<string>, stored: RoutineState | null | undefined): string[] {
  const done = new Set(completedSteps(stored));
  return [...told].filter((key) => !done.has(key)).sort();
}

/** Steps before the stored position with no outcome: a step command applied twice would leave one. */
export function gapsBefore(stored: RoutineState, routine: RoutineChoice): string[] {
  const steps = buildSteps(routine, programFor(null, stored), stored.today.skippedExerciseIds);
  const current = stored.today.current;
  const end =
    stored.today.phase === 'finished' ? steps.length : current === null ? 0 : steps.findIndex((s) => stepKey(s) === stepKey(current));
  return steps
    .slice(0, Math.max(0, end))
    .map(stepKey)
    .filter((key) => stored.today.outcomes[key] === undefined);
}
