import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database; `close` drops it. */
  open(): Promise<DbHandle>;
}

/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it). */
export function backends(): Backend[] {
  const list: Backend[] = [
    {
      name: 'pglite',
      open: async () => {
        const handle = await createDb({ databaseUrl: null, dataDir: 'memory://' });
        await migrateToLatest(handle.db);
        return handle;
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) list.push({ name: 'postgres', open: () => openThrowawayPostgres(url) });
  return list;
}

/**
 * Creates a database of its own on the server of `url`, migrated, so test files (and benchmark runs) never see
 * each other's rows; `close` drops it. `url` of the result addresses the new database.
 */
export async function openThrowawayPostgres(
  url: string,
  prefix = 'ecep_test',
): Promise<DbHandle & { url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: target.toString(), dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: target.toString(),
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
