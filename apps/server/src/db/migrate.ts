import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export interface MigrateOutcome {
  applied: string[];
}

/** Brings the schema up to date; safe to run at every start. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrateOutcome> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'ecep_migration',
    migrationLockTableName: 'ecep_migration_lock',
    // Features land in parallel with timestamps chosen up front; a database that already ran a later one
    // must still accept an earlier-named one that arrived after it. Migrations never depend on each other's order
    // beyond the foundation, which always runs first.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `数据库迁移失败 / migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
