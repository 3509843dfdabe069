import { openDialog } from '../support/dialog';

async function inFirstLegSet(options: { healthLog?: 'off' | 'detailed' } = {}) {
  const alexa = await openDialog(options);
  await alexa.say('open range of motion coach');
  await alexa.say('start the leg exercises');
  await alexa.say('ready');
  return alexa;
}

/** Stopped in the first set by an alarm; then, after a while, "open range of motion coach" again. */
async function reopenedAfter(alarm: string, afterMs: number) {
  const alexa = await inFirstLegSet();
  await alexa.say(alarm);
  alexa.wait(afterMs);
  return { alexa, reopened: await alexa.say('open range of motion coach') };
}

describe('pain and emergencies', () => {
  it('stops at once on pain mid-set, records it stopped early, and waits', async () => {
    const alexa = await inFirstLegSet();
    alexa.bargeIn(4000);

    const reply = await alexa.say('alexa she says her knee hurts');

    expect(reply.intent).toBe('ReportPainIntent');
    expect(reply.text).toMatch(/stop the movement/i);
    expect(reply.text).toMatch(/therapist/i);
    expect(reply.text).toMatch(/next is hip rotation, their right leg, only if that is comfortable/i);
    expect(reply.open).toBe(true);
    const saved = await alexa.store.load(alexa.userKey);
    expect(saved?.state.today.outcomes['hip-knee-flexion/right']?.outcome).toBe('stoppedEarly');
    expect(saved?.state.today.current).toEqual({ exerciseId: 'hip-knee-flexion', side: 'right' });
  });

  it('stores no body part or severity by default', async () => {
    const alexa = await inFirstLegSet();

    await alexa.say("he's in pain about a six");

    const saved = await alexa.store.load(alexa.userKey);
    expect(saved?.state.today.painReports).toEqual([]);
    expect(JSON.stringify(saved)).not.toMatch(/"bodyPart":"|"severity":\d/);
  });

  it('stores body part and severity when the deployment opted in', async () => {
    const alexa = await inFirstLegSet({ healthLog: 'detailed' });

    await alexa.say('it hurts her knee');
    await alexa.say('pain level six');

    const reports = (await alexa.store.load(alexa.userKey))?.state.today.painReports;
    expect(reports?.map((r) => [r.bodyPart, r.severity])).toEqual([['knee', null], [null, 6]]);
  });

  it('ignores an absurd severity rather than storing it', async () => {
    const alexa = await inFirstLegSet({ healthLog: 'detailed' });

    const reply = await alexa.say('pain level four hundred');

    expect(reply.text).toMatch(/stop the movement/i);
    expect((await alexa.store.load(alexa.userKey))?.state.today.painReports[0]?.severity).toBeNull();
  });

  it('eases the limb back after pain, and does not do that exercise again today', async () => {
    const alexa = await inFirstLegSet();
    const stop = await alexa.say('that hurts');

    const again = await alexa.say('repeat');
    const ready = await alexa.say('ready');

    expect(stop.text).toMatch(/ease the limb back/i);
    expect(stop.text).toMatch(/stop to rest for today/i);
    for (const reply of [again, ready]) {
      expect(reply.text).toMatch(/hip and knee bend hurt earlier, so we'll leave it for today/i);
      expect(reply.text).not.toMatch(/bend the knee up|three slow repetitions/i);
      expect(reply.open).toBe(true);
    }
    expect(again.text).toMatch(/next is hip rotation/i);
  });

  it('never logs the pain details or the user id', async () => {
    const alexa = await inFirstLegSet({ healthLog: 'detailed' });

    await alexa.say('she says her knee hurts');

    const logged = JSON.stringify(alexa.logs);
    expect(logged).not.toMatch(/knee|LOCAL-CONSOLE-USER/);
    expect(alexa.logs.some((l) => l.fields.intent === 'ReportPainIntent')).toBe(true);
  });

  it.each(["she can't breathe", "he's choking", 'he fell', 'call an ambulance', 'emergency'])(
    'tells the caregiver to call the local emergency number on "%s" and ends the session',
    async (utterance) => {
      const alexa = await inFirstLegSet();

      const reply = await alexa.say(utterance);

      expect(reply.intent).toBe('EmergencyIntent');
      expect(reply.text).toMatch(/stop the exercise/i);
      expect(reply.text).toMatch(/call nine one one/i);
      expect(reply.open).toBe(false);
    },
  );

  it('answers an emergency even outside a routine', async () => {
    const alexa = await openDialog();

    const reply = await alexa.say("ask range of motion coach she can't breathe");

    expect(reply.text).toMatch(/call nine one one/i);
    expect(reply.open).toBe(false);
  });
});

describe('the published profile keeps no health record', () => {
  it('treats pain in the chest, said any way, as an emergency', async () => {
    const alexa = await inFirstLegSet();
    const envelope = alexa.lastEnvelope();
    const painInTheChest = {
      ...envelope,
      request: {
        ...envelope.request,
        type: 'IntentRequest',
        requestId: 'chest-1',
        intent: { name: 'ReportPainIntent', confirmationStatus: 'NONE', slots: { bodyPart: { name: 'bodyPart', value: 'chest', confirmationStatus: 'NONE', resolutions: { resolutionsPerAuthority: [{ authority: 'x', status: { code: 'ER_SUCCESS_NO_MATCH' } }] } } } },
      },
    };

    const reply = await alexa.invoke(painInTheChest as never);

    const speech = reply.response.outputSpeech;
    expect(speech?.type === 'SSML' ? speech.ssml : '').toMatch(/call nine one one/i);
    expect(reply.response.shouldEndSession).toBe(true);
  });

  it('keeps in the day’s history only that a step ended before its end, not whether it hurt', async () => {
    const alexa = await inFirstLegSet();
    alexa.bargeIn(4000);
    await alexa.say('alexa that hurts');
    await alexa.say('next');
    await alexa.say('ready');
    alexa.bargeIn(3000);
    await alexa.say('alexa next');
    await alexa.say('stop');
    alexa.wait(30 * 60 * 60 * 1000);
    await alexa.say('open range of motion coach');

    const [day] = await alexa.history.queryDays(alexa.userKey, '2026-01-01', '2030-12-31');
    const outcomes = Object.values(day?.outcomes ?? {}).map((o) => o.outcome);
    expect(outcomes).toEqual(['stoppedEarly', 'stoppedEarly']);
    const last = await alexa.say('when did we last stop early');
    expect(last.text).toMatch(/hip rotation/i);
  });

  it('says how to reach the emergency answer in help, and how to stop when a word is not caught mid-routine', async () => {
    const alexa = await inFirstLegSet();

    const help = await alexa.say('help');
    const caught = await alexa.say('purple monkey dishwasher');

    expect(help.text).toMatch(/emergency/i);
    expect(caught.text).toMatch(/say stop|that hurts/i);
    expect(caught.open).toBe(true);
  });
});

describe('after an emergency, tiredness, and on the next day', () => {
  it.each([
    ['en-US', /nine one one/i],
    ['en-GB', /nine nine nine/i],
    ['en-AU', /triple zero/i],
    ['en-IN', /one one two/i],
  ])('%s: says the market’s emergency number', async (locale, number) => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    const envelope = alexa.lastEnvelope();
    const emergency = {
      ...envelope,
      request: { ...envelope.request, type: 'IntentRequest', requestId: `sos-${locale}`, locale, intent: { name: 'EmergencyIntent', confirmationStatus: 'NONE', slots: {} } },
    };

    const reply = await alexa.invoke(emergency as never);

    const speech = reply.response.outputSpeech;
    expect(speech?.type === 'SSML' ? speech.ssml : '').toMatch(number);
    expect(reply.response.shouldEndSession).toBe(true);
  });

  it('asks, when relaunched the same day, whether they have been checked, and rests for today unless they have', async () => {
    const { alexa, reopened: relaunch } = await reopenedAfter("she can't breathe", 5 * 60 * 1000);
    const no = await alexa.say('no');

    expect(relaunch.text).toMatch(/checked/i);
    expect(relaunch.text).not.toMatch(/hip and knee bend/i);
    expect(relaunch.open).toBe(true);
    expect(no.open).toBe(false);
    expect(no.text).toMatch(/rest/i);
  });

  it('carries on after an emergency only when they say they have been checked', async () => {
    const { alexa } = await reopenedAfter("she can't breathe", 5 * 60 * 1000);

    const yes = await alexa.say('yes');

    expect(yes.text).toMatch(/next is hip rotation/i);
    expect(yes.open).toBe(true);
  });

  it('does not go on past "have they been checked?" when the caregiver says "next" instead of answering', async () => {
    const { alexa } = await reopenedAfter("she can't breathe", 5 * 60 * 1000);

    const next = await alexa.say('next');

    expect(next.text).toMatch(/checked/i);
    expect(next.text).not.toMatch(/hip rotation|hip and knee bend/i);
    expect(next.open).toBe(true);
    const saved = await alexa.store.load(alexa.userKey);
    expect(saved?.state.today.question).toEqual({ kind: 'checkedAfterEmergency' });
  });

  it('ends the session at once on tiredness, with the advice to rest, even before any set is done', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');

    const tired = await alexa.say("she's tired");

    expect(tired.open).toBe(false);
    expect(tired.text).toMatch(/rest/i);
    expect(tired.text).not.toMatch(/finish|other side|would you like/i);
  });

  it('does not call a day that ended early "unfinished" the next day', async () => {
    const alexa = await inFirstLegSet();
    await alexa.say('next');
    await alexa.say("that's enough for today");
    await alexa.say('no');
    alexa.wait(24 * 60 * 60 * 1000);

    const next = await alexa.say('open range of motion coach');

    expect(next.text).not.toMatch(/unfinished/i);
  });
});

