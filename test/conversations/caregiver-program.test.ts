import { DEFAULT_PLAN_OWNER } from '../../lambda/store/plan-store';
import { handoutPlan } from '../../lambda/engine/therapist-plan';
import { HOUR_MS, openDialog } from '../support/dialog';

async function intoTheArms(options: Parameters<typeof openDialog>[0] = {}) {
  const alexa = await openDialog(options);
  await alexa.say('open range of motion coach');
  await alexa.say('start the arm exercises');
  return alexa;
}

describe('ending early', () => {
  it('ends at once on tiredness, with the advice to rest, and records the day as ended early without why', async () => {
    const alexa = await intoTheArms();

    const tired = await alexa.say("she's tired");

    expect(tired.intent).toBe('TiredIntent');
    expect(tired.text).toMatch(/resting is the right call/i);
    expect(tired.text).not.toMatch(/finish elbow bend/i);
    expect(tired.open).toBe(false);
    const today = (await alexa.store.load(alexa.userKey))?.state.today;
    expect(today?.endedEarly).toBe(true);
    expect(today?.endReason).toBeNull();
  });

  it('offers to finish the other side on "that\'s enough for today", then stops', async () => {
    const alexa = await intoTheArms();

    const offer = await alexa.say("that's enough for today");
    const stopped = await alexa.say('stop');

    expect(offer.text).toMatch(/finish elbow bend, their left arm first/i);
    expect(offer.open).toBe(true);
    expect(stopped.text).toMatch(/stop here for today/i);
    expect(stopped.open).toBe(false);
    expect((await alexa.store.load(alexa.userKey))?.state.today.endedEarly).toBe(true);
  });

  it('finishes only the other side when asked, then ends the session', async () => {
    const alexa = await intoTheArms();
    await alexa.say('ready');
    await alexa.say("that's enough for today");

    const otherSide = await alexa.say('yes');
    await alexa.say('ready');
    const done = await alexa.say('next');

    expect(otherSide.text).toMatch(/elbow bend\. same again on their left arm/i);
    expect(done.open).toBe(false);
    const outcomes = (await alexa.store.load(alexa.userKey))?.state.today.outcomes;
    expect(outcomes?.['elbow-flexion-extension/right']?.outcome).toBe('completed');
    expect(outcomes?.['elbow-flexion-extension/left']?.outcome).toBe('completed');
  });

  it('with health details opted in, keeps fatigue and mentions it in the week after two such days', async () => {
    const alexa = await intoTheArms({ healthLog: 'detailed' });
    await alexa.say("she's tired");
    alexa.wait(24 * HOUR_MS);
    await alexa.say('open range of motion coach');
    await alexa.say('start the arm exercises');
    await alexa.say("he's exhausted");

    const week = await alexa.say('ask range of motion coach how did we do this week');

    expect(week.text).toMatch(/tiredness ended the routine on 2 days/i);
    expect(week.text).toMatch(/talk to the therapist/i);
  });
});

