import type { ReportContent, StatisticInput } from '@ecep/contract';
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { insertReportEvent, insertReportVersion } from '../reports/report.repository.js';
import { reportTotals } from '../reports/report-totals.js';
import { StatisticService } from '../statistics/statistic.service.js';
import { currentAllocations, currentPlanVersions, storePlanVersion } from '../targets/plan.repository.js';
import { BUNDLED_PLANS_DIR, loadPlans, planFilesIn } from '../targets/plan-loader.js';
import { prng, SHANXI_CITIES } from './demo-enterprises.js';

const MARKER = 'demo.targets';
const MARKER_VERSION = 1;
export const DEMO_STAT_FROM = 2010;
export const DEMO_STAT_TO = 2025;
const SOURCE_DEMO = '演示数据（按公开数量级模拟）';
const SOURCE_PUBLISHED = '国家统计局等 2020 年分省公报（强度变化为公开值，总量与 GDP 为演示推算）';

/**
 * Province y/y real GDP growth and intensity change, %. 2016–2020 intensity changes are Shanxi's published
 * figures (shanxi-gansu-facts.md); 2020 uses the bulletin's +0.6 % energy and 3.6 % GDP; the rest is demo.
 */
const PROVINCE_PATH: Record<number, { gdp: number; intensity: number }> = {
  2011: { gdp: 13.0, intensity: -3.55 },
  2012: { gdp: 10.1, intensity: -4.0 },
  2013: { gdp: 8.9, intensity: -3.8 },
  2014: { gdp: 4.9, intensity: -4.6 },
  2015: { gdp: 3.1, intensity: -3.9 },
  2016: { gdp: 4.5, intensity: -4.22 },
  2017: { gdp: 7.0, intensity: -3.37 },
  2018: { gdp: 6.7, intensity: -3.23 },
  2019: { gdp: 6.2, intensity: -2.72 },
  2020: { gdp: 3.6, intensity: (1.006 / 1.036 - 1) * 100 },
  2021: { gdp: 9.1, intensity: -2.5 },
  2022: { gdp: 4.4, intensity: -1.9 },
  2023: { gdp: 5.0, intensity: -2.6 },
  2024: { gdp: 2.3, intensity: 0.8 },
  2025: { gdp: 4.5, intensity: -3.1 },
};

/** City shares of the province's 2010 energy use and GDP (plausible, demo). */
const CITY_SHARES: Record<string, { energy: number; gdp: number }> = {
  '140100': { energy: 0.16, gdp: 0.2 },
  '140200': { energy: 0.09, gdp: 0.08 },
  '140300': { energy: 0.06, gdp: 0.05 },
  '140400': { energy: 0.11, gdp: 0.1 },
  '140500': { energy: 0.08, gdp: 0.08 },
  '140600': { energy: 0.06, gdp: 0.07 },
  '140700': { energy: 0.09, gdp: 0.09 },
  '140800': { energy: 0.1, gdp: 0.09 },
  '140900': { energy: 0.06, gdp: 0.06 },
  '141000': { energy: 0.11, gdp: 0.1 },
  '141100': { energy: 0.08, gdp: 0.08 },
};

/** Province pollutant totals, 10k t: 2010 level, 2015 (just under the 12th-FYP caps) and 2025. */
const POLLUTANTS: Record<string, [number, number, number]> = {
  // 2010 values are the 12th-FYP plan's base figures; 2015 lands just under its caps.
  so2_10k_t: [143.8, 125.1, 22.5],
  nox_10k_t: [124.1, 104.2, 45.2],
  cod_10k_t: [50.7, 44.9, 36.0],
  nh3n_10k_t: [5.93, 5.12, 3.6],
  smoke_10k_t: [77.68, 67.8, 18.3],
  industrial_dust_10k_t: [39.14, 34.6, 12.4],
};

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** Interpolates a pollutant path: linear 2010→2015, then linear 2015→2025. */
function pollutant(path: [number, number, number], year: number): number {
  const [a, b, c] = path;
  if (year <= 2015) return a + ((b - a) * (year - 2010)) / 5;
  return b + ((c - b) * (year - 2015)) / 10;
}

