import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

export interface ProjectFilter {
  regionPrefix: string;
  enterpriseId: string | null;
  category?: string;
  programmeNo?: number;
  stage?: string;
  filterRegionPrefix?: string;
  filterEnterpriseId?: string;
  planYear?: number;
  q?: string;
  /** Only projects with a milestone not done and due before this date. */
  overdueBefore?: string;
}

/** Projects with the number of their milestones overdue on `today`. */
function projects(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('project as p')
    .leftJoin('enterprise as ent', 'ent.id', 'p.enterprise_id')
    .select([
      'ent.credit_code as enterprise_credit_code',
      'p.id',
      'p.name',
      'p.category',
      'p.programme_no',
      'p.enterprise_id',
      'p.owner_name',
      'p.region_code',
      'p.plan_year',
      'p.planned_investment_10k_yuan',
      'p.completed_investment_10k_yuan',
      'p.capacity',
      'p.expected_saving_tce_per_yr',
      'p.expected_waste_use_t_per_yr',
      'p.expected_emission_cut_t_per_yr',
      'p.measured_saving_tce_per_yr',
      'p.measured_waste_use_t_per_yr',
      'p.stage',
      sql<string | null>`p.stage_date::text`.as('stage_date'),
      'p.termination_reason',
      'p.note',
      'p.is_demo',
      'p.version',
      sql<string>`(select count(*) from project_milestone m where m.project_id = p.id and m.done_date is null and m.due_date < ${today}::date)`.as(
        'overdue_milestones',
      ),
    ]);
}
export type ProjectRow = Awaited<ReturnType<ReturnType<typeof projects>['executeTakeFirstOrThrow']>>;

function filtered(db: Kysely<Database>, f: ProjectFilter, today: string) {
  let q = projects(db, today);
  if (f.regionPrefix) q = q.where('p.region_code', 'like', `${f.regionPrefix}%`);
  if (f.enterpriseId) q = q.where('p.enterprise_id', '=', f.enterpriseId);
  if (f.category) q = q.where('p.category', '=', f.category);
  if (f.programmeNo) q = q.where('p.programme_no', '=', f.programmeNo);
  if (f.stage) q = q.where('p.stage', '=', f.stage);
  if (f.filterRegionPrefix) q = q.where('p.region_code', 'like', `${f.filterRegionPrefix}%`);
  if (f.filterEnterpriseId) q = q.where('p.enterprise_id', '=', f.filterEnterpriseId);
  if (f.planYear) q = q.where('p.plan_year', '=', f.planYear);
  if (f.q)
    q = q.where((eb) => eb.or([eb('p.name', 'like', `%${f.q}%`), eb('p.owner_name', 'like', `%${f.q}%`)]));
  if (f.overdueBefore)
    q = q.where(
      sql<boolean>`exists (select 1 from project_milestone m where m.project_id = p.id and m.done_date is null and m.due_date < ${f.overdueBefore}::date)`,
    );
  return q;
}

