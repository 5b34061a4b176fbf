import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export function reportQuery(db: Kysely<Database>) {
  return db
    .selectFrom('energy_report as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterprise_id')
    .innerJoin('region as g', 'g.code', 'e.region_code')
    .innerJoin('energy_report_version as v', (j) =>
      j.onRef('v.report_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'),
    )
    .select([
      'r.id',
      'r.enterprise_id',
      'e.name as enterprise_name',
      'e.region_code',
      'g.name as region_name',
      'g.level as region_level',
      'r.period_type',
      'r.period',
      'r.status',
      'r.current_version',
      'r.approved_version',
      'r.returned_reason',
      'r.is_demo',
      'r.updated_at',
      'v.content',
      'v.totals',
    ]);
}
export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>;

export async function insertReportVersion(
  db: Kysely<Database>,
  v: {
    reportId: string;
    version: number;
    content: unknown;
    totals: unknown;
    reason: string | null;
    createdBy: string;
  },
): Promise<void> {
  await db
    .insertInto('energy_report_version')
    .values({
      report_id: v.reportId,
      version: v.version,
      content: JSON.stringify(v.content),
      totals: JSON.stringify(v.totals),
      reason: v.reason,
      created_by: v.createdBy,
    })
    .execute();
}

export async function insertReportEvent(
  db: Kysely<Database>,
  e: {
    reportId: string;
    version: number;
    action: string;
    from: string | null;
    to: string;
    actor: string;
    role: string;
    comment?: string;
  },
): Promise<void> {
  await db
    .insertInto('energy_report_event')
    .values({
      report_id: e.reportId,
      version: e.version,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      actor_name: e.actor,
      actor_role: e.role,
      comment: e.comment ?? '',
    })
    .execute();
}

export async function reportVersions(db: Kysely<Database>, reportId: string) {
  return db
    .selectFrom('energy_report_version')
    .select(['version', 'created_by', 'created_at', 'reason', 'totals', 'content'])
    .where('report_id', '=', reportId)
    .orderBy('version', 'desc')
    .execute();
}

export async function reportEvents(db: Kysely<Database>, reportId: string) {
  return db
    .selectFrom('energy_report_event')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}