function statistics(): StatisticInput[] {
  const rnd = prng(2012);
  const out: StatisticInput[] = [];
  const push = (
    regionCode: string,
    year: number,
    indicator: string,
    value: number,
    source: string,
    priceBase?: string,
  ) =>
    out.push({
      regionCode,
      year,
      indicator,
      value,
      source,
      status: year >= DEMO_STAT_TO ? 'preliminary' : 'final',
      ...(priceBase ? { priceBase } : {}),
    });
  // Province.
  let energy = 16_808;
  let gdpCurrent = 9_200;
  let waste = 27_000;
  for (let year = DEMO_STAT_FROM; year <= DEMO_STAT_TO; year++) {
    const path = PROVINCE_PATH[year];
    if (path) {
      const energyGrowth = (1 + path.intensity / 100) * (1 + path.gdp / 100) - 1;
      energy *= 1 + (year === 2020 ? 0.006 : energyGrowth);
      gdpCurrent *= 1 + path.gdp / 100 + 0.025;
      push(
        '140000',
        year,
        'gdp_index',
        round(100 + path.gdp, 1),
        year >= 2016 && year <= 2020 ? SOURCE_PUBLISHED : SOURCE_DEMO,
      );
    }
    waste *= 1.02;
    // ≈ 65 % in 2015, as reported for Shanxi (shanxi-gansu-facts.md), then slowly up.
    const rate =
      year <= 2015 ? 0.55 + (year - DEMO_STAT_FROM) * 0.021 : Math.min(0.655 + (year - 2015) * 0.004, 0.7);
    push('140000', year, 'energy_total_10k_tce', round(energy, 2), SOURCE_DEMO);
    push('140000', year, 'gdp_current_100m_yuan', round(gdpCurrent, 2), SOURCE_DEMO);
    push('140000', year, 'electricity_100m_kwh', round(energy * 0.13, 1), SOURCE_DEMO);
    push('140000', year, 'co2_energy_10k_t', round(energy * 2.45, 1), SOURCE_DEMO);
    for (const [indicator, p] of Object.entries(POLLUTANTS))
      push('140000', year, indicator, round(pollutant(p, year), 2), SOURCE_DEMO);
    push('140000', year, 'solid_waste_generated_10k_t', round(waste, 1), SOURCE_DEMO);
    push('140000', year, 'solid_waste_utilized_10k_t', round(waste * rate, 1), SOURCE_DEMO);
    push('140000', year, 'solid_waste_utilized_from_stock_10k_t', round(waste * 0.02, 1), SOURCE_DEMO);
    push(
      '140000',
      year,
      'solid_waste_stock_10k_t',
      round(150_000 + (year - DEMO_STAT_FROM) * waste * (1 - rate) * 0.6, 0),
      SOURCE_DEMO,
    );
    if (year >= 2012)
      push(
        '140000',
        year,
        'ep_industry_output_100m_yuan',
        round(year <= 2015 ? 600 * 1.19 ** (year - 2012) : 600 * 1.19 ** 3 * 1.08 ** (year - 2015), 1),
        SOURCE_DEMO,
      );
  }
  // Cities: each follows the province with its own deviation, so the barometer shows all three levels.
  for (const city of SHANXI_CITIES) {
    const share = CITY_SHARES[city.code] ?? { energy: 0.09, gdp: 0.09 };
    let e = 16_808 * share.energy;
    let g = 9_200 * share.gdp;
    let w = 27_000 * share.energy;
    const bias = (rnd() - 0.5) * 2;
    for (let year = DEMO_STAT_FROM; year <= DEMO_STAT_TO; year++) {
      const path = PROVINCE_PATH[year];
      if (path) {
        const gdpGrowth = path.gdp + (rnd() - 0.5) * 3;
        const intensity = path.intensity + bias + (rnd() - 0.5) * 3;
        e *= (1 + intensity / 100) * (1 + gdpGrowth / 100);
        g *= 1 + gdpGrowth / 100 + 0.025;
        push(city.code, year, 'gdp_index', round(100 + gdpGrowth, 1), SOURCE_DEMO);
      }
      w *= 1.02;
      const rate = Math.min(0.52 + (year - DEMO_STAT_FROM) * 0.02 + bias * 0.03, 0.75);
      push(city.code, year, 'energy_total_10k_tce', round(e, 2), SOURCE_DEMO);
      push(city.code, year, 'gdp_current_100m_yuan', round(g, 2), SOURCE_DEMO);
      for (const [indicator, p] of Object.entries(POLLUTANTS)) {
        push(
          city.code,
          year,
          indicator,
          round(pollutant(p, year) * share.energy * (1 + bias * 0.05), 3),
          SOURCE_DEMO,
        );
      }
      push(city.code, year, 'solid_waste_generated_10k_t', round(w, 1), SOURCE_DEMO);
      push(city.code, year, 'solid_waste_utilized_10k_t', round(w * rate, 1), SOURCE_DEMO);
    }
  }
  out.push(...quarterly(out));
  return out;
}

