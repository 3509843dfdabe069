import { CATALOG, exerciseById } from '../../lambda/catalog/catalog';
import { PACE_FLOOR } from '../../lambda/catalog/schema';
import { effectivePace } from '../../lambda/engine/pace';
import { setTimeline, timelineMs } from '../../lambda/engine/set-timeline';
import { estimateSsmlSeconds } from '../../scripts/console/speech-duration';
import { buildSteps } from '../../lambda/engine/plan';
import { defaultProgram } from '../../lambda/engine/program';
import type { Act, PlannedStep, RoutineEvent } from '../../lambda/engine/types';
import { render } from '../../lambda/speech/render';
import { MAX_BREAK_MS, pause } from '../../lambda/speech/ssml';
import { driver, turnOf } from '../support/engine';
import { breakTimesMs, isWellFormed, plainText, totalBreakMs, URGING } from '../support/ssml';

const options = { locale: 'en-US', voiceRatePercent: 100 };

function setAct(step: PlannedStep, paceFactor = 1): Act[] {
  return [{ type: 'Set', step, paceFactor, interruptHint: false }, { type: 'Prompt', prompt: 'afterSet', next: null }];
}

function fullDose(exerciseId: string, side: PlannedStep['side'] = 'right'): PlannedStep {
  const exercise = exerciseById(exerciseId);
  return { exerciseId, side: exercise.sided ? side : null, wayId: exercise.ways[0]!.id, dose: exercise.dose };
}

/** Every speech a long, varied routine produces, for the checks that must hold for all of them. */
function speechesOfAVariedRoutine(): string[] {
  const d = driver({ recordHealthDetails: true });
  const events: RoutineEvent[] = [
    { type: 'Launched' }, { type: 'HelpRequested' }, { type: 'StartRoutineRequested', routine: 'everything' },
    { type: 'PaceChangeRequested', direction: 'slower' }, { type: 'VoiceRateChangeRequested', direction: 'slower' },
  ];
  for (let i = 0; i < 40; i += 1) {
    events.push({ type: 'ReadyRequested' }, { type: 'NextRequested' });
    if (i % 7 === 3) events.push({ type: 'PainReported', bodyPart: 'knee', severity: 4 }, { type: 'RepeatRequested' }, { type: 'YesSaid' });
    if (i % 9 === 5) events.push({ type: 'SkipRequested' }, { type: 'SummaryRequested', period: 'today', history: [] }, { type: 'FallbackHeard' });
  }
  events.push({ type: 'YesSaid' }, { type: 'StopRequested' }, { type: 'EmergencyReported' }, { type: 'PauseRequested' });
  return events.flatMap((event, i) => {
    const rendered = render(turnOf(d.send(event, { newSession: i === 0 })), { locale: 'en-US', voiceRatePercent: d.state.prefs.voiceRatePercent });
    return [rendered.speech, rendered.reprompt ?? ''].filter((s) => s !== '');
  });
}