describe('warning signs', () => {
  it.each(["she's dizzy", 'he feels sick', "she's coughing", "his calf is red and swollen", 'i heard a pop', 'she looks pale'])(
    '"%s" stops the exercise, says to let them rest and when to call, and ends the session',
    async (words) => {
      const alexa = await inFirstLegSet();
      alexa.bargeIn(3000);

      const reply = await alexa.say(`alexa ${words}`);

      expect(reply.intent).toBe('WarningSignIntent');
      expect(reply.text).toMatch(/let them rest/i);
      expect(reply.text).toMatch(/call the doctor/i);
      expect(reply.text).toMatch(/call nine one one/i);
      expect(reply.open).toBe(false);
      const saved = await alexa.store.load(alexa.userKey);
      expect(saved?.state.today.outcomes['hip-knee-flexion/right']?.outcome).toBe('stoppedEarly');
    },
  );
});

describe('a relaunch the same day after a warning sign', () => {
  it('asks first whether it has passed, and rests for today unless it has; the next launch asks again', async () => {
    const { alexa, reopened: relaunch } = await reopenedAfter("she's dizzy", 10 * 60 * 1000);
    const no = await alexa.say('no');
    alexa.wait(10 * 60 * 1000);
    const again = await alexa.say('open range of motion coach');

    expect(relaunch.text).toMatch(/warning sign/i);
    expect(relaunch.text).toMatch(/passed/i);
    expect(relaunch.text).not.toMatch(/hip and knee bend|say next/i);
    expect(relaunch.open).toBe(true);
    expect(no.open).toBe(false);
    expect(no.text).toMatch(/rest/i);
    expect(again.text).toMatch(/passed/i);
  });

  it('carries on only after a clear yes, from the step that was stopped', async () => {
    const { alexa } = await reopenedAfter("she's dizzy", 10 * 60 * 1000);

    const next = await alexa.say('next');
    const yes = await alexa.say('yes');

    // "next" is no answer: the question stands, and nothing moves on.
    expect(next.text).toMatch(/passed/i);
    expect(next.open).toBe(true);
    expect(yes.open).toBe(true);
    // The stopped step is not done again today: it goes on with the one after it.
    expect(yes.text).toMatch(/next is hip rotation/i);
    expect(yes.text).not.toMatch(/passed/i);
  });

  it('is not asked on a later day', async () => {
    const { reopened: tomorrow } = await reopenedAfter("she's dizzy", 24 * 60 * 60 * 1000);

    expect(tomorrow.text).not.toMatch(/warning sign|passed/i);
  });
});

describe('strong pain', () => {
  it('advises stopping for today and calling the doctor if it does not settle (a severity heard with HEALTH_LOG=detailed)', async () => {
    const alexa = await inFirstLegSet({ healthLog: 'detailed' });
    alexa.bargeIn(3000);

    const strong = await alexa.say("alexa she's in pain about an eight");
    expect(strong.text).toMatch(/stop for today/i);
    expect(strong.text).toMatch(/call the doctor/i);
    expect(strong.open).toBe(true);
  });

  it('does not add the advice to ordinary pain', async () => {
    const alexa = await inFirstLegSet({ healthLog: 'detailed' });
    alexa.bargeIn(3000);

    const mild = await alexa.say("alexa she's in pain about a three");
    expect(mild.text).not.toMatch(/call the doctor/i);
  });
});