/**
 * Year-to-date quarters of 2025 and 2026 (Q1–Q3) for the quarterly barometer: energy as the share of the 2025
 * annual total, with each region's own growth into 2026, and the YTD GDP index.
 */
function quarterly(annual: readonly StatisticInput[]): StatisticInput[] {
  const rnd = prng(2026);
  const out: StatisticInput[] = [];
  const base = annual.filter((s) => s.year === DEMO_STAT_TO && s.indicator === 'energy_total_10k_tce');
  for (const b of base) {
    const growth = (rnd() - 0.35) * 6; // % energy growth 2026 vs 2025, mostly positive
    const gdp = 4 + (rnd() - 0.5) * 2;
    for (const q of [1, 2, 3]) {
      const share = (q / 4) * (1 + (rnd() - 0.5) * 0.02);
      const e2025 = Number(b.value) * share;
      const common = {
        regionCode: b.regionCode,
        indicator: 'energy_total_10k_tce',
        source: SOURCE_DEMO,
        status: 'preliminary' as const,
      };
      out.push({
        ...common,
        year: DEMO_STAT_TO,
        period: `Q${q}` as StatisticInput['period'],
        value: round(e2025, 2),
      });
      out.push({
        ...common,
        year: DEMO_STAT_TO + 1,
        period: `Q${q}` as StatisticInput['period'],
        value: round(e2025 * (1 + growth / 100), 2),
      });
      out.push({
        regionCode: b.regionCode,
        year: DEMO_STAT_TO + 1,
        period: `Q${q}` as StatisticInput['period'],
        indicator: 'gdp_index',
        value: round(100 + gdp, 1),
        source: SOURCE_DEMO,
        status: 'preliminary',
      });
    }
  }
  return out;
}

/** A plausible energy report for a key energy user of a given size (t of raw coal a year). */
function demoContent(coalT: number, months: number, rnd: () => number): ReportContent {
  const scale = months / 12;
  const coal = Math.round(coalT * scale);
  const power = Math.round(coalT * 0.02 * scale * (0.8 + rnd() * 0.4));
  const gas = round(coalT * 0.0004 * scale, 2);
  return {
    energy: [
      {
        energyCode: 'raw-coal',
        unit: 't',
        openingStock: 5000,
        purchased: coal,
        consumed: coal,
        closingStock: 5000,
      },
      { energyCode: 'electricity', unit: '10^4 kWh', purchased: power, consumed: power },
      { energyCode: 'natural-gas', unit: '10^4 m3', purchased: gas, consumed: gas },
    ],
    products: [{ name: '主要产品', unit: 't', output: Math.round(coal * 0.7) }],
    outputValue10kYuan: Math.round(coal * 0.12),
  };
}

