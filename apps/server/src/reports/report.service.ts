import {
  REPORT_STATUS_ZH,
  type Report,
  type ReportContent,
  type ReportCreate,
  type ReportList,
  type ReportListQuery,
  type ReportStatus,
  type ReportSummary,
  type ReportTotals,
} from '@ecep/contract';
import { CalcError } from '@ecep/core';
import type { Kysely } from 'kysely';
import { type Principal, regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { recordAuditBy } from '../lib/record-audit-by.js';
import { recordVisibleTo } from '../lib/record-scope.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import {
  insertReportEvent,
  insertReportVersion,
  type ReportRow,
  reportEvents,
  reportQuery,
  reportVersions,
} from './report.repository.js';
import { checkEnergyBalance, reportTotals } from './report-totals.js';
import { awaitingLevel, type ReportAction, type ReviewLevel, transition } from './report-workflow.js';

const ROLE_LEVEL: Record<string, ReviewLevel> = {
  enterprise_user: 'enterprise',
  county_admin: 'county',
  city_admin: 'city',
  province_admin: 'province',
};

const visibleTo = (p: Principal, row: { enterprise_id: string; region_code: string }) =>
  recordVisibleTo(p, row.enterprise_id, row.region_code);

const subject = (r: { status: string; region_level: string }) => ({
  status: r.status as ReportStatus,
  enterpriseInCounty: r.region_level === 'county',
});

function toSummary(r: ReportRow): ReportSummary {
  const totals = r.totals as ReportTotals;
  return {
    id: String(r.id),
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    periodType: r.period_type,
    period: r.period,
    status: r.status,
    statusZh: REPORT_STATUS_ZH[r.status as ReportStatus] ?? r.status,
    currentVersion: r.current_version,
    approvedVersion: r.approved_version,
    comprehensiveTce: totals.comprehensiveTce,
    awaiting: awaitingLevel(subject(r)),
    returnedReason: r.returned_reason,
    isDemo: r.is_demo,
    updatedAt: toShanghaiIso(r.updated_at),
  };
}

/** Computes the totals or explains which field is wrong; never lets a calculation error become a 500. */
function totalsOrThrow(content: ReportContent): ReportTotals {
  const issues = checkEnergyBalance(content);
  if (issues.length > 0) {
    throw new AppError('REPORT_INVALID', `报表数据不平衡 / ${issues[0]?.message}`, issues);
  }
  try {
    return reportTotals(content);
  } catch (err) {
    if (err instanceof CalcError) {
      const index = Number(/\/items\/(\d+)/.exec(err.path ?? '')?.[1] ?? 0);
      throw new AppError('REPORT_INVALID', `第 ${index + 1} 行能源: ${err.message}`, [
        {
          index,
          field: `energy/${index}${err.path?.replace(/^\/items\/\d+/, '') ?? ''}`,
          message: err.message,
        },
      ]);
    }
    throw err;
  }
}

/** The period must have begun (Asia/Shanghai); a report on the future is a typing mistake. */
function checkPeriod(periodType: 'month' | 'year', period: string, nowMs: number): void {
  const ok = periodType === 'month' ? /^\d{4}-(0[1-9]|1[0-2])$/.test(period) : /^\d{4}$/.test(period);
  if (!ok) {
    throw new AppError(
      'REPORT_INVALID',
      `报告期格式应为 ${periodType === 'month' ? 'YYYY-MM' : 'YYYY'}，收到 "${period}"`,
      [{ field: 'period', message: `expected ${periodType === 'month' ? 'YYYY-MM' : 'YYYY'}` }],
    );
  }
  const today = toShanghaiIso(nowMs).slice(0, periodType === 'month' ? 7 : 4);
  if (period > today) {
    throw new AppError('REPORT_INVALID', `报告期 ${period} 尚未开始 / the period has not begun`, [
      { field: 'period', message: `must not be after ${today}` },
    ]);
  }
}

