// The loopback world the measured processes live in: dynalite in its own process, the counting proxy
// and the Alexa API stub in the benchmark's process, and one measured process at a time.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../../lambda/store/client';
import { ensureTable } from '../../lambda/store/table';
import { startFakeAlexaApi } from '../../scripts/local/alexa-api-stub';
import { startDynaliteProcess } from '../../scripts/local/dynalite-process';
import type { ProcessResult } from './analysis';
import { WORKER_SCRIPT } from './bundles';
import { startCountingProxy, type CountingProxy } from './counting-proxy';
import { coldLaunch, type ScenarioContext, type TurnRecord, type Variant } from './scenarios';
import { startWorker, type Worker } from './worker-client';

export type Harness = { ctx: ScenarioContext; proxy: CountingProxy; client: DynamoDBClient; close(): Promise<void> };

export async function startHarness(startAt: Date, tables: readonly string[]): Promise<Harness> {
  // The SDK in this process (seeding, read-back) would otherwise print Node 20's deprecation notice.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynalite = await startDynaliteProcess({});
  const proxy = await startCountingProxy(dynalite.endpoint);
  const alexaApi = await startFakeAlexaApi({ timeZone: 'America/New_York' });
  const client = createDynamoClient({ region: 'us-east-1', dynamoEndpoint: dynalite.endpoint });
  for (const table of tables) await ensureTable(client, table);
  return {
    ctx: { proxy, alexaApiEndpoint: alexaApi.endpoint, startAt },
    proxy,
    client,
    async close() {
      client.destroy();
      await alexaApi.close();
      await proxy.close();
      await dynalite.close();
    },
  };
}

/** What a Lambda function's environment would hold, pointed at the loopback proxy; nothing inherited (no tsx loader). */
export function workerEnv(table: string, endpoint: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    SKILL_TABLE: table,
    DYNAMODB_ENDPOINT: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_ENV: 'production',
  };
}

/** One fresh process: the cold launch, then whatever `drive` sends it, with its memory and logs. */
export async function measuredProcess(
  h: Harness,
  target: { variant: Variant; bundle: string; table: string },
  run: number,
  drive: (worker: Worker) => Promise<TurnRecord[]>,
): Promise<ProcessResult> {
  const connectionsBefore = h.proxy.connections;
  const worker = await startWorker({ workerScript: WORKER_SCRIPT, bundle: target.bundle, env: workerEnv(target.table, h.proxy.endpoint) });
  try {
    const cold = await coldLaunch(worker, h.ctx, target.variant, run);
    const afterCold = await worker.stats();
    const warm = await drive(worker);
    const end = await worker.stats();
    // Let the last log lines arrive before counting them.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return {
      variant: target.variant,
      run,
      initMs: worker.ready.initMs,
      initCpuUs: worker.ready.initCpuUs,
      spawnToReadyMs: worker.spawnToReadyMs,
      uptimeAtReadyMs: worker.ready.uptimeAtReadyMs,
      cold,
      maxRssAfterColdKb: afterCold.maxRssKb,
      warm,
      maxRssKb: end.maxRssKb,
      logBytes: worker.takeLogBytes(),
      connections: h.proxy.connections - connectionsBefore,
    };
  } finally {
    await worker.stop();
  }
}
