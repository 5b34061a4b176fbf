import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/test-db.js';
import type { DbHandle } from './create-db.js';

// Only PostgreSQL has connections to lose; PGlite runs in the process.
for (const backend of backends().filter((b) => b.name === 'postgres')) {
  describe('PostgreSQL connection lost while idle', () => {
    let db: DbHandle;
    beforeAll(async () => {
      db = await backend.open();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('neither crashes the process nor fails the next query', async () => {
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on('warning', onWarning);
      try {
        // Two pooled connections, both idle afterwards.
        await Promise.all([
          sql`select pg_sleep(0.05)`.execute(db.db),
          sql`select pg_sleep(0.05)`.execute(db.db),
        ]);
        const { name } = (await sql<{ name: string }>`select current_database() as name`.execute(db.db))
          .rows[0]!;
        // Another session ends every connection to this test's own database, as an administrator or a restart would.
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        const ended = await admin.query<{ n: number }>(
          'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        await admin.end();
        expect(ended.rows[0]!.n).toBeGreaterThanOrEqual(2);
        await new Promise((r) => setTimeout(r, 200));
        const after = await sql<{ one: number }>`select 1 as one`.execute(db.db);
        expect(after.rows).toEqual([{ one: 1 }]);
        expect(warnings.some((w) => w.includes('PostgreSQL idle connection lost'))).toBe(true);
      } finally {
        process.off('warning', onWarning);
      }
    });
  });
}
