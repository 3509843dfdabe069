import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PLAN_OWNER, DynamoPlanStore } from '../../lambda/store/plan-store';
import { DynamoUserRecords } from '../../lambda/store/user-records';
import { importPlan, parseArgs } from '../../scripts/plan-import';
import { freshTable, testClient } from '../support/dynamo';

const client = testClient();
const example = readFileSync(path.join(__dirname, '..', '..', 'examples', 'plan.json'), 'utf8');
let plans: DynamoPlanStore;
let users: DynamoUserRecords;

beforeAll(async () => {
  const table = await freshTable(client);
  plans = new DynamoPlanStore(client, table);
  users = new DynamoUserRecords(client, table);
});

describe('plan:import', () => {
  it('stores the example plan as the default every user without their own plan gets', async () => {
    const outcome = await importPlan(example, DEFAULT_PLAN_OWNER, plans, 1);

    expect(outcome).toMatchObject({ ok: true, exercises: 11 });
    expect(await users.load('anyone')).toMatchObject({ plan: { exercises: expect.arrayContaining([{ id: 'hip-rotation', way: 'knee-and-heel', reps: 6 }]) } });
  });

  it("prefers a user's own plan to the default", async () => {
    const own = { ...JSON.parse(example), exercises: [{ id: 'neck-rotation' }] };

    await importPlan(JSON.stringify(own), 'user-with-plan', plans, 1);

    expect(await users.load('user-with-plan')).toMatchObject({ plan: { exercises: [{ id: 'neck-rotation' }] } });
  });

  it('rejects an invalid plan with an error for each field and leaves the stored plan unchanged', async () => {
    const broken = JSON.parse(example);
    broken.exercises[0].reps = 12;
    broken.exercises[1].way = 'sideways';
    broken.exercises[2].id = 'cartwheel';
    broken.exercises[7].sides = ['middle'];
    broken.exercises.push({ id: 'neck-rotation', holdSeconds: 60 });
    broken.reviewedOn = 'last tuesday';
    const before = await users.load('anyone');

    const outcome = await importPlan(JSON.stringify(broken), DEFAULT_PLAN_OWNER, plans, 2);

    expect(outcome.ok).toBe(false);
    const problems = outcome.ok ? [] : outcome.problems.join('\n');
    expect(problems).toMatch(/exercises\.0\.reps/);
    expect(problems).toMatch(/exercises\.1\.way: use one of/);
    expect(problems).toMatch(/exercises\.2\.id: unknown exercise/);
    expect(problems).toMatch(/exercises\.7\.sides\.0/);
    expect(problems).toMatch(/exercises\.11\.holdSeconds/);
    expect(problems).toMatch(/reviewedOn/);
    expect((await users.load('anyone')).plan).toEqual(before.plan);
  });

  it('rejects a hold on a movement that goes two ways, saying which exercises can be held', async () => {
    const plan = JSON.parse(example);
    plan.exercises.push({ id: 'neck-flexion', holdSeconds: 20 });
    const before = await users.load('anyone');

    const outcome = await importPlan(JSON.stringify(plan), DEFAULT_PLAN_OWNER, plans, 4);

    expect(outcome).toEqual({ ok: false, problems: [expect.stringMatching(/^exercises\.11\.holdSeconds: neck-flexion moves two ways, so it is done as reps, not a hold; holds are for .*hamstring-stretch/)] });
    expect((await users.load('anyone')).plan).toEqual(before.plan);
  });

  it('rejects a file that is not JSON', async () => {
    expect(await importPlan('{ nope', DEFAULT_PLAN_OWNER, plans, 3)).toMatchObject({ ok: false, problems: [expect.stringMatching(/not valid JSON/)] });
  });

  it('reads the file, an optional user key and --check from the command line', () => {
    expect(parseArgs(['plan.json'])).toEqual({ file: 'plan.json', user: null, check: false });
    expect(parseArgs(['--user', 'abc', 'plan.json'])).toEqual({ file: 'plan.json', user: 'abc', check: false });
    expect(parseArgs(['plan.json', '--check'])).toEqual({ file: 'plan.json', user: null, check: true });
    expect(parseArgs([])).toHaveProperty('error');
    expect(parseArgs(['a.json', 'b.json'])).toHaveProperty('error');
    expect(parseArgs(['plan.json', '--force'])).toEqual({ error: expect.stringMatching(/unknown option --force/) });
    expect(parseArgs(['plan.json', '--user'])).toHaveProperty('error');
  });
});
