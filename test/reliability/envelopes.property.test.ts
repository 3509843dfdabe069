// Property-based bad input: arbitrary request envelopes and session attributes (fast-check). The skill answers
// or refuses clearly, never throws out of skill.invoke, never hangs, and never writes a record that fails its
// own schema. Runs are few and seeded, so the file takes a few seconds and a failure replays the same way.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { positionArbitrary } from '../support/positions';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { CATALOG } from '../../lambda/catalog/catalog';
import { ROUTINES, STEP_OUTCOMES, type RoutineState } from '../../lambda/engine/types';
import { initialState } from '../../lambda/engine/state';
import { INTENT_SLOTS, INTENTS } from '../../lambda/intents';
import { SESSION_KEY, sessionAttributesFor } from '../../lambda/handlers/progress-loader';
import { documentClient } from '../../lambda/store/client';
import { parsePlanItem } from '../../lambda/store/plan-store';
import { parseProgressItem, parseSettingsItem } from '../../lambda/store/progress-store';
import { runCaregiver } from '../../scripts/soak/caregiver';
import { Device, SimUser, startRig, type Rig } from '../../scripts/soak/harness';
import { seededRandom } from '../../scripts/local/fault-proxy';

const INVOKE_LIMIT_MS = 3000;
// PROPERTY_RUNS=2000 npx jest test/reliability/envelopes explores further; the default keeps npm test quick.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 120);

let rig: Rig;
/** Real states from a routine, to mutate into valid-looking but odd session attributes. */
let realStates: RoutineState[] = [];

beforeAll(async () => {
  rig = await startRig({ dynamoEndpoint: process.env.DYNAMODB_ENDPOINT! });
  const user = new SimUser('amzn1.ask.account.property-seed');
  const report = await runCaregiver([new Device(rig, user, 'device-seed')], { random: seededRandom(11), painRate: 0.3, dropRate: 0.1, maxTurns: 60 });
  realStates = report.turns.map((t) => t.state).filter((s): s is RoutineState => s !== null);
});
afterAll(() => rig.close());

// ---- arbitraries ----------------------------------------------------------------------------------------

