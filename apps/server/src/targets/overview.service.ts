import type { Bulletin, ReportTotals } from '@ecep/contract';
import { Dec, formatGbt8170 } from '@ecep/core';
import type { Kysely } from 'kysely';
import { type Principal, regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { annualIntensityChange } from './intensity-series.js';
import { provinceOf, type TargetService } from './target.service.js';

const CORE_INDICATORS = [
  'energy_total_10k_tce',
  'gdp_index',
  'so2_10k_t',
  'nox_10k_t',
  'cod_10k_t',
  'nh3n_10k_t',
  'solid_waste_generated_10k_t',
  'solid_waste_utilized_10k_t',
];

export class OverviewService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly targets: TargetService,
  ) {}

  /** The latest year with the province's energy total, the year screens open on. */
  async latestYear(province: string): Promise<number> {
    const row = await this.db
      .selectFrom('region_statistic')
      .select((eb) => eb.fn.max('year').as('year'))
      .where('region_code', '=', province)
      .where('indicator', '=', 'energy_total_10k_tce')
      .where('period', '=', 'Y')
      .executeTakeFirst();
    return row?.year ?? new Date().getUTCFullYear() - 1;
  }

  async bulletin(p: Principal, year: number): Promise<Bulletin> {
    const province = provinceOf(p);
    const b = await this.targets.barometer(p, year, 'Y', province);
    const demo = await this.db
      .selectFrom('region_statistic')
      .select('id')
      .where('year', '=', year)
      .where('region_code', 'like', `${province.slice(0, 2)}%`)
      .where('is_demo', '=', true)
      .limit(1)
      .executeTakeFirst();
    return {
      year,
      title: `${b.parent.name}${year}年各市万元地区生产总值能耗降低率等指标公报`,
      isDemo: demo !== undefined,
      parent: b.parent.row,
      rows: b.rows,
      notes: [
        '注：1. 地区生产总值按可比价格计算；能源消费总量电力按等价值折算。',
        '2. 万元GDP能耗上升或下降 = (1 + 能源消费总量增速) ÷ (1 + GDP增速) − 1。',
        '3. 预警等级：能耗强度不降反升为一级；下降但未达到年度目标为二级；其余为三级。',
      ],
    };
  }

  async overview(p: Principal, yearIn?: number) {
    const province = provinceOf(p);
    const year = yearIn ?? (await this.latestYear(province));
    const provinceName = await this.targets.regionName(province);
    const [evaluations, barometer] = await Promise.all([
      this.targets.evaluations(p, { region: province, year }),
      this.targets.barometer(p, year, 'Y', province),
    ]);
    const children = await this.targets.regions(province);
    const s = await this.targets.series([province, ...children.map((c) => c.code)], year - 10, year);
    const trend = [];
    for (let y = year - 9; y <= year; y++) {
      const change = annualIntensityChange(s, province, y);
      trend.push({
        year: y,
        energyTotal10kTce: s.get(province, y, 'energy_total_10k_tce')?.toFixed() ?? null,
        gdpGrowthPct: s.get(province, y, 'gdp_index')?.minus(100).toFixed(2) ?? null,
        intensityChangePct: change.ok ? formatGbt8170(change.changePct, 2) : null,
        so2_10kT: s.get(province, y, 'so2_10k_t')?.toFixed() ?? null,
        nox_10kT: s.get(province, y, 'nox_10k_t')?.toFixed() ?? null,
      });
    }
    const ranked = barometer.rows
      .filter((r) => r.intensityChangePct !== null)
      .sort((a, b) => Number(a.intensityChangePct) - Number(b.intensityChangePct));
    let present = 0;
    const missingByRegion: Array<{ regionCode: string; regionName: string; missing: string[] }> = [];
    for (const c of children) {
      const missing = CORE_INDICATORS.filter((i) => s.get(c.code, year, i) === undefined);
      present += CORE_INDICATORS.length - missing.length;
      if (missing.length) missingByRegion.push({ regionCode: c.code, regionName: c.name, missing });
    }
    const expected = CORE_INDICATORS.length * children.length;
    return {
      year,
      province: { code: province, name: provinceName },
      // Targets without a statistic behind them (counts of pilots, project lists…) belong to the plan browser.
      kpis: evaluations.filter((e) => e.status !== 'no_source'),
      barometer,
      trend,
      topMovers: { best: ranked.slice(0, 3), worst: ranked.slice(-3).reverse() },
      completeness: {
        expected,
        present,
        ratePct: expected ? formatGbt8170(new Dec(present).div(expected).times(100), 1) : null,
        missingByRegion,
      },
      reports: await this.reportSummary(p, year),
    };
  }

  /** Energy reported by key energy users for the year: approved figures only, plus what is still in review. */
  async reportSummary(p: Principal, year: number) {
    let q = this.db
      .selectFrom('energy_report as r')
      .innerJoin('enterprise as e', 'e.id', 'r.enterprise_id')
      .leftJoin('energy_report_version as v', (j) =>
        j.onRef('v.report_id', '=', 'r.id').onRef('v.version', '=', 'r.approved_version'),
      )
      .select(['r.status', 'r.period_type', 'v.totals'])
      .where((eb) => eb.or([eb('r.period', '=', String(year)), eb('r.period', 'like', `${year}-%`)]));
    if (p.role === 'enterprise_user')
      q = q.where('r.enterprise_id', '=', p.enterpriseId ?? '00000000-0000-0000-0000-000000000000');
    else q = q.where('e.region_code', 'like', `${regionPrefix(p.regionCode)}%`);
    const rows = await q.execute();
    let approvedAnnualTce = new Dec(0);
    let approvedMonthlyTce = new Dec(0);
    const byStatus: Record<string, number> = {};
    for (const r of rows) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      if (r.totals) {
        const t = new Dec((r.totals as ReportTotals).comprehensiveTce);
        if (r.period_type === 'year') approvedAnnualTce = approvedAnnualTce.plus(t);
        else approvedMonthlyTce = approvedMonthlyTce.plus(t);
      }
    }
    return {
      approvedAnnualTce: formatGbt8170(approvedAnnualTce, 3),
      approvedMonthlyTce: formatGbt8170(approvedMonthlyTce, 3),
      byStatus,
      total: rows.length,
    };
  }
}
