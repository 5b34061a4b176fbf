import {
  type Milestone,
  type MilestoneInput,
  type MilestoneUpdate,
  PROJECT_CATEGORIES,
  type Project,
  type ProjectCreate,
  type ProjectDetail,
  type ProjectList,
  type ProjectQuery,
  type ProjectRates,
  type ProjectStageChange,
  type ProjectUpdate,
  SHANXI_2014_PROGRAMMES,
} from '@ecep/contract';
import { Dec, type Decimal, formatGbt8170 } from '@ecep/core';
import type { Kysely } from 'kysely';
import { type Principal, regionInScope, regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import {
  type ImportCommit,
  importTransaction,
  type ParsedRow,
  type RowIssue,
  type RowOf,
} from '../excel/index.js';
import { recordAuditBy } from '../lib/record-audit-by.js';
import { recordScopeOf, recordVisibleTo } from '../lib/record-scope.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import {
  findProjectRow,
  insertMilestone,
  insertProject,
  listProjectRows,
  milestones,
  type ProjectFilter,
  type ProjectRow,
  type ProjectWrite,
  projectColumns,
  setProjectStage,
  stageEvents,
  updateMilestone,
  updateProject,
} from './project.repository.js';
import type { PROJECT_SHEET } from './project-excel.js';
import { OPERATING_STAGES, STARTED_STAGES, stageChangeRefusal, stageName } from './stage-rules.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Shanxi 2014 plan's targets for its 217 resource-utilisation and cleaner-production key projects. */
export const SHANXI_2014_PROJECT_TARGETS = [
  { code: 'project_count', name: '重点项目数', unit: '个', targetValue: '217' },
  { code: 'started_pct', name: '开工率', unit: '%', targetValue: '90' },
  { code: 'operating_pct', name: '投产率（投产或部分投产）', unit: '%', targetValue: '40' },
] as const;
const TARGET_SOURCE =
  '山西省2014年推进工业资源综合利用与清洁生产行动计划：推进217个重点项目建设，力争2014年90%项目开工建设、40%项目投产或部分投产';

const dec = (v: unknown) => (v === null || v === undefined ? null : new Dec(String(v)).toFixed());
const pct = (part: Decimal, whole: Decimal) =>
  whole.isZero() ? null : formatGbt8170(part.div(whole).times(100), 2);

const canSee = (p: Principal, row: { region_code: string; enterprise_id: string | null }) =>
  recordVisibleTo(p, row.enterprise_id, row.region_code);

function toProject(r: ProjectRow): Project {
  const planned = new Dec(String(r.planned_investment_10k_yuan));
  const completed = new Dec(String(r.completed_investment_10k_yuan));
  const running = OPERATING_STAGES.includes(r.stage);
  const expected =
    r.expected_saving_tce_per_yr === null ? null : new Dec(String(r.expected_saving_tce_per_yr));
  const measured =
    r.measured_saving_tce_per_yr === null ? null : new Dec(String(r.measured_saving_tce_per_yr));
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    categoryName: PROJECT_CATEGORIES.find((c) => c.code === r.category)?.nameZh ?? r.category,
    programmeNo: r.programme_no,
    programmeName: r.programme_no ? (SHANXI_2014_PROGRAMMES[r.programme_no - 1] ?? null) : null,
    enterpriseId: r.enterprise_id,
    enterpriseCreditCode: r.enterprise_credit_code,
    ownerName: r.owner_name,
    regionCode: r.region_code,
    planYear: r.plan_year,
    plannedInvestment10kYuan: planned.toFixed(),
    completedInvestment10kYuan: completed.toFixed(),
    investmentCompletionPct: pct(completed, planned),
    capacity: r.capacity,
    expectedSavingTcePerYr: dec(r.expected_saving_tce_per_yr),
    expectedWasteUseTPerYr: dec(r.expected_waste_use_t_per_yr),
    expectedEmissionCutTPerYr: dec(r.expected_emission_cut_t_per_yr),
    measuredSavingTcePerYr: dec(r.measured_saving_tce_per_yr),
    measuredWasteUseTPerYr: dec(r.measured_waste_use_t_per_yr),
    savingRealizationPct: running && expected && measured ? pct(measured, expected) : null,
    stage: r.stage,
    stageName: stageName(r.stage),
    stageDate: r.stage_date,
    terminationReason: r.termination_reason,
    overdueMilestones: Number(r.overdue_milestones),
    note: r.note,
    isDemo: r.is_demo,
    version: r.version,
  };
}

