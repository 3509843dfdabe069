import { buildSteps } from '../../lambda/engine/plan';
import { defaultProgram } from '../../lambda/engine/program';
import { exerciseName, sideName } from '../../lambda/speech/step-names';
import { openDialog } from '../support/dialog';
import { isWellFormed } from '../support/ssml';

const legSteps = buildSteps('legs', defaultProgram());

describe('a full leg routine, from launch to the summary', () => {
  it('walks every step with a set-up and a counted set, saving each one', async () => {
    const alexa = await openDialog();

    const welcome = await alexa.say('open range of motion coach');
    expect(welcome.text).toMatch(/not medical advice/i);
    expect(welcome.text).toMatch(/legs, arms, or everything/i);
    expect(welcome.open).toBe(true);

    let reply = await alexa.say('start the leg exercises');
    for (const [index, step] of legSteps.entries()) {
      // Without a plan, the hands-on knees side to side is asked about once before its set-up.
      if (step.exerciseId === 'lumbar-rotation') {
        expect(reply.text).toMatch(/has the therapist shown you how/i);
        expect(reply.text).not.toMatch(/say ready/i);
        reply = await alexa.say('yes');
      }
      // The exercise, and the side as the patient's: "their right leg".
      expect(reply.text.toLowerCase()).toContain(exerciseName(step.exerciseId).toLowerCase());
      if (sideName(step) !== null) expect(reply.text).toContain(`their ${sideName(step)}`);
      expect(reply.text).toMatch(/say ready/i);
      expect(reply.open).toBe(true);
      expect(reply.reprompt).not.toBeNull();

      const set = await alexa.say('ready');
      expect(set.intent).toBe('ReadyIntent');
      expect(set.ssml).toContain('<break');
      expect(isWellFormed(set.ssml.replace(/^<speak>|<\/speak>$/g, ''))).toBe(true);
      expect(set.text).toMatch(index === legSteps.length - 1 ? /last step/i : /next is/i);
      expect(set.open).toBe(true);

      reply = await alexa.say('next');
      const saved = await alexa.store.load(alexa.userKey);
      expect(Object.values(saved?.state.today.outcomes ?? {}).filter((o) => o.outcome === 'completed')).toHaveLength(index + 1);
    }

    // The legs are one part of the day's plan: the arms are offered, now or later.
    expect(reply.text).toMatch(/leg exercises are done for today/i);
    expect(reply.text).toMatch(/arm exercises now/i);
    const later = await alexa.say('no');
    expect(later.open).toBe(false);
    const summary = await alexa.say('ask range of motion coach for a summary');
    expect(summary.text).toMatch(new RegExp(`${legSteps.length} of ${legSteps.length} steps`));
    expect(summary.response?.card).toMatchObject({ type: 'Simple' });
    expect(summary.open).toBe(false);
  });

  it('says how to interrupt on the first set of a session only', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    await alexa.say('start the arm exercises');

    const first = await alexa.say('ready');
    await alexa.say('next');
    const second = await alexa.say('ready');

    expect(first.text).toMatch(/say Alexa, then stop/i);
    expect(second.text).not.toMatch(/say Alexa, then stop/i);
  });

  it('remembers a slower pace and uses it in the next set', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');
    const normal = await alexa.say('ready');
    await alexa.say('next');

    const slower = await alexa.say('slower');
    // The same exercise again, so its pace is compared with itself.
    await alexa.say('go back');
    const slowSet = await alexa.say('ready');

    expect(slower.open).toBe(true);
    const longest = (ssml: string) => Math.max(...[...ssml.matchAll(/time="(\d+)ms"/g)].map((m) => Number(m[1])));
    expect(longest(slowSet.ssml)).toBeGreaterThan(longest(normal.ssml));
    expect((await alexa.store.load(alexa.userKey))?.state.prefs.paceFactor).toBeGreaterThan(1);
  });

  it('skips an exercise on both sides and goes to one by name', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');

    const skipped = await alexa.say('skip');
    const jumped = await alexa.say('go to hamstring stretch');

    expect(skipped.text).toMatch(/hip and knee bend is skipped/i);
    expect(skipped.text).toMatch(/their right leg\. stand on their right side\. hip rotation\./i);
    expect(jumped.text).toMatch(/hamstring stretch, their right leg/i);
    const outcomes = (await alexa.store.load(alexa.userKey))?.state.today.outcomes;
    expect(outcomes?.['hip-knee-flexion/left']?.outcome).toBe('skipped');
  });

  it('goes back one step and says when there is nothing before', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');

    const atStart = await alexa.say('go back');
    await alexa.say('ready');
    await alexa.say('next');
    const back = await alexa.say('go back');

    expect(atStart.text).toMatch(/first step/i);
    expect(back.text).toMatch(/we'll start with their right leg\. stand on their right side\. hip and knee bend\./i);
  });
});
