// `npm start`: talk to the skill as a caregiver would to an Echo, against a local dynalite table.
// Standard output is the conversation; the skill's log lines go to .data/console.log (`-- --verbose`: standard error).
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestEnvelope } from 'ask-sdk-model';
import { z } from 'zod';
import { parseConfig } from '../../lambda/config';
import { createDynamoClient } from '../../lambda/store/client';
import { ensureTable } from '../../lambda/store/table';
import { userKeyOf } from '../../lambda/user-key';
import type { Context } from 'aws-lambda';
import { startFakeAlexaApi, type FakeAlexaApi } from '../local/alexa-api-stub';
import { startDynalite, type RunningDynalite } from '../local/dynalite';
import { localLambdaContext } from '../local/lambda-context';
import { LOCAL_DATA_ROOT, LOCAL_TABLE, localDataDir, PROJECT_ROOT } from '../local/local-store';
import { startReportServer, type RunningReportServer } from '../local/report-server';
import { runConsoleLoop } from './console-loop';
import { LOCAL_SKILL_ID, LOCAL_USER_ID } from './envelopes';
import { buildModel } from '../../interactionModels/build-model';
import { DEFAULT_MODEL_PATH, loadInteractionModel, parseInteractionModel } from './interaction-model';
import { VoiceConsole } from './voice-console';

/** A plan:import holding the folder for a moment is waited for; another console holding it is not (it fails after this). */
const FOLDER_WAIT_MS = 10_000;

const ConsoleEnvSchema = z.object({
  /** Where dynalite keeps its files between runs. */
  CONSOLE_DATA_DIR: z.string().min(1).optional(),
  /** "1": an in-memory table, forgotten on exit. */
  CONSOLE_MEMORY: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Interaction model to resolve utterances with (tests use a fixture). */
  CONSOLE_MODEL: z.string().min(1).optional(),
  /** Module exporting `handler(event, context)` (tests use a fake skill). */
  CONSOLE_SKILL_MODULE: z.string().min(1).optional(),
  SKILL_TABLE: z.string().optional(),
  SKILL_ID: z.string().optional(),
  AWS_REGION: z.string().optional(),
  LOG_LEVEL: z.string().optional(),
  NO_COLOR: z.string().optional(),
  /** The device time zone the local Settings API answers with. */
  CONSOLE_TIME_ZONE: z.string().min(1).optional(),
  /** Where the skill's log lines go (default .data/console.log); `--verbose` sends them to standard error instead. */
  CONSOLE_LOG_FILE: z.string().min(1).optional(),
});

// Promise style (the lead's handler) or ask-sdk's callback style `Skill.lambda()`; both are accepted.
type Handler = (event: RequestEnvelope, context: Context, callback: (error: unknown, result?: unknown) => void) => unknown;

const SkillModuleSchema = z.object({
  handler: z.custom<Handler>((value) => typeof value === 'function', 'the module must export a handler function'),
});

let dynalite: RunningDynalite | undefined;
let alexaApi: FakeAlexaApi | undefined;
let reportServer: RunningReportServer | undefined;
let reportClient: ReturnType<typeof createDynamoClient> | undefined;
let logFile: WriteStream | undefined;

async function main(): Promise<number> {
  const env = ConsoleEnvSchema.parse(blankToUndefined(process.env));
  const verbose = process.argv.slice(2).includes('--verbose');
  const inMemory = env.CONSOLE_MEMORY === '1' || env.CONSOLE_MEMORY === 'true';
  const dataDir = localDataDir(env);
  const logPath = path.resolve(PROJECT_ROOT, env.CONSOLE_LOG_FILE ?? path.join(LOCAL_DATA_ROOT, 'console.log'));

  try {
    // The committed models are the published profile; HEALTH_LOG=detailed hears with the detailed variant.
    const model =
      env.CONSOLE_MODEL === undefined && process.env.HEALTH_LOG === 'detailed'
        ? parseInteractionModel(buildModel('en-US', { healthLog: 'detailed' }))
        : await loadInteractionModel(path.resolve(PROJECT_ROOT, env.CONSOLE_MODEL ?? DEFAULT_MODEL_PATH));
    // The folder's owner file records where it is served, so `npm run plan:import` writes through this console.
    dynalite = await startDynalite(inMemory ? {} : { path: dataDir, waitForFolderMs: FOLDER_WAIT_MS });
    // The skill calls Alexa's Settings and Reminders APIs at the envelope's apiEndpoint: a loopback stub here.
    alexaApi = await startFakeAlexaApi({ timeZone: env.CONSOLE_TIME_ZONE ?? 'America/New_York' });

    // The skill reads its configuration at cold start, so it must be in place before the handler is imported.
    process.env.SKILL_TABLE = env.SKILL_TABLE ?? LOCAL_TABLE;
    process.env.DYNAMODB_ENDPOINT = dynalite.endpoint; // always local: the console never touches a real table
    process.env.AWS_REGION = env.AWS_REGION ?? 'us-east-1';
    // Every request's log line, in the log file (or dimmed on standard error): the console is for seeing what the skill does.
    process.env.LOG_LEVEL = env.LOG_LEVEL ?? 'info';
    // Lambda runs Node 22; on a local Node 20 the SDK's deprecation notice is only noise in the console.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const userKey = await prepareTable(inMemory ? 'memory' : dataDir);
    // The therapist's report page on loopback (issue 15); the skill puts its address on the report-code card.
    const config = parseConfig(process.env);
    reportClient = createDynamoClient(config);
    reportServer = await startReportServer({ client: reportClient, tableName: config.tableName, secret: config.userKeySecret, healthDetails: config.healthLog === 'detailed' });
    process.env.REPORT_URL = reportServer.url;
    process.stdout.write(`report page: ${reportServer.url}\n`);

    const skillModule = path.resolve(PROJECT_ROOT, env.CONSOLE_SKILL_MODULE ?? path.join('lambda', 'index.ts'));
    const handler = await importHandler(skillModule);
    const skillId = env.SKILL_ID ?? LOCAL_SKILL_ID;
    const interactive = process.stdin.isTTY === true;
    const dimLogs = process.stderr.isTTY === true && env.NO_COLOR === undefined;
    const logSink = verbose ? stderrSink(dimLogs) : fileSink(logPath);
    const voice = new VoiceConsole({
      model,
      identity: { skillId, apiEndpoint: alexaApi.endpoint, consentToken: 'local-console-consent' },
      invoke: (envelope) => withSkillOutputTo(logSink, () => callHandler(handler, envelope)),
      about: [
        `Talking as user key ${userKey} (npm run plan:import -- plan.json --user ${userKey}).`,
        verbose ? 'Log lines: standard error.' : `Log lines: ${path.relative(process.cwd(), logPath) || logPath} (npm start -- --verbose: standard error).`,
      ],
    });
    await runConsoleLoop({
      console: voice,
      input: process.stdin,
      output: process.stdout,
      interactive,
      color: interactive && process.stdout.isTTY === true && env.NO_COLOR === undefined,
    });
    return 0;
  } catch (error) {
    process.stderr.write(`console: ${describe(error)}\n`);
    return 1;
  } finally {
    await reportServer?.close().catch(() => undefined);
    reportClient?.destroy();
    await dynalite?.close().catch(() => undefined);
    await alexaApi?.close().catch(() => undefined);
    await new Promise<void>((resolve) => (logFile === undefined ? resolve() : logFile.end(resolve)));
  }
}

