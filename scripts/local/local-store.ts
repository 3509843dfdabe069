// The console's embedded store, as every local script reaches it: the folder under .data/ that `npm start` keeps,
// served by the console while it runs, opened directly (and closed again) when it does not.
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { FolderInUseError, folderOwner, startDynalite } from './dynalite';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
/** The table `npm start` uses unless SKILL_TABLE names another. */
export const LOCAL_TABLE = 'range-of-motion-coach-local';
/** Where `npm start` keeps its dynalite folder and its log, relative to the project; CONSOLE_DATA_DIR moves the folder. */
export const LOCAL_DATA_ROOT = '.data';
export const DEFAULT_DATA_DIR = path.join(LOCAL_DATA_ROOT, 'dynalite');

export function localDataDir(env: Record<string, string | undefined>): string {
  const configured = env.CONSOLE_DATA_DIR;
  return path.resolve(PROJECT_ROOT, configured !== undefined && configured !== '' ? configured : DEFAULT_DATA_DIR);
}

export type LocalStore = {
  endpoint: string;
  /** 'console': a running console serves the folder; 'folder': this process opened it and must close it. */
  via: 'console' | 'folder';
  close(): Promise<void>;
};

/** How long a console that is starting up (folder claimed, not yet serving) is waited for. */
const CONSOLE_START_WAIT_MS = 15_000;
const POLL_MS = 150;

/**
 * The store in `folder`. LevelDB lets one process open a folder, so when another (the console) holds it, this talks
 * to the dynalite that process serves on loopback, as recorded in the folder's owner file; otherwise it opens the
 * folder itself. A console starting meanwhile waits for the folder (see scripts/console/main.ts), so neither
 * writes into the other's LevelDB and no write is lost.
 */
export async function openLocalStore(folder: string, waitMs = CONSOLE_START_WAIT_MS): Promise<LocalStore> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const own = await startDynalite({ path: folder });
      return { endpoint: own.endpoint, via: 'folder', close: () => own.close() };
    } catch (error) {
      if (!(error instanceof FolderInUseError)) throw error;
      const owner = error.endpoint !== null ? { endpoint: error.endpoint } : await folderOwner(folder);
      if (owner?.endpoint != null && (await answers(owner.endpoint))) {
        return { endpoint: owner.endpoint, via: 'console', close: async () => undefined };
      }
      // The owner is starting (no endpoint yet) or stopping (its endpoint no longer answers): try again shortly.
      if (Date.now() >= deadline) {
        throw new Error(`${folder} is held by process ${error.owner}, which does not serve it; is a console starting or stuck?`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

async function answers(endpoint: string): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}