describe('plan changes by voice', () => {
  it('leaves out the neck exercises after a yes, and puts them back', async () => {
    const alexa = await intoTheArms();

    const asked = await alexa.say('leave out the neck exercises');
    const done = await alexa.say('yes');
    const plan = await alexa.say("what's the plan");
    await alexa.say('put the neck exercises back');
    await alexa.say('yes');

    expect(asked.intent).toBe('LeaveOutIntent');
    expect(asked.text).toMatch(/yes or no/i);
    expect(done.text).toMatch(/neck exercises will be left out/i);
    expect(plan.text).toMatch(/left out for now: neck turns; neck side tilt/i);
    expect((await alexa.store.load(alexa.userKey))?.state.planOverrides.excluded).toEqual([]);
  });

  it('lowers a count by voice but refuses to raise it above the plan', async () => {
    const alexa = await openDialog();
    await alexa.plans.save(DEFAULT_PLAN_OWNER, { ...handoutPlan(), reviewedOn: '2026-11-20', exercises: [{ id: 'elbow-flexion-extension', reps: 6 }] }, 1);
    await alexa.say('open range of motion coach');

    const raised = await alexa.say('do eight elbow bends');
    await alexa.say('do five elbow bends');
    const lowered = await alexa.say('yes');

    expect(raised.text).toMatch(/can't raise that by voice/i);
    expect(lowered.text).toMatch(/elbow bend is now 5 repetitions/i);
    expect((await alexa.store.load(alexa.userKey))?.state.planOverrides.doses['elbow-flexion-extension']).toEqual({ kind: 'reps', reps: 5 });
  });

  it('skips a group for today only', async () => {
    const alexa = await intoTheArms();

    const skipped = await alexa.say('skip the neck ones');

    expect(skipped.intent).toBe('SkipIntent');
    expect(skipped.text).toMatch(/neck exercises are skipped for today/i);
    expect((await alexa.store.load(alexa.userKey))?.state.planOverrides.excluded).toEqual([]);
  });
});

describe('questions about the routine', () => {
  it("says what's next and what's left without moving", async () => {
    const alexa = await intoTheArms();
    await alexa.say('ready');

    const next = await alexa.say("what's next");
    const left = await alexa.say('how many more');

    expect(next.text.match(/next is overhead arm lift, their right arm/gi)).toHaveLength(1);
    expect(left.text).toMatch(/12 steps are left/i);
    expect((await alexa.store.load(alexa.userKey))?.state.today.phase).toBe('setDelivered');
  });

  it('says when the last early stop was', async () => {
    const alexa = await intoTheArms();
    await alexa.say('that hurts');
    await alexa.say('stop');
    alexa.wait(24 * HOUR_MS);

    const reply = await alexa.say('ask range of motion coach when did we last stop early');

    expect(reply.text).toMatch(/elbow bend, their right arm, yesterday/i);
  });
});

describe('the daily reminder', () => {
  it('confirms the time and recurrence, then creates it in the device time zone with a neutral label', async () => {
    const alexa = await intoTheArms({ remindersAllowed: true, deviceTimeZone: 'America/Chicago' });

    const asked = await alexa.say('remind me every day at ten a.m.');
    const set = await alexa.say('yes');

    expect(asked.text).toMatch(/every day at 10 a\.m\./i);
    expect(set.text).toMatch(/every day at 10 a\.m\., I'll remind you/i);
    const [created] = [...alexa.alexaApi.reminders.values()] as Array<Record<string, any>>;
    expect(created?.trigger).toMatchObject({ timeZoneId: 'America/Chicago', recurrence: { recurrenceRules: ['FREQ=DAILY;BYHOUR=10;BYMINUTE=0;BYSECOND=0'] } });
    expect(JSON.stringify(created?.alertInfo)).not.toMatch(/pain|ALS|therapy/i);

    const cancelled = await alexa.say('cancel the reminder');
    expect(cancelled.text).toMatch(/cancelled/i);
    expect(alexa.alexaApi.reminders.size).toBe(0);
  });

  it('asks for the permission by voice when it has none, and creates the reminder once granted', async () => {
    const alexa = await intoTheArms();
    await alexa.say('remind me every day at seven thirty p.m.');

    const ask = await alexa.say('yes');
    const answer = (granted: boolean, consentToken: string | null) => {
      const envelope = alexa.lastEnvelope();
      if (consentToken !== null) envelope.context.System.user.permissions = { consentToken };
      return alexa.invoke({
        ...envelope,
        session: { ...envelope.session!, new: false, attributes: {} },
        request: {
          type: 'Connections.Response',
          requestId: `perm-${String(granted)}-${String(consentToken)}`,
          timestamp: envelope.request.timestamp,
          name: 'AskFor',
          status: { code: '200', message: 'OK' },
          payload: { status: granted ? 'ACCEPTED' : 'DENIED' },
          token: '',
        },
      } as never);
    };
    const granted = await answer(true, 'consent-token');

    expect(ask.response?.directives?.[0]).toMatchObject({ type: 'Connections.SendRequest', name: 'AskFor', payload: { permissionScope: 'alexa::alerts:reminders:skill:readwrite' } });
    expect(ask.response?.shouldEndSession).toBe(true);
    const speech = granted.response.outputSpeech;
    expect(speech?.type === 'SSML' ? speech.ssml : '').toMatch(/every day at 7:30 p\.m\./i);
    expect(alexa.alexaApi.reminders.size).toBe(1);
    expect(granted.response.shouldEndSession).toBe(false);
  });

  it('falls back to the consent card, never asking twice, when the permission is refused', async () => {
    const alexa = await intoTheArms();
    await alexa.say('remind me every day at ten a.m.');
    await alexa.say('yes');
    const envelope = alexa.lastEnvelope();

    const refused = await alexa.invoke({
      ...envelope,
      session: { ...envelope.session!, new: false, attributes: {} },
      request: { type: 'Connections.Response', requestId: 'perm-no', timestamp: envelope.request.timestamp, name: 'AskFor', status: { code: '200' }, payload: { status: 'DENIED' }, token: '' },
    } as never);

    expect(refused.response.card).toMatchObject({ type: 'AskForPermissionsConsent' });
    expect(refused.response.directives ?? []).toHaveLength(0);
    expect(alexa.alexaApi.reminders.size).toBe(0);
  });
});

describe('a second daily reminder', () => {
  it('replaces the first one, so only one rings and "cancel" leaves none', async () => {
    const alexa = await intoTheArms({ remindersAllowed: true, deviceTimeZone: 'America/Chicago' });
    await alexa.say('remind me every day at ten a.m.');
    await alexa.say('yes');

    const asked = await alexa.say('remind me every day at nine a.m.');
    await alexa.say('yes');

    expect(asked.text).toMatch(/already have a daily reminder at 10 a\.m\./i);
    expect(alexa.alexaApi.reminders.size).toBe(1);
    const [only] = [...alexa.alexaApi.reminders.values()] as Array<Record<string, any>>;
    expect(JSON.stringify(only?.trigger)).toMatch(/BYHOUR=9;/);
    await alexa.say('cancel the reminder');
    expect(alexa.alexaApi.reminders.size).toBe(0);
  });

  it('is not created in a guessed time zone when the device has not told its zone', async () => {
    const alexa = await intoTheArms({ remindersAllowed: true, deviceTimeZone: null });
    await alexa.say('remind me every day at ten a.m.');

    const answer = await alexa.say('yes');

    expect(alexa.alexaApi.reminders.size).toBe(0);
    expect(answer.text).toMatch(/time zone/i);
    expect(answer.open).toBe(true);
  });
});

describe('changes to the exercise in progress', () => {
  it('takes "only two reps" as the exercise being set up', async () => {
    const alexa = await intoTheArms();

    const asked = await alexa.say('only two reps');
    await alexa.say('yes');

    expect(asked.text).toMatch(/set elbow bend to 2 repetitions/i);
    expect((await alexa.store.load(alexa.userKey))?.state.planOverrides.doses['elbow-flexion-extension']).toEqual({ kind: 'reps', reps: 2 });
  });
});

describe('the opening words', () => {
  it('calls the handout routine general, never prescribed, without a plan; and the plan prescribed with one', async () => {
    const without = await openDialog();
    const first = await without.say('open range of motion coach');

    const withPlan = await openDialog();
    await withPlan.plans.save(DEFAULT_PLAN_OWNER, { ...handoutPlan(), reviewedOn: '2026-11-20' }, 1);
    const second = await withPlan.say('open range of motion coach');

    expect(first.text).toMatch(/general exercises/i);
    expect(first.text).toMatch(/check with the therapist/i);
    expect(first.text).not.toMatch(/prescribed/i);
    expect(second.text).toMatch(/prescribed/i);
  });
});
