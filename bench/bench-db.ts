/**
 * The database a benchmark runs in: PGlite in a throw-away data directory on disk (as `ecep serve` runs it;
 * in memory, PGlite's file system copies a whole table file each time it grows, which dominated the e2e figures),
 * or PostgreSQL: a database of its own on the server of
 * DATABASE_URL, created, migrated, and dropped by `drop` — a shared database emptied between runs would carry
 * dead rows into the next one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type DbHandle, migrateToLatest } from '../apps/server/src/index.js';
import { openThrowawayPostgres } from '../apps/server/src/test-support/test-db.js';

export interface BenchDb {
  handle: DbHandle;
  /** The PostgreSQL database's URL (for pg clients of the bench itself); undefined on PGlite. */
  url?: string;
  drop(): Promise<void>;
}

export async function openBenchDb(kind: 'pglite' | 'postgres', prefix = 'ecep_bench'): Promise<BenchDb> {
  if (kind === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
    const handle = await createDb({ databaseUrl: null, dataDir: dir });
    await migrateToLatest(handle.db);
    return {
      handle,
      drop: async () => {
        await handle.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('set DATABASE_URL (PostgreSQL) for this benchmark');
  const handle = await openThrowawayPostgres(base, prefix);
  return { handle, url: handle.url, drop: () => handle.close() };
}
