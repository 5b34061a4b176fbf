import { type Kysely, sql } from 'kysely';

/**
 * Plans as stored versions, target allocations to lower levels, regional statistics with their
 * version history, and enterprise energy reports with their review workflow.
 * Nothing here is updated in place where history matters: a change is a new version row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_version')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('loaded_by', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('plan_version_pk', ['plan_id', 'version'])
    .execute();

  await db.schema
    .createTable('plan_target')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('scope_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text')
    .addColumn('base_year', 'integer')
    .addColumn('base_value', 'numeric')
    .addColumn('target_year', 'integer', (c) => c.notNull())
    .addColumn('target_value', 'numeric')
    .addColumn('change_pct', 'numeric')
    .addColumn('price_base', 'text')
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('plan_target_pk', ['plan_id', 'version', 'code', 'scope_code', 'target_year'])
    .execute();

  // A target as the higher level assigned it to a lower one (province → city, city → enterprise).
  await db.schema
    .createTable('target_allocation')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('target_code', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_pct', 'numeric')
    .addColumn('target_value', 'numeric')
    .addColumn('weight_value', 'numeric')
    .addColumn('weight_basis', 'text', (c) => c.check(sql`weight_basis in ('energy','gdp')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('target_allocation_key', ['plan_id', 'target_code', 'region_code', 'version'])
    .execute();

  await db.schema
    .createTable('region_statistic')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('Y','Q1','Q2','Q3','Q4','H1')`))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('price_base', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('preliminary','final','revised')`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint('region_statistic_key', ['region_code', 'year', 'period', 'indicator', 'version'])
    .execute();

  await db.schema
    .createTable('energy_report')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprise.id'))
    .addColumn('period_type', 'text', (c) => c.notNull().check(sql`period_type in ('month','year')`))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('draft','submitted','county_approved','city_approved','approved','returned')`),
    )
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('approved_version', 'integer')
    .addColumn('returned_reason', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('energy_report_period_key', ['enterprise_id', 'period_type', 'period'])
    .execute();

  await db.schema
    .createTable('energy_report_version')
    .addColumn('report_id', 'bigint', (c) => c.notNull().references('energy_report.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('totals', 'jsonb', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('energy_report_version_pk', ['report_id', 'version'])
    .execute();

  await db.schema
    .createTable('energy_report_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('report_id', 'bigint', (c) => c.notNull().references('energy_report.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('energy_report_event_report_idx')
    .on('energy_report_event')
    .column('report_id')
    .execute();

  // Computed results (progress, barometer, assessment) kept whenever they change, so history can be shown.
  await db.schema
    .createTable('evaluation_snapshot')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('evaluation_snapshot_key_idx')
    .on('evaluation_snapshot')
    .columns(['kind', 'key', 'id'])
    .execute();

  // Measure (措施) points of the year-end assessment, entered by the province.
  await db.schema
    .createTable('assessment_measure_score')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('points', 'jsonb', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('assessment_measure_score_pk', ['year', 'region_code', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'assessment_measure_score',
    'evaluation_snapshot',
    'energy_report_event',
    'energy_report_version',
    'energy_report',
    'region_statistic',
    'target_allocation',
    'plan_target',
    'plan_version',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
