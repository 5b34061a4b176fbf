import { type Kysely, sql } from 'kysely';

/** Hourly rollups of minute data, and the queue of hours whose minutes changed since they were rolled up. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rollup_hour')
    .addColumn('mn', 'text', (c) => c.notNull())
    .addColumn('factor', 'text', (c) => c.notNull())
    .addColumn('hour', 'timestamptz', (c) => c.notNull())
    .addColumn('avg', 'float8')
    .addColumn('min', 'float8')
    .addColumn('max', 'float8')
    .addColumn('valid_minutes', 'integer', (c) => c.notNull())
    .addColumn('received_minutes', 'integer', (c) => c.notNull())
    .addColumn('valid', 'boolean', (c) => c.notNull())
    .addColumn('corrected_avg', 'float8')
    .addColumn('load_kg', 'float8')
    .addColumn('explain', 'jsonb')
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rollup_hour_pk', ['mn', 'factor', 'hour'])
    .execute();
  await db.schema.createIndex('rollup_hour_time_idx').on('rollup_hour').columns(['hour']).execute();

  // Written in the same transaction as the minute data, so late and resent data are never missed.
  await db.schema
    .createTable('rollup_dirty_hour')
    .addColumn('mn', 'text', (c) => c.notNull())
    .addColumn('hour', 'timestamptz', (c) => c.notNull())
    .addColumn('marked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rollup_dirty_hour_pk', ['mn', 'hour'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rollup_dirty_hour').ifExists().execute();
  await db.schema.dropTable('rollup_hour').ifExists().execute();
}
