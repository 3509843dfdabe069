// A local DynamoDB (dynalite) on loopback, on an ephemeral port by default so parallel runs never clash.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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
  /**
   * How long to wait for a folder another process holds (a plan:import writing for a second) before giving up;
   * 0, the default, fails at once.
   */
  waitForFolderMs?: number;
};

export type RunningDynalite = {
  /** e.g. http://127.0.0.1:40123 — suitable for DYNAMODB_ENDPOINT. */
  endpoint: string;
  close(): Promise<void>;
};

export async function startDynalite(options: DynaliteOptions = {}): Promise<RunningDynalite> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`dynalite must listen on loopback, not ${host}`);
  const folder = options.path !== undefined ? await claimFolderWaiting(options.path, options.waitForFolderMs ?? 0) : null;
  const releaseFolder = folder?.release ?? (async () => undefined);
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
  const endpoint = `http://${urlHost}:${address.port}`;
  let closing: Promise<void> | undefined;
  // The folder's owner file says where it is served, so another process (plan:import) talks to it instead of opening it.
  if (folder !== null) await folder.recordEndpoint(endpoint);

  return {
    endpoint,
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

/** The folder is held by a live process; `endpoint` is where that process serves it, once it has said so. */
export class FolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly owner: number,
    readonly endpoint: string | null,
  ) {
    super(`the dynalite folder ${folder} is in use by process ${owner}`);
    this.name = 'FolderInUseError';
  }
}

type ClaimedFolder = { release(): Promise<void>; recordEndpoint(endpoint: string): Promise<void> };

/** Who holds a dynalite folder and where it serves it: null when no live process does. */
export async function folderOwner(folder: string): Promise<{ pid: number; endpoint: string | null } | null> {
  const [pidLine = '', endpointLine = ''] = (await readFile(path.join(folder, OWNER_FILE), 'utf8').catch(() => '')).split('\n');
  const pid = Number(pidLine.trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  const endpoint = endpointLine.trim();
  return { pid, endpoint: /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|localhost):\d+$/.test(endpoint) ? endpoint : null };
}

async function claimFolderWaiting(folder: string, waitMs: number): Promise<ClaimedFolder> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await claimFolder(folder);
    } catch (error) {
      if (!(error instanceof FolderInUseError) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * LevelDB allows one process per folder, and dynalite turns a lock failure into an uncaught throw on the
 * first request. So a folder is claimed up front with a pid file; one left by a dead process is taken over.
 * Once serving, the owner adds its endpoint to the file (written whole, by rename).
 */
async function claimFolder(folder: string): Promise<ClaimedFolder> {
  await mkdir(folder, { recursive: true });
  const ownerFile = path.join(folder, OWNER_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(ownerFile, `${process.pid}\n`, { flag: 'wx' });
      return {
        release: () => rm(ownerFile, { force: true }),
        recordEndpoint: async (endpoint) => {
          const staging = `${ownerFile}.${process.pid}`;
          await writeFile(staging, `${process.pid}\n${endpoint}\n`);
          await rename(staging, ownerFile);
        },
      };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
    const owner = await folderOwner(folder);
    if (owner !== null) throw new FolderInUseError(folder, owner.pid, owner.endpoint);
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
