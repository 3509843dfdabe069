import { handoutPlan, TherapistPlanSchema } from '../../lambda/engine/therapist-plan';
import { at, finished } from '../../lambda/engine/position';
import { buildSteps, stepKey } from '../../lambda/engine/plan';
import { defaultProgram } from '../../lambda/engine/program';
import { PACE_FACTOR } from '../../lambda/engine/pace';
import { RESUME_DIRECTLY_WITHIN_MS } from '../../lambda/engine/state';
import type { Act, RoutineEvent } from '../../lambda/engine/types';
import { actTypes, driver, find, lastAct } from '../support/engine';

const legSteps = buildSteps('legs', defaultProgram());

function prompt(acts: readonly Act[]): string | undefined {
  const last = lastAct(acts);
  return last?.type === 'Prompt' ? last.prompt : undefined;
}

function startLegs() {
  const d = driver();
  d.send({ type: 'Launched' }, { newSession: true });
  d.send({ type: 'StartRoutineRequested', routine: 'legs' });
  return d;
}

describe('transition', () => {
  describe('Launched', () => {
    it('introduces the skill to a new user and offers the routines', () => {
      const acts = driver().send({ type: 'Launched' }, { newSession: true });

      expect(actTypes(acts)).toEqual(['Intro', 'Prompt']);
      expect(prompt(acts)).toBe('chooseRoutine');
    });

    it('goes straight back to the step in progress when relaunched within 30 minutes', () => {
      const d = startLegs();
      d.send({ type: 'PauseRequested' });

      const acts = d.send({ type: 'Launched' }, { newSession: true, afterMs: RESUME_DIRECTLY_WITHIN_MS - 1000 });

      expect(find(acts, 'SetUp')?.step.exerciseId).toBe(legSteps[0]?.exerciseId);
    });

    it('welcomes back later the same day and asks to continue or start over', () => {
      const d = startLegs();
      d.send({ type: 'StopRequested' });

      const acts = d.send({ type: 'Launched' }, { newSession: true, afterMs: 2 * 3600 * 1000 });

      expect(find(acts, 'WelcomeBack')?.step).toEqual({ exerciseId: legSteps[0]?.exerciseId, side: 'right' });
      expect(prompt(acts)).toBe('continueOrRestart');
    });

    it('starts a fresh routine on a new day and mentions what was left unfinished', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });
      d.send({ type: 'NextRequested' });
      d.today = '2026-12-02';

      const acts = d.send({ type: 'Launched' }, { newSession: true });

      expect(find(acts, 'NewDay')?.previous).toMatchObject({ day: '2026-12-01', routine: 'legs', done: 1, planned: legSteps.length });
      expect(d.state.today.routine).toBeNull();
      expect(d.last.closedDay?.day).toBe('2026-12-01');
    });

    it('asks whether an unconfirmed set was finished when the session dropped after it', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });

      const acts = d.send({ type: 'Launched' }, { newSession: true });

      expect(prompt(acts)).toBe('wasSetFinished');
      d.send({ type: 'YesSaid' });
      expect(d.state.today.outcomes[stepKey(legSteps[0]!)]?.outcome).toBe('completed');
      expect(d.state.today.current).toEqual({ exerciseId: legSteps[1]?.exerciseId, side: legSteps[1]?.side });
    });

    it('records an unconfirmed set as cut short when the caregiver says it was not finished', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });
      d.send({ type: 'Launched' }, { newSession: true });

      const acts = d.send({ type: 'NoSaid' });

      expect(d.state.today.outcomes[stepKey(legSteps[0]!)]?.outcome).toBe('cutShort');
      expect(find(acts, 'SetUp')?.step.exerciseId).toBe(legSteps[0]?.exerciseId);
    });
  });

  describe('StartRoutineRequested', () => {
    it('sets up the first exercise on the first side', () => {
      const d = driver();

      const acts = d.send({ type: 'StartRoutineRequested', routine: 'legs' });

      expect(actTypes(acts)).toEqual(['RoutineStarted', 'SetUp', 'Prompt']);
      expect(find(acts, 'SetUp')?.step).toMatchObject({ exerciseId: 'hip-knee-flexion', side: 'right' });
      expect(prompt(acts)).toBe('sayReady');
    });

    it('asks to continue or restart when a routine is half done', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });
      d.send({ type: 'NextRequested' });

      const acts = d.send({ type: 'StartRoutineRequested', routine: 'legs' }, { newSession: true });

      expect(prompt(acts)).toBe('continueOrRestart');
      d.send({ type: 'ResumeRequested' });
      expect(d.state.today.current?.exerciseId).toBe(legSteps[1]?.exerciseId);
    });

    it('asks which routine when none was named', () => {
      const acts = driver().send({ type: 'StartRoutineRequested', routine: null });

      expect(prompt(acts)).toBe('chooseRoutine');
    });
  });

  describe('ReadyRequested', () => {
    it('delivers the whole set and waits for next', () => {
      const d = startLegs();

      const acts = d.send({ type: 'ReadyRequested' });

      expect(actTypes(acts)).toEqual(['Set', 'SetFinished', 'Prompt']);
      expect(find(acts, 'Set')?.interruptHint).toBe(true);
      expect(d.state.today.phase).toBe('setDelivered');
      expect(prompt(acts)).toBe('afterSet');
    });

    it('gives the interrupt hint once per session', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });
      d.send({ type: 'NextRequested' });

      const acts = d.send({ type: 'ReadyRequested' });

      expect(find(acts, 'Set')?.interruptHint).toBe(false);
    });

    it('is refused before a routine is chosen, leaving the state alone', () => {
      const d = driver();
      const before = d.state.today;

      const acts = d.send({ type: 'ReadyRequested' });

      expect(find(acts, 'NotAvailableNow')?.reason).toBe('noRoutine');
      expect(d.state.today).toEqual(before);
    });
  });

  describe('NextRequested', () => {
    it('counts a set as completed only when next arrives after it ended', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });

      d.send({ type: 'NextRequested' });

      expect(d.state.today.outcomes[stepKey(legSteps[0]!)]).toEqual({ outcome: 'completed', amount: 3 });
      expect(d.state.today.current?.exerciseId).toBe(legSteps[1]?.exerciseId);
    });

    it('records a set interrupted by next as cut short', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });

      d.send({ type: 'NextRequested' }, { afterMs: 2000 });

      expect(d.state.today.outcomes[stepKey(legSteps[0]!)]?.outcome).toBe('cutShort');
    });

    it('starts the set when said during the set-up', () => {
      const d = startLegs();

      const acts = d.send({ type: 'NextRequested' });

      expect(actTypes(acts)).toContain('Set');
    });

    it('finishes the routine after the last step and offers the rest of the day, then the summary', () => {
      const d = startLegs();
      d.send({ type: 'GoToRequested', exerciseId: legSteps.at(-1)!.exerciseId, side: 'left' });
      d.send({ type: 'ReadyRequested' });

      const acts = d.send({ type: 'NextRequested' });

      expect(actTypes(acts)).toEqual(['RoutineFinished', 'Prompt']);
      expect(d.state.today.phase).toBe('finished');
      // The steps jumped over are left too, with the arms: the rest is the whole routine's rest.
      expect(lastAct(acts)).toMatchObject({ prompt: 'offerRest', routine: 'everything' });

      // A plan of leg exercises only: the legs are the whole day, and the summary is offered.
      const legsOnly = driver({ plan: TherapistPlanSchema.parse({ ...handoutPlan(), reviewedOn: '2026-11-20', exercises: [{ id: 'hip-knee-flexion' }] }) });
      legsOnly.send({ type: 'StartRoutineRequested', routine: 'legs' });
      for (let i = 0; i < 4; i += 1) legsOnly.send({ type: i % 2 === 0 ? 'ReadyRequested' : 'NextRequested' });
      expect(legsOnly.state.today.question).toEqual({ kind: 'wantSummary' });
    });

    it('names the other side when moving round the bed', () => {
      const d = startLegs();
      const firstLeft = legSteps.findIndex((s) => s.side === 'left');
      d.send({ type: 'GoToRequested', exerciseId: legSteps[firstLeft - 1]!.exerciseId, side: legSteps[firstLeft - 1]!.side });
      d.send({ type: 'ReadyRequested' });

      const acts = d.send({ type: 'NextRequested' });

      expect(find(acts, 'SetUp')).toMatchObject({ sideChanged: true, step: { side: 'left' } });
    });
  });

  describe('PreviousRequested', () => {
    it('goes back one step', () => {
      const d = startLegs();
      d.send({ type: 'NextRequested' });
      d.send({ type: 'NextRequested' });

      const acts = d.send({ type: 'PreviousRequested' });

      expect(find(acts, 'SetUp')?.step.exerciseId).toBe(legSteps[0]?.exerciseId);
    });

    it('stays on the first step and says so', () => {
      const acts = startLegs().send({ type: 'PreviousRequested' });

      expect(find(acts, 'NotAvailableNow')?.reason).toBe('atFirstStep');
      expect(find(acts, 'SetUp')?.step.exerciseId).toBe(legSteps[0]?.exerciseId);
    });
  });

  describe('RepeatRequested', () => {
    it('repeats the set-up during the set-up', () => {
      const acts = startLegs().send({ type: 'RepeatRequested' });

      expect(actTypes(acts)).toEqual(['SetUp', 'Prompt']);
    });

    it('says again what the set was and what is next after a set, and starts no set ("do it again" does, asked first)', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });

      const acts = d.send({ type: 'RepeatRequested' });

      expect(actTypes(acts)).toEqual(['SetFinished', 'Prompt']);
      expect(d.state.today.current?.exerciseId).toBe(legSteps[0]?.exerciseId);
    });
  });

  describe('SkipRequested', () => {
    it('drops the exercise on every side for today and records it as skipped', () => {
      const d = startLegs();

      const acts = d.send({ type: 'SkipRequested' });

      expect(find(acts, 'Skipped')?.exerciseId).toBe('hip-knee-flexion');
      expect(d.state.today.outcomes['hip-knee-flexion/right']?.outcome).toBe('skipped');
      expect(d.state.today.outcomes['hip-knee-flexion/left']?.outcome).toBe('skipped');
      expect(find(acts, 'SetUp')?.step.exerciseId).toBe(legSteps[1]?.exerciseId);
    });

    it('keeps a side that was already completed', () => {
      const d = startLegs();
      d.send({ type: 'GoToRequested', exerciseId: 'hip-knee-flexion', side: 'left' });
      d.state = { ...d.state, today: { ...d.state.today, outcomes: { 'hip-knee-flexion/right': { outcome: 'completed', amount: 3 } } } };

      d.send({ type: 'SkipRequested' });

      expect(d.state.today.outcomes['hip-knee-flexion/right']?.outcome).toBe('completed');
      expect(d.state.today.outcomes['hip-knee-flexion/left']?.outcome).toBe('skipped');
    });

    it('finishes when the last exercise is skipped', () => {
      const d = startLegs();
      d.send({ type: 'GoToRequested', exerciseId: legSteps.at(-1)!.exerciseId, side: 'left' });

      const acts = d.send({ type: 'SkipRequested' });

      expect(actTypes(acts)).toContain('RoutineFinished');
    });
  });

  describe('GoToRequested', () => {
    it('jumps to a named exercise, first side not yet done', () => {
      const acts = startLegs().send({ type: 'GoToRequested', exerciseId: 'hamstring-stretch', side: null });

      expect(find(acts, 'SetUp')?.step).toMatchObject({ exerciseId: 'hamstring-stretch', side: 'right' });
    });

    it('refuses an exercise that is not in the routine', () => {
      const d = startLegs();

      const acts = d.send({ type: 'GoToRequested', exerciseId: 'elbow-flexion-extension', side: null });

      expect(find(acts, 'NotInRoutine')).toMatchObject({ exerciseId: 'elbow-flexion-extension', routine: 'legs' });
      expect(d.state.today.current?.exerciseId).toBe('hip-knee-flexion');
    });

    it('starts the routine that holds the exercise when none was chosen', () => {
      const d = driver();

      const acts = d.send({ type: 'GoToRequested', exerciseId: 'neck-rotation', side: null });

      expect(d.state.today.routine).toBe('arms');
      expect(find(acts, 'SetUp')?.step.exerciseId).toBe('neck-rotation');
    });
  });

  describe('PauseRequested and ResumeRequested', () => {
    it('pauses, closing the session, and resumes at the same step', () => {
      const d = startLegs();
      d.send({ type: 'NextRequested' });
      d.send({ type: 'NextRequested' });

      const paused = d.send({ type: 'PauseRequested' });
      const resumed = d.send({ type: 'ResumeRequested' }, { newSession: true });

      expect(lastAct(paused)).toEqual({ type: 'Close', reason: 'paused' });
      expect(find(resumed, 'SetUp')?.step.exerciseId).toBe(legSteps[1]?.exerciseId);
    });

    it('records a set interrupted by pause as cut short', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });

      d.send({ type: 'PauseRequested' }, { afterMs: 1000 });

      expect(d.state.today.outcomes[stepKey(legSteps[0]!)]?.outcome).toBe('cutShort');
    });

    it.each([
      ['set-up', [] as const, 'sayReady'],
      ['delivered set', [{ type: 'ReadyRequested' }] as const, 'wasSetFinished'],
      ['pain stop', [{ type: 'PainReported', bodyPart: null, severity: null }] as const, 'afterPain'],
    ])('resumes after a %s', (_label, before, expected) => {
      const d = startLegs();
      for (const event of before) d.send(event);
      d.send({ type: 'PauseRequested' });

      const acts = d.send({ type: 'ResumeRequested' }, { newSession: true });

      expect(prompt(acts)).toBe(expected);
    });

    it('resumes a finished day by saying it is done', () => {
      const d = startLegs();
      d.state = at(d.state, finished());

      const acts = d.send({ type: 'ResumeRequested' }, { newSession: true });

      expect(actTypes(acts)).toContain('AlreadyDoneToday');
    });
  });

  describe('StartOverRequested', () => {
    it('restarts the routine from its first step, keeping what was already done today', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });
      d.send({ type: 'NextRequested' });

      const acts = d.send({ type: 'StartOverRequested' });

      expect(find(acts, 'SetUp')?.step.exerciseId).toBe(legSteps[0]?.exerciseId);
      expect(d.state.today.outcomes[stepKey(legSteps[0]!)]?.outcome).toBe('completed');
    });
  });

  describe('PainReported', () => {
    it('stops during a set, records the step stopped early and waits', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });

      const acts = d.send({ type: 'PainReported', bodyPart: 'knee', severity: 6 }, { afterMs: 3000 });

      expect(find(acts, 'PainStop')).toMatchObject({ step: { exerciseId: 'hip-knee-flexion', side: 'right' }, next: { exerciseId: legSteps[1]?.exerciseId } });
      expect(d.state.today.outcomes[stepKey(legSteps[0]!)]?.outcome).toBe('stoppedEarly');
      expect(d.state.today.phase).toBe('stoppedForPain');
      expect(prompt(acts)).toBe('afterPain');
    });

    it('stores no health detail by default', () => {
      const d = startLegs();

      d.send({ type: 'PainReported', bodyPart: 'knee', severity: 6 });

      expect(d.state.today.painReports).toEqual([]);
    });

    it('stores body part and severity only when health details are opted in', () => {
      const d = driver({ recordHealthDetails: true });
      d.send({ type: 'StartRoutineRequested', routine: 'legs' });

      d.send({ type: 'PainReported', bodyPart: 'knee', severity: 6 });

      expect(d.state.today.painReports).toEqual([expect.objectContaining({ stepKey: 'hip-knee-flexion/right', bodyPart: 'knee', severity: 6 })]);
    });

    it('does not repeat an exercise straight after a pain stop, and stays stopped there', () => {
      const d = startLegs();
      d.send({ type: 'PainReported', bodyPart: null, severity: null });

      const asked = d.send({ type: 'RepeatRequested' });

      expect(find(asked, 'NotAgainToday')?.exerciseId).toBe('hip-knee-flexion');
      expect(d.state.today.phase).toBe('stoppedForPain');
      expect(prompt(asked)).toBe('afterPain');
    });

    it('moves on only when asked', () => {
      const d = startLegs();
      d.send({ type: 'PainReported', bodyPart: null, severity: null });

      d.send({ type: 'NextRequested' });

      expect(d.state.today.current?.exerciseId).toBe(legSteps[1]?.exerciseId);
      expect(d.state.today.outcomes[stepKey(legSteps[0]!)]?.outcome).toBe('stoppedEarly');
    });
  });

  describe('EmergencyReported', () => {
    it('closes the session and marks the step stopped early', () => {
      const d = startLegs();
      d.send({ type: 'ReadyRequested' });

      const acts = d.send({ type: 'EmergencyReported' }, { afterMs: 1000 });

      expect(actTypes(acts)).toEqual(['Emergency', 'Close']);
      expect(d.state.today.outcomes[stepKey(legSteps[0]!)]?.outcome).toBe('stoppedEarly');
    });

    it('answers even before a routine started', () => {
      expect(actTypes(driver().send({ type: 'EmergencyReported' }))).toEqual(['Emergency', 'Close']);
    });
  });

  describe('PaceChangeRequested', () => {
    it('never goes below the catalog pace, however often faster is said', () => {
      const d = startLegs();
      let acts: Act[] = [];
      for (let i = 0; i < 10; i += 1) acts = d.send({ type: 'PaceChangeRequested', direction: 'faster' });

      expect(d.state.prefs.paceFactor).toBe(PACE_FACTOR.min);
      expect(find(acts, 'PaceChanged')?.limit).toBe('fastest');
    });

    it('slows to at most twice as slow and remembers it', () => {
      const d = startLegs();
      for (let i = 0; i < 10; i += 1) d.send({ type: 'PaceChangeRequested', direction: 'slower' });

      const acts = d.send({ type: 'ReadyRequested' });

      expect(d.state.prefs.paceFactor).toBe(PACE_FACTOR.max);
      expect(find(acts, 'Set')?.paceFactor).toBe(PACE_FACTOR.max);
    });
  });

  describe('questions', () => {
    it('answers a yes with no question pending without changing the routine', () => {
      const d = startLegs();
      const before = d.state.today;

      const acts = d.send({ type: 'YesSaid' });

      expect(find(acts, 'NotAvailableNow')?.reason).toBe('noQuestion');
      expect(d.state.today).toEqual(before);
      expect(prompt(acts)).toBe('sayReady');
    });

    it('keeps the pending question through help', () => {
      const d = startLegs();
      d.send({ type: 'PlanChangeRequested', change: { kind: 'leaveOut', exerciseIds: ['ankle-rotation'], group: null } });

      const acts = d.send({ type: 'HelpRequested' });

      expect(prompt(acts)).toBe('confirmPlanChange');
    });
  });

  describe('SummaryRequested', () => {
    it('keeps the session open mid-routine and closes it as a one-shot', () => {
      const d = startLegs();

      const inSession = d.send({ type: 'SummaryRequested', period: 'today', history: [] });
      const oneShot = d.send({ type: 'SummaryRequested', period: 'today', history: [] }, { newSession: true });

      expect(lastAct(inSession)?.type).toBe('Prompt');
      expect(lastAct(oneShot)).toEqual({ type: 'Close', reason: 'goodbye' });
    });
  });

  describe('StopRequested', () => {
    it('says goodbye and closes, keeping the place', () => {
      const d = startLegs();

      const acts = d.send({ type: 'StopRequested' });

      expect(lastAct(acts)).toEqual({ type: 'Close', reason: 'goodbye' });
      expect(d.state.today.current?.exerciseId).toBe('hip-knee-flexion');
    });
  });

  it('ends every turn with exactly one prompt or close', () => {
    const d = startLegs();
    const events: RoutineEvent[] = [
      { type: 'ReadyRequested' }, { type: 'RepeatRequested' }, { type: 'NextRequested' }, { type: 'SkipRequested' },
      { type: 'HelpRequested' }, { type: 'FallbackHeard' }, { type: 'PreviousRequested' }, { type: 'SummaryRequested', period: 'today', history: [] },
    ];
    for (const event of events) {
      const acts = d.send(event);
      expect(acts.filter((a) => a.type === 'Prompt' || a.type === 'Close')).toHaveLength(1);
      expect(['Prompt', 'Close']).toContain(lastAct(acts)?.type);
    }
  });
});
