// A new plan from the therapist replaces the caregiver's voice changes: imported with plan:import's own function,
// heard through the real handler against dynalite.
import { handoutPlan, type TherapistPlan } from '../../lambda/engine/therapist-plan';
import { importPlan } from '../../scripts/plan-import';
import { HOUR_MS, openDialog, type Dialog } from '../support/dialog';

const NEW_PLAN = /therapist's new plan, reviewed on December 15, 2026, is in use/i;
const SET_ASIDE = /changes made by voice to the earlier plan are set aside/i;
const WELCOME_FIRST = /^Welcome back to Range of Motion Coach. The therapist's new plan/;

function planOf(reviewedOn: string): TherapistPlan {
  return {
    ...handoutPlan(),
    reviewedOn,
    legsFirst: false,
    exercises: [{ id: 'elbow-flexion-extension', reps: 6 }, { id: 'neck-rotation' }, { id: 'neck-flexion' }],
  };
}

async function importFor(alexa: Dialog, plan: TherapistPlan): Promise<void> {
  expect(await importPlan(JSON.stringify(plan), alexa.userKey, alexa.plans, 1)).toMatchObject({ ok: true });
}

/** A session that leaves out the neck exercises and lowers the elbow bends, by voice. */
async function narrowByVoice(alexa: Dialog): Promise<void> {
  await alexa.say('open range of motion coach');
  await alexa.say('leave out the neck exercises');
  await alexa.say('yes');
  await alexa.say('do five elbow bends');
  await alexa.say('yes');
  await alexa.say('stop');
  const overrides = (await alexa.store.load(alexa.userKey))?.state.planOverrides;
  expect(overrides).toEqual({ excluded: ['neck-rotation', 'neck-flexion'], doses: { 'elbow-flexion-extension': { kind: 'reps', reps: 5 } } });
}

describe('a newer plan from the therapist', () => {
  it('clears the voice changes made against the older plan, and the next launch says so once', async () => {
    const alexa = await openDialog();
    await importFor(alexa, planOf('2026-11-20'));
    await narrowByVoice(alexa);
    alexa.wait(2 * HOUR_MS);

    await importFor(alexa, planOf('2026-12-15'));
    const launch = await alexa.say('open range of motion coach');
    const plan = await alexa.say("what's the plan");
    await alexa.say('stop');
    alexa.wait(HOUR_MS);
    const again = await alexa.say('open range of motion coach');

    expect(launch.text).toMatch(NEW_PLAN);
    expect(launch.text).toMatch(SET_ASIDE);
    expect(launch.text).toMatch(WELCOME_FIRST);
    expect(plan.text).toMatch(/the plan has 3 exercises/i);
    expect(plan.text).not.toMatch(/left out/i);
    const state = (await alexa.store.load(alexa.userKey))?.state;
    expect(state?.planOverrides).toEqual({ excluded: [], doses: {} });
    expect(state?.planFollowed).toEqual({ reviewedOn: '2026-12-15' });
    expect(again.text).not.toMatch(/new plan/i);
  });

  it('keeps the voice changes when the same plan is imported again, and says nothing', async () => {
    const alexa = await openDialog();
    await importFor(alexa, planOf('2026-11-20'));
    await narrowByVoice(alexa);
    alexa.wait(2 * HOUR_MS);

    await importFor(alexa, { ...planOf('2026-11-20'), exercises: [...planOf('2026-11-20').exercises, { id: 'shoulder-rotation' }] });
    const launch = await alexa.say('open range of motion coach');

    expect(launch.text).not.toMatch(/new plan/i);
    expect((await alexa.store.load(alexa.userKey))?.state.planOverrides.excluded).toEqual(['neck-rotation', 'neck-flexion']);
  });

  it("replaces voice changes made to the handout's routine with the therapist's first plan", async () => {
    const alexa = await openDialog();
    await narrowByVoice(alexa);
    alexa.wait(2 * HOUR_MS);

    await importFor(alexa, planOf('2026-12-15'));
    const launch = await alexa.say('open range of motion coach');

    expect(launch.text).toMatch(NEW_PLAN);
    expect(launch.text).toMatch(SET_ASIDE);
    expect((await alexa.store.load(alexa.userKey))?.state.planOverrides).toEqual({ excluded: [], doses: {} });
  });

  it("says nothing to a new user whose first session already has the therapist's plan", async () => {
    const alexa = await openDialog();
    await importFor(alexa, planOf('2026-12-15'));

    const launch = await alexa.say('open range of motion coach');

    expect(launch.text).not.toMatch(/new plan/i);
    expect((await alexa.store.load(alexa.userKey))?.state.planFollowed).toEqual({ reviewedOn: '2026-12-15' });
  });
});
