import { type Kysely, sql } from 'kysely';

/**
 * The key-project pool (重点项目动态储备库): projects with investment and expected savings, their stage history
 * (储备 → 开工 → 投产 → 达产, or 终止) with dates and evidence, and milestones with due dates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('programme_no', 'integer')
    .addColumn('enterprise_id', 'uuid', (c) => c.references('enterprise.id'))
    .addColumn('owner_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('plan_year', 'integer')
    .addColumn('planned_investment_10k_yuan', 'numeric', (c) => c.notNull())
    .addColumn('completed_investment_10k_yuan', 'numeric', (c) => c.notNull().defaultTo(0))
    .addColumn('capacity', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('expected_saving_tce_per_yr', 'numeric')
    .addColumn('expected_waste_use_t_per_yr', 'numeric')
    .addColumn('expected_emission_cut_t_per_yr', 'numeric')
    .addColumn('measured_saving_tce_per_yr', 'numeric')
    .addColumn('measured_waste_use_t_per_yr', 'numeric')
    .addColumn('stage', 'text', (c) =>
      c.notNull().check(sql`stage in ('reserve','started','operating','full_production','terminated')`),
    )
    .addColumn('stage_date', 'date')
    .addColumn('termination_reason', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('project_region_idx').on('project').column('region_code').execute();

  await db.schema
    .createTable('project_stage_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('project.id'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('stage_date', 'date', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('project_stage_event_idx')
    .on('project_stage_event')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('project_milestone')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('project.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('done_date', 'date')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('project_milestone_idx').on('project_milestone').column('project_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_milestone').ifExists().execute();
  await db.schema.dropTable('project_stage_event').ifExists().execute();
  await db.schema.dropTable('project').ifExists().execute();
}
