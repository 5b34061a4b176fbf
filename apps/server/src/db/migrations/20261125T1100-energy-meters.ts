import { type Kysely, sql } from 'kysely';

/**
 * Energy metering (重点用能单位能耗在线监测): the meter register, raw readings, 15-minute consumption
 * buckets with their marks, per-day totals and completeness, and completeness alarms.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('energy_meter')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprise.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('energy_code', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('cumulative','interval')`))
    .addColumn('multiplier', 'float8', (c) => c.notNull().defaultTo(1).check(sql`multiplier > 0`))
    .addColumn('rollover_max', 'float8', (c) => c.check(sql`rollover_max is null or rollover_max > 0`))
    .addColumn('expected_interval_s', 'integer', (c) =>
      c.notNull().defaultTo(900).check(sql`expected_interval_s between 60 and 86400`),
    )
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('energy_meter_code_key', ['enterprise_id', 'code'])
    .execute();

  // One row per meter and instant: a resent reading is idempotent; a different value replaces the old one
  // (latest wins), counted in `revisions` and audited.
  await db.schema
    .createTable('energy_reading')
    .addColumn('meter_id', 'uuid', (c) => c.notNull().references('energy_meter.id').onDelete('cascade'))
    .addColumn('time', 'timestamptz', (c) => c.notNull())
    .addColumn('value', 'float8', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('http','mqtt','demo')`))
    .addColumn('revisions', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('energy_reading_pk', ['meter_id', 'time'])
    .execute();

  // 15-minute consumption, recomputed from the readings around any reading that arrives (late or not).
  await db.schema
    .createTable('energy_consumption_slot')
    .addColumn('meter_id', 'uuid', (c) => c.notNull().references('energy_meter.id').onDelete('cascade'))
    .addColumn('slot_start', 'timestamptz', (c) => c.notNull())
    .addColumn('consumption', 'float8')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('ok','gap','reset','rollover','decrease')`),
    )
    // When set, `consumption` covers the whole span [span_start, slot end) of a gap, not this slot alone.
    .addColumn('span_start', 'timestamptz')
    .addPrimaryKeyConstraint('energy_consumption_slot_pk', ['meter_id', 'slot_start'])
    .execute();

  await db.schema
    .createTable('energy_consumption_day')
    .addColumn('meter_id', 'uuid', (c) => c.notNull().references('energy_meter.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('consumption', 'float8')
    .addColumn('slots_expected', 'integer', (c) => c.notNull())
    .addColumn('slots_received', 'integer', (c) => c.notNull())
    .addColumn('slots_with_consumption', 'integer', (c) => c.notNull())
    .addColumn('gap_slots', 'integer', (c) => c.notNull())
    .addColumn('marks', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('energy_consumption_day_pk', ['meter_id', 'day'])
    .execute();
  await db.schema
    .createIndex('energy_consumption_day_day_idx')
    .on('energy_consumption_day')
    .columns(['day'])
    .execute();

  await db.schema
    .createTable('energy_meter_alarm')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('meter_id', 'uuid', (c) => c.notNull().references('energy_meter.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('completeness')`))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('completeness_pct', 'numeric', (c) => c.notNull())
    .addColumn('threshold_pct', 'numeric', (c) => c.notNull())
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .addUniqueConstraint('energy_meter_alarm_key', ['meter_id', 'type', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('energy_meter_alarm').ifExists().execute();
  await db.schema.dropTable('energy_consumption_day').ifExists().execute();
  await db.schema.dropTable('energy_consumption_slot').ifExists().execute();
  await db.schema.dropTable('energy_reading').ifExists().execute();
  await db.schema.dropTable('energy_meter').ifExists().execute();
}
