/**
 * The database a benchmark runs in: PGlite in memory, or a PostgreSQL database of its own on the server of
 * DATABASE_URL, created, migrated, and dropped by `drop` — a shared database emptied between runs would carry
 * dead rows into the next one.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle, migrateToLatest } from '../apps/server/src/index.js';

export interface BenchDb {
  handle: DbHandle;
  /** The PostgreSQL database's URL (for pg clients of the bench itself); undefined on PGlite. */
  url?: string;
  drop(): Promise<void>;
}

export async function openBenchDb(kind: 'pglite' | 'postgres', prefix = 'ecep_bench'): Promise<BenchDb> {
  if (kind === 'pglite') {
    const handle = await createDb({ databaseUrl: null, dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return { handle, drop: () => handle.close() };
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('set DATABASE_URL (PostgreSQL) for this benchmark');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString(), dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
