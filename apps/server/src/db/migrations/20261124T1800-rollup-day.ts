import { type Kysely, sql } from 'kysely';

/** Daily rollups (Asia/Shanghai calendar days) built from the hourly ones. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rollup_day')
    .addColumn('mn', 'text', (c) => c.notNull())
    .addColumn('factor', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('avg', 'float8')
    .addColumn('min', 'float8')
    .addColumn('max', 'float8')
    .addColumn('valid_hours', 'integer', (c) => c.notNull())
    .addColumn('valid', 'boolean', (c) => c.notNull())
    .addColumn('corrected_avg', 'float8')
    .addColumn('load_kg', 'float8')
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rollup_day_pk', ['mn', 'factor', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rollup_day').ifExists().execute();
}
