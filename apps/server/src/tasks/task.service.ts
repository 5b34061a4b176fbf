import type {
  Attachment,
  SupervisionList,
  Task,
  TaskCreate,
  TaskDetail,
  TaskList,
  TaskQuery,
  TaskReport,
  TaskReportInput,
  TaskReview,
} from '@ecep/contract';
import { type Kysely, sql } from 'kysely';
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
import { toShanghaiIso } from '../lib/shanghai-time.js';
import {
  findTaskRow,
  insertTask,
  listTaskRows,
  reportRows,
  setUnits,
  type TaskRow,
  unitsOf,
} from './task.repository.js';
import type { TASK_REPORT_SHEET } from './task-excel.js';
import { DEFAULT_DUE_SOON_DAYS, taskStatus, taskStatusName } from './task-status.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SUPERVISOR_ROLES = ['province_admin', 'city_admin', 'county_admin'];

/** Who the caller is in task supervision: the units it belongs to, or a supervisor of its region. */
interface Actor {
  p: Principal;
  units: string[];
  /** Admins without a unit supervise every task of their region. */
  supervisor: boolean;
}

/** Rules of 任务督办. `clock` gives "now"; statuses use Asia/Shanghai calendar days. */
export class TaskService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  today(): string {
    return toShanghaiIso(this.clock()).slice(0, 10);
  }

  private async actor(p: Principal, db: Kysely<Database> = this.db): Promise<Actor> {
    const units = await unitsOf(db, p.userId);
    return { p, units, supervisor: units.length === 0 && SUPERVISOR_ROLES.includes(p.role) };
  }

  private scope(a: Actor) {
    return { units: a.units, regionPrefix: regionPrefix(a.p.regionCode) };
  }

  private toTask(r: TaskRow, dueSoonDays: number): Task {
    const accepted = r.accepted_percent === null ? 0 : Number(r.accepted_percent);
    const { status, daysLeft } = taskStatus(
      { deadline: r.deadline, completed: accepted >= 100 },
      this.today(),
      dueSoonDays,
    );
    return {
      id: r.id,
      planId: r.plan_id,
      planTaskId: r.plan_task_id,
      source: r.source,
      title: r.title,
      leadUnits: r.lead_units,
      cooperatingUnits: r.cooperating_units,
      deadline: r.deadline,
      expectedOutput: r.expected_output,
      regionCode: r.region_code,
      status,
      statusName: taskStatusName(status),
      daysLeft,
      progressPct: r.last_percent === null ? 0 : Number(r.last_percent),
      acceptedPct: accepted,
      lastReportAt: r.last_report_at ? new Date(r.last_report_at).toISOString() : null,
      pendingReports: Number(r.pending),
      isDemo: r.is_demo,
    };
  }

  /** The units of a caller (for the UI, and for the demo list). */
  async myUnits(p: Principal): Promise<{ units: string[]; supervisor: boolean }> {
    const a = await this.actor(p);
    return { units: a.units, supervisor: a.supervisor };
  }

  async list(p: Principal, q: TaskQuery): Promise<TaskList> {
    const a = await this.actor(p);
    const rows = await listTaskRows(this.db, this.scope(a), {
      planId: q.planId,
      unit: q.unit,
      q: q.q?.trim() || undefined,
    });
    let items = rows.map((r) => this.toTask(r, q.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS));
    if (q.status) items = items.filter((t) => t.status === q.status);
    return { items, total: items.length };
  }

  /** The 督办 list: overdue and due-soon tasks, and tasks with reports waiting for review. */
  async supervision(p: Principal, dueSoonDays = DEFAULT_DUE_SOON_DAYS): Promise<SupervisionList> {
    const { items } = await this.list(p, { dueSoonDays });
    const overdue = items
      .filter((t) => t.status === 'overdue')
      .sort((x, y) => (x.daysLeft ?? 0) - (y.daysLeft ?? 0));
    const dueSoon = items
      .filter((t) => t.status === 'due_soon')
      .sort((x, y) => (x.daysLeft ?? 0) - (y.daysLeft ?? 0));
    const awaitingReview = items.filter((t) => t.pendingReports > 0);
    return {
      overdue,
      dueSoon,
      awaitingReview,
      counts: {
        overdue: overdue.length,
        dueSoon: dueSoon.length,
        awaitingReview: awaitingReview.length,
        total: items.length,
      },
    };
  }

  private async visible(a: Actor, id: string, db: Kysely<Database> = this.db): Promise<TaskRow> {
    const row = UUID.test(id) ? await findTaskRow(db, id) : undefined;
    const ok =
      row &&
      (a.units.length
        ? a.units.some((u) => row.lead_units.includes(u) || row.cooperating_units.includes(u))
        : row.region_code === null || regionInScope(a.p, row.region_code));
    if (!row || !ok)
      throw new AppError('TASK_NOT_FOUND', `没有编号为 ${id} 的督办任务 / no task ${id} among yours`);
    return row;
  }

  async get(p: Principal, id: string, db: Kysely<Database> = this.db): Promise<TaskDetail> {
    const a = await this.actor(p, db);
    const row = await this.visible(a, id, db);
    const reports = await reportRows(db, id);
    return {
      ...this.toTask(row, DEFAULT_DUE_SOON_DAYS),
      reports: reports.map(
        (r): TaskReport => ({
          id: r.id,
          unit: r.unit,
          period: r.period,
          text: r.text,
          percent: r.percent,
          attachments: (r.attachments ?? []) as Attachment[],
          status: r.status,
          reportedBy: r.reported_by,
          reportedAt: new Date(r.reported_at).toISOString(),
          reviewComment: r.review_comment,
          reviewedBy: r.reviewed_by,
          reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
          comments: (r.comments ?? []) as TaskReport['comments'],
        }),
      ),
    };
  }

  async create(p: Principal, input: TaskCreate): Promise<TaskDetail> {
    return this.db.transaction().execute(async (trx) => {
      const a = await this.actor(p, trx);
      if (!a.supervisor)
        throw new AppError(
          'FORBIDDEN',
          '只有督办单位（无所属部门的管理员）可以新增任务 / only supervisors add tasks',
        );
      const regionCode = input.regionCode ?? p.regionCode;
      if (regionCode && !regionInScope(p, regionCode))
        throw new AppError('REGION_OUT_OF_SCOPE', `regionCode: ${regionCode} 不在您的管辖范围内`, {
          field: 'regionCode',
        });
      const id = await insertTask(trx, {
        planId: null,
        planTaskId: null,
        source: 'manual',
        title: input.title.trim(),
        leadUnits: [...new Set(input.leadUnits.map((u) => u.trim()))],
        cooperatingUnits: [...new Set((input.cooperatingUnits ?? []).map((u) => u.trim()))],
        deadline: input.deadline,
        expectedOutput: input.expectedOutput ?? '',
        regionCode: regionCode ?? null,
      });
      await recordAuditBy(trx, p, {
        action: 'create',
        entity: 'supervised_task',
        entityId: id,
        before: null,
        after: input,
      });
      return this.get(p, id, trx);
    });
  }

  /** A unit reports progress on a task it leads or cooperates on. */
  async report(p: Principal, id: string, input: TaskReportInput, db?: Kysely<Database>): Promise<TaskDetail> {
    const run = async (trx: Kysely<Database>) => {
      const a = await this.actor(p, trx);
      const row = await this.visible(a, id, trx);
      const mine = a.units.filter((u) => row.lead_units.includes(u) || row.cooperating_units.includes(u));
      if (mine.length === 0)
        throw new AppError(
          'FORBIDDEN',
          '只有牵头或配合单位可以报送进展 / only the task’s units report progress',
        );
      const unit = input.unit ?? mine[0];
      if (!unit || !mine.includes(unit))
        throw new AppError(
          'TASK_INVALID',
          `unit: 您不属于“${input.unit}”或该单位不负责此任务 / not your unit on this task`,
          { field: 'unit' },
        );
      const inserted = await trx
        .insertInto('task_report')
        .values({
          task_id: id,
          unit,
          period: input.period ?? '',
          text: input.text,
          percent: input.percent,
          attachments: JSON.stringify(input.attachments ?? []),
          status: 'submitted',
          reported_by: p.username,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAuditBy(trx, p, {
        action: 'report',
        entity: 'supervised_task',
        entityId: id,
        before: null,
        after: { reportId: inserted.id, ...input, unit },
      });
      return this.get(p, id, trx);
    };
    return db ? run(db) : this.db.transaction().execute(run);
  }

  /** The supervisor comments on, accepts or returns a report; a report is accepted or returned once. */
  async review(p: Principal, id: string, reportId: string, input: TaskReview): Promise<TaskDetail> {
    return this.db.transaction().execute(async (trx) => {
      const a = await this.actor(p, trx);
      await this.visible(a, id, trx);
      if (!a.supervisor)
        throw new AppError(
          'TASK_REVIEW_INVALID',
          '只有督办单位可以审核进展 / only supervisors review reports',
        );
      const report = UUID.test(reportId)
        ? await trx
            .selectFrom('task_report')
            .selectAll()
            .where('id', '=', reportId)
            .where('task_id', '=', id)
            .executeTakeFirst()
        : undefined;
      if (!report)
        throw new AppError('TASK_REPORT_NOT_FOUND', `任务没有编号为 ${reportId} 的进展报告 / no such report`);
      const comment = input.comment?.trim() ?? '';
      if (input.action === 'comment') {
        if (!comment)
          throw new AppError('TASK_INVALID', 'comment: 批示内容不能为空 / a comment needs text', {
            field: 'comment',
          });
        const entry = JSON.stringify([{ by: p.username, at: this.clock().toISOString(), text: comment }]);
        await trx
          .updateTable('task_report')
          .set({ comments: sql`comments || ${entry}::jsonb` })
          .where('id', '=', reportId)
          .execute();
      } else {
        if (report.status !== 'submitted')
          throw new AppError(
            'TASK_REVIEW_INVALID',
            `该报告已${report.status === 'accepted' ? '通过' : '退回'}（${report.reviewed_by ?? ''}）/ already reviewed`,
            { status: report.status },
          );
        if (input.action === 'return' && !comment)
          throw new AppError('TASK_INVALID', 'comment: 退回须说明原因 / returning needs a reason', {
            field: 'comment',
          });
        await trx
          .updateTable('task_report')
          .set({
            status: input.action === 'accept' ? 'accepted' : 'returned',
            review_comment: comment,
            reviewed_by: p.username,
            reviewed_at: this.clock(),
          })
          .where('id', '=', reportId)
          .execute();
      }
      await recordAuditBy(trx, p, {
        action: `report-${input.action}`,
        entity: 'supervised_task',
        entityId: id,
        before: { status: report.status },
        after: { reportId, ...input },
      });
      return this.get(p, id, trx);
    });
  }

  /** Sets the organisational units of a user (province and city admins, for users in their region). */
  async setMembership(
    p: Principal,
    username: string,
    units: string[],
  ): Promise<{ username: string; units: string[] }> {
    return this.db.transaction().execute(async (trx) => {
      const user = await trx
        .selectFrom('app_user')
        .select(['id', 'region_code'])
        .where('username', '=', username)
        .executeTakeFirst();
      if (
        !user ||
        (user.region_code !== null && !regionInScope(p, user.region_code)) ||
        (user.region_code === null && p.regionCode !== null)
      )
        throw new AppError(
          'TASK_INVALID',
          `username: 您的管辖范围内没有用户 ${username} / no such user in scope`,
          { field: 'username' },
        );
      const before = await unitsOf(trx, user.id);
      const clean = [...new Set(units.map((u) => u.trim()).filter(Boolean))];
      await setUnits(trx, user.id, clean);
      await recordAuditBy(trx, p, {
        action: 'units',
        entity: 'app_user',
        entityId: user.id,
        before,
        after: clean,
      });
      return { username, units: clean };
    });
  }

  /** Writes the progress reports of an uploaded sheet in one transaction (each row checked before any write). */
  async importReports(
    p: Principal,
    rows: ParsedRow<RowOf<typeof TASK_REPORT_SHEET>>[],
    commit: ImportCommit,
    issueAt: (row: number, key: string, reason: string) => RowIssue,
  ): Promise<{ written: number; issues: RowIssue[] }> {
    return importTransaction(this.db, commit, async (trx) => {
      const a = await this.actor(p, trx);
      const issues: RowIssue[] = [];
      let written = 0;
      for (const { row, values: v } of rows) {
        const task = UUID.test(v.taskId) ? await findTaskRow(trx, v.taskId) : undefined;
        const mine = task
          ? a.units.filter((u) => task.lead_units.includes(u) || task.cooperating_units.includes(u))
          : [];
        if (!task || mine.length === 0) {
          issues.push(
            issueAt(row, 'taskId', `您所在单位没有编号为 ${v.taskId} 的任务 / not a task of your unit`),
          );
          continue;
        }
        if (v.unit && !mine.includes(v.unit)) {
          issues.push(
            issueAt(
              row,
              'unit',
              `“${v.unit}”不是您负责此任务的单位（可填：${mine.join('、')}）/ not your unit on this task`,
            ),
          );
          continue;
        }
        await this.report(
          p,
          task.id,
          {
            unit: v.unit ?? undefined,
            period: v.period ?? undefined,
            text: v.text,
            percent: v.percent,
            attachments: v.attachments.map((name) => ({ name })),
          },
          trx,
        );
        written++;
      }
      return { written, issues };
    });
  }
}
