// Conversation tests talk to the real skill through the local console's resolver and envelopes:
// utterances in, speech out, with progress in a dynalite table over HTTP.
import type { RequestEnvelope, Response, ResponseEnvelope } from 'ask-sdk-model';
import { alexaRemindersApi } from '../../lambda/alexa/reminders-api';
import { settingsApiTimeZone } from '../../lambda/alexa/settings-api';
import { DEVELOPMENT_USER_KEY_SECRET } from '../../lambda/config';
import type { LogFields, Logger } from '../../lambda/logger';
import { buildSkill } from '../../lambda/skill';
import { DynamoHistoryStore } from '../../lambda/store/history-store';
import { DynamoPlanStore } from '../../lambda/store/plan-store';
import { DynamoReportCodes } from '../../lambda/store/report-codes';
import { DynamoProgressStore } from '../../lambda/store/progress-store';
import { DynamoUserRecords } from '../../lambda/store/user-records';
import { userKeyOf } from '../../lambda/user-key';
import type { Exchange } from '../../scripts/console/conversation';
import { LOCAL_USER_ID } from '../../scripts/console/envelopes';
import { VoiceConsole } from '../../scripts/console/voice-console';
import { freshTable, testClient } from './dynamo';
import { startFakeAlexaApi, type FakeAlexaApi } from '../../scripts/local/alexa-api-stub';
import { committedModel, detailedModel } from './model';
import { plainText } from './ssml';

const MODEL = committedModel();
// A HEALTH_LOG=detailed deployment deploys the detailed models (severity slot, pain-history questions).
const DETAILED_MODEL = detailedModel();

export type Reply = {
  /** What Alexa says, as plain text without the silences. */
  text: string;
  ssml: string;
  reprompt: string | null;
  /** Whether the microphone stays open for an answer. */
  open: boolean;
  intent: string | null;
  response: Response | undefined;
  exchange: Exchange;
};

export type LogLine = { level: string; event: string; fields: LogFields };

export type Dialog = {
  say(utterance: string): Promise<Reply>;
  /** Time passes with nobody speaking (or Alexa speaking): moves the request clock. */
  wait(ms: number): void;
  /** The next utterance barges in this far into the previous answer ("Alexa, that hurts" mid-set). */
  bargeIn(afterMs: number): void;
  store: DynamoProgressStore;
  users: DynamoUserRecords;
  /** The dialog's own table, for putting or reading items directly. */
  table: string;
  history: DynamoHistoryStore;
  plans: DynamoPlanStore;
  /** The loopback Settings and Reminders APIs this dialog's envelopes point at. */
  alexaApi: FakeAlexaApi;
  userKey: string;
  logs: LogLine[];
  /** The envelope of the last request sent, e.g. to send it again as Alexa's retry would. */
  lastEnvelope(): RequestEnvelope;
  /** Sends an envelope straight to the skill, outside the console's sessions. */
  invoke(envelope: RequestEnvelope): Promise<ResponseEnvelope>;
};

/** The report page's address the dialogs' skill puts on the report-code card. */
export const REPORT_ADDRESS = 'https://report.example.test/';

export type DialogOptions = {
  healthLog?: 'off' | 'detailed';
  startAt?: string;
  /** What the Settings API answers for the device's time zone (null: it cannot tell). */
  deviceTimeZone?: string | null;
  /** The user already granted the reminders permission. */
  remindersAllowed?: boolean;
};

export async function openDialog(options: DialogOptions = {}): Promise<Dialog> {
  const client = testClient();
  const table = await freshTable(client);
  const alexaApi = await startFakeAlexaApi({ timeZone: options.deviceTimeZone === undefined ? 'America/New_York' : options.deviceTimeZone });
  openApis.push(alexaApi);
  const store = new DynamoProgressStore(client, table);
  const history = new DynamoHistoryStore(client, table);
  const users = new DynamoUserRecords(client, table);
  let last: RequestEnvelope | undefined;
  const plans = new DynamoPlanStore(client, table);
  const logs: LogLine[] = [];
  const capture = (level: string) => (event: string, fields: LogFields = {}) => logs.push({ level, event, fields });
  const logger: Logger = { info: capture('info'), warn: capture('warn'), error: capture('error') };
  const skill = buildSkill({
    stores: { progress: store, users, history },
    logger,
    config: { healthLog: options.healthLog ?? 'off', userKeySecret: DEVELOPMENT_USER_KEY_SECRET, skillId: undefined },
    clock: () => Date.parse(options.startAt ?? '2026-12-01T15:00:00Z'),
    deviceTimeZone: settingsApiTimeZone(),
    reminders: alexaRemindersApi(),
    report: { codes: new DynamoReportCodes(client, table), address: REPORT_ADDRESS },
  });
  const voice = new VoiceConsole({
    model: options.healthLog === 'detailed' ? DETAILED_MODEL : MODEL,
    identity: { apiEndpoint: alexaApi.endpoint, ...(options.remindersAllowed ? { consentToken: 'consent-token' } : {}) },
    invoke: (envelope) => {
      last = envelope;
      return skill.invoke(envelope);
    },
    clock: { now: () => 0 },
    startAt: new Date(options.startAt ?? '2026-12-01T15:00:00Z'),
  });
  return {
    store,
    users,
    table,
    history,
    plans,
    lastEnvelope: () => {
      if (last === undefined) throw new Error('nothing was sent yet');
      return structuredClone(last);
    },
    invoke: (envelope) => skill.invoke(envelope),
    alexaApi,
    logs,
    userKey: userKeyOf(LOCAL_USER_ID, DEVELOPMENT_USER_KEY_SECRET),
    wait: (ms) => voice.conversation.wait(ms),
    bargeIn: (ms) => voice.conversation.bargeIn(ms),
    async say(utterance) {
      const line = utterance === '/end' ? '/end' : utterance;
      const turn = await voice.handleLine(line);
      const exchange = turn.exchanges.at(-1);
      if (exchange === undefined) throw new Error(`"${utterance}" reached no skill: ${turn.lines.map((l) => l.text).join(' | ')}`);
      if (exchange.error !== undefined) throw exchange.error;
      const response = exchange.response?.response;
      const speech = response?.outputSpeech;
      const ssml = speech?.type === 'SSML' ? speech.ssml : '';
      const repromptSpeech = response?.reprompt?.outputSpeech;
      const request = exchange.envelope.request;
      return {
        text: plainText(ssml),
        ssml,
        reprompt: repromptSpeech?.type === 'SSML' ? plainText(repromptSpeech.ssml) : null,
        open: exchange.sessionOpen,
        intent: request.type === 'IntentRequest' ? request.intent.name : null,
        response,
        exchange,
      };
    },
  };
}

const openApis: FakeAlexaApi[] = [];
afterAll(async () => {
  await Promise.all(openApis.splice(0).map((api) => api.close()));
});

/**
 * Without a plan, the hands-on exercises are asked about once ("Has the therapist shown you how to ...?"); a caregiver
 * walking a routine in these tests says yes. Returns the reply that follows the answer, or the reply given.
 */
export async function yesIfAskedAboutHands(alexa: Pick<Dialog, 'say'>, reply: Reply): Promise<Reply> {
  let current = reply;
  while (/has the therapist shown you/i.test(current.text)) current = await alexa.say('yes');
  return current;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
