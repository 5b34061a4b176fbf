import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { backends } from '../test-support/test-db.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

const COMPACT = '20261127T0900-measurement-compact-key';

/** A migrator over `set`, with the tables and ordering `migrateToLatest` uses. */
function migratorOf(db: Kysely<Database>, set: typeof migrations): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => set },
    migrationTableName: 'ecep_migration',
    migrationLockTableName: 'ecep_migration_lock',
    allowUnorderedMigrations: true,
  });
}

/** Runs every migration named before the compact key, as a database of the previous release has them. */
async function migrateToPreviousRelease(db: Kysely<Database>): Promise<void> {
  const earlier = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < COMPACT));
  const { error } = await migratorOf(db, earlier).migrateToLatest();
  if (error) throw error;
}

async function oldStyleRows(db: Kysely<Database>, mn: string) {
  await sql`insert into monitoring_device (mn, password, name, st) values (${mn}, '1', '1号炉', '31')`.execute(
    db,
  );
  // Two months (October and November, Beijing), two factors, one of them unknown to the code table.
  await sql`create table if not exists measurement_y2026m11 partition of measurement
    for values from ('2026-11-01 00:00:00+08') to ('2026-12-01 00:00:00+08')`.execute(db);
  await sql`insert into measurement (mn, cn, data_time, factor, avg, flag, extra, packet_id, received_at) values
    (${mn}, '2051', '2026-10-31T15:59:00Z', 'a21026', 12.5, 'N', '{"SampleTime":"1"}', 7, now()),
    (${mn}, '2051', '2026-10-31T16:00:00Z', 'a21026', 13.5, 'D', null, 8, now()),
    (${mn}, '2011', '2026-10-31T16:00:00Z', 'x99001', 1.25, null, null, 9, now())`.execute(db);
}

for (const backend of backends()) {
  describe(`migration to the compact measurement key on ${backend.name}`, () => {
    it('moves every stored value, each month into its own partition', async () => {
      const db = await backend.openEmpty();
      try {
        await migrateToPreviousRelease(db.db);
        await oldStyleRows(db.db, 'MN-OLD');
        await migrateToLatest(db.db);
        const rows = await db.db
          .selectFrom('measurement')
          .select(['mn', 'cn', 'factor', 'avg', 'flag', 'extra', 'packet_id'])
          .where('mn', '=', 'MN-OLD')
          .orderBy('packet_id')
          .execute();
        expect(rows.map((r) => ({ ...r, packet_id: String(r.packet_id) }))).toEqual([
          {
            mn: 'MN-OLD',
            cn: 2051,
            factor: 'a21026',
            avg: 12.5,
            flag: 'N',
            extra: { SampleTime: '1' },
            packet_id: '7',
          },
          { mn: 'MN-OLD', cn: 2051, factor: 'a21026', avg: 13.5, flag: 'D', extra: null, packet_id: '8' },
          { mn: 'MN-OLD', cn: 2011, factor: 'x99001', avg: 1.25, flag: null, extra: null, packet_id: '9' },
        ]);
        const parts = await sql<{ part: string; n: number }>`
          select tableoid::regclass::text as part, count(*)::int as n from measurement_value group by 1 order by 1`.execute(
          db.db,
        );
        expect(parts.rows).toEqual([
          { part: 'measurement_value_y2026m10', n: 1 },
          { part: 'measurement_value_y2026m11', n: 2 },
        ]);
        // And back: undoing the migration (and any after it) gives the text-keyed table with the same values.
        const before = Object.keys(migrations)
          .filter((name) => name < COMPACT)
          .at(-1)!;
        const { error } = await migratorOf(db.db, migrations).migrateTo(before);
        expect(error).toBeUndefined();
        const back = await sql<{ cn: string; factor: string; avg: number }>`
          select cn, factor, avg from measurement where mn = 'MN-OLD' order by packet_id`.execute(db.db);
        expect(back.rows).toEqual([
          { cn: '2051', factor: 'a21026', avg: 12.5 },
          { cn: '2051', factor: 'a21026', avg: 13.5 },
          { cn: '2011', factor: 'x99001', avg: 1.25 },
        ]);
      } finally {
        await db.close();
      }
    });

    it('refuses to run (losing nothing) when rows belong to no registered device', async () => {
      const db = await backend.openEmpty();
      try {
        await migrateToPreviousRelease(db.db);
        await sql`insert into measurement (mn, cn, data_time, factor, avg, packet_id, received_at)
        values ('MN-GONE', '2051', now(), 'a21026', 1, 1, now())`.execute(db.db);
        await expect(migrateToLatest(db.db)).rejects.toThrow(/unregistered devices/);
        const still = await sql<{ n: number }>`select count(*)::int as n from measurement`.execute(db.db);
        expect(still.rows[0]?.n).toBe(1);
      } finally {
        await db.close();
      }
    });
  });
}
