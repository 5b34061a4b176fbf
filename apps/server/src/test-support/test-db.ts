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

/** Creates a database of its own on the server of `url`, so test files never see each other's rows. */
async function openThrowawayPostgres(url: string): Promise<DbHandle> {
  const name = `ecep_test_${randomBytes(6).toString('hex')}`;
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
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
