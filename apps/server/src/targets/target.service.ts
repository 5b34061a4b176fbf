import { createHash } from 'node:crypto';
import type {
  AllocationCheck,
  AssessmentRow,
  Barometer,
  BarometerRow,
  PlanTarget,
  TargetEvaluation,
} from '@ecep/contract';
import { averageAnnualChangePct, Dec, type Decimal } from '@ecep/core';
import type { Kysely } from 'kysely';
import { type Principal, regionInScope } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { recordAuditBy } from '../lib/record-audit-by.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import { listCurrentStatistics } from '../statistics/statistic.repository.js';
import { checkAllocation } from './allocation-check.js';
import { assessRegion } from './assessment.js';
import { type BarometerRequirement, barometerRow } from './barometer.js';
import { annualIntensityChange } from './intensity-series.js';
import { currentAllocations, currentPlanVersions, planVersionList, targetsOf } from './plan.repository.js';
import { StatisticSeries } from './statistic-series.js';
import { evaluateTarget, targetChangePct } from './target-evaluation.js';

export interface AllocationInput {
  /** `region`: to the cities or counties below; `enterprise`: a city's or county's key energy users (regionCode = enterprise id). */
  level?: 'region' | 'enterprise';
  planId: string;
  targetCode: string;
  parentCode: string;
  items: Array<{
    regionCode: string;
    changePct?: number;
    targetValue?: number;
    weightValue?: number;
    weightBasis?: 'energy' | 'gdp';
    note?: string;
  }>;
}

/** The province a caller belongs to (all of the demo's users are in one); national users default to `fallback`. */
export function provinceOf(p: Principal, fallback = '140000'): string {
  return p.regionCode ? `${p.regionCode.slice(0, 2)}0000` : fallback;
}

export class TargetService {
  constructor(private readonly db: Kysely<Database>) {}

  async regions(parentCode: string) {
    return this.db
      .selectFrom('region')
      .select(['code', 'name', 'level'])
      .where('parent_code', '=', parentCode)
      .orderBy('code')
      .execute();
  }

  /**
   * What a target at `parent` is divided among: the regions below it, or (level `enterprise`, for a city or
   * county) its key energy users, identified by enterprise id.
   */
  async partsOf(
    parent: string,
    level: 'region' | 'enterprise',
  ): Promise<Array<{ code: string; name: string }>> {
    if (level === 'region')
      return (await this.regions(parent)).filter((c) => c.level === 'city' || c.level === 'county');
    const prefix = parent.endsWith('00') ? parent.slice(0, 4) : parent;
    const rows = await this.db
      .selectFrom('enterprise')
      .select(['id', 'name'])
      .where('region_code', 'like', `${prefix}%`)
      .where('key_energy_user', '=', true)
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute();
    return rows.map((r) => ({ code: r.id, name: r.name }));
  }

