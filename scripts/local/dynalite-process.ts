// dynalite in a child node process, so a benchmark measures the skill without the database's CPU and memory.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { DynaliteOptions, RunningDynalite } from './dynalite';

const ReadyLineSchema = z.union([z.object({ endpoint: z.url() }), z.object({ error: z.string() })]);

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

export type RunningDynaliteProcess = RunningDynalite & { pid: number };

export async function startDynaliteProcess(options: DynaliteOptions = {}): Promise<RunningDynaliteProcess> {
  // The child is TypeScript, so it runs under tsx's loader wherever this module itself is running.
  const tsxLoader = pathToFileURL(require.resolve('tsx')).href;
  const childScript = path.join(__dirname, 'dynalite-child.ts');
  const child = spawn(process.execPath, ['--import', tsxLoader, childScript, JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const endpoint = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => settle(new Error('dynalite child did not start in time')), START_TIMEOUT_MS);
    const onExit = (code: number | null): void => settle(new Error(`dynalite child exited early (code ${String(code)})`));
    function settle(outcome: string | Error): void {
      clearTimeout(timer);
      lines.close();
      child.off('error', settle);
      child.off('exit', onExit);
      if (typeof outcome === 'string') return resolve(outcome);
      child.kill('SIGKILL');
      reject(outcome);
    }
    lines.once('line', (line) => {
      const parsed = ReadyLineSchema.safeParse(safeJson(line));
      if (!parsed.success) return settle(new Error('dynalite child printed an unexpected first line'));
      if ('error' in parsed.data) return settle(new Error(`dynalite child failed: ${parsed.data.error}`));
      settle(parsed.data.endpoint);
    });
    child.once('error', settle);
    child.once('exit', onExit);
  });

  let closing: Promise<void> | undefined;
  return {
    endpoint,
    pid: child.pid ?? -1,
    close() {
      closing ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        // Closing stdin asks for a graceful stop (LevelDB flushed); SIGKILL only if it hangs.
        child.stdin.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      })();
      return closing;
    },
  };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
