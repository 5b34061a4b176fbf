import { type Kysely, sql } from 'kysely';

/** Monthly rollups (Asia/Shanghai calendar months) built from the daily ones. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rollup_month')
    .addColumn('mn', 'text', (c) => c.notNull())
    .addColumn('factor', 'text', (c) => c.notNull())
    .addColumn('month', 'char(7)', (c) => c.notNull())
    .addColumn('avg', 'float8')
    .addColumn('min', 'float8')
    .addColumn('max', 'float8')
    .addColumn('valid_days', 'integer', (c) => c.notNull())
    .addColumn('valid', 'boolean', (c) => c.notNull())
    .addColumn('corrected_avg', 'float8')
    .addColumn('load_kg', 'float8')
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rollup_month_pk', ['mn', 'factor', 'month'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rollup_month').ifExists().execute();
}