  /** Base-year weights of enterprises: their latest approved annual comprehensive energy use (tce). */
  private async enterpriseWeights(ids: string[]): Promise<Map<string, Decimal>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('energy_report as r')
      .innerJoin('energy_report_version as v', (j) =>
        j.onRef('v.report_id', '=', 'r.id').onRef('v.version', '=', 'r.approved_version'),
      )
      .select(['r.enterprise_id', 'r.period', 'v.totals'])
      .where('r.period_type', '=', 'year')
      .where('r.enterprise_id', 'in', ids)
      .orderBy('r.period', 'desc')
      .execute();
    const out = new Map<string, Decimal>();
    for (const r of rows) {
      if (!out.has(r.enterprise_id))
        out.set(r.enterprise_id, new Dec((r.totals as { comprehensiveTce: string }).comprehensiveTce));
    }
    return out;
  }

  async regionName(code: string): Promise<string> {
    return (
      (await this.db.selectFrom('region').select('name').where('code', '=', code).executeTakeFirst())?.name ??
      code
    );
  }

  async series(
    regionCodes: string[],
    fromYear: number,
    toYear: number,
    period?: string,
  ): Promise<StatisticSeries> {
    const rows = await listCurrentStatistics(this.db, { regionCodes, fromYear, toYear, period });
    return new StatisticSeries(
      rows.map((r) => ({
        regionCode: r.region_code,
        year: r.year,
        period: r.period,
        indicator: r.indicator,
        value: r.value,
      })),
    );
  }

  async plans() {
    const versions = await currentPlanVersions(this.db);
    const targets = await targetsOf(this.db, versions);
    return versions.map((v) => {
      const doc = v.document as Record<string, unknown>;
      return {
        id: v.plan_id,
        version: v.version,
        title: v.title,
        sourceFile: v.source_file,
        source: (doc.source ?? null) as unknown,
        period: (doc.period ?? null) as unknown,
        scope: (doc.scope ?? null) as unknown,
        isDemo: doc.demo === true,
        targetCount: targets.filter((t) => t.planId === v.plan_id).length,
        taskCount: Array.isArray(doc.tasks) ? doc.tasks.length : 0,
        loadedAt: toShanghaiIso(v.loaded_at),
        loadedBy: v.loaded_by,
      };
    });
  }

  async plan(planId: string) {
    const [current] = await currentPlanVersions(this.db, planId);
    if (!current) throw new AppError('PLAN_NOT_FOUND', `没有编号为 ${planId} 的规划`);
    const [targets, versions] = await Promise.all([
      targetsOf(this.db, [current]),
      planVersionList(this.db, planId),
    ]);
    return {
      id: current.plan_id,
      version: current.version,
      title: current.title,
      sourceFile: current.source_file,
      document: current.document,
      targets,
      versions: versions.map((v) => ({
        version: v.version,
        digest: v.digest,
        loadedBy: v.loaded_by,
        loadedAt: toShanghaiIso(v.loaded_at),
      })),
    };
  }

  /** Intensity targets in force for `year` for a region: its own allocation first, else the target of the region above. */
  private async requirementFor(
    regionCode: string,
    parentCode: string,
    year: number,
    targets: PlanTarget[],
    allocations: Awaited<ReturnType<typeof currentAllocations>>,
  ): Promise<BarometerRequirement | null> {
    const inForce = targets.filter(
      (t) =>
        t.code === 'energy_intensity' && t.baseYear !== null && t.baseYear < year && year <= t.targetYear,
    );
    for (const t of inForce) {
      const years = t.targetYear - (t.baseYear as number);
      const own = allocations.find(
        (a) =>
          a.plan_id === t.planId &&
          a.target_code === t.code &&
          a.region_code === regionCode &&
          a.change_pct !== null,
      );
      const ownTarget = inForce.find((x) => x.planId === t.planId && x.scopeCode === regionCode);
      const change = own
        ? new Dec(own.change_pct as string)
        : ownTarget
          ? targetChangePct(ownTarget)
          : t.scopeCode === parentCode || t.scopeCode === regionCode
            ? targetChangePct(t)
            : null;
      if (!change) continue;
      const total = targets.find(
        (x) => x.planId === t.planId && x.code === 'energy_total' && x.scopeCode === regionCode,
      );
      const allowance =
        total?.baseValue && total.targetValue
          ? new Dec(total.targetValue).minus(total.baseValue).div(years)
          : null;
      return {
        requiredChangePct: averageAnnualChangePct(change, years),
        basis: `${t.name}：${t.baseYear}–${t.targetYear} 年累计 ${change.toFixed()}%（${own ? '分解到本地区' : ownTarget ? '本地区目标' : '上级目标'}，规划 ${t.planId}），折年均`,
        incrementAllowance10kTce: allowance,
      };
    }
    return null;
  }

  private async context(parentCode: string) {
    const versions = await currentPlanVersions(this.db);
    const targets = await targetsOf(this.db, versions);
    const allocations = await currentAllocations(this.db, {});
    const children = await this.regions(parentCode);
    return { targets, allocations, children };
  }

  async barometer(p: Principal, year: number, period = 'Y', parent?: string): Promise<Barometer> {
    const parentCode = parent ?? provinceOf(p);
    if (!regionInScope(p, parentCode) && parentCode !== provinceOf(p))
      throw new AppError('REGION_OUT_OF_SCOPE', `无权查看 ${parentCode}`);
    const { targets, allocations, children } = await this.context(parentCode);
    const codes = [parentCode, ...children.map((c) => c.code)];
    const s = await this.series(codes, year - 1, year, period);
    const parentName = await this.regionName(parentCode);
    const grandParent = `${parentCode.slice(0, 2)}0000` === parentCode ? '' : `${parentCode.slice(0, 2)}0000`;
    const parentRow = barometerRow(
      s,
      { code: parentCode, name: parentName },
      year,
      period,
      await this.requirementFor(parentCode, grandParent, year, targets, allocations),
    );
    const rows: BarometerRow[] = [];
    for (const c of children) {
      if (!regionInScope(p, c.code) && p.role !== 'province_admin' && p.role !== 'auditor') continue;
      rows.push(
        barometerRow(
          s,
          c,
          year,
          period,
          await this.requirementFor(c.code, parentCode, year, targets, allocations),
        ),
      );
    }
    await this.snapshot('barometer', `${parentCode}/${year}/${period}`, { parent: parentRow, rows });
    return { year, period, parent: { code: parentCode, name: parentName, row: parentRow }, rows };
  }

  async assessment(
    p: Principal,
    year: number,
    parent?: string,
  ): Promise<{ year: number; rows: AssessmentRow[] }> {
    const parentCode = parent ?? provinceOf(p);
    const { targets, allocations, children } = await this.context(parentCode);
    const s = await this.series(
      children.map((c) => c.code),
      year - 1,
      year,
      'Y',
    );
    const measures = await this.db
      .selectFrom('assessment_measure_score')
      .selectAll()
      .distinctOn(['region_code'])
      .where('year', '=', year)
      .orderBy('region_code')
      .orderBy('version', 'desc')
      .execute();
    const rows: AssessmentRow[] = [];
    for (const c of children) {
      if (!regionInScope(p, c.code) && p.role !== 'province_admin' && p.role !== 'auditor') continue;
      const change = annualIntensityChange(s, c.code, year);
      const req = await this.requirementFor(c.code, parentCode, year, targets, allocations);
      const m = measures.find((x) => x.region_code === c.code);
      const points = m ? (m.points as { measures?: number }).measures : undefined;
      rows.push(
        assessRegion({
          regionCode: c.code,
          regionName: c.name,
          year,
          intensityChangePct: change.ok ? change.changePct : null,
          requiredChangePct: req?.requiredChangePct ?? null,
          measurePoints: points === undefined ? null : new Dec(points),
        }),
      );
    }
    await this.snapshot('assessment', `${parentCode}/${year}`, rows);
    return { year, rows };
  }

  async enterMeasurePoints(p: Principal, year: number, regionCode: string, measures: number): Promise<void> {
    if (!regionInScope(p, regionCode))
      throw new AppError('REGION_OUT_OF_SCOPE', `${regionCode} 不在您的管辖范围`);
    if (!(measures >= 0 && measures <= 60)) {
      throw new AppError('VALIDATION_FAILED', `措施得分应在 0–60 之间，收到 ${measures}`, [
        { path: 'body/measures', message: 'expected 0–60' },
      ]);
    }
    await this.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('assessment_measure_score')
        .select('version')
        .where('year', '=', year)
        .where('region_code', '=', regionCode)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      await trx
        .insertInto('assessment_measure_score')
        .values({
          year,
          region_code: regionCode,
          version: (last?.version ?? 0) + 1,
          points: JSON.stringify({ measures }),
          entered_by: p.username,
        })
        .execute();
      await recordAuditBy(trx, p, {
        action: 'score',
        entity: 'assessment',
        entityId: `${regionCode}/${year}`,
        before: null,
        after: { measures },
      });
    });
  }

  /** Every target in force for the region (its own or its province's), evaluated as of `year`. */
  async evaluations(
    p: Principal,
    opts: { planId?: string; region?: string; year: number },
  ): Promise<TargetEvaluation[]> {
    const region = opts.region ?? provinceOf(p);
    const province = `${region.slice(0, 2)}0000`;
    if (!regionInScope(p, region) && region !== provinceOf(p))
      throw new AppError('REGION_OUT_OF_SCOPE', `无权查看 ${region}`);
    const versions = await currentPlanVersions(this.db, opts.planId);
    const targets = await targetsOf(this.db, versions);
    const allocations = await currentAllocations(this.db, { planId: opts.planId });
    const s = await this.series([region], 1990, opts.year);
    const out: TargetEvaluation[] = [];
    for (const t of targets) {
      if (t.scopeCode === region) out.push(evaluateTarget(t, region, s, opts.year));
      else if (t.scopeCode === province && region !== province) {
        const a = allocations.find(
          (x) => x.plan_id === t.planId && x.target_code === t.code && x.region_code === region,
        );
        if (a)
          out.push(
            evaluateTarget(
              {
                ...t,
                scopeCode: region,
                changePct: a.change_pct,
                targetValue: a.target_value,
                baseValue: a.change_pct !== null ? null : t.baseValue,
              },
              region,
              s,
              opts.year,
            ),
          );
      }
    }
    await this.snapshot('evaluation', `${region}/${opts.planId ?? '*'}/${opts.year}`, out);
    return out;
  }

  async allocations(
    p: Principal,
    planId: string,
    targetCode: string,
    parentCode?: string,
    level: 'region' | 'enterprise' = 'region',
    targetYear?: number,
  ): Promise<{ items: Array<Record<string, unknown>>; check: AllocationCheck | null }> {
    const parent = parentCode ?? provinceOf(p);
    const rows = await currentAllocations(this.db, { planId, targetCode, parentCode: parent });
    const [version] = await currentPlanVersions(this.db, planId);
    if (!version) throw new AppError('PLAN_NOT_FOUND', `没有编号为 ${planId} 的规划`);
    // A plan may hold the same indicator for several periods (十三五, 十四五): the year picks one, else the latest.
    const sameCode = (await targetsOf(this.db, [version]))
      .filter((t) => t.code === targetCode && (targetYear === undefined || t.targetYear === targetYear))
      .sort((a, b) => b.targetYear - a.targetYear);
    const planTarget = sameCode.find((t) => t.scopeCode === parent);
    // A city's own target is what the province allocated to it, when the plan names none for the city.
    const fromAbove = planTarget
      ? undefined
      : (await currentAllocations(this.db, { planId, targetCode })).find((a) => a.region_code === parent);
    const scopeTarget = sameCode[0];
    const target =
      planTarget ??
      (fromAbove && scopeTarget
        ? {
            ...scopeTarget,
            scopeCode: parent,
            changePct: fromAbove.change_pct,
            targetValue: fromAbove.target_value,
            baseValue: null,
          }
        : undefined);
    const children = await this.partsOf(parent, level);
    const items = rows.map((r) => ({
      regionCode: r.region_code,
      regionName: children.find((c) => c.code === r.region_code)?.name ?? r.region_code,
      version: r.version,
      changePct: r.change_pct,
      targetValue: r.target_value,
      weightValue: r.weight_value,
      weightBasis: r.weight_basis,
      note: r.note,
      enteredBy: r.entered_by,
      enteredAt: toShanghaiIso(r.entered_at),
    }));
    if (!target) return { items, check: null };
    const kind = target.type === 'intensity' ? 'intensity' : 'total';
    const parentValue =
      kind === 'intensity'
        ? targetChangePct(target)
        : target.targetValue
          ? new Dec(target.targetValue)
          : null;
    if (!parentValue) return { items, check: null };
    const weights =
      kind === 'intensity' && target.baseYear && level === 'region'
        ? await this.series(
            children.map((c) => c.code),
            target.baseYear,
            target.baseYear,
          )
        : null;
    const enterpriseWeights =
      level === 'enterprise' ? await this.enterpriseWeights(rows.map((r) => r.region_code)) : null;
    const check = checkAllocation(
      kind,
      parentValue,
      rows.map((r) => ({
        regionCode: r.region_code,
        changePct: r.change_pct === null ? null : new Dec(r.change_pct),
        targetValue: r.target_value === null ? null : new Dec(r.target_value),
        weight:
          r.weight_value !== null
            ? new Dec(r.weight_value)
            : (enterpriseWeights?.get(r.region_code) ??
              weights?.get(r.region_code, target.baseYear as number, 'energy_total_10k_tce') ??
              null),
      })),
      children.map((c) => c.code),
    );
    return { items, check };
  }

  async putAllocations(p: Principal, input: AllocationInput) {
    if (!regionInScope(p, input.parentCode))
      throw new AppError('REGION_OUT_OF_SCOPE', `${input.parentCode} 不在您的管辖范围`);
    const [version] = await currentPlanVersions(this.db, input.planId);
    if (!version) throw new AppError('PLAN_NOT_FOUND', `没有编号为 ${input.planId} 的规划`);
    const level = input.level ?? 'region';
    const children = new Set((await this.partsOf(input.parentCode, level)).map((c) => c.code));
    const issues = input.items.flatMap((it, index) => {
      const out: Array<{ index: number; field: string; message: string }> = [];
      if (!children.has(it.regionCode))
        out.push({
          index,
          field: 'regionCode',
          message:
            level === 'region'
              ? `${it.regionCode} 不是 ${input.parentCode} 的下级行政区`
              : `${it.regionCode} 不是 ${input.parentCode} 的重点用能单位`,
        });
      if (it.changePct === undefined && it.targetValue === undefined)
        out.push({ index, field: 'changePct', message: '须给出降低率 changePct 或目标值 targetValue' });
      return out;
    });
    if (issues.length)
      throw new AppError(
        'ALLOCATION_INVALID',
        `第 ${(issues[0]?.index ?? 0) + 1} 项 ${issues[0]?.field}: ${issues[0]?.message}`,
        issues,
      );
    await this.db.transaction().execute(async (trx) => {
      const current = await currentAllocations(trx, {
        planId: input.planId,
        targetCode: input.targetCode,
        parentCode: input.parentCode,
      });
      for (const it of input.items) {
        const prev = current.find((c) => c.region_code === it.regionCode);
        await trx
          .insertInto('target_allocation')
          .values({
            plan_id: input.planId,
            target_code: input.targetCode,
            parent_code: input.parentCode,
            region_code: it.regionCode,
            version: (prev?.version ?? 0) + 1,
            change_pct: it.changePct ?? null,
            target_value: it.targetValue ?? null,
            weight_value: it.weightValue ?? null,
            weight_basis: it.weightBasis ?? (it.weightValue !== undefined ? 'energy' : null),
            note: it.note ?? '',
            entered_by: p.username,
          })
          .execute();
      }
      await recordAuditBy(trx, p, {
        action: 'allocate',
        entity: 'target_allocation',
        entityId: `${input.planId}/${input.targetCode}/${input.parentCode}`,
        before: null,
        after: input.items,
      });
    });
    return this.allocations(p, input.planId, input.targetCode, input.parentCode, level);
  }

  /**
   * Recomputes what depends on a province's data for some years (evaluations, barometer, assessment) so that a
   * change of data leaves a new entry in the result history at once, not only at the next read.
   */
  async refresh(provinceCode: string, years: Iterable<number>): Promise<void> {
    const system: Principal = {
      userId: '',
      username: 'system',
      displayName: 'system',
      role: 'province_admin',
      regionCode: provinceCode,
      enterpriseId: null,
    };
    const sorted = [...new Set(years)].sort((a, b) => b - a).slice(0, 20);
    for (const year of sorted) {
      await this.evaluations(system, { region: provinceCode, year });
      await this.barometer(system, year, 'Y', provinceCode);
      await this.assessment(system, year, provinceCode);
    }
  }

  /** Keeps a computed result whenever it differs from the last one kept under the same key. */
  private async snapshot(kind: string, key: string, result: unknown): Promise<void> {
    const json = JSON.stringify(result);
    const digest = createHash('sha256').update(json).digest('hex');
    const last = await this.db
      .selectFrom('evaluation_snapshot')
      .select('digest')
      .where('kind', '=', kind)
      .where('key', '=', key)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last?.digest === digest) return;
    await this.db.insertInto('evaluation_snapshot').values({ kind, key, digest, result: json }).execute();
  }

  async history(kind: string, key: string) {
    const rows = await this.db
      .selectFrom('evaluation_snapshot')
      .selectAll()
      .where('kind', '=', kind)
      .where('key', '=', key)
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
    return rows.map((r) => ({
      computedAt: toShanghaiIso(r.computed_at),
      digest: r.digest,
      result: r.result,
    }));
  }
}
