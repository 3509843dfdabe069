import { DEFAULT_PLAN_OWNER } from '../../lambda/store/plan-store';
import { handoutPlan } from '../../lambda/engine/therapist-plan';
import { HOUR_MS, MINUTE_MS, openDialog, yesIfAskedAboutHands, type Dialog } from '../support/dialog';

const TWO_EXERCISE_PLAN = { ...handoutPlan(), reviewedOn: '2026-11-20', exercises: [{ id: 'hip-knee-flexion', reps: 6 }, { id: 'lumbar-rotation' }] };

async function doTheLegRoutine(alexa: Dialog): Promise<string[]> {
  const setUps: string[] = [];
  await alexa.say('open range of motion coach');
  let reply = await yesIfAskedAboutHands(alexa, await alexa.say('start the leg exercises'));
  while (/say ready/i.test(reply.text)) {
    setUps.push(reply.text);
    await alexa.say('ready');
    reply = await yesIfAskedAboutHands(alexa, await alexa.say('next'));
  }
  await alexa.say('no');
  return setUps;
}

describe('across days', () => {
  it('builds up a repetition a day after complete days, and says the count at the set-up', async () => {
    const alexa = await openDialog();
    await alexa.plans.save(DEFAULT_PLAN_OWNER, TWO_EXERCISE_PLAN, Date.now());

    const counts: string[] = [];
    for (let day = 0; day < 4; day += 1) {
      const [first] = await doTheLegRoutine(alexa);
      counts.push(/(\w+) slow repetitions/i.exec(first ?? '')?.[1]?.toLowerCase() ?? '?');
      alexa.wait(24 * HOUR_MS);
    }

    expect(counts).toEqual(['three', 'four', 'five', 'six']);
  });

  it('keeps each day as its own small history item and summarises the week with one query', async () => {
    const alexa = await openDialog();
    await alexa.plans.save(DEFAULT_PLAN_OWNER, TWO_EXERCISE_PLAN, Date.now());
    for (let day = 0; day < 3; day += 1) {
      await doTheLegRoutine(alexa);
      alexa.wait(48 * HOUR_MS);
    }

    const summary = await alexa.say('ask range of motion coach how did we do this week');
    const days = await alexa.history.queryDays(alexa.userKey, '2026-11-25', '2026-12-10');

    expect(days.map((d) => d.day)).toEqual(['2026-12-01', '2026-12-03', '2026-12-05']);
    expect(days.every((d) => Object.values(d.outcomes).every((o) => o.outcome === 'completed'))).toBe(true);
    expect(summary.text).toMatch(/3 of the last 7 days/);
    expect(summary.open).toBe(false);
  });

  it('says once a day is the advice when the routine is done and asked for again', async () => {
    const alexa = await openDialog();
    await alexa.plans.save(DEFAULT_PLAN_OWNER, TWO_EXERCISE_PLAN, Date.now());
    await doTheLegRoutine(alexa);

    const launch = await alexa.say('open range of motion coach');
    const again = await alexa.say('start the leg exercises');

    expect(launch.text).toMatch(/already done/i);
    expect(launch.text).toMatch(/summary/i);
    expect(again.text).toMatch(/once a day/i);
    expect(again.open).toBe(true);
  });

  it('counts days in the device time zone from the Settings API: late evening in Los Angeles', async () => {
    // 22:30 in Los Angeles on December 1 is 06:30 UTC on December 2.
    const alexa = await openDialog({ startAt: '2026-12-02T06:30:00Z', deviceTimeZone: 'America/Los_Angeles' });
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');
    await alexa.say('stop');
    alexa.wait(HOUR_MS);

    const sameEvening = await alexa.say('open range of motion coach');
    await alexa.say('stop');
    alexa.wait(2 * HOUR_MS);
    await alexa.say('open range of motion coach');
    const saved = await alexa.store.load(alexa.userKey);

    expect(sameEvening.text).toMatch(/welcome back/i);
    expect(saved?.state.timeZone).toBe('America/Los_Angeles');
    expect(saved?.state.today.day).toBe('2026-12-02');
    expect(saved?.state.previousDay?.day).toBe('2026-12-01');
    expect(alexa.alexaApi.requests.some((r) => r.path.endsWith('/settings/System.timeZone') && r.authorization === 'Bearer local-token')).toBe(true);
  });

  it('falls back to the cached zone when the Settings API is too slow, without delaying the answer', async () => {
    const alexa = await openDialog({ startAt: '2026-12-02T06:30:00Z', deviceTimeZone: 'America/Los_Angeles' });
    await alexa.say('open range of motion coach');
    await alexa.say('stop');
    alexa.alexaApi.delayMs = 2000;

    const started = Date.now();
    await alexa.say('open range of motion coach');

    expect(Date.now() - started).toBeLessThan(1500);
    expect((await alexa.store.load(alexa.userKey))?.state.timeZone).toBe('America/Los_Angeles');
  });

  it('suggests asking the therapist to review a plan older than 90 days', async () => {
    const alexa = await openDialog();
    await alexa.plans.save(DEFAULT_PLAN_OWNER, { ...TWO_EXERCISE_PLAN, reviewedOn: '2026-07-01' }, Date.now());

    const launch = await alexa.say('open range of motion coach');

    expect(launch.text).toMatch(/ask the therapist to look at it again/i);
  });
});

