// Issue 11 through the real handler: leaving out what could hurt again after pain, strong pain in words, "say that
// again" against "do it again", and the hands-on exercises a caregiver without a plan is asked about once.
import { HOUR_MS, openDialog, yesIfAskedAboutHands } from '../support/dialog';

async function inFirstLegSet() {
  const alexa = await openDialog();
  await alexa.say('open range of motion coach');
  await alexa.say('start the leg exercises');
  await alexa.say('ready');
  return alexa;
}

const breaks = (ssml: string) => (ssml.match(/<break /g) ?? []).length;

describe('after pain', () => {
  it('offers to leave out the steps that move the part named, on that side, and "skip" does it for today', async () => {
    const alexa = await inFirstLegSet();
    alexa.bargeIn(4000);

    const stop = await alexa.say('alexa she says her knee hurts');
    const skipped = await alexa.say('skip');

    expect(stop.text).toMatch(/ease the limb back/i);
    expect(stop.text).toMatch(/to leave out the steps that move their right knee for today, say skip/i);
    expect(stop.open).toBe(true);
    expect(skipped.text).toMatch(/leave those \d+ steps for today/i);
    expect(skipped.text).toMatch(/side leg slide|hip abduction/i);
    expect(skipped.text).not.toMatch(/hip rotation/i);
    const saved = (await alexa.store.load(alexa.userKey))?.state;
    expect(saved?.today.outcomes['hip-rotation/right']?.outcome).toBe('skipped');
    expect(saved?.today.outcomes['hip-rotation/left']).toBeUndefined();
    // Where it hurt is never stored by default: only that steps were skipped.
    expect(JSON.stringify(saved)).not.toMatch(/"knee"|bodyPart/);
  });

  it('without a part named, "skip" leaves the rest of that leg, and the other leg still comes', async () => {
    const alexa = await inFirstLegSet();

    const stop = await alexa.say('that hurts');
    let reply = await yesIfAskedAboutHands(alexa, await alexa.say('skip'));
    const heard = [reply.text];
    for (let i = 0; i < 20 && /say ready/i.test(reply.text); i += 1) {
      await alexa.say('ready');
      reply = await yesIfAskedAboutHands(alexa, await alexa.say('next'));
      heard.push(reply.text);
    }

    expect(stop.text).toMatch(/the rest of their right leg/i);
    expect(heard.join(' ')).not.toMatch(/right leg|right foot/i);
    expect(heard.join(' ')).toMatch(/left leg/i);
  });

  it('hears strong pain in words and advises stopping for today and the doctor', async () => {
    const alexa = await inFirstLegSet();

    const reply = await alexa.say("she's in agony");

    expect(reply.intent).toBe('StrongPainIntent');
    expect(reply.text).toMatch(/stop the movement/i);
    expect(reply.text).toMatch(/stop for today/i);
    expect(reply.text).toMatch(/doctor/i);
    expect((await alexa.store.load(alexa.userKey))?.state.today.outcomes['hip-knee-flexion/right']?.outcome).toBe('stoppedEarly');
  });
});

describe('"say that again" and "do it again"', () => {
  it('"repeat" after a set says what was done and what is next, counting nothing', async () => {
    const alexa = await inFirstLegSet();

    const reply = await alexa.say('repeat');

    expect(breaks(reply.ssml)).toBe(0);
    expect(reply.text).toMatch(/set for hip and knee bend/i);
    expect(reply.text).toMatch(/next is hip rotation/i);
    expect(reply.text).not.toMatch(/repeat to do/i);
    expect(reply.open).toBe(true);
  });

  it('"do it again" asks first, counts one more set within the dose, and only once', async () => {
    const alexa = await inFirstLegSet();

    const asked = await alexa.say('do it again');
    const set = await alexa.say('yes');
    const third = await alexa.say('do it again');

    expect(asked.intent).toBe('DoItAgainIntent');
    expect(breaks(asked.ssml)).toBe(0);
    expect(asked.text).toMatch(/one more set of hip and knee bend, their right leg, three repetitions\? say yes or no/i);
    expect(breaks(set.ssml)).toBeGreaterThan(5);
    expect(third.text).toMatch(/already done an extra set/i);
    expect(breaks(third.ssml)).toBe(0);
    await alexa.say('next');
    expect((await alexa.store.load(alexa.userKey))?.state.today.outcomes['hip-knee-flexion/right']).toEqual({ outcome: 'completed', amount: 6 });
  });

  it('"start" before a routine is chosen names the one done last time', async () => {
    const alexa = await inFirstLegSet();
    await alexa.say('stop');
    alexa.wait(24 * HOUR_MS);
    await alexa.say('open range of motion coach');

    const reply = await alexa.say('start');

    expect(reply.text).toMatch(/legs/i);
    expect(reply.open).toBe(true);
  });
});