export class ReportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => number = Date.now,
    private readonly onApproved: (regionCode: string) => Promise<void> = async () => {},
  ) {}

  private async row(p: Principal, id: string, db: Kysely<Database> = this.db): Promise<ReportRow> {
    const row = /^\d+$/.test(id)
      ? await reportQuery(db).where('r.id', '=', id).executeTakeFirst()
      : undefined;
    if (!row || !visibleTo(p, row)) throw new AppError('REPORT_NOT_FOUND', `没有编号为 ${id} 的报表`);
    return row;
  }

  async list(p: Principal, q: ReportListQuery): Promise<ReportList> {
    let query = reportQuery(this.db).orderBy('r.updated_at', 'desc').orderBy('r.id', 'desc');
    if (p.role === 'enterprise_user')
      query = query.where('r.enterprise_id', '=', p.enterpriseId ?? '00000000-0000-0000-0000-000000000000');
    else if (p.regionCode) query = query.where('e.region_code', 'like', `${regionPrefix(p.regionCode)}%`);
    if (q.status) query = query.where('r.status', '=', q.status);
    if (q.periodType) query = query.where('r.period_type', '=', q.periodType);
    if (q.period) query = query.where('r.period', '=', q.period);
    if (q.enterpriseId) query = query.where('r.enterprise_id', '=', q.enterpriseId);
    let rows = (await query.execute()).filter((r) => visibleTo(p, r));
    if (q.awaitingMe) {
      const mine = ROLE_LEVEL[p.role];
      rows = rows.filter((r) => mine !== undefined && awaitingLevel(subject(r)) === mine);
    }
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    return { items: rows.slice((page - 1) * pageSize, page * pageSize).map(toSummary), total: rows.length };
  }

  async get(p: Principal, id: string): Promise<Report> {
    const row = await this.row(p, id);
    const [versions, events] = await Promise.all([
      reportVersions(this.db, row.id),
      reportEvents(this.db, row.id),
    ]);
    return {
      ...toSummary(row),
      content: row.content as ReportContent,
      totals: row.totals as ReportTotals,
      versions: versions.map((v) => ({
        version: v.version,
        createdBy: v.created_by,
        createdAt: toShanghaiIso(v.created_at),
        reason: v.reason,
        comprehensiveTce: (v.totals as ReportTotals).comprehensiveTce,
      })),
      events: events.map((e) => ({
        version: e.version,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        actor: e.actor_name,
        actorRole: e.actor_role,
        comment: e.comment,
        at: toShanghaiIso(e.at),
      })),
    };
  }

  async version(p: Principal, id: string, version: number) {
    const row = await this.row(p, id);
    const v = (await reportVersions(this.db, row.id)).find((x) => x.version === version);
    if (!v) throw new AppError('REPORT_NOT_FOUND', `报表 ${id} 没有第 ${version} 版`);
    return {
      version: v.version,
      content: v.content as ReportContent,
      totals: v.totals as ReportTotals,
      createdBy: v.created_by,
      createdAt: toShanghaiIso(v.created_at),
      reason: v.reason,
    };
  }

  async create(p: Principal, body: ReportCreate, opts: { isDemo?: boolean } = {}): Promise<Report> {
    if (p.role !== 'enterprise_user') {
      throw new AppError('FORBIDDEN', '能源利用状况报表由企业填报 / reports are filed by the enterprise');
    }
    const enterpriseId = p.enterpriseId;
    if (!enterpriseId || (body.enterpriseId && body.enterpriseId !== enterpriseId)) {
      throw new AppError('ENTERPRISE_NOT_FOUND', '只能为本企业填报 / only for your own enterprise');
    }
    checkPeriod(body.periodType, body.period, this.clock());
    const totals = totalsOrThrow(body.content);
    const id = await this.db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom('energy_report')
        .select('id')
        .where('enterprise_id', '=', enterpriseId)
        .where('period_type', '=', body.periodType)
        .where('period', '=', body.period)
        .executeTakeFirst();
      if (exists) {
        throw new AppError(
          'REPORT_EXISTS',
          `该企业 ${body.period} 的报表已存在（编号 ${exists.id}），请在原报表上修改`,
          { id: String(exists.id) },
        );
      }
      const inserted = await trx
        .insertInto('energy_report')
        .values({
          enterprise_id: enterpriseId,
          period_type: body.periodType,
          period: body.period,
          status: 'draft',
          current_version: 1,
          is_demo: opts.isDemo ?? false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const reportId = String(inserted.id);
      await insertReportVersion(trx, {
        reportId,
        version: 1,
        content: body.content,
        totals,
        reason: null,
        createdBy: p.username,
      });
      await insertReportEvent(trx, {
        reportId,
        version: 1,
        action: 'create',
        from: null,
        to: 'draft',
        actor: p.username,
        role: p.role,
      });
      await recordAuditBy(trx, p, {
        action: 'create',
        entity: 'energy_report',
        entityId: reportId,
        before: null,
        after: { period: body.period, comprehensiveTce: totals.comprehensiveTce },
      });
      return reportId;
    });
    return this.get(p, id);
  }

  /** Saves a new version of a draft or returned report (optimistic: `version` must be the current one). */
  async update(p: Principal, id: string, content: ReportContent, basedOn: number): Promise<Report> {
    const totals = totalsOrThrow(content);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.lockedRow(trx, p, id);
      this.allow(row, 'edit', p);
      if (row.current_version !== basedOn) {
        throw new AppError(
          'REPORT_VERSION_CONFLICT',
          `报表已被更新到第 ${row.current_version} 版（您基于第 ${basedOn} 版），请刷新后再改`,
        );
      }
      const version = await this.saveVersion(trx, p, row, { action: 'edit', content, totals, reason: null });
      await recordAuditBy(trx, p, {
        action: 'update',
        entity: 'energy_report',
        entityId: row.id,
        before: {
          version: row.current_version,
          comprehensiveTce: (row.totals as ReportTotals).comprehensiveTce,
        },
        after: { version, comprehensiveTce: totals.comprehensiveTce },
      });
    });
    return this.get(p, id);
  }

  /** An approved report changes only through a correction: a new version that goes through review again. */
  async correct(p: Principal, id: string, content: ReportContent, reason: string): Promise<Report> {
    const totals = totalsOrThrow(content);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.lockedRow(trx, p, id);
      const to = this.allow(row, 'correct', p);
      const version = await this.saveVersion(trx, p, row, { action: 'correct', to, content, totals, reason });
      await recordAuditBy(trx, p, {
        action: 'correct',
        entity: 'energy_report',
        entityId: row.id,
        before: {
          version: row.current_version,
          comprehensiveTce: (row.totals as ReportTotals).comprehensiveTce,
        },
        after: { version, comprehensiveTce: totals.comprehensiveTce, reason },
      });
    });
    return this.get(p, id);
  }

  async act(
    p: Principal,
    id: string,
    action: 'submit' | 'approve' | 'return',
    comment = '',
  ): Promise<Report> {
    if (action === 'return' && comment.trim().length < 2) {
      throw new AppError('VALIDATION_FAILED', '退回须说明原因 / a return needs a reason', [
        { path: 'body/reason', message: 'required' },
      ]);
    }
    const region = await this.db.transaction().execute(async (trx) => {
      const row = await this.lockedRow(trx, p, id);
      const to = this.allow(row, action, p);
      await trx
        .updateTable('energy_report')
        .set({
          status: to,
          updated_at: new Date(),
          returned_reason: action === 'return' ? comment : action === 'submit' ? null : row.returned_reason,
          ...(to === 'approved' ? { approved_version: row.current_version } : {}),
        })
        .where('id', '=', row.id)
        .execute();
      await insertReportEvent(trx, {
        reportId: row.id,
        version: row.current_version,
        action,
        from: row.status,
        to,
        actor: p.username,
        role: p.role,
        comment,
      });
      await recordAuditBy(trx, p, {
        action,
        entity: 'energy_report',
        entityId: row.id,
        before: { status: row.status },
        after: { status: to, version: row.current_version, comment },
      });
      return to === 'approved' ? row.region_code : null;
    });
    if (region) await this.onApproved(region);
    return this.get(p, id);
  }

  private allow(row: ReportRow, action: ReportAction, p: Principal): ReportStatus {
    const result = transition(subject(row), action, { role: p.role });
    if (!result.ok) throw new AppError(result.code, result.message);
    return result.to;
  }

  /**
   * Stores `content` as the next version of `row` with the event of it: an `edit` keeps the status, a
   * `correct`ion moves the report to `to` and clears the reason of an earlier return. Returns the new version.
   */
  private async saveVersion(
    trx: Kysely<Database>,
    p: Principal,
    row: ReportRow,
    v:
      | { action: 'edit'; content: ReportContent; totals: ReportTotals; reason: null }
      | { action: 'correct'; to: string; content: ReportContent; totals: ReportTotals; reason: string },
  ): Promise<number> {
    const version = row.current_version + 1;
    await insertReportVersion(trx, {
      reportId: row.id,
      version,
      content: v.content,
      totals: v.totals,
      reason: v.reason,
      createdBy: p.username,
    });
    await trx
      .updateTable('energy_report')
      .set(
        v.action === 'edit'
          ? { current_version: version, updated_at: new Date() }
          : { current_version: version, status: v.to, returned_reason: null, updated_at: new Date() },
      )
      .where('id', '=', row.id)
      .execute();
    await insertReportEvent(trx, {
      reportId: row.id,
      version,
      action: v.action,
      from: row.status,
      to: v.action === 'edit' ? row.status : v.to,
      actor: p.username,
      role: p.role,
      ...(v.action === 'correct' ? { comment: v.reason } : {}),
    });
    return version;
  }

  /** Reads the report inside the transaction with a row lock, so two reviewers cannot both act on one state. */
  private async lockedRow(trx: Kysely<Database>, p: Principal, id: string): Promise<ReportRow> {
    if (!/^\d+$/.test(id)) throw new AppError('REPORT_NOT_FOUND', `没有编号为 ${id} 的报表`);
    await trx.selectFrom('energy_report').select('id').where('id', '=', id).forUpdate().execute();
    return this.row(p, id, trx);
  }
}