const USERS = ['amzn1.ask.account.prop-1', 'amzn1.ask.account.prop-2', 'amzn1.ask.account.prop-3'];
const EXERCISE_IDS = CATALOG.map((e) => e.id);
/** Mostly a well-formed value, sometimes a broken one: each envelope carries a defect or two, not ten. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>, badWeight = 1) =>
  fc.oneof({ arbitrary: good, weight: 9 }, { arbitrary: bad, weight: badWeight }) as fc.Arbitrary<T | U>;

const weirdString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '<speak>', '&amp;', '"; DROP TABLE', '\u0000', '💥', 'ünïcödé'),
  fc.integer({ min: 2000, max: 30000 }).map((n) => 'x'.repeat(n)),
);
const numberish = fc.oneof(
  fc.constantFrom('four hundred', '400', '-3', '-0', '0', '10', '11', '1e9', 'NaN', 'Infinity', '?', '3.5', '007', ' 5 '),
  fc.integer().map(String),
  fc.double().map(String),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });

const resolutions = fc.oneof(
  fc.record({ code: fc.constant('ER_SUCCESS_NO_MATCH'), values: fc.constant([] as Array<{ value: { name: string; id: string } }>) }),
  fc.record({
    code: fc.constantFrom('ER_SUCCESS_MATCH', 'ER_ERROR_TIMEOUT', 'ER_ERROR_EXCEPTION', 'WHATEVER'),
    values: fc.array(fc.record({ value: fc.record({ name: weirdString, id: fc.oneof(fc.constantFrom(...EXERCISE_IDS, ...ROUTINES, 'legs', 'knee', 'week', 'today', 'left'), weirdString) }) }), { maxLength: 3 }),
  }),
).map(({ code, values }) => ({ resolutionsPerAuthority: [{ authority: 'amzn1.er-authority.echo-sdk.x.TYPE', status: { code }, values }] }));

const slot = (name: string) =>
  fc.oneof(
    fc.constant(undefined),
    fc.constant({ name, confirmationStatus: 'NONE' }),
    fc.record({ name: fc.constant(name), value: fc.oneof(weirdString, numberish), confirmationStatus: fc.constant('NONE') }),
    fc.record({ name: fc.constant(name), value: fc.oneof(weirdString, numberish), confirmationStatus: fc.constant('NONE'), resolutions }),
    // Wrong types where Alexa would put strings and objects.
    fc.record({ name: fc.constant(name), value: anyJson, resolutions: anyJson }),
    anyJson,
  );

const SLOT_NAMES = [...new Set(Object.values(INTENT_SLOTS).flatMap((slots) => (slots ?? []).map((s) => s.name)))];
const slots = fc
  .tuple(...SLOT_NAMES.map((name) => slot(name)), fc.option(fc.dictionary(weirdString, anyJson, { maxKeys: 2 })))
  .map((values) => {
    const extra = values.pop() as Record<string, unknown> | null;
    const entries = SLOT_NAMES.map((name, i) => [name, values[i]] as const).filter(([, v]) => v !== undefined);
    return { ...Object.fromEntries(entries), ...(extra ?? {}) };
  });

const intentName = fc.oneof(fc.constantFrom(...Object.values(INTENTS)), weirdString);

const timestamp = fc.oneof(
  fc.integer({ min: Date.parse('2026-11-25T00:00:00Z'), max: Date.parse('2026-12-05T00:00:00Z') }).map((ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')),
  fc.constantFrom('not a date', '', '1970-01-01T00:00:00Z', '1960-06-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', '2026-13-45T99:00:00Z'),
  anyJson,
);

/** Valid by the session schema, odd in content: the engine must cope with any state its schema admits. */
function oddState(base: RoutineState) {
  const step = fc.record({ exerciseId: fc.constantFrom(...EXERCISE_IDS, 'zz-unknown'), side: fc.constantFrom('left', 'right', null) });
  const position = positionArbitrary(
    step,
    fc.record({ atMs: fc.nat(), endsAtMs: fc.nat(), amount: fc.integer({ min: 0, max: 30 }) }),
    fc.constantFrom(...EXERCISE_IDS, 'zz'),
    fc.record({ kind: fc.constant('setReps' as const), exerciseId: fc.constantFrom(...EXERCISE_IDS, 'zz'), reps: fc.integer({ min: 1, max: 10 }) }),
  );
  const day = fc.constantFrom('2026-11-30', '2026-12-01', '2026-12-02', '1999-01-01', '2099-12-31');
  return fc
    .record({
      day,
      routine: fc.constantFrom(...ROUTINES, null),
      position,
      skipped: fc.subarray([...EXERCISE_IDS, 'zz']),
      outcome: fc.option(fc.tuple(step, fc.constantFrom(...STEP_OUTCOMES), fc.integer({ min: 0, max: 30 }))),
      excluded: fc.oneof(fc.constant([] as string[]), fc.constant(EXERCISE_IDS), fc.subarray(EXERCISE_IDS)),
      lastTurnAtMs: fc.option(fc.nat()),
      paceFactor: fc.double({ min: 1, max: 2, noNaN: true }),
      voice: fc.integer({ min: 50, max: 100 }),
    })
    .map((o): RoutineState => ({
      ...base,
      today: {
        ...base.today,
        day: o.day,
        routine: o.routine,
        ...o.position,
        skippedExerciseIds: o.skipped,
        outcomes: o.outcome === null ? base.today.outcomes : { ...base.today.outcomes, [`${o.outcome[0].exerciseId}/${o.outcome[0].side ?? 'both'}`]: { outcome: o.outcome[1], amount: o.outcome[2] } },
      },
      planOverrides: { ...base.planOverrides, excluded: o.excluded },
      lastTurnAtMs: o.lastTurnAtMs,
      prefs: { paceFactor: o.paceFactor, voiceRatePercent: o.voice },
    }));
}


