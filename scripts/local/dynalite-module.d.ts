// dynalite ships no types; this declares only the part of its API the local tooling uses.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  type DynaliteOptions = {
    /** LevelDB folder; in-memory when absent. */
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    verbose?: boolean;
    debug?: boolean;
  };

  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}
