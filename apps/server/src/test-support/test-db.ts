import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database; `close` drops it. */
  open(): Promise<DbHandle>;
  /** A fresh database with no schema at all (migration tests); `close` drops it. */
  openEmpty(): Promise<DbHandle>;
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
      openEmpty: () => createDb({ databaseUrl: null, dataDir: 'memory://' }),
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    list.push({
      name: 'postgres',
      open: () => openThrowawayPostgres(url),
      openEmpty: () => openThrowawayPostgres(url, 'ecep_test', { migrate: false }),
    });
  }
  return list;
}

/**
 * Creates a database of its own on the server of `url`, migrated, so test files (and benchmark runs) never see
 * each other's rows; `close` drops it. `url` of the result addresses the new database.
 */
export async function openThrowawayPostgres(
  url: string,
  prefix = 'ecep_test',
  { migrate = true } = {},
): Promise<DbHandle & { url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: target.toString(), dataDir: 'memory://' });
  if (migrate) await migrateToLatest(handle.db);
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

/** Registers bare devices (password 123456) for tests that store values of these MNs; returns their numbers. */
export async function registerDevices(
  db: DbHandle['db'],
  mns: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db
    .insertInto('monitoring_device')
    .values(mns.map((mn) => ({ mn, password: '123456', name: mn, st: '31' })))
    .returning(['id', 'mn'])
    .execute();
  return new Map(rows.map((r) => [r.mn, r.id]));
}
