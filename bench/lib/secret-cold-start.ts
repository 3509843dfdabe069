// What reading the user-key secret from Secrets Manager adds to a cold start: fresh processes of the same skill
// bundle, interleaved, with the secret from the environment's development value (no call) and from a loopback
// stand-in for Secrets Manager (scripts/local/secrets-manager-stub.ts, through the real client and
// SECRETS_MANAGER_ENDPOINT). The figure is init (the require, when the read starts) plus the first launch (which
// awaits it). A few warm turns after each cold launch check that the secret stays out of the warm path.
import { startSecretsManagerStub } from '../../scripts/local/secrets-manager-stub';
import { WORKER_SCRIPT } from './bundles';
import { workerEnv, type Harness } from './harness';
import { coldLaunch } from './scenarios';
import { median, round } from './stats';
import { startWorker } from './worker-client';

export type SecretColdStart = {
  note: string;
  runs: number;
  withoutSecretCall: { initMsP50: number; firstLaunchMsP50: number; coldStartMsP50: number };
  withSecretCall: { initMsP50: number; firstLaunchMsP50: number; coldStartMsP50: number };
  addedColdStartMsP50: number;
  secretCallsPerContainer: number[];
  secretCallsOnWarmTurns: number;
};

export async function measureSecretColdStart(h: Harness, bundle: string, table: string, runs: number, warmTurns = 5): Promise<SecretColdStart> {
  const stub = await startSecretsManagerStub();
  const figures = { without: [] as Array<{ init: number; first: number }>, with: [] as Array<{ init: number; first: number }> };
  const perContainer: number[] = [];
  let warmCalls = 0;
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const variant of run % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
        const env = {
          ...workerEnv(table, h.proxy.endpoint),
          ...(variant === 'with' ? { USER_KEY_SECRET_ARN: stub.arn, SECRETS_MANAGER_ENDPOINT: stub.endpoint } : {}),
        };
        const before = stub.calls.length;
        const worker = await startWorker({ workerScript: WORKER_SCRIPT, bundle, env });
        try {
          const cold = await coldLaunch(worker, h.ctx, 'skill', 900 + run * 2 + (variant === 'with' ? 1 : 0));
          figures[variant].push({ init: worker.ready.initMs, first: cold.wallMs });
          const afterCold = stub.calls.length;
          for (let i = 0; i < warmTurns; i += 1) await coldLaunch(worker, h.ctx, 'skill', 1900 + run * 100 + i);
          warmCalls += stub.calls.length - afterCold;
          if (variant === 'with') perContainer.push(afterCold - before);
        } finally {
          await worker.stop();
        }
      }
    }
  } finally {
    await stub.close();
  }
  const summary = (list: Array<{ init: number; first: number }>) => ({
    initMsP50: round(median(list.map((f) => f.init)), 1),
    firstLaunchMsP50: round(median(list.map((f) => f.first)), 1),
    coldStartMsP50: round(median(list.map((f) => f.init + f.first)), 1),
  });
  const without = summary(figures.without);
  const withCall = summary(figures.with);
  return {
    note: 'loopback stand-in: the network to Secrets Manager (a few ms to tens of ms in-region) comes on top; the client setup, signing and parsing are measured',
    runs,
    withoutSecretCall: without,
    withSecretCall: withCall,
    addedColdStartMsP50: round(withCall.coldStartMsP50 - without.coldStartMsP50, 1),
    secretCallsPerContainer: perContainer,
    secretCallsOnWarmTurns: warmCalls,
  };
}