const sessionAttributes = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: fc.constant({}), weight: 1 },
  { arbitrary: anyJson.map((rom) => ({ [SESSION_KEY]: rom })), weight: 1 },
  {
    weight: 6,
    arbitrary: fc.record({ v: mostly(fc.nat(50), fc.oneof(fc.integer({ min: -5, max: -1 }), anyJson)), p: fc.constant(null) }).chain((r) =>
    fc.integer({ min: 0, max: 1_000_000 }).chain((pick) =>
      (realStates.length === 0 ? fc.constant(initialState('2026-12-01')) : oddState(realStates[pick % realStates.length]!)).map((state) => ({ [SESSION_KEY]: { ...r, s: state } })),
    ),
  ),
  },
  { arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((pick) => sessionAttributesFor({ state: realStates[pick % Math.max(1, realStates.length)] ?? initialState('2026-12-01'), plan: null }, 1)), weight: 4 },
  { arbitrary: fc.record({ v: fc.nat(50), s: fc.oneof(fc.string(), anyJson.map((json) => JSON.stringify(json) ?? '')) }).map((rom) => ({ [SESSION_KEY]: rom })), weight: 1 },
  { arbitrary: anyJson, weight: 1 },
);

const REQUEST_TYPES = [
  'LaunchRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'System.ExceptionEncountered',
  'CanFulfillIntentRequest',
  'Alexa.Presentation.APL.UserEvent',
  'Display.ElementSelected',
  'Connections.Response',
  'AlexaSkillEvent.SkillEnabled',
  'AlexaSkillEvent.SkillDisabled',
  'AlexaSkillEvent.SkillPermissionAccepted',
  'AlexaSkillEvent.SkillPermissionChanged',
  'AlexaSkillEvent.ProactiveSubscriptionChanged',
  'Reminders.ReminderCreated',
  'Messaging.MessageReceived',
];

const requestType = fc.oneof(
  { arbitrary: fc.constantFrom('LaunchRequest', 'IntentRequest'), weight: 12 },
  { arbitrary: fc.constantFrom(...REQUEST_TYPES), weight: 5 },
  { arbitrary: weirdString, weight: 1 },
);

const request = fc.record(
  {
    type: requestType,
    requestId: mostly(fc.uuid().map((id) => `amzn1.echo-api.request.${id}`), fc.oneof(weirdString, anyJson)),
    timestamp: mostly(timestamp.filter((t) => typeof t === 'string' && !Number.isNaN(Date.parse(t))), timestamp),
    locale: mostly(fc.constant('en-US'), fc.oneof(fc.constantFrom('en-GB', 'de-DE', 'xx'), weirdString, anyJson)),
    intent: mostly(fc.record({ name: intentName, confirmationStatus: fc.constant('NONE'), slots }, { requiredKeys: ['name'] }), anyJson),
    reason: fc.constantFrom('USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS', 'garbage'),
    error: anyJson,
    name: fc.oneof(fc.constantFrom('AskFor', 'Buy'), weirdString),
    status: anyJson,
    payload: fc.oneof(anyJson, fc.record({ status: fc.oneof(fc.constantFrom('ACCEPTED', 'DENIED', 'NOT_ANSWERED'), anyJson) })),
    arguments: anyJson,
    body: anyJson,
    source: anyJson,
  },
  { requiredKeys: ['type', 'requestId', 'timestamp', 'locale'] },
);

const envelope = fc
  .record({
    request,
    userId: mostly(fc.constantFrom(...USERS), fc.oneof(fc.constant(undefined), weirdString, anyJson)),
    hasSession: mostly(fc.constant(true), fc.constant(false)),
    newSession: mostly(fc.boolean(), anyJson),
    attributes: sessionAttributes,
    contextShape: mostly(fc.constant('full' as const), fc.constantFrom('noUser' as const, 'noSystem' as const, 'none' as const)),
  })
  .map(({ request: r, userId, hasSession, newSession, attributes, contextShape }) => {
    const user = userId === undefined ? {} : { userId };
    const application = { applicationId: 'amzn1.ask.skill.local-console' };
    const system = { application, ...(contextShape === 'noUser' ? {} : { user }), device: { deviceId: 'prop-device', supportedInterfaces: {} } };
    return {
      version: '1.0',
      ...(hasSession ? { session: { new: newSession, sessionId: 'amzn1.echo-api.session.prop', application, user, ...(attributes !== undefined ? { attributes } : {}) } } : {}),
      ...(contextShape === 'none' ? {} : { context: contextShape === 'noSystem' ? {} : { System: system } }),
      request: r,
    } as unknown as RequestEnvelope;
  });

