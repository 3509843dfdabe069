import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../lambda/store/table';
import { FolderInUseError, folderOwner, isLoopback, startDynalite } from '../../scripts/local/dynalite';
import { startDynaliteProcess } from '../../scripts/local/dynalite-process';
import { openLocalStore } from '../../scripts/local/local-store';

function clientFor(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

async function tableNames(endpoint: string): Promise<string[]> {
  const client = clientFor(endpoint);
  try {
    return (await client.send(new ListTablesCommand({}))).TableNames ?? [];
  } finally {
    client.destroy();
  }
}

describe('startDynalite', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'rom-dynalite-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('serves on an ephemeral loopback port, in memory by default', async () => {
    const [a, b] = await Promise.all([startDynalite({}), startDynalite({})]);
    try {
      expect(a.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(a.endpoint).not.toBe(b.endpoint);
      const client = clientFor(a.endpoint);
      expect(await ensureTable(client, 'memory-table')).toBe(true);
      client.destroy();
      expect(await tableNames(b.endpoint)).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps tables on disk between runs when given a folder', async () => {
    const first = await startDynalite({ path: folder });
    const client = clientFor(first.endpoint);
    await ensureTable(client, 'kept-table');
    client.destroy();
    await first.close();
    await first.close(); // idempotent

    const second = await startDynalite({ path: folder });
    try {
      expect(await tableNames(second.endpoint)).toEqual(['kept-table']);
    } finally {
      await second.close();
    }
    expect(await readdir(folder)).not.toContain('dynalite-owner.pid');
  });

  it('refuses a folder another live dynalite holds, and takes over a stale claim', async () => {
    const holder = await startDynalite({ path: folder });
    try {
      await expect(startDynalite({ path: folder })).rejects.toThrow(/in use by process/);
    } finally {
      await holder.close();
    }
    await writeFile(path.join(folder, 'dynalite-owner.pid'), '999999999\n');
    const next = await startDynalite({ path: folder });
    await next.close();
  });

  it('listens on loopback only', async () => {
    await expect(startDynalite({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    expect([isLoopback('127.0.0.1'), isLoopback('localhost'), isLoopback('::1'), isLoopback('10.0.0.1')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('a folder held by another process (the console) and plan:import', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'rom-dynalite-shared-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('records where the holder serves the folder, and a second opener talks to it instead of opening the folder', async () => {
    const holder = await startDynaliteProcess({ path: folder });
    try {
      expect(await folderOwner(folder)).toEqual({ pid: holder.pid, endpoint: holder.endpoint });
      const refused = await startDynalite({ path: folder }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(FolderInUseError);
      expect(refused).toMatchObject({ owner: holder.pid, endpoint: holder.endpoint });

      const shared = await openLocalStore(folder);
      expect(shared).toMatchObject({ via: 'console', endpoint: holder.endpoint });
      const client = clientFor(shared.endpoint);
      await ensureTable(client, 'written-through');
      client.destroy();
      await shared.close(); // leaves the holder running
      expect(await tableNames(holder.endpoint)).toEqual(['written-through']);
    } finally {
      await holder.close();
    }
    expect(await folderOwner(folder)).toBeNull();
    const own = await openLocalStore(folder);
    expect(own.via).toBe('folder');
    expect(await tableNames(own.endpoint)).toEqual(['written-through']);
    await own.close();
  });

  it('waits for a holder that is starting (claimed, not yet serving), and one that lets go', async () => {
    // A claim with no endpoint yet, by a live process (this one's parent stands in for it).
    await writeFile(path.join(folder, 'dynalite-owner.pid'), `${process.ppid}\n`);
    await expect(openLocalStore(folder, 300)).rejects.toThrow(/does not serve it/);
    await rm(path.join(folder, 'dynalite-owner.pid'));

    const holder = await startDynaliteProcess({ path: folder });
    // The console waits for a plan:import that holds the folder for a moment.
    const waiting = startDynalite({ path: folder, waitForFolderMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await holder.close();
    const after = await waiting;
    expect(await folderOwner(folder)).toMatchObject({ pid: process.pid, endpoint: after.endpoint });
    await after.close();
  });
});

describe('startDynaliteProcess', () => {
  it('runs dynalite in a child process and stops it on close', async () => {
    const running = await startDynaliteProcess({});
    try {
      expect(running.pid).not.toBe(process.pid);
      expect(await tableNames(running.endpoint)).toEqual([]);
    } finally {
      await running.close();
    }
    expect(() => process.kill(running.pid, 0)).toThrow();
  });

  it('reports a child that cannot start', async () => {
    await expect(startDynaliteProcess({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
