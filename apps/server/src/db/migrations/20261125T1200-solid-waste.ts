import { type Kysely, sql } from 'kysely';

/**
 * Industrial solid-waste ledger (工业固废产生情况台账): one entry per enterprise, waste type and period, each
 * change a new version row (the old ones are kept); and the utilisation enterprises (综合利用企业台账).
 * Quantities are reported statistics: numeric, tonnes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('solid_waste_entry')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprise.id'))
    .addColumn('waste_type', 'text', (c) => c.notNull())
    .addColumn('period_type', 'text', (c) => c.notNull().check(sql`period_type in ('month','year')`))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('solid_waste_entry_key', ['enterprise_id', 'waste_type', 'period'])
    .execute();

  await db.schema
    .createTable('solid_waste_entry_version')
    .addColumn('entry_id', 'uuid', (c) => c.notNull().references('solid_waste_entry.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('opening_stock_t', 'numeric', (c) => c.notNull())
    .addColumn('generated_t', 'numeric', (c) => c.notNull())
    .addColumn('utilized_t', 'numeric', (c) => c.notNull())
    .addColumn('utilized_from_stock_t', 'numeric', (c) => c.notNull())
    .addColumn('building_materials_t', 'numeric', (c) => c.notNull())
    .addColumn('power_t', 'numeric', (c) => c.notNull())
    .addColumn('backfill_t', 'numeric', (c) => c.notNull())
    .addColumn('road_base_t', 'numeric', (c) => c.notNull())
    .addColumn('land_reclamation_t', 'numeric', (c) => c.notNull())
    .addColumn('other_use_t', 'numeric', (c) => c.notNull())
    .addColumn('disposed_t', 'numeric', (c) => c.notNull())
    .addColumn('stored_t', 'numeric', (c) => c.notNull())
    .addColumn('closing_stock_t', 'numeric', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('solid_waste_entry_version_pk', ['entry_id', 'version'])
    .execute();

  await db.schema
    .createTable('solid_waste_utilizer')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('enterprise_id', 'uuid', (c) => c.notNull().unique().references('enterprise.id'))
    .addColumn('capacities', 'jsonb', (c) => c.notNull())
    .addColumn('products', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('certification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('certificate_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('certified_until', 'date')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('solid_waste_utilizer').ifExists().execute();
  await db.schema.dropTable('solid_waste_entry_version').ifExists().execute();
  await db.schema.dropTable('solid_waste_entry').ifExists().execute();
}