describe('hands-on exercises without a therapist plan', () => {
  it('asks once whether the therapist has shown how to move their neck, and a no leaves the neck out on later days', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');

    const asked = await alexa.say('go to the neck turns');
    const ready = await alexa.say('ready');
    const no = await alexa.say('no');
    alexa.wait(24 * HOUR_MS);
    await alexa.say('open range of motion coach');
    const arms = await alexa.say('start the arm exercises');

    expect(asked.text).toMatch(/has the therapist shown you how to move their neck/i);
    expect(breaks(ready.ssml)).toBe(0);
    expect(ready.text).toMatch(/has the therapist shown you/i);
    expect(no.text).toMatch(/neck/i);
    const settings = (await alexa.store.load(alexa.userKey))?.state;
    expect(settings?.planOverrides.excluded).toEqual(expect.arrayContaining(['neck-rotation', 'neck-flexion']));
    expect(arms.text).not.toMatch(/has the therapist shown you how to move their neck/i);
  });

  it('a yes gives the neck set-up and is remembered', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    await alexa.say('go to the neck turns');

    const yes = await alexa.say('yes');
    const set = await alexa.say('ready');

    expect(yes.text).toMatch(/neck turns/i);
    expect(yes.text).toMatch(/say ready/i);
    expect(breaks(set.ssml)).toBeGreaterThan(5);
    expect((await alexa.store.load(alexa.userKey))?.state.handsConfirmed).toEqual(expect.arrayContaining(['neck-rotation', 'neck-flexion']));
  });
});

describe('the length of a routine', () => {
  it('says about how many minutes a routine takes, and that legs and arms can be done apart when the whole one is long', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');

    const everything = await alexa.say('start everything');

    expect(everything.text).toMatch(/that's 28 steps, about \d+ minutes/i);
    expect(everything.text).toMatch(/legs and the arms at different times/i);
  });
});

describe('the fatigue reminder without health details', () => {
  it('rests on the days that ended early: after two this week, the weekly summary says the therapist can shorten the routine', async () => {
    const alexa = await openDialog();
    for (const _day of [1, 2]) {
      await alexa.say('open range of motion coach');
      await alexa.say('start the leg exercises');
      await alexa.say('ready');
      const tired = await alexa.say("she's tired");
      expect(tired.open).toBe(false);
      alexa.wait(24 * HOUR_MS);
    }

    await alexa.say('open range of motion coach');
    const week = await alexa.say('how did we do this week');

    expect(week.text).toMatch(/ended early on 2 days this week/i);
    expect(week.text).toMatch(/therapist can shorten it/i);
    expect(week.text).not.toMatch(/tiredness ended/i);
    // The default mode keeps that the days ended early, never why.
    const days = await alexa.history.queryDays(alexa.userKey, '2026-11-01', '2026-12-31');
    expect(days.map((d) => d.endReason)).toEqual([null, null]);
  });
});

describe('the first welcome', () => {
  it('explains the point of resistance once, before any set-up speaks of it', async () => {
    const alexa = await openDialog();

    const first = await alexa.say('open range of motion coach');
    await alexa.say('stop');
    const second = await alexa.say('open range of motion coach');

    expect(first.text).toMatch(/point of resistance: where the limb first starts to feel tight/i);
    expect(second.text).not.toMatch(/point of resistance: where/i);
  });
});

describe('the end of a routine with steps passed over', () => {
  it('does not call the routine done when "go to" jumped past steps, and offers the rest', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');
    let reply = await yesIfAskedAboutHands(alexa, await alexa.say('go to the hamstring stretch on the left'));
    for (let i = 0; i < 5 && /say ready/i.test(reply.text); i += 1) {
      await alexa.say('ready');
      reply = await yesIfAskedAboutHands(alexa, await alexa.say('next'));
    }

    expect(reply.text).toMatch(/some steps were passed over/i);
    expect(reply.text).not.toMatch(/done for today/i);
    expect(reply.text).toMatch(/now\? say yes, or no for later/i);
  });
});