const STATUS_FLOW: Record<string, Array<[string, string, string]>> = {
  // action, to status, actor role
  draft: [],
  submitted: [['submit', 'submitted', 'enterprise_user']],
  county_approved: [
    ['submit', 'submitted', 'enterprise_user'],
    ['approve', 'county_approved', 'county_admin'],
  ],
  city_approved: [
    ['submit', 'submitted', 'enterprise_user'],
    ['approve', 'county_approved', 'county_admin'],
    ['approve', 'city_approved', 'city_admin'],
  ],
  approved: [
    ['submit', 'submitted', 'enterprise_user'],
    ['approve', 'county_approved', 'county_admin'],
    ['approve', 'city_approved', 'city_admin'],
    ['approve', 'approved', 'province_admin'],
  ],
};

/** Annual reports for 2024 and 2025 and monthly ones for 2026, in every state of the workflow. */
async function seedReports(db: Kysely<Database>, skipEnterpriseId: string | null): Promise<number> {
  const rnd = prng(2589);
  const ents = await db
    .selectFrom('enterprise')
    .select(['id'])
    .where('is_demo', '=', true)
    .where('key_energy_user', '=', true)
    .where('deleted_at', 'is', null)
    .orderBy('credit_code')
    .limit(40)
    .execute();
  let n = 0;
  for (const [i, ent] of ents.entries()) {
    if (ent.id === skipEnterpriseId) continue;
    const coalT = 50_000 + Math.round(rnd() * 400_000);
    const plan: Array<[string, 'month' | 'year', string]> = [
      ['2024', 'year', 'approved'],
      ['2025', 'year', i % 10 === 7 ? 'city_approved' : i % 10 === 8 ? 'submitted' : 'approved'],
      ['2026-10', 'month', i % 3 === 0 ? 'approved' : i % 3 === 1 ? 'county_approved' : 'draft'],
    ];
    for (const [period, periodType, status] of plan) {
      const content = demoContent(
        coalT * (period === '2025' ? 0.97 : 1),
        periodType === 'year' ? 12 : 1,
        rnd,
      );
      const totals = reportTotals(content);
      const report = await db
        .insertInto('energy_report')
        .values({
          enterprise_id: ent.id,
          period_type: periodType,
          period,
          status,
          current_version: 1,
          approved_version: status === 'approved' ? 1 : null,
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const reportId = String(report.id);
      await insertReportVersion(db, {
        reportId,
        version: 1,
        content,
        totals,
        reason: null,
        createdBy: 'enterprise(演示)',
      });
      await insertReportEvent(db, {
        reportId,
        version: 1,
        action: 'create',
        from: null,
        to: 'draft',
        actor: '演示数据',
        role: 'enterprise_user',
      });
      let from = 'draft';
      for (const [action, to, role] of STATUS_FLOW[status] ?? []) {
        await insertReportEvent(db, { reportId, version: 1, action, from, to, actor: '演示数据', role });
        from = to;
      }
      n++;
    }
  }
  return n;
}

const SHANXI_2012_PLAN = 'shanxi-2012-energy-saving-emission-reduction';
const DEMO_DUAL_CONTROL_PLAN = 'demo-shanxi-dual-control-2016-2025';

/**
 * Targets for the years the seed plans do not cover, so the barometer has a requirement after 2015. Marked demo:
 * the 13th-FYP 15 % is from memory (shanxi-gansu-facts.md [M]), the 14th-FYP 14.5 % is illustrative.
 */
const DEMO_DUAL_CONTROL = {
  id: DEMO_DUAL_CONTROL_PLAN,
  title: '山西省能耗强度降低目标（“十三五”“十四五”，演示数据，未经核实）',
  demo: true,
  source: { issuer: '演示数据', title: '演示用目标，非正式文件' },
  period: { from: 2016, to: 2030 },
  scope: '140000',
  tasks: [],
  targets: [
    {
      code: 'energy_intensity',
      name: '万元地区生产总值能耗（“十三五”）',
      type: 'intensity',
      unit: 'tce/10k yuan',
      scopeCode: '140000',
      direction: 'decrease',
      baseYear: 2015,
      baseValue: null,
      targetYear: 2020,
      targetValue: null,
      changePct: '-15',
      priceBase: '2015',
      sourceText: '演示：“十三五”山西能耗强度降低 15 %（记忆值，未经核实）',
      details: { demo: true },
    },
    {
      code: 'energy_intensity',
      name: '万元地区生产总值能耗（“十四五”）',
      type: 'intensity',
      unit: 'tce/10k yuan',
      scopeCode: '140000',
      direction: 'decrease',
      baseYear: 2020,
      baseValue: null,
      targetYear: 2025,
      targetValue: null,
      changePct: '-14.5',
      priceBase: '2020',
      sourceText: '演示：“十四五”山西能耗强度降低 14.5 %（示意值）',
      details: { demo: true },
    },
    {
      code: 'energy_intensity',
      name: '万元地区生产总值能耗（“十五五”，示意）',
      type: 'intensity',
      unit: 'tce/10k yuan',
      scopeCode: '140000',
      direction: 'decrease',
      baseYear: 2025,
      baseValue: null,
      targetYear: 2030,
      targetValue: null,
      changePct: '-13.5',
      priceBase: '2025',
      sourceText: '演示：“十五五”能耗强度降低 13.5 %（示意值，用于当年季度晴雨表）',
      details: { demo: true },
    },
  ],
};

/**
 * The bundled plans (checked; a changed file becomes a new version), the 12th-FYP allocation of the intensity
 * target to the 11 cities (each 16 %, as published in 2011 — shanxi-gansu-facts.md [V]) and the demo targets.
 */
async function seedPlans(db: Kysely<Database>): Promise<void> {
  await loadPlans(db, planFilesIn(BUNDLED_PLANS_DIR), '系统（随附规划）');
  const { targets, ...document } = DEMO_DUAL_CONTROL;
  await storePlanVersion(
    db,
    {
      id: DEMO_DUAL_CONTROL_PLAN,
      title: DEMO_DUAL_CONTROL.title,
      digest: 'demo-v2',
      sourceFile: '（演示数据）',
      document,
      targets,
    },
    '演示数据',
  );
  const [shanxi2012] = await currentPlanVersions(db, SHANXI_2012_PLAN);
  if (!shanxi2012) return;
  const existing = await currentAllocations(db, {
    planId: SHANXI_2012_PLAN,
    targetCode: 'energy_intensity',
    parentCode: '140000',
  });
  if (existing.length > 0) return;
  await db
    .insertInto('target_allocation')
    .values(
      SHANXI_CITIES.map((c) => ({
        plan_id: SHANXI_2012_PLAN,
        target_code: 'energy_intensity',
        parent_code: '140000',
        region_code: c.code,
        version: 1,
        change_pct: -16,
        note: '2011 年省政府将“十二五”16 % 目标分解到 11 个市，各市均为 16 %（中国节能环保网 2011-05-16 报道）',
        entered_by: '系统（公开资料）',
      })),
    )
    .execute();
}

/** Ten+ years of city statistics, demo energy reports and assessment measure points. Idempotent. */
export async function seedTargetsDemo(db: Kysely<Database>, skipEnterpriseId: string | null): Promise<void> {
  await seedPlans(db);
  const marker = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', MARKER)
    .executeTakeFirst();
  if (marker && Number((marker.value as { version?: number }).version) >= MARKER_VERSION) return;
  const system: Principal = {
    userId: '',
    username: '演示数据',
    displayName: '演示数据',
    role: 'province_admin',
    regionCode: '140000',
    enterpriseId: null,
  };
  await new StatisticService(db).write(system, statistics(), { isDemo: true });
  await seedReports(db, skipEnterpriseId);
  const rnd = prng(36);
  for (const city of SHANXI_CITIES) {
    await db
      .insertInto('assessment_measure_score')
      .values({
        year: DEMO_STAT_TO,
        region_code: city.code,
        version: 1,
        points: JSON.stringify({ measures: 44 + Math.round(rnd() * 14) }),
        entered_by: '演示数据',
      })
      .execute();
  }
  await db
    .insertInto('app_setting')
    .values({ key: MARKER, value: JSON.stringify({ version: MARKER_VERSION }) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify({ version: MARKER_VERSION }) }))
    .execute();
}