describe('a day counted in a guessed zone', () => {
  it('is corrected, not closed, when the device zone first answers with an earlier date', async () => {
    // 21:30 in Los Angeles on December 1 is already December 2 in New York, the en-US guess.
    const alexa = await openDialog({ startAt: '2026-12-02T05:30:00Z', deviceTimeZone: null });
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');
    await alexa.say('ready');
    await alexa.say('next');
    await alexa.say('stop');
    alexa.alexaApi.timeZone = 'America/Los_Angeles';
    alexa.wait(10 * MINUTE_MS);

    const relaunch = await alexa.say('open range of motion coach');
    const saved = await alexa.store.load(alexa.userKey);

    expect(relaunch.text).not.toMatch(/unfinished|starts fresh/i);
    expect(saved?.state.today.day).toBe('2026-12-01');
    expect(Object.values(saved?.state.today.outcomes ?? {}).filter((o) => o.outcome === 'completed')).toHaveLength(1);
    expect(saved?.state.previousDay).toBeNull();
  });
});

describe('the device time zone', () => {
  it('is taken from the Settings API once a local day; later launches that day use the zone kept with the user', async () => {
    const alexa = await openDialog({ startAt: '2026-12-02T15:00:00Z', deviceTimeZone: 'America/Chicago' });
    await alexa.say('open range of motion coach');
    await alexa.say('stop');
    alexa.alexaApi.timeZone = 'America/Denver'; // the device moved, or the API answers late: not waited for today
    alexa.wait(2 * HOUR_MS);

    await alexa.say('open range of motion coach');
    await alexa.say('stop');
    const sameDay = await alexa.store.load(alexa.userKey);
    alexa.wait(24 * HOUR_MS);
    await alexa.say('open range of motion coach');
    const nextDay = await alexa.store.load(alexa.userKey);

    expect(sameDay?.state.timeZone).toBe('America/Chicago');
    expect(nextDay?.state.timeZone).toBe('America/Denver');
  });
});

describe('a day whose history write fails when it closes', () => {
  it('is kept with the progress and filed by a later turn, so the week still counts it', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');
    await alexa.say('ready');
    await alexa.say('next');
    await alexa.say('stop');
    const putDay = alexa.history.putDay.bind(alexa.history);
    alexa.history.putDay = async () => {
      throw new Error('DynamoDB is down');
    };
    alexa.wait(24 * HOUR_MS);

    await alexa.say('open range of motion coach');
    const carried = await alexa.store.load(alexa.userKey);
    alexa.history.putDay = putDay;
    const week = await alexa.say('how did we do this week');

    expect(carried?.state.unfiledDay?.day).toBe('2026-12-01');
    expect(await alexa.history.queryDays(alexa.userKey, '2026-11-01', '2026-12-31')).toHaveLength(1);
    expect((await alexa.store.load(alexa.userKey))?.state.unfiledDay).toBeNull();
    expect(week.text).toMatch(/\b1 of the last 7 days/i);
  });
});

