import { HOUR_MS, MINUTE_MS, openDialog } from '../support/dialog';

async function twoStepsIntoLegs() {
  const alexa = await openDialog();
  await alexa.say('open range of motion coach');
  await alexa.say('start the leg exercises');
  await alexa.say('ready');
  await alexa.say('next');
  return alexa;
}

describe('picking up a dropped session', () => {
  it('goes straight back to the step in progress within 30 minutes', async () => {
    const alexa = await twoStepsIntoLegs();
    await alexa.say('/end');
    alexa.wait(10 * MINUTE_MS);

    const back = await alexa.say('open range of motion coach');

    expect(back.text).toMatch(/hip rotation, their right leg/i);
    expect(back.text).toMatch(/say ready/i);
    expect(back.open).toBe(true);
  });

  it('says where we were later the same day and continues on request', async () => {
    const alexa = await twoStepsIntoLegs();
    await alexa.say('stop');
    alexa.wait(3 * HOUR_MS);

    const back = await alexa.say('open range of motion coach');
    const continued = await alexa.say('continue');

    expect(back.text).toMatch(/welcome back/i);
    expect(back.text).toMatch(/hip rotation, their right leg/i);
    expect(back.text).toMatch(/continue, or start over/i);
    expect(continued.text).toMatch(/hip rotation, their right leg/i);
  });

  it('starts over from the first exercise when asked', async () => {
    const alexa = await twoStepsIntoLegs();
    await alexa.say('stop');
    alexa.wait(3 * HOUR_MS);
    await alexa.say('open range of motion coach');

    const restarted = await alexa.say('start over');

    expect(restarted.text).toMatch(/we'll start with their right leg\. stand on their right side\. hip and knee bend\./i);
  });

  it('asks whether a set was finished when the session dropped right after it', async () => {
    const alexa = await twoStepsIntoLegs();
    await alexa.say('ready');
    await alexa.say('/end');
    alexa.wait(5 * MINUTE_MS);

    const asked = await alexa.say('open range of motion coach');
    const answered = await alexa.say('yes');

    expect(asked.text).toMatch(/did you finish it/i);
    expect(answered.text).toMatch(/side leg slide, their right leg/i);
    const outcomes = (await alexa.store.load(alexa.userKey))?.state.today.outcomes;
    expect(outcomes?.['hip-rotation/right']?.outcome).toBe('completed');
  });

  it('pauses with a hint to reopen, closing the microphone, and resumes the same step', async () => {
    const alexa = await twoStepsIntoLegs();

    const paused = await alexa.say('pause');
    alexa.wait(20 * MINUTE_MS);
    const resumed = await alexa.say('ask range of motion coach to resume');

    expect(paused.open).toBe(false);
    expect(paused.text).toMatch(/open range of motion coach/i);
    expect(resumed.text).toMatch(/hip rotation, their right leg/i);
    expect(resumed.open).toBe(true);
  });

  it('starts a fresh routine on a new day and mentions what was left', async () => {
    const alexa = await twoStepsIntoLegs();
    await alexa.say('stop');
    alexa.wait(24 * HOUR_MS);

    const nextDay = await alexa.say('open range of motion coach');

    expect(nextDay.text).toMatch(/14 of the 15 steps of the leg routine were left unfinished/i);
    expect(nextDay.text).toMatch(/legs, arms, or everything/i);
    expect((await alexa.store.load(alexa.userKey))?.state.today).toMatchObject({ day: '2026-12-02', routine: null });
  });

  it('counts days in the local time zone: a US evening is still the same day', async () => {
    const alexa = await openDialog({ startAt: '2026-12-01T23:30:00Z' });
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');
    await alexa.say('stop');
    alexa.wait(2 * HOUR_MS);

    const later = await alexa.say('open range of motion coach');

    expect(later.text).toMatch(/welcome back/i);
    expect((await alexa.store.load(alexa.userKey))?.state.today.day).toBe('2026-12-01');
  });
});