// ---- the properties ---------------------------------------------------------------------------------------

async function invokeWithin(envelope: RequestEnvelope): Promise<ResponseEnvelope> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`skill.invoke did not settle within ${INVOKE_LIMIT_MS} ms`)), INVOKE_LIMIT_MS);
  });
  try {
    return await Promise.race([rig.invoke(envelope).then((r) => (r.error !== undefined ? Promise.reject(r.error) : r.response!)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const SPOKEN = new Set(['LaunchRequest', 'IntentRequest']);
const tally = { answer: 0, apology: 0, silent: 0 };
afterAll(() => {
  // What the runs came to, and the distinct errors the error handler answered (all of them spoken as an apology).
  const distinct = new Set(rig.logs.filter((l) => l.event === 'request.failed').map((l) => `${l.fields.error?.name}: ${l.fields.error?.message?.slice(0, 60)}`));
  console.log(`envelopes: ${JSON.stringify(tally)}; answered by the error handler: ${[...distinct].join(' | ') || 'none'}`);
});

describe('arbitrary request envelopes', () => {
  it('are answered or refused clearly: invoke resolves in time, spoken requests get speech and an explicit shouldEndSession', async () => {
    await fc.assert(
      fc.asyncProperty(envelope, async (sent) => {
        const reply = await invokeWithin(sent);
        const speech = reply.response.outputSpeech;
        const said = speech?.type === 'SSML' ? speech.ssml : '';
        tally[said === '' ? 'silent' : /went wrong on my side/.test(said) ? 'apology' : 'answer'] += 1;
        expect(reply.version).toBe('1.0');
        const type = (sent.request as { type?: unknown }).type;
        // Whatever was written must read back: each user's progress item parses with its own schema.
        for (const userId of USERS) {
          const item = (await documentClient(rig.direct).send(new GetCommand({ TableName: rig.table, Key: { pk: rig.userKey(userId), sk: 'PROGRESS' } }))).Item;
          if (item !== undefined) expect(() => parseProgressItem(item)).not.toThrow();
        }
        if (typeof type === 'string' && SPOKEN.has(type)) {
          expect(reply.response.outputSpeech).toBeDefined();
          expect(typeof reply.response.shouldEndSession).toBe('boolean');
        } else {
          // Alexa takes no speech for events and session ends; a reply may still say nothing at all.
          expect(reply.response.shouldEndSession === undefined || typeof reply.response.shouldEndSession === 'boolean').toBe(true);
        }
      }),
      { numRuns: RUNS, seed: 20261201, endOnFailure: true },
    );
  });

  it('never leave a record behind that fails its own schema', async () => {
    const items = await rig.scanAll();
    expect(items.length).toBeGreaterThan(0);
    const days = new Map<string, number>();
    for (const item of items) {
      const sk = String(item.sk);
      const pk = String(item.pk);
      if (sk === 'PROGRESS') expect(() => parseProgressItem(item)).not.toThrow();
      else if (sk === 'SETTINGS') expect(() => parseSettingsItem(item)).not.toThrow();
      else if (sk === 'PLAN') expect(() => parsePlanItem(item)).not.toThrow();
      else if (sk.startsWith('DAY#')) days.set(pk, (days.get(pk) ?? 0) + 1);
      else throw new Error(`an item of an unknown kind: ${sk}`);
    }
    // History drops an item that fails its schema, so every stored day must come back from the query.
    for (const [userKey, count] of days) expect(await rig.history.queryDays(userKey, '1900-01-01', '9999-12-31')).toHaveLength(count);
  });
});