export async function listProjectRows(
  db: Kysely<Database>,
  f: ProjectFilter,
  today: string,
  page?: { limit: number; offset: number },
): Promise<{ rows: ProjectRow[]; total: number }> {
  let q = filtered(db, f, today).orderBy('p.region_code').orderBy('p.name');
  if (page) q = q.limit(page.limit).offset(page.offset);
  const [rows, count] = await Promise.all([
    q.execute(),
    filtered(db, f, today)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findProjectRow(db: Kysely<Database>, id: string, today: string) {
  return projects(db, today).where('p.id', '=', id).executeTakeFirst();
}

export interface ProjectWrite {
  name: string;
  category: string;
  programmeNo: number | null;
  enterpriseId: string | null;
  ownerName: string;
  regionCode: string;
  planYear: number | null;
  plannedInvestment10kYuan: string;
  completedInvestment10kYuan: string;
  capacity: string;
  expectedSavingTcePerYr: string | null;
  expectedWasteUseTPerYr: string | null;
  expectedEmissionCutTPerYr: string | null;
  measuredSavingTcePerYr: string | null;
  measuredWasteUseTPerYr: string | null;
  note: string;
}

/** The columns a ProjectWrite stores (also to compare an imported row with the stored one). */
export function projectColumns(w: ProjectWrite) {
  return {
    name: w.name,
    category: w.category,
    programme_no: w.programmeNo,
    enterprise_id: w.enterpriseId,
    owner_name: w.ownerName,
    region_code: w.regionCode,
    plan_year: w.planYear,
    planned_investment_10k_yuan: w.plannedInvestment10kYuan,
    completed_investment_10k_yuan: w.completedInvestment10kYuan,
    capacity: w.capacity,
    expected_saving_tce_per_yr: w.expectedSavingTcePerYr,
    expected_waste_use_t_per_yr: w.expectedWasteUseTPerYr,
    expected_emission_cut_t_per_yr: w.expectedEmissionCutTPerYr,
    measured_saving_tce_per_yr: w.measuredSavingTcePerYr,
    measured_waste_use_t_per_yr: w.measuredWasteUseTPerYr,
    note: w.note,
  };
}

export async function insertProject(
  db: Kysely<Database>,
  w: ProjectWrite,
  stage: { stage: string; stageDate: string | null },
  isDemo = false,
): Promise<string> {
  const row = await db
    .insertInto('project')
    .values({ ...projectColumns(w), stage: stage.stage, stage_date: stage.stageDate, is_demo: isDemo })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProject(db: Kysely<Database>, id: string, w: ProjectWrite): Promise<void> {
  await db
    .updateTable('project')
    .set({ ...projectColumns(w), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function setProjectStage(
  db: Kysely<Database>,
  id: string,
  change: {
    fromStage: string | null;
    stage: string;
    date: string;
    evidence: string;
    reason: string;
    actorName: string;
  },
): Promise<void> {
  await db
    .updateTable('project')
    .set({
      stage: change.stage,
      stage_date: change.date,
      termination_reason: change.stage === 'terminated' ? change.reason : null,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
  await db
    .insertInto('project_stage_event')
    .values({
      project_id: id,
      from_stage: change.fromStage,
      to_stage: change.stage,
      stage_date: change.date,
      evidence: change.evidence,
      reason: change.reason,
      actor_name: change.actorName,
    })
    .execute();
}

export async function stageEvents(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('project_stage_event')
    .select([
      'from_stage',
      'to_stage',
      sql<string>`stage_date::text`.as('stage_date'),
      'evidence',
      'reason',
      'actor_name',
      'at',
    ])
    .where('project_id', '=', id)
    .orderBy('id')
    .execute();
}

export async function milestones(db: Kysely<Database>, projectId: string) {
  return db
    .selectFrom('project_milestone')
    .select([
      'id',
      'title',
      sql<string>`due_date::text`.as('due_date'),
      sql<string | null>`done_date::text`.as('done_date'),
      'note',
    ])
    .where('project_id', '=', projectId)
    .orderBy('due_date')
    .execute();
}

export async function insertMilestone(
  db: Kysely<Database>,
  projectId: string,
  m: { title: string; dueDate: string; doneDate: string | null; note: string },
): Promise<string> {
  const row = await db
    .insertInto('project_milestone')
    .values({
      project_id: projectId,
      title: m.title,
      due_date: m.dueDate,
      done_date: m.doneDate,
      note: m.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMilestone(
  db: Kysely<Database>,
  id: string,
  m: { title: string; dueDate: string; doneDate: string | null; note: string },
): Promise<void> {
  await db
    .updateTable('project_milestone')
    .set({ title: m.title, due_date: m.dueDate, done_date: m.doneDate, note: m.note })
    .where('id', '=', id)
    .execute();
}