describe('a day of legs and arms', () => {
  async function untilDone(alexa: Dialog, first: string) {
    let reply = await yesIfAskedAboutHands(alexa, await alexa.say(first));
    const heard = [reply.text];
    while (/say ready/i.test(reply.text)) {
      await alexa.say('ready');
      reply = await yesIfAskedAboutHands(alexa, await alexa.say('next'));
      heard.push(reply.text);
    }
    return { last: reply, heard };
  }

  it('starts the arms at once after the legs, in another session the same day, and sums the day up as one', async () => {
    const alexa = await openDialog();
    await doTheLegRoutine(alexa);
    alexa.wait(4 * HOUR_MS);

    const launch = await alexa.say('open range of motion coach');
    const arms = await untilDone(alexa, 'start the arm exercises');
    const summary = await alexa.say('yes');

    expect(launch.text).toMatch(/leg exercises are done for today/i);
    expect(launch.text).toMatch(/arm exercises now/i);
    expect(arms.heard[0]).toMatch(/arm routine/i);
    expect(arms.heard[0]).not.toMatch(/once a day|again anyway/i);
    expect(arms.last.text).toMatch(/today's routine is done/i);
    expect(summary.text).toMatch(/28 of 28 steps of the full routine/i);
  });

  it('goes on to the arms in the same session when the caregiver says yes after the legs', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    const legs = await untilDone(alexa, 'start the leg exercises');

    const arms = await untilDone(alexa, 'yes');

    expect(legs.last.text).toMatch(/leg exercises are done for today/i);
    expect(arms.heard[0]).toMatch(/elbow bend|arm/i);
    expect(arms.last.text).toMatch(/today's routine is done/i);
    const saved = await alexa.store.load(alexa.userKey);
    expect(Object.values(saved?.state.today.outcomes ?? {}).filter((o) => o.outcome === 'completed')).toHaveLength(28);
  });

  it('does only what is left when "everything" is asked for after the legs, and says so', async () => {
    const alexa = await openDialog();
    await doTheLegRoutine(alexa);
    alexa.wait(HOUR_MS);
    await alexa.say('open range of motion coach');

    const everything = await alexa.say('no');
    await alexa.say('open range of motion coach');
    const rest = await alexa.say('start everything');

    expect(everything.open).toBe(false);
    expect(rest.text).toMatch(/what's left of the full routine\. that's 13 steps/i);
    expect(rest.text).not.toMatch(/hip and knee bend/i);
  });

  it('asks before a second round only when every exercise of the routine is done today', async () => {
    const alexa = await openDialog();
    await doTheLegRoutine(alexa);

    await alexa.say('open range of motion coach');
    const again = await alexa.say('start the leg exercises');

    expect(again.text).toMatch(/once a day/i);
  });
});

describe('the summary card a therapist can read', () => {
  async function aMorningWithAStop(healthLog: 'off' | 'detailed') {
    const alexa = await openDialog({ healthLog });
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');
    await alexa.say('ready');
    await alexa.say('next');
    await alexa.say('ready');
    alexa.bargeIn(3000);
    await alexa.say("alexa her knee hurts, it's a six");
    await alexa.say('next');
    await alexa.say('skip');
    return alexa;
  }

  it('lists every step of the plan with its side, what was done against the dose, and how it ended', async () => {
    const alexa = await aMorningWithAStop('off');

    const reply = await alexa.say('how did we do this week');
    const card = reply.response?.card as { title: string; content: string } | undefined;
    const rows = (card?.content ?? '').split('\n').filter((line) => line.startsWith('- '));

    expect(rows).toHaveLength(15);
    expect(rows[0]).toMatch(/^- Hip and knee bend, their right leg: done, 3 reps \(plan 3 reps\)$/);
    expect(rows[1]).toMatch(/right leg: stopped before the end/);
    expect(rows.some((row) => /: skipped/.test(row))).toBe(true);
    expect(rows.at(-1)).toMatch(/left leg: not reached/);
    expect(card?.content).toMatch(/Days exercised in the last 7: 1/);
    expect(card?.content).toMatch(/No plan file/);
    expect(card?.content).not.toMatch(/knee,|out of 10|pain/i);
    expect((card?.content ?? '').length).toBeLessThan(8000);
    expect(reply.text.length).toBeLessThan(400);
  });

  it('adds the pain details only when the deployment opted in', async () => {
    const alexa = await aMorningWithAStop('detailed');

    const reply = await alexa.say('how did we do today');
    const card = reply.response?.card as { content: string } | undefined;

    expect(card?.content).toMatch(/pain reported today/i);
    expect(card?.content).toMatch(/6 out of 10/);
  });
});

describe('set-ups a caregiver can hold in their head', () => {
  const words = (text: string) => text.split(/\s+/).filter((w) => /\w/.test(w)).length;

  it('says the full set-up the first time, a short one after (the next day too), and the full one again on request', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    const firstDay = await alexa.say('start the leg exercises');
    await alexa.say('stop');
    alexa.wait(24 * HOUR_MS);
    await alexa.say('open range of motion coach');
    const nextDay = await alexa.say('start the leg exercises');
    const again = await alexa.say('repeat');

    const full = words(firstDay.text);
    expect(firstDay.text).toMatch(/slide one hand under the knee/i);
    expect(nextDay.text).toMatch(/we'll start with their right leg\. stand on their right side\. hip and knee bend\./i);
    expect(nextDay.text).toMatch(/three slow repetitions/i);
    expect(nextDay.text).not.toMatch(/slide one hand under the knee/i);
    expect(words(nextDay.text)).toBeLessThanOrEqual(Math.max(60, Math.round(full * 0.6)));
    expect(again.text).toMatch(/slide one hand under the knee/i);
  });
});
