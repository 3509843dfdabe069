import { openDialog } from '../support/dialog';

async function inFirstLegSet(options: { healthLog?: 'off' | 'detailed' } = {}) {
  const alexa = await openDialog(options);
  await alexa.say('open range of motion coach');
  await alexa.say('start the leg exercises');
  await alexa.say('ready');
  return alexa;
}

describe('pain and emergencies', () => {
  it('stops at once on pain mid-set, records it stopped early, and waits', async () => {
    const alexa = await inFirstLegSet();
    alexa.bargeIn(4000);

    const reply = await alexa.say('alexa she says her knee hurts');

    expect(reply.intent).toBe('ReportPainIntent');
    expect(reply.text).toMatch(/stop the movement/i);
    expect(reply.text).toMatch(/therapist/i);
    expect(reply.text).toMatch(/next is hip rotation, right leg, only if that is comfortable/i);
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

  it('asks before repeating an exercise that just hurt', async () => {
    const alexa = await inFirstLegSet();
    await alexa.say('that hurts');

    const asked = await alexa.say('repeat');
    const declined = await alexa.say('no');

    expect(asked.text).toMatch(/only if it is comfortable/i);
    expect(asked.text).toMatch(/yes or no/i);
    expect(declined.text).toMatch(/next is hip rotation/i);
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
      expect(reply.text).toMatch(/local emergency number/i);
      expect(reply.open).toBe(false);
    },
  );

  it('answers an emergency even outside a routine', async () => {
    const alexa = await openDialog();

    const reply = await alexa.say("ask range of motion coach she can't breathe");

    expect(reply.text).toMatch(/local emergency number/i);
    expect(reply.open).toBe(false);
  });
});