/** Creates the table if it is missing; returns the user key the console's requests are stored under. */
async function prepareTable(where: string): Promise<string> {
  const config = parseConfig(process.env);
  const client = createDynamoClient(config);
  try {
    await ensureTable(client, config.tableName);
    return userKeyOf(LOCAL_USER_ID, config.userKeySecret);
  } catch (error) {
    throw new Error(
      `could not prepare table ${config.tableName} in the local DynamoDB (${where}); ` +
        'is another console using the same data folder? Try CONSOLE_MEMORY=1 or CONSOLE_DATA_DIR.',
      { cause: error },
    );
  } finally {
    client.destroy();
  }
}

async function importHandler(modulePath: string): Promise<Handler> {
  let loaded: unknown;
  try {
    loaded = await import(pathToFileURL(modulePath).href);
  } catch (error) {
    throw new Error(`could not load the skill from ${path.relative(PROJECT_ROOT, modulePath)}`, { cause: error });
  }
  // A CommonJS module imported from here may arrive with its exports under `default`.
  const candidates = [loaded, (loaded as { default?: unknown } | undefined)?.default];
  for (const candidate of candidates) {
    const parsed = SkillModuleSchema.safeParse(candidate);
    if (parsed.success) return parsed.data.handler;
  }
  throw new Error(`${path.relative(PROJECT_ROOT, modulePath)} does not export handler(event, context)`);
}

type LogSink = (chunk: string | Uint8Array) => void;

function stderrSink(dim: boolean): LogSink {
  return (chunk) => {
    process.stderr.write(dim && typeof chunk === 'string' ? chunk.replace(/^(.*?)(\n?)$/s, '\x1b[2m$1\x1b[22m$2') : chunk);
  };
}

/** Appends to the log file, opened on the first line. */
function fileSink(file: string): LogSink {
  return (chunk) => {
    if (logFile === undefined) {
      mkdirSync(path.dirname(file), { recursive: true });
      logFile = createWriteStream(file, { flags: 'a' });
      logFile.on('error', (error) => process.stderr.write(`console: cannot write the log to ${file}: ${error.message}\n`));
    }
    logFile.write(chunk);
  };
}

/**
 * The skill logs JSON lines to stdout (right for Lambda); here stdout is the conversation, so while the
 * skill runs its output goes to the log instead, and a piped session reads like a transcript.
 */
async function withSkillOutputTo<T>(sink: LogSink, run: () => Promise<T>): Promise<T> {
  const originalWrite = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink(chunk);
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  try {
    return await run();
  } finally {
    process.stdout.write = originalWrite;
  }
}

function callHandler(handler: Handler, envelope: RequestEnvelope): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const context = localLambdaContext('range-of-motion-coach-local', `local-${Date.now().toString(36)}`);
    const returned = handler(envelope, context, (error, result) => (error ? reject(error) : resolve(result)));
    if (isThenable(returned)) returned.then(resolve, reject);
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value]));
}

// dynalite reports some storage failures by throwing from a callback; say so plainly rather than with a trace.
process.on('uncaughtException', (error) => {
  // A closed pipe (e.g. `| head`) is the reader leaving, not a failure worth reporting.
  if ((error as { code?: unknown }).code !== 'EPIPE') {
    process.stderr.write(`console: unexpected failure: ${describe(error)}\n`);
  }
  const closed = dynalite?.close() ?? Promise.resolve();
  closed.catch(() => undefined).finally(() => process.exit(1));
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`console: ${describe(error)}\n`);
    process.exit(1);
  },
);
