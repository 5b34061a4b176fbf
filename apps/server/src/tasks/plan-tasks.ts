import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';

/** A task as the plans define it (packages/plans PlanTask). */
export interface PlanTaskInput {
  id: string;
  title: string;
  leadUnits: string[];
  cooperatingUnits: string[];
  deadline: string | null;
  expectedOutput?: string | null;
}

/**
 * Brings the supervised tasks of plan `planId` in line with the plan: inserts new tasks, updates title, units,
 * deadline and expected output of known ones (matched by plan id and task id), and never deletes a task or
 * touches its progress reports — a task that left the plan stays with its history. Idempotent. The supervising
 * region is `options.regionCode`, else the `scope` of the plan's latest stored version (none for a national plan, 100000), else none (every
 * supervisor sees it). Call it inside the plan-loading transaction if there is one.
 *
 * @returns how many tasks were inserted, updated and left unchanged.
 */
export async function upsertPlanTasks(
  db: Kysely<Database>,
  planId: string,
  tasks: readonly PlanTaskInput[],
  options: { regionCode?: string | null; actorName?: string } = {},
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  let regionCode = options.regionCode ?? null;
  if (options.regionCode === undefined) {
    const plan = await db
      .selectFrom('plan_version')
      .select(sql<string | null>`document->>'scope'`.as('scope'))
      .where('plan_id', '=', planId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    // A national plan (scope 100000) is supervised everywhere: no region.
    regionCode = plan?.scope && /^\d{6}$/.test(plan.scope) && plan.scope !== '100000' ? plan.scope : null;
  }
  const result = { inserted: 0, updated: 0, unchanged: 0 };
  for (const t of tasks) {
    const values = {
      title: t.title,
      lead_units: JSON.stringify(t.leadUnits),
      cooperating_units: JSON.stringify(t.cooperatingUnits),
      deadline: t.deadline,
      expected_output: t.expectedOutput ?? '',
      region_code: regionCode,
    };
    const existing = await db
      .selectFrom('supervised_task')
      .select([
        'id',
        'title',
        'lead_units',
        'cooperating_units',
        sql<string | null>`deadline::text`.as('deadline'),
        'expected_output',
        'region_code',
      ])
      .where('plan_id', '=', planId)
      .where('plan_task_id', '=', t.id)
      .executeTakeFirst();
    if (!existing) {
      const row = await db
        .insertInto('supervised_task')
        .values({ plan_id: planId, plan_task_id: t.id, source: 'plan', ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(
        db,
        { userId: null, name: options.actorName ?? 'system' },
        {
          action: 'plan-task-add',
          entity: 'supervised_task',
          entityId: row.id,
          before: null,
          after: { planId, ...t },
        },
      );
      result.inserted++;
      continue;
    }
    const same =
      existing.title === t.title &&
      JSON.stringify(existing.lead_units) === values.lead_units &&
      JSON.stringify(existing.cooperating_units) === values.cooperating_units &&
      existing.deadline === t.deadline &&
      existing.expected_output === values.expected_output &&
      existing.region_code === regionCode;
    if (same) {
      result.unchanged++;
      continue;
    }
    await db
      .updateTable('supervised_task')
      .set({ ...values, updated_at: sql`now()` })
      .where('id', '=', existing.id)
      .execute();
    await recordAudit(
      db,
      { userId: null, name: options.actorName ?? 'system' },
      {
        action: 'plan-task-update',
        entity: 'supervised_task',
        entityId: existing.id,
        before: existing,
        after: { planId, ...t },
      },
    );
    result.updated++;
  }
  return result;
}
