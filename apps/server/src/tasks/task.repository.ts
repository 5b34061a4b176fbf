import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

function tasks(db: Kysely<Database>) {
  return db
    .selectFrom('supervised_task as t')
    .select([
      't.id',
      't.plan_id',
      't.plan_task_id',
      't.source',
      't.title',
      't.lead_units',
      't.cooperating_units',
      sql<string | null>`t.deadline::text`.as('deadline'),
      't.expected_output',
      't.region_code',
      't.is_demo',
      sql<
        number | null
      >`(select r.percent from task_report r where r.task_id = t.id order by r.reported_at desc, r.id limit 1)`.as(
        'last_percent',
      ),
      sql<
        number | null
      >`(select max(r.percent) from task_report r where r.task_id = t.id and r.status = 'accepted')`.as(
        'accepted_percent',
      ),
      sql<Date | null>`(select max(r.reported_at) from task_report r where r.task_id = t.id)`.as(
        'last_report_at',
      ),
      sql<string>`(select count(*) from task_report r where r.task_id = t.id and r.status = 'submitted')`.as(
        'pending',
      ),
    ]);
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof tasks>['executeTakeFirstOrThrow']>>;

/**
 * Tasks visible to a caller: those of its units when it has any (lead or cooperating), otherwise those in its
 * region prefix (and those without a region).
 */
export async function listTaskRows(
  db: Kysely<Database>,
  scope: { units: string[]; regionPrefix: string },
  filter: { planId?: string; unit?: string; q?: string },
): Promise<TaskRow[]> {
  let q = tasks(db);
  if (scope.units.length) {
    const units = JSON.stringify(scope.units);
    q = q.where(
      sql<boolean>`(t.lead_units ?| array(select jsonb_array_elements_text(${units}::jsonb)) or t.cooperating_units ?| array(select jsonb_array_elements_text(${units}::jsonb)))`,
    );
  } else if (scope.regionPrefix) {
    q = q.where((eb) =>
      eb.or([eb('t.region_code', 'is', null), eb('t.region_code', 'like', `${scope.regionPrefix}%`)]),
    );
  }
  if (filter.planId) q = q.where('t.plan_id', '=', filter.planId);
  if (filter.unit) {
    const one = JSON.stringify([filter.unit]);
    q = q.where(sql<boolean>`(t.lead_units @> ${one}::jsonb or t.cooperating_units @> ${one}::jsonb)`);
  }
  if (filter.q) q = q.where('t.title', 'like', `%${filter.q}%`);
  return q.orderBy(sql`t.deadline nulls last`).orderBy('t.title').execute();
}

export async function findTaskRow(db: Kysely<Database>, id: string) {
  return tasks(db).where('t.id', '=', id).executeTakeFirst();
}

export async function insertTask(
  db: Kysely<Database>,
  t: {
    planId: string | null;
    planTaskId: string | null;
    source: 'plan' | 'manual';
    title: string;
    leadUnits: string[];
    cooperatingUnits: string[];
    deadline: string | null;
    expectedOutput: string;
    regionCode: string | null;
    isDemo?: boolean;
  },
): Promise<string> {
  const row = await db
    .insertInto('supervised_task')
    .values({
      plan_id: t.planId,
      plan_task_id: t.planTaskId,
      source: t.source,
      title: t.title,
      lead_units: JSON.stringify(t.leadUnits),
      cooperating_units: JSON.stringify(t.cooperatingUnits),
      deadline: t.deadline,
      expected_output: t.expectedOutput,
      region_code: t.regionCode,
      is_demo: t.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function reportRows(db: Kysely<Database>, taskId: string) {
  return db
    .selectFrom('task_report')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('reported_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function unitsOf(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_unit_member')
    .select('unit')
    .where('user_id', '=', userId)
    .orderBy('unit')
    .execute();
  return rows.map((r) => r.unit);
}

export async function setUnits(db: Kysely<Database>, userId: string, units: string[]): Promise<void> {
  await db.deleteFrom('org_unit_member').where('user_id', '=', userId).execute();
  if (units.length)
    await db
      .insertInto('org_unit_member')
      .values(units.map((unit) => ({ user_id: userId, unit })))
      .execute();
}