describe('render', () => {
  const speeches = speechesOfAVariedRoutine();

  it('produces well-formed SSML within Alexa limits for every turn', () => {
    expect(speeches.length).toBeGreaterThan(80);
    for (const ssml of speeches) {
      expect(isWellFormed(ssml)).toBe(true);
      expect(ssml.length).toBeLessThan(8000);
      expect(Math.max(0, ...breakTimesMs(ssml))).toBeLessThanOrEqual(MAX_BREAK_MS);
      expect(ssml).not.toContain('<speak>');
    }
  });

  it('never urges force in anything it says', () => {
    for (const ssml of speeches) expect(plainText(ssml)).not.toMatch(URGING);
  });

  it('renders the set the engine times, pauses and words, for every exercise at every pace', () => {
    for (const exercise of CATALOG) {
      for (const factor of [1, 1.5, 2]) {
        const step = fullDose(exercise.id);
        const beats = setTimeline(step, effectivePace(exercise.pace, factor), false);
        const silences = beats.reduce((ms, beat) => ms + (beat.kind === 'silence' ? beat.ms : 0), 0);
        const speech = render(turnOf(setAct(step, factor)), options).speech;

        expect(totalBreakMs(speech)).toBe(silences);
        // The console's clock, reading the SSML Alexa would play, agrees with the engine's timing of the whole set.
        const played = Math.round(estimateSsmlSeconds(speech) * 1000) - Math.round(estimateSsmlSeconds(render(turnOf([{ type: 'Prompt', prompt: 'afterSet', next: null }]), options).speech) * 1000);
        expect(Math.abs(played - timelineMs(beats, 100))).toBeLessThan(1000);
        expect(timelineMs(beats, 100)).toBeGreaterThan(silences);
      }
    }
  });

  it("counts a hold through so its breaks add up to the hold's seconds", () => {
    const step = { ...fullDose('hamstring-stretch'), dose: { kind: 'hold' as const, holdSeconds: 30, asTolerated: false } };
    const pace = effectivePace(exerciseById('hamstring-stretch').pace, 1);

    const speech = render(turnOf(setAct(step)), options).speech;

    // Moving in, easing back, and the closing action ("rest the leg back down") have their own silences.
    expect(totalBreakMs(speech) - pace.moveInMs - pace.backMs - pace.backMs).toBe(30_000);
    expect(pace.moveInMs).toBeGreaterThanOrEqual(5000);
    // Counted every five seconds, even a long hold.
    expect(plainText(speech)).toMatch(/five\. ten\. fifteen\. twenty\. twenty five\. thirty\./);
  });

  it('paces repetitions no faster than the catalog floor', () => {
    for (const exercise of CATALOG.filter((e) => e.dose.kind === 'reps')) {
      const floor = PACE_FLOOR[exercise.paceClass];
      const breaks = breakTimesMs(render(turnOf(setAct(fullDose(exercise.id))), options).speech);
      const movement = breaks.filter((ms) => ms !== 1000);

      expect(Math.min(...movement)).toBeGreaterThanOrEqual(Math.min(floor.outSeconds + floor.pauseSeconds, floor.backSeconds) * 1000);
    }
  });

  it('names the exercise and side in the set-up and ends it asking for ready', () => {
    const [step] = buildSteps('legs', defaultProgram());

    const rendered = render(turnOf([{ type: 'SetUp', step: step!, sideChanged: false, mentionPosition: true, brief: false, secondSide: false, firstOfSession: false, stepNumber: 1, stepCount: 15 }, { type: 'Prompt', prompt: 'sayReady', next: step! }]), options);

    const words = plainText(rendered.speech).toLowerCase();
    expect(words).toContain(exerciseById(step!.exerciseId).name.toLowerCase());
    expect(words).toContain('right leg');
    expect(words).toMatch(/wince/);
    expect(words).toMatch(/say ready/);
    expect(rendered.endSession).toBe(false);
    expect(rendered.reprompt).not.toBeNull();
  });

  describe('set-ups', () => {
    type SetUpAct = Extract<Act, { type: 'SetUp' }>;
    const setUp = (step: PlannedStep, fields: Partial<SetUpAct> = {}): string =>
      plainText(
        render(
          turnOf([
            { type: 'SetUp', step, sideChanged: false, mentionPosition: true, brief: false, secondSide: false, firstOfSession: false, stepNumber: 2, stepCount: 28, ...fields },
            { type: 'Close', reason: 'goodbye' },
          ]),
          options,
        ).speech,
      );
    const words = (text: string) => text.split(/\s+/).filter((w) => /\w/.test(w)).length;
    const everyWay = CATALOG.flatMap((exercise) => exercise.ways.map((way) => ({ ...fullDose(exercise.id), wayId: way.id })));

    it('keeps the short set-up of every exercise and way within 60% of the full one and 60 words', () => {
      for (const step of everyWay) {
        for (const firstOfSession of [false, true]) {
          const full = words(setUp(step, { firstOfSession }));
          const brief = words(setUp(step, { firstOfSession, brief: true }));

          expect({ way: `${step.exerciseId}/${step.wayId}`, within: brief <= 0.6 * full && brief <= 60 }).toEqual({ way: `${step.exerciseId}/${step.wayId}`, within: true });
        }
      }
    });

    it('says "never force" with its reason and the wince rule in full before the first set of a session, then short', () => {
      const step = fullDose('elbow-flexion-extension');
      for (const brief of [false, true]) {
        const first = setUp(step, { brief, firstOfSession: true });
        const later = setUp(step, { brief });

        expect(first).toMatch(/never force a movement: too much force can damage the joint/i);
        expect(first).toMatch(/if they wince, stop at once; don't wait for the count/i);
        expect(later).not.toMatch(/force/i);
        expect(later).toMatch(/watch their face/i);
      }
    });

    it('names sides as the patient\'s: where to start and stand, walking round, and the second side in a few words', () => {
      const right = fullDose('hip-knee-flexion', 'right');
      const left = fullDose('hip-knee-flexion', 'left');

      expect(setUp(right, { stepNumber: 1 })).toMatch(/^We'll start with their right leg\. Stand on their right side\. Hip and knee bend\./);
      expect(setUp(fullDose('elbow-flexion-extension'))).toMatch(/^Elbow bend, their right arm\./);
      const secondSide = setUp(left, { sideChanged: true, brief: true, secondSide: true });
      expect(secondSide).toBe("Walk round to their left side. Hip and knee bend. Same again on their left leg. Watch their face, and stop if they wince.");
      // "Say that again" on the second side gives the whole set-up.
      expect(setUp(left, { sideChanged: true, secondSide: true })).toMatch(/slide one hand under the knee/i);
    });

    it('says each general point once, and "one joint at a time" only where one hand steadies and the other moves', () => {
      for (const step of everyWay) {
        for (const stepNumber of [1, 2, 3, 4]) {
          const text = setUp(step, { stepNumber }).toLowerCase();
          expect({ id: step.exerciseId, supportedTwice: (text.match(/supported the whole time/g) ?? []).length > 1 }).toEqual({ id: step.exerciseId, supportedTwice: false });
          if (!exerciseById(step.exerciseId).generalCues.includes('oneJoint')) expect(text).not.toMatch(/one joint at a time/);
        }
      }
      expect(setUp(fullDose('neck-rotation'), { stepNumber: 3 })).not.toMatch(/swollen/);
    });

    it('says the dose of the heel-cord stretch as two holds, knee bent then straight', () => {
      const step = { ...fullDose('heel-cord-stretch'), dose: { kind: 'hold' as const, holdSeconds: 10, asTolerated: false } };

      expect(setUp(step, { brief: true })).toMatch(/Two holds of ten seconds: first with the knee bent, then straight\./);
      expect(setUp({ ...step, dose: { kind: 'reps', reps: 3 } }, { brief: true })).toMatch(/Two sets of three slow repetitions: first with the knee bent, then straight\./);
    });
  });

  it('refuses a hold for a movement that goes two ways, saying why', () => {
    const rendered = render(turnOf([{ type: 'PlanChangeRefused', change: { kind: 'useHold', exerciseId: 'neck-rotation' }, reason: 'holdNotAllowed' }, { type: 'Prompt', prompt: 'sayReady', next: null }]), options);

    expect(plainText(rendered.speech)).toMatch(/^Neck turns moves two ways, so it stays as repetitions\. Only the stretches can be done as a hold\./);
  });

  it('closes the session for pause, stop and emergencies, with no reprompt', () => {
    for (const reason of ['paused', 'goodbye', 'emergency'] as const) {
      const rendered = render(turnOf([{ type: 'Close', reason }]), options);
      expect(rendered.endSession).toBe(true);
      expect(rendered.reprompt).toBeNull();
    }
  });

  it('tells the caregiver to call the emergency number, as people say it', () => {
    const rendered = render(turnOf([{ type: 'Emergency' }, { type: 'Close', reason: 'emergency' }]), options);

    expect(plainText(rendered.speech)).toMatch(/call nine one one/i);
  });

  it('slows the voice with prosody when asked', () => {
    const rendered = render(turnOf([{ type: 'Welcome' }, { type: 'Prompt', prompt: 'chooseRoutine', next: null }]), { locale: 'en-US', voiceRatePercent: 80 });

    expect(rendered.speech).toMatch(/^<prosody rate="80%">/);
    expect(rendered.reprompt).toMatch(/^<prosody rate="80%">/);
  });
});

describe('pause', () => {
  it('chains breaks of at most ten seconds', () => {
    expect(breakTimesMs(pause(30_000))).toEqual([10_000, 10_000, 10_000]);
    expect(breakTimesMs(pause(12_500))).toEqual([10_000, 2_500]);
    expect(pause(0)).toBe('');
  });
});

describe('render in other markets', () => {
  it('says physio in the UK and therapist in the US, from the markets table', () => {
    const pain = [{ type: 'PainStop', step: null, next: null, strong: false, skip: null }, { type: 'Close', reason: 'goodbye' }] as const;

    expect(plainText(render(turnOf([...pain]), { locale: 'en-GB', voiceRatePercent: 100 }).speech)).toMatch(/physio/);
    expect(plainText(render(turnOf([...pain]), { locale: 'en-US', voiceRatePercent: 100 }).speech)).toMatch(/therapist/);
  });

  it("says each market's own emergency number in words, never as digits Alexa could read as a year", () => {
    for (const [locale, words] of [['en-US', 'nine one one'], ['en-GB', 'nine nine nine'], ['en-IN', 'one one two'], ['en-AU', 'triple zero'], ['en-CA', 'nine one one']] as const) {
      const speech = plainText(render(turnOf([{ type: 'Emergency' }, { type: 'Close', reason: 'emergency' }]), { locale, voiceRatePercent: 100 }).speech);
      expect(speech).toContain(`call ${words}`.replace('call', 'Call'));
      expect(speech).not.toMatch(/\d/);
    }
  });
});
