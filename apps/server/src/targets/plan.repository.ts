import type { PlanTarget } from '@ecep/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The current (highest) version of every plan, or of one. */
export async function currentPlanVersions(db: Kysely<Database>, planId?: string) {
  let q = db
    .selectFrom('plan_version')
    .selectAll()
    .distinctOn(['plan_id'])
    .orderBy('plan_id')
    .orderBy('version', 'desc');
  if (planId) q = q.where('plan_id', '=', planId);
  return q.execute();
}

export async function planVersionList(db: Kysely<Database>, planId: string) {
  return db
    .selectFrom('plan_version')
    .select(['plan_id', 'version', 'title', 'digest', 'loaded_by', 'loaded_at', 'source_file'])
    .where('plan_id', '=', planId)
    .orderBy('version', 'desc')
    .execute();
}

export async function targetsOf(
  db: Kysely<Database>,
  versions: Array<{ plan_id: string; version: number }>,
): Promise<PlanTarget[]> {
  if (versions.length === 0) return [];
  const rows = await db
    .selectFrom('plan_target')
    .selectAll()
    .where((eb) =>
      eb.or(versions.map((v) => eb.and([eb('plan_id', '=', v.plan_id), eb('version', '=', v.version)]))),
    )
    .orderBy('plan_id')
    .orderBy('code')
    .orderBy('scope_code')
    .execute();
  return rows.map((r) => ({
    planId: r.plan_id,
    code: r.code,
    name: r.name,
    type: r.type,
    unit: r.unit,
    scopeCode: r.scope_code,
    direction: r.direction,
    baseYear: r.base_year,
    baseValue: r.base_value,
    targetYear: r.target_year,
    targetValue: r.target_value,
    changePct: r.change_pct,
  }));
}

export interface PlanTargetInsert extends Omit<PlanTarget, 'planId'> {
  priceBase: string | null;
  sourceText: string;
  details: unknown;
}

export interface StorePlanResult {
  planId: string;
  version: number;
  changed: boolean;
}

/** Stores a plan as a new version when its digest differs from the current one; the old versions stay. */
export async function storePlanVersion(
  db: Kysely<Database>,
  plan: {
    id: string;
    title: string;
    digest: string;
    sourceFile: string;
    document: unknown;
    targets: PlanTargetInsert[];
  },
  by: string,
): Promise<StorePlanResult> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('plan_version')
      .select(['version', 'digest'])
      .where('plan_id', '=', plan.id)
      .orderBy('version', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (current && current.digest === plan.digest)
      return { planId: plan.id, version: current.version, changed: false };
    const version = (current?.version ?? 0) + 1;
    await trx
      .insertInto('plan_version')
      .values({
        plan_id: plan.id,
        version,
        title: plan.title,
        digest: plan.digest,
        source_file: plan.sourceFile,
        document: JSON.stringify(plan.document),
        loaded_by: by,
      })
      .execute();
    for (let i = 0; i < plan.targets.length; i += 200) {
      await trx
        .insertInto('plan_target')
        .values(
          plan.targets.slice(i, i + 200).map((t) => ({
            plan_id: plan.id,
            version,
            code: t.code,
            scope_code: t.scopeCode,
            name: t.name,
            type: t.type,
            unit: t.unit,
            direction: t.direction,
            base_year: t.baseYear,
            base_value: t.baseValue,
            target_year: t.targetYear,
            target_value: t.targetValue,
            change_pct: t.changePct,
            price_base: t.priceBase,
            source_text: t.sourceText,
            details: JSON.stringify(t.details ?? {}),
          })),
        )
        .execute();
    }
    return { planId: plan.id, version, changed: true };
  });
}

/** The latest allocation of every (plan, target, region). */
export async function currentAllocations(
  db: Kysely<Database>,
  filter: { planId?: string; targetCode?: string; parentCode?: string },
) {
  let q = db
    .selectFrom('target_allocation')
    .selectAll()
    .distinctOn(['plan_id', 'target_code', 'region_code'])
    .orderBy('plan_id')
    .orderBy('target_code')
    .orderBy('region_code')
    .orderBy('version', 'desc');
  if (filter.planId) q = q.where('plan_id', '=', filter.planId);
  if (filter.targetCode) q = q.where('target_code', '=', filter.targetCode);
  if (filter.parentCode) q = q.where('parent_code', '=', filter.parentCode);
  return q.execute();
}
