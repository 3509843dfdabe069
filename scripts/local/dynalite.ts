// A local DynamoDB (dynalite) on loopback, on an ephemeral port by default so parallel runs never clash.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export type DynaliteOptions = {
  /** Folder for the LevelDB files, kept between runs; in-memory when absent. */
  path?: string;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** Loopback only (default 127.0.0.1): the local table holds health notes and must never face a network. */
  host?: string;
};

export type RunningDynalite = {
  /** e.g. http://127.0.0.1:40123 — suitable for DYNAMODB_ENDPOINT. */
  endpoint: string;
  close(): Promise<void>;
};

export async function startDynalite(options: DynaliteOptions = {}): Promise<RunningDynalite> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`dynalite must listen on loopback, not ${host}`);
  const releaseFolder = options.path !== undefined ? await claimFolder(options.path) : async () => undefined;
  // Tables become ACTIVE at once: nothing local should wait on simulated provisioning.
  const server = dynalite({
    ...(options.path !== undefined ? { path: options.path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });

  try {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      server.once('error', onError);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', onError);
        resolve();
      });
    });
  } catch (error) {
    await releaseFolder();
    throw error;
  }

  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;

  return {
    endpoint: `http://${urlHost}:${address.port}`,
    close() {
      // Idempotent, so an exit path and a finally block may both call it.
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error?: Error) => (error ? reject(error) : resolve()));
        // Idle keep-alive sockets from SDK clients would otherwise hold the close open.
        server.closeIdleConnections();
      }).finally(releaseFolder);
      return closing;
    },
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

const OWNER_FILE = 'dynalite-owner.pid';

/**
 * LevelDB allows one process per folder, and dynalite turns a lock failure into an uncaught throw on the
 * first request. So a folder is claimed up front with a pid file; one left by a dead process is taken over.
 */
async function claimFolder(folder: string): Promise<() => Promise<void>> {
  await mkdir(folder, { recursive: true });
  const ownerFile = path.join(folder, OWNER_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(ownerFile, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(ownerFile, { force: true });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
    const owner = Number((await readFile(ownerFile, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new Error(`the dynalite folder ${folder} is in use by process ${owner}`);
    }
    await rm(ownerFile, { force: true });
  }
  throw new Error(`could not claim the dynalite folder ${folder}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
