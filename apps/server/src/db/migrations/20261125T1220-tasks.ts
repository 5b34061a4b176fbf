import { type Kysely, sql } from 'kysely';

/**
 * Task supervision (任务督办): tasks from the plans or added by hand, with lead and cooperating units and a
 * deadline; progress reports of the units and the supervisor's review; and the units a user belongs to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('org_unit_member')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_unit_member_pk', ['user_id', 'unit'])
    .execute();

  await db.schema
    .createTable('supervised_task')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'text')
    .addColumn('plan_task_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('plan','manual')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead_units', 'jsonb', (c) => c.notNull())
    .addColumn('cooperating_units', 'jsonb', (c) => c.notNull())
    .addColumn('deadline', 'date')
    .addColumn('expected_output', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('region_code', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('supervised_task_plan_key', ['plan_id', 'plan_task_id'])
    .execute();

  await db.schema
    .createTable('task_report')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('task_id', 'uuid', (c) => c.notNull().references('supervised_task.id'))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull().check(sql`percent between 0 and 100`))
    .addColumn('attachments', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('submitted','accepted','returned')`))
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('review_comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('comments', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema.createIndex('task_report_task_idx').on('task_report').column('task_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('task_report').ifExists().execute();
  await db.schema.dropTable('supervised_task').ifExists().execute();
  await db.schema.dropTable('org_unit_member').ifExists().execute();
}