/** Rules and scope of the key-project pool. `clock` gives "now"; dates are Asia/Shanghai calendar days. */
export class ProjectService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Today in Asia/Shanghai, `YYYY-MM-DD`. */
  today(): string {
    return toShanghaiIso(this.clock()).slice(0, 10);
  }

  private filter(p: Principal, q: ProjectQuery): ProjectFilter {
    return {
      ...recordScopeOf(p),
      category: q.category,
      programmeNo: q.programmeNo,
      stage: q.stage,
      filterRegionPrefix: q.region ? regionPrefix(q.region) : undefined,
      filterEnterpriseId: q.enterpriseId,
      planYear: q.planYear,
      q: q.q?.trim() || undefined,
      overdueBefore: q.overdue ? this.today() : undefined,
    };
  }

  async list(p: Principal, q: ProjectQuery): Promise<ProjectList> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { rows, total } = await listProjectRows(this.db, this.filter(p, q), this.today(), {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items: rows.map(toProject), total, page, pageSize };
  }

  async get(p: Principal, id: string, db: Kysely<Database> = this.db): Promise<ProjectDetail> {
    const row = await this.visible(p, id, db);
    const today = this.today();
    const [ms, events] = await Promise.all([milestones(db, id), stageEvents(db, id)]);
    return {
      ...toProject(row),
      milestones: ms.map(
        (m): Milestone => ({
          id: m.id,
          title: m.title,
          dueDate: m.due_date,
          doneDate: m.done_date,
          note: m.note,
          overdue: m.done_date === null && m.due_date < today,
        }),
      ),
      stages: events.map((e) => ({
        fromStage: e.from_stage,
        toStage: e.to_stage,
        date: e.stage_date,
        evidence: e.evidence,
        reason: e.reason,
        actorName: e.actor_name,
        at: new Date(e.at).toISOString(),
      })),
    };
  }

  private async visible(p: Principal, id: string, db: Kysely<Database>): Promise<ProjectRow> {
    const row = UUID.test(id) ? await findProjectRow(db, id, this.today()) : undefined;
    if (!row || !canSee(p, row))
      throw new AppError('PROJECT_NOT_FOUND', `没有编号为 ${id} 的项目 / no project ${id}`);
    return row;
  }

  /** Checks the fields of a project and fills the defaults; throws PROJECT_INVALID naming the field. */
  private async validated(db: Kysely<Database>, p: Principal, input: ProjectCreate): Promise<ProjectWrite> {
    const bad = (field: string, message: string) =>
      new AppError('PROJECT_INVALID', `${field}: ${message}`, { field });
    if (input.category === 'programme' && !input.programmeNo)
      throw bad('programmeNo', '类别为“22项重点工程”时须填写重点工程序号 1–22 / programme number required');
    if (!regionInScope(p, input.regionCode))
      throw new AppError('REGION_OUT_OF_SCOPE', `regionCode: ${input.regionCode} 不在您的管辖范围内`, {
        field: 'regionCode',
      });
    const region = await db
      .selectFrom('region')
      .select('code')
      .where('code', '=', input.regionCode)
      .executeTakeFirst();
    if (!region)
      throw new AppError('REGION_NOT_FOUND', `regionCode: ${input.regionCode} 不是有效的行政区划代码`, {
        field: 'regionCode',
      });
    let ownerName = input.ownerName?.trim() ?? '';
    if (input.enterpriseId) {
      const ent = await db
        .selectFrom('enterprise')
        .select(['id', 'name', 'region_code'])
        .where('id', '=', input.enterpriseId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!ent || !regionInScope(p, ent.region_code))
        throw bad(
          'enterpriseId',
          `您的管辖范围内没有企业 ${input.enterpriseId} / no such enterprise in scope`,
        );
      ownerName ||= ent.name;
    }
    const planned = new Dec(input.plannedInvestment10kYuan);
    const completed = new Dec(input.completedInvestment10kYuan ?? 0);
    if (completed.gt(planned.times(2)))
      throw bad(
        'completedInvestment10kYuan',
        `完成投资 ${completed.toFixed()} 万元超过计划投资 ${planned.toFixed()} 万元的两倍，请核实 / more than twice the planned investment`,
      );
    const d = (v: string | number | null | undefined) =>
      v === null || v === undefined ? null : new Dec(v).toFixed();
    return {
      name: input.name.trim(),
      category: input.category,
      programmeNo: input.programmeNo ?? null,
      enterpriseId: input.enterpriseId ?? null,
      ownerName,
      regionCode: input.regionCode,
      planYear: input.planYear ?? null,
      plannedInvestment10kYuan: planned.toFixed(),
      completedInvestment10kYuan: completed.toFixed(),
      capacity: input.capacity ?? '',
      expectedSavingTcePerYr: d(input.expectedSavingTcePerYr),
      expectedWasteUseTPerYr: d(input.expectedWasteUseTPerYr),
      expectedEmissionCutTPerYr: d(input.expectedEmissionCutTPerYr),
      measuredSavingTcePerYr: d(input.measuredSavingTcePerYr),
      measuredWasteUseTPerYr: d(input.measuredWasteUseTPerYr),
      note: input.note ?? '',
    };
  }

  async create(p: Principal, input: ProjectCreate): Promise<ProjectDetail> {
    return this.db.transaction().execute(async (trx) => {
      const w = await this.validated(trx, p, input);
      const id = await insertProject(trx, w, { stage: 'reserve', stageDate: null });
      await recordAuditBy(trx, p, {
        action: 'create',
        entity: 'project',
        entityId: id,
        before: null,
        after: w,
      });
      return this.get(p, id, trx);
    });
  }

  async update(p: Principal, id: string, input: ProjectUpdate): Promise<ProjectDetail> {
    return this.db.transaction().execute(async (trx) => {
      const current = await this.visible(p, id, trx);
      if (current.version !== input.version)
        throw new AppError(
          'PROJECT_INVALID',
          `version: 项目已被修改（当前版本 ${current.version}）/ changed since version ${input.version}`,
          {
            field: 'version',
            currentVersion: current.version,
          },
        );
      const before = toProject(current);
      const merged: ProjectCreate = {
        name: input.name ?? before.name,
        category: (input.category ?? before.category) as ProjectCreate['category'],
        programmeNo: input.programmeNo !== undefined ? input.programmeNo : before.programmeNo,
        enterpriseId: input.enterpriseId !== undefined ? input.enterpriseId : before.enterpriseId,
        ownerName: input.ownerName ?? before.ownerName,
        regionCode: input.regionCode ?? before.regionCode,
        planYear: input.planYear !== undefined ? input.planYear : before.planYear,
        plannedInvestment10kYuan: input.plannedInvestment10kYuan ?? before.plannedInvestment10kYuan,
        completedInvestment10kYuan: input.completedInvestment10kYuan ?? before.completedInvestment10kYuan,
        capacity: input.capacity ?? before.capacity,
        expectedSavingTcePerYr:
          input.expectedSavingTcePerYr !== undefined
            ? input.expectedSavingTcePerYr
            : before.expectedSavingTcePerYr,
        expectedWasteUseTPerYr:
          input.expectedWasteUseTPerYr !== undefined
            ? input.expectedWasteUseTPerYr
            : before.expectedWasteUseTPerYr,
        expectedEmissionCutTPerYr:
          input.expectedEmissionCutTPerYr !== undefined
            ? input.expectedEmissionCutTPerYr
            : before.expectedEmissionCutTPerYr,
        measuredSavingTcePerYr:
          input.measuredSavingTcePerYr !== undefined
            ? input.measuredSavingTcePerYr
            : before.measuredSavingTcePerYr,
        measuredWasteUseTPerYr:
          input.measuredWasteUseTPerYr !== undefined
            ? input.measuredWasteUseTPerYr
            : before.measuredWasteUseTPerYr,
        note: input.note ?? before.note,
      };
      // An enterprise user may report progress on its own project but not move it to another owner or region.
      if (
        p.role === 'enterprise_user' &&
        (merged.enterpriseId !== before.enterpriseId || merged.regionCode !== before.regionCode)
      )
        throw new AppError(
          'FORBIDDEN',
          '企业用户不能更改项目业主或地区 / enterprise users cannot move a project',
        );
      const w =
        p.role === 'enterprise_user'
          ? await this.validatedAsOwner(trx, merged)
          : await this.validated(trx, p, merged);
      await updateProject(trx, id, w);
      await recordAuditBy(trx, p, { action: 'update', entity: 'project', entityId: id, before, after: w });
      return this.get(p, id, trx);
    });
  }

  /** Enterprise users edit their own project; its region and owner stay as the administration set them. */
  private async validatedAsOwner(db: Kysely<Database>, input: ProjectCreate): Promise<ProjectWrite> {
    const asProvince: Principal = {
      userId: '',
      username: '',
      displayName: '',
      role: 'province_admin',
      regionCode: null,
      enterpriseId: null,
    };
    return this.validated(db, asProvince, input);
  }

  /** Moves a project to another stage, with its date and evidence, by the rules of {@link stageChangeRefusal}. */
  async changeStage(
    p: Principal,
    id: string,
    change: ProjectStageChange,
    db?: Kysely<Database>,
  ): Promise<ProjectDetail> {
    const run = async (trx: Kysely<Database>) => {
      const current = await this.visible(p, id, trx);
      const refusal = stageChangeRefusal(
        { stage: current.stage, stageDate: current.stage_date },
        change,
        this.today(),
      );
      if (refusal)
        throw new AppError('PROJECT_STAGE_INVALID', refusal, {
          from: current.stage,
          to: change.stage,
          date: change.date,
          currentStageDate: current.stage_date,
          today: this.today(),
        });
      await setProjectStage(trx, id, {
        fromStage: current.stage,
        stage: change.stage,
        date: change.date,
        evidence: change.evidence ?? '',
        reason: change.reason?.trim() ?? '',
        actorName: p.username,
      });
      await recordAuditBy(trx, p, {
        action: 'stage',
        entity: 'project',
        entityId: id,
        before: { stage: current.stage, date: current.stage_date },
        after: change,
      });
      return this.get(p, id, trx);
    };
    return db ? run(db) : this.db.transaction().execute(run);
  }

  async addMilestone(p: Principal, projectId: string, m: MilestoneInput): Promise<ProjectDetail> {
    return this.db.transaction().execute(async (trx) => {
      await this.visible(p, projectId, trx);
      const id = await insertMilestone(trx, projectId, {
        title: m.title,
        dueDate: m.dueDate,
        doneDate: m.doneDate ?? null,
        note: m.note ?? '',
      });
      await recordAuditBy(trx, p, {
        action: 'milestone-add',
        entity: 'project',
        entityId: projectId,
        before: null,
        after: { id, ...m },
      });
      return this.get(p, projectId, trx);
    });
  }

  async updateMilestone(
    p: Principal,
    projectId: string,
    milestoneId: string,
    m: MilestoneUpdate,
  ): Promise<ProjectDetail> {
    return this.db.transaction().execute(async (trx) => {
      await this.visible(p, projectId, trx);
      const current = (await milestones(trx, projectId)).find((x) => x.id === milestoneId);
      if (!current)
        throw new AppError('MILESTONE_NOT_FOUND', `项目没有编号为 ${milestoneId} 的节点 / no such milestone`);
      const doneDate = m.doneDate !== undefined ? m.doneDate : current.done_date;
      if (doneDate && doneDate > this.today())
        throw new AppError(
          'PROJECT_INVALID',
          `doneDate: 完成日期 ${doneDate} 晚于今天 / the date lies in the future`,
          { field: 'doneDate' },
        );
      const next = {
        title: m.title ?? current.title,
        dueDate: m.dueDate ?? current.due_date,
        doneDate,
        note: m.note ?? current.note,
      };
      await updateMilestone(trx, milestoneId, next);
      await recordAuditBy(trx, p, {
        action: 'milestone-update',
        entity: 'project',
        entityId: projectId,
        before: current,
        after: next,
      });
      return this.get(p, projectId, trx);
    });
  }

  /** Started %, in-operation %, investment completion % of a filtered set, against the Shanxi 2014 targets. */
  async rates(p: Principal, q: ProjectQuery): Promise<ProjectRates> {
    const { rows } = await listProjectRows(this.db, this.filter(p, q), this.today());
    const byStage: Record<string, number> = {};
    let planned = new Dec(0);
    let completed = new Dec(0);
    let expected = new Dec(0);
    let measured = new Dec(0);
    let overdue = 0;
    for (const r of rows) {
      byStage[r.stage] = (byStage[r.stage] ?? 0) + 1;
      planned = planned.plus(String(r.planned_investment_10k_yuan));
      completed = completed.plus(String(r.completed_investment_10k_yuan));
      if (OPERATING_STAGES.includes(r.stage) && r.expected_saving_tce_per_yr !== null) {
        expected = expected.plus(String(r.expected_saving_tce_per_yr));
        if (r.measured_saving_tce_per_yr !== null)
          measured = measured.plus(String(r.measured_saving_tce_per_yr));
      }
      overdue += Number(r.overdue_milestones);
    }
    const total = rows.length;
    const started = rows.filter((r) => STARTED_STAGES.includes(r.stage)).length;
    const operating = rows.filter((r) => OPERATING_STAGES.includes(r.stage)).length;
    const startedPct = pct(new Dec(started), new Dec(total));
    const operatingPct = pct(new Dec(operating), new Dec(total));
    const actual: Record<string, string | null> = {
      project_count: String(total),
      started_pct: startedPct,
      operating_pct: operatingPct,
    };
    return {
      total,
      byStage,
      started,
      operating,
      startedPct,
      operatingPct,
      plannedInvestment10kYuan: planned.toFixed(),
      completedInvestment10kYuan: completed.toFixed(),
      investmentCompletionPct: pct(completed, planned),
      expectedSavingTcePerYr: expected.toFixed(),
      measuredSavingTcePerYr: measured.toFixed(),
      overdueMilestones: overdue,
      targets: SHANXI_2014_PROJECT_TARGETS.map((t) => {
        const a = actual[t.code] ?? null;
        return {
          ...t,
          actualValue: a,
          met: a === null ? null : new Dec(a).gte(t.targetValue),
          source: TARGET_SOURCE,
        };
      }),
      explain: {
        formula:
          'startedPct = (开工 + 投产 + 达产) ÷ total × 100; operatingPct = (投产 + 达产) ÷ total × 100; investmentCompletionPct = Σ completed ÷ Σ planned × 100',
        notes: [
          '终止的项目计入总数、不计入开工或投产 / terminated projects count in the total, not as started',
          '百分数按 GB/T 8170 修约到两位小数',
          'expected vs measured savings only of projects in operation (投产/达产)',
        ],
      },
    };
  }

  /** Writes the rows of an uploaded project sheet in one transaction (new projects, or updates by 项目编号). */
  async importRows(
    p: Principal,
    rows: ParsedRow<RowOf<typeof PROJECT_SHEET>>[],
    commit: ImportCommit,
    issueAt: (row: number, key: string, reason: string) => RowIssue,
  ): Promise<{ written: number; issues: RowIssue[] }> {
    return importTransaction(this.db, commit, async (trx) => {
      const issues: RowIssue[] = [];
      let written = 0;
      for (const { row, values: v } of rows) {
        try {
          let enterpriseId: string | null = null;
          if (v.enterpriseCreditCode) {
            const ent = await trx
              .selectFrom('enterprise')
              .select('id')
              .where('credit_code', '=', v.enterpriseCreditCode.toUpperCase())
              .where('deleted_at', 'is', null)
              .executeTakeFirst();
            if (!ent) {
              issues.push(
                issueAt(
                  row,
                  'enterpriseCreditCode',
                  `没有统一社会信用代码为 ${v.enterpriseCreditCode} 的企业 / no such enterprise`,
                ),
              );
              continue;
            }
            enterpriseId = ent.id;
          }
          const input: ProjectCreate = {
            name: v.name,
            category: v.category as ProjectCreate['category'],
            programmeNo: v.programmeNo,
            enterpriseId,
            ownerName: v.ownerName ?? undefined,
            regionCode: v.regionCode,
            planYear: v.planYear,
            plannedInvestment10kYuan: v.plannedInvestment10kYuan,
            completedInvestment10kYuan: v.completedInvestment10kYuan ?? '0',
            capacity: v.capacity ?? undefined,
            expectedSavingTcePerYr: v.expectedSavingTcePerYr,
            expectedWasteUseTPerYr: v.expectedWasteUseTPerYr,
            expectedEmissionCutTPerYr: v.expectedEmissionCutTPerYr,
            measuredSavingTcePerYr: v.measuredSavingTcePerYr,
            note: v.note ?? undefined,
          };
          let id = v.id;
          let changed = false;
          const current = id && UUID.test(id) ? await findProjectRow(trx, id, this.today()) : undefined;
          if (id && (!current || !canSee(p, current))) {
            issues.push(issueAt(row, 'id', `您的管辖范围内没有编号为 ${id} 的项目 / no such project`));
            continue;
          }
          // Every check of the row comes before its first write, so a refused row leaves nothing behind.
          const stageChange =
            v.stage && v.stage !== (current?.stage ?? 'reserve')
              ? {
                  stage: v.stage as ProjectStageChange['stage'],
                  date: v.stageDate ?? '',
                  reason: v.stageReason ?? undefined,
                }
              : null;
          if (stageChange) {
            if (!stageChange.date) {
              issues.push(
                issueAt(row, 'stageDate', '变更阶段须填写阶段日期 / a stage change needs its date'),
              );
              continue;
            }
            const refusal = stageChangeRefusal(
              { stage: current?.stage ?? 'reserve', stageDate: current?.stage_date ?? null },
              stageChange,
              this.today(),
            );
            if (refusal) {
              issues.push(issueAt(row, 'stage', refusal));
              continue;
            }
          }
          const w = await this.validated(trx, p, {
            ...input,
            measuredWasteUseTPerYr: current ? dec(current.measured_waste_use_t_per_yr) : null,
          });
          if (id && current) {
            const before = toProject(current);
            const after = { ...before, ...toProject({ ...current, ...projectColumns(w) }) };
            if (JSON.stringify(before) !== JSON.stringify(after)) {
              await updateProject(trx, id, w);
              await recordAuditBy(trx, p, {
                action: 'update',
                entity: 'project',
                entityId: id,
                before,
                after: { ...w, via: 'excel' },
              });
              changed = true;
            }
          } else {
            id = await insertProject(trx, w, { stage: 'reserve', stageDate: null });
            await recordAuditBy(trx, p, {
              action: 'create',
              entity: 'project',
              entityId: id,
              before: null,
              after: { ...w, via: 'excel' },
            });
            changed = true;
          }
          if (stageChange && id) {
            await this.changeStage(p, id, { ...stageChange, evidence: 'Excel 导入' }, trx);
            changed = true;
          }
          if (changed) written++;
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const field = (e.details as { field?: string } | undefined)?.field ?? 'name';
          issues.push(issueAt(row, field === 'enterpriseId' ? 'enterpriseCreditCode' : field, e.message));
        }
      }
      return { written, issues };
    });
  }
}
