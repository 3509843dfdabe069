// Issue 11, items 6, 7 and 9 through the real handler: set-ups short enough to hold in one's head, sides as the
// patient's, sweeps in four beats, and the closing action said after the last count.
import { handoutPlan } from '../../lambda/engine/therapist-plan';
import { DEFAULT_PLAN_OWNER } from '../../lambda/store/plan-store';
import { HOUR_MS, openDialog } from '../support/dialog';
import { breakTimesMs } from '../support/ssml';

const words = (text: string) => text.split(/\s+/).filter((w) => /\w/.test(w)).length;
/** The set-up itself, without the prompt that follows it. */
const setUpOf = (text: string) => text.replace(/ Say ready when your hands are in place\.$/, '');

function planOf(exercises: ReturnType<typeof handoutPlan>['exercises']) {
  return { ...handoutPlan(), reviewedOn: '2026-11-20', buildUp: false, exercises };
}

describe('set-ups a caregiver can hold in their head, across days', () => {
  it('says the full set-up the first day, a short one the next day, and the full one again on "say that again"', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    const dayOneStart = await alexa.say('start the leg exercises');
    await alexa.say('ready');
    const dayOne = setUpOf((await alexa.say('next')).text);
    await alexa.say('stop');
    alexa.wait(24 * HOUR_MS);
    await alexa.say('open range of motion coach');
    const dayTwoStart = await alexa.say('start the leg exercises');
    await alexa.say('ready');
    const dayTwo = setUpOf((await alexa.say('next')).text);
    const again = setUpOf((await alexa.say('say that again')).text);

    expect(dayOne).toMatch(/^Hip rotation, their right leg\./);
    expect(dayOne).toMatch(/rest one hand on the thigh/i);
    expect(dayTwo).toMatch(/^Hip rotation, their right leg\. Three slow repetitions\./);
    expect(dayTwo).not.toMatch(/rest one hand on the thigh/i);
    expect(words(dayTwo)).toBeLessThanOrEqual(Math.min(60, 0.6 * words(dayOne)));
    expect(again).toMatch(/rest one hand on the thigh/i);
    expect(words(again)).toBeGreaterThanOrEqual(words(dayOne) - 2);
    // "Never force", with the reason, and the full wince rule come before the first set of each session only.
    for (const start of [dayOneStart.text, dayTwoStart.text]) {
      expect(start).toMatch(/never force a movement: too much force can damage the joint/i);
      expect(start).toMatch(/if they wince, stop at once/i);
    }
    expect(dayTwo).not.toMatch(/force/i);
    expect(dayTwo).toMatch(/watch their face/i);
  });

  it('says the second side as "same again on their left leg", after walking round to their left side', async () => {
    const alexa = await openDialog();
    await alexa.plans.save(DEFAULT_PLAN_OWNER, planOf([{ id: 'hip-knee-flexion', reps: 2 }, { id: 'hip-abduction', reps: 2 }]), Date.now());
    await alexa.say('open range of motion coach');
    const setUps = [setUpOf((await alexa.say('start the leg exercises')).text)];
    for (let i = 0; i < 3; i += 1) {
      await alexa.say('ready');
      setUps.push(setUpOf((await alexa.say('next')).text));
    }
    const [firstRight, secondRight, firstLeft, secondLeft] = setUps;

    expect(firstRight).toMatch(/We'll start with their right leg\. Stand on their right side\. Hip and knee bend\./);
    expect(secondRight).toMatch(/^Side leg slide, their right leg\./);
    expect(firstLeft).toMatch(/^Walk round to their left side\. Hip and knee bend\. Same again on their left leg\./);
    expect(secondLeft).toMatch(/^Side leg slide\. Same again on their left leg\./);
    for (const leftSide of [firstLeft!, secondLeft!]) {
      expect(words(leftSide)).toBeLessThanOrEqual(25);
      expect(leftSide).not.toMatch(/under the knee/i);
    }
    // Every side named in a set-up is the patient's.
    for (const setUp of setUps) {
      for (const match of setUp!.matchAll(/\b(left|right)\b/gi)) expect(setUp!.slice(Math.max(0, match.index - 6), match.index)).toBe('their ');
    }
  });
});

describe('pacing a therapist would accept', () => {
  it('counts neck turns in four beats, to their left, the middle, their right, the middle, the neck slowest, then says to rest the head', async () => {
    const alexa = await openDialog();
    await alexa.plans.save(DEFAULT_PLAN_OWNER, planOf([{ id: 'elbow-flexion-extension', reps: 2 }, { id: 'neck-rotation', reps: 2 }]), Date.now());
    await alexa.say('open range of motion coach');
    await alexa.say('start the arm exercises');
    const elbowSet = await alexa.say('ready');
    // The unsided neck comes between the two sides of the elbow.
    const neckSetUp = await alexa.say('next');
    const neckSet = await alexa.say('ready');

    expect(neckSetUp.text).toMatch(/^Neck turns\./);
    expect(neckSetUp.text).toMatch(/stand at the head of the bed/i);
    expect(neckSetUp.text).toMatch(/never lift it or tip it back/i);
    expect(neckSetUp.text).toMatch(/dizzy or have trouble swallowing/i);
    // Per repetition: to their left and pause (7 s), back to the middle (5 s), to their right and pause, back to the
    // middle; a second between repetitions; and time to rest the head after the closing words.
    expect(breakTimesMs(neckSet.ssml)).toEqual([7000, 5000, 7000, 5000, 1000, 7000, 5000, 7000, 5000, 5000]);
    expect(neckSet.text).toMatch(
      /^turn to their left back to the middle to their right back to the middle one\. turn to their left back to the middle to their right back to the middle two\. Now let the head rest facing forward on the pillow\./,
    );
    // The elbow, an arc, in two beats: 3 s out with a 1 s pause, 3 s back.
    expect(breakTimesMs(elbowSet.ssml)).toEqual([4000, 3000, 1000, 4000, 3000]);
    expect(Math.min(...breakTimesMs(neckSet.ssml).filter((ms) => ms !== 1000))).toBeGreaterThan(Math.max(...breakTimesMs(elbowSet.ssml)));
  });

  it('says the closing action after the last count of a set, not only in the set-up', async () => {
    const alexa = await openDialog();
    await alexa.plans.save(DEFAULT_PLAN_OWNER, planOf([{ id: 'hip-rotation', reps: 2, sides: ['right'] }, { id: 'lumbar-rotation', reps: 2 }]), Date.now());
    await alexa.say('open range of motion coach');
    const setUp = await alexa.say('start the leg exercises');
    const hipSet = await alexa.say('ready');
    await alexa.say('next');
    const lumbarSet = await alexa.say('ready');

    expect(setUp.text).not.toMatch(/lower the leg back to the bed/i);
    expect(setUp.text).toMatch(/until the thigh points to the ceiling/i);
    expect(hipSet.text).toMatch(/two\. Now lower the leg back to the bed\. That's the set for hip rotation/);
    expect(lumbarSet.text).toMatch(/knees to their left back to the middle knees to their right back to the middle two\. Now lay the legs back down on the bed\./);
  });
});
