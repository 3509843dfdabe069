import type { RequestEnvelope } from 'ask-sdk-model';
import { PersistenceError } from '../../lambda/errors';
import { buildSkill } from '../../lambda/skill';
import { DEFAULT_PLAN_OWNER } from '../../lambda/store/plan-store';
import { handoutPlan } from '../../lambda/engine/therapist-plan';
import { HOUR_MS, openDialog } from '../support/dialog';

describe('privacy and replays', () => {
  it('deletes every item of a user who disabled the skill, and nobody else’s', async () => {
    const alexa = await openDialog();
    await alexa.plans.save(alexa.userKey, { ...handoutPlan(), reviewedOn: '2026-11-20' }, 1);
    await alexa.plans.save(DEFAULT_PLAN_OWNER, { ...handoutPlan(), reviewedOn: '2026-11-20' }, 1);
    await alexa.say('ask range of motion coach to start the leg exercises');
    await alexa.say('ready');
    await alexa.say('next');
    await alexa.say('stop');
    alexa.wait(30 * HOUR_MS);
    await alexa.say('open range of motion coach');
    await alexa.say('stop');
    expect(await alexa.history.queryDays(alexa.userKey, '2026-11-01', '2026-12-31')).toHaveLength(1);

    const launch = alexa.lastEnvelope();
    const disabled = {
      version: '1.0',
      context: launch.context,
      request: {
        type: 'AlexaSkillEvent.SkillDisabled',
        requestId: 'event-1',
        timestamp: launch.request.timestamp,
        eventCreationTime: launch.request.timestamp,
        eventPublishingTime: launch.request.timestamp,
        body: { userInformationPersistenceStatus: 'NOT_PERSISTED' },
      },
    } as unknown as RequestEnvelope;
    const reply = await alexa.invoke(disabled);

    expect(reply.response.outputSpeech).toBeUndefined();
    expect(await alexa.store.load(alexa.userKey)).toBeNull();
    expect(await alexa.history.queryDays(alexa.userKey, '2026-11-01', '2026-12-31')).toEqual([]);
    expect((await alexa.users.load(alexa.userKey)).plan).not.toBeNull(); // the deployment's default plan stays
    expect(JSON.stringify(alexa.logs)).not.toMatch(/LOCAL-CONSOLE-USER/);
  });

  it('does not apply a request twice when Alexa sends it again', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');
    await alexa.say('ready');
    await alexa.say('next');
    const sent = alexa.lastEnvelope();
    const before = await alexa.store.load(alexa.userKey);

    const again = await alexa.invoke(sent);
    const after = await alexa.store.load(alexa.userKey);

    expect(after?.state.today.current).toEqual(before?.state.today.current);
    expect(after?.version).toBe(before?.version);
    expect(again.response.shouldEndSession).toBe(false);
  });
});

describe('when storage fails outside a conversation', () => {
  function skillWhoseStoresFail() {
    const fail = async (): Promise<never> => {
      throw new PersistenceError('DynamoDB is down', 'BatchWriteItem', 'table');
    };
    return buildSkill({
      stores: { progress: { load: fail, save: fail, remove: fail }, users: { load: fail, loadPlan: fail, deleteAll: fail }, history: { putDay: fail, queryDays: fail } },
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      config: { healthLog: 'off', userKeySecret: { id: 'k1', value: 'a-secret-of-sixteen+' }, skillId: undefined },
      clock: () => 0,
      deviceTimeZone: async () => null,
      reminders: { createDaily: async () => ({ ok: false, reason: 'error' }), remove: async () => ({ ok: false }) },
    });
  }

  it('fails the SKILL_DISABLED invocation, so Alexa delivers the deletion again, instead of answering it with speech', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    const launch = alexa.lastEnvelope();
    const disabled = {
      version: '1.0',
      context: launch.context,
      request: { type: 'AlexaSkillEvent.SkillDisabled', requestId: 'event-2', timestamp: launch.request.timestamp, body: { userInformationPersistenceStatus: 'NOT_PERSISTED' } },
    } as unknown as RequestEnvelope;

    await expect(skillWhoseStoresFail().invoke(disabled)).rejects.toThrow(/SkillDisabled failed/);
  });

  it('says nothing to a SessionEndedRequest whose work failed', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    const launch = alexa.lastEnvelope();
    const ended = {
      ...launch,
      session: { ...launch.session!, new: false, attributes: { rom: 'not a state' } },
      request: { type: 'SessionEndedRequest', requestId: 'ended-1', timestamp: launch.request.timestamp, locale: 'en-US', reason: 'ERROR' },
    } as unknown as RequestEnvelope;
    const noUser = { ...ended, context: { ...ended.context, System: { ...ended.context.System, user: undefined } } } as unknown as RequestEnvelope;

    const reply = await skillWhoseStoresFail().invoke(noUser);

    expect(reply.response.outputSpeech).toBeUndefined();
    expect(reply.response.reprompt).toBeUndefined();
  });
});

describe('who may call', () => {
  it('refuses a request for another skill id before any read or write', async () => {
    const calls: string[] = [];
    const spy = <T>(name: string, value: T) => {
      calls.push(name);
      return value;
    };
    const skill = buildSkill({
      stores: {
        progress: { load: async () => spy('load', null), save: async () => spy('save', 1), remove: async () => spy('remove', undefined) },
        users: {
          load: async () => spy('users.load', { progress: null, settings: null, plan: null, problems: [] }),
          loadPlan: async () => spy('users.loadPlan', { plan: null, problems: [] }),
          deleteAll: async () => spy('deleteAll', 0),
        },
        history: { putDay: async () => spy('putDay', undefined), queryDays: async () => spy('queryDays', []) },
      },
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      config: { healthLog: 'off', userKeySecret: { id: 'k1', value: 'a-secret-of-sixteen+' }, skillId: 'amzn1.ask.skill.ours' },
      clock: () => 0,
      deviceTimeZone: async () => null,
      reminders: { createDaily: async () => ({ ok: false, reason: 'error' }), remove: async () => ({ ok: false }) },
    });
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    const theirs = alexa.lastEnvelope();

    await expect(skill.invoke(theirs)).rejects.toThrow(/skill ID verification failed/i);
    expect(calls).toEqual([]);

    const ours = { ...theirs, context: { ...theirs.context, System: { ...theirs.context.System, application: { applicationId: 'amzn1.ask.skill.ours' } } } };
    await skill.invoke(ours);
    expect(calls).toContain('users.load');
  });
});
