import type {
  AllocationCheck,
  AssessmentRow,
  Barometer,
  BarometerRow,
  Bulletin,
  PlanTarget,
  TargetEvaluation,
  TargetStatus,
} from '@ecep/contract';
import { call } from '../api';

/**
 * The targets, barometer, assessment and overview API (apps/server/src/targets). The row shapes the server
 * declares come from the contract; the overview, plan and allocation responses are stated here.
 */
export type {
  AllocationCheck,
  AssessmentRow,
  Barometer,
  BarometerRow,
  Bulletin,
  TargetEvaluation,
  TargetStatus,
};

export interface TrendPoint {
  year: number;
  energyTotal10kTce: string | null;
  gdpGrowthPct: string | null;
  intensityChangePct: string | null;
  so2_10kT: string | null;
  nox_10kT: string | null;
}

export interface ReportFigures {
  approvedAnnualTce: string;
  approvedMonthlyTce: string;
  byStatus: Record<string, number>;
  total: number;
}

export interface Overview {
  year: number;
  province: { code: string; name: string };
  kpis: TargetEvaluation[];
  barometer: Barometer;
  trend: TrendPoint[];
  topMovers: { best: BarometerRow[]; worst: BarometerRow[] };
  completeness: {
    expected: number;
    present: number;
    ratePct: string | null;
    missingByRegion: Array<{ regionCode: string; regionName: string; missing: string[] }>;
  };
  reports: ReportFigures;
}

export interface PlanSummary {
  id: string;
  version: number;
  title: string;
  sourceFile: string;
  source: unknown;
  period: unknown;
  scope: unknown;
  isDemo: boolean;
  targetCount: number;
  taskCount: number;
  loadedAt: string;
  loadedBy?: string;
}

export interface PlanDetail {
  id: string;
  version: number;
  title: string;
  sourceFile: string;
  document: unknown;
  targets: PlanTarget[];
  versions: Array<{ version: number; digest: string; loadedBy: string; loadedAt: string }>;
}

export interface AllocationItem {
  regionCode: string;
  regionName: string;
  version: number;
  changePct: string | null;
  targetValue: string | null;
  weightValue: string | null;
  weightBasis: string | null;
  note: string;
  enteredBy: string;
  enteredAt: string;
}

export const getOverview = (year?: number) =>
  call((api) => api.request<Overview>('GET', '/api/overview', undefined, { year }));
export const listPlans = () => call((api) => api.request<{ items: PlanSummary[] }>('GET', '/api/plans'));
export const getPlan = (id: string) =>
  call((api) => api.request<PlanDetail>('GET', `/api/plans/${encodeURIComponent(id)}`));
export const getEvaluations = (q: { planId?: string; region?: string; year?: number }) =>
  call((api) =>
    api.request<{ year: number; items: TargetEvaluation[] }>('GET', '/api/targets/evaluations', undefined, q),
  );
export const getBarometer = (q: { year?: number; period?: string; parent?: string }) =>
  call((api) => api.request<Barometer>('GET', '/api/targets/barometer', undefined, q));
export const getAssessment = (year: number, parent?: string) =>
  call((api) =>
    api.request<{ year: number; rows: AssessmentRow[] }>('GET', '/api/targets/assessment', undefined, {
      year,
      parent,
    }),
  );
export const putMeasurePoints = (year: number, regionCode: string, measures: number) =>
  call((api) =>
    api.request<{ year: number; rows: AssessmentRow[] }>('PUT', '/api/targets/assessment/measures', {
      year,
      regionCode,
      measures,
    }),
  );
export const getAllocations = (q: { planId: string; targetCode: string; parent?: string }) =>
  call((api) =>
    api.request<{ items: AllocationItem[]; check: AllocationCheck | null }>(
      'GET',
      '/api/targets/allocations',
      undefined,
      q,
    ),
  );
/** One item of `PUT /api/targets/allocations` (for level = enterprise, `regionCode` is the enterprise id). */
export interface AllocationInputItem {
  regionCode: string;
  changePct?: number;
  targetValue?: number;
  weightValue?: number;
  weightBasis?: 'energy' | 'gdp';
  note?: string;
}

export interface AllocationInput {
  level?: 'region' | 'enterprise';
  planId: string;
  targetCode: string;
  parentCode: string;
  items: AllocationInputItem[];
}

/** Enters allocations (each item a new version); answers the allocations with the consistency check. */
export const putAllocations = (body: AllocationInput) =>
  call((api) =>
    api.request<{ items: AllocationItem[]; check: AllocationCheck | null }>(
      'PUT',
      '/api/targets/allocations',
      body,
    ),
  );

/** A result kept when an evaluation changed (`computedBy` only where the server records who). */
export interface HistoryEntry<T = unknown> {
  computedAt: string;
  digest: string;
  result: T;
  computedBy?: string;
}

/**
 * Earlier results of an evaluation, newest first. Keys: `evaluation` `region/planId/year` (planId `*` for all
 * plans), `barometer` `parent/year/period`, `assessment` `parent/year`.
 */
export const getTargetHistory = <T = unknown>(kind: 'evaluation' | 'barometer' | 'assessment', key: string) =>
  call((api) =>
    api.request<{ items: HistoryEntry<T>[] }>('GET', '/api/targets/history', undefined, { kind, key }),
  );

/** The prefix of the codes inside a region (`140000` → `14`, `140100` → `1401`), as the server scopes. */
export function regionPrefix(code: string | null): string {
  if (!code) return '';
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether a user may enter allocations below `parent` (province or city administrators, in their region). */
export function canAllocate(me: { role: string; regionCode: string | null }, parent: string): boolean {
  return (
    (me.role === 'province_admin' || me.role === 'city_admin') &&
    parent.startsWith(regionPrefix(me.regionCode))
  );
}

export const getBulletin = (year: number) =>
  call((api) => api.request<Bulletin>('GET', `/api/bulletins/${year}`));
export const bulletinXlsxUrl = (year: number) => `/api/bulletins/${year}/xlsx`;

/** Warning level colours of the 晴雨表 (the server names them red/yellow/green). */
export const LEVEL_COLORS: Record<string, string> = {
  red: '#cf1322',
  yellow: '#d4b106',
  green: '#389e0d',
};

/** Tag colours of target statuses. */
export const TARGET_STATUS_COLORS: Record<TargetStatus, string> = {
  achieved: 'green',
  on_track: 'cyan',
  behind: 'orange',
  missed: 'red',
  no_data: 'default',
  no_source: 'default',
};

/** The target's unit as the plans spell it (`tce/10k yuan`, `10k mu`), in Chinese. */
export function unitZh(unit: string): string {
  return unit
    .replace(/100m\s*/g, '亿')
    .replace(/10k\s*/g, '万')
    .replace(/\byuan\b/g, '元')
    .replace(/\bmu\b/g, '亩')
    .replace(/\b(percent|pct)\b/g, '%');
}

/** `2015年 ≤ 1.877 tce/万元（−16%）` */
export function targetText(t: {
  targetYear: number;
  targetValue: string | null;
  targetChangePct?: string | null;
  changePct?: string | null;
  unit: string;
  direction?: string | null;
}): string {
  const change = t.targetChangePct ?? t.changePct ?? null;
  const increase =
    t.direction === 'increase' || t.direction === 'at_least'
      ? true
      : t.direction === 'decrease' || t.direction === 'at_most'
        ? false
        : change !== null && Number(change) !== 0
          ? Number(change) > 0
          : null;
  const sign = increase === null ? '目标' : increase ? '≥' : '≤';
  const changeText = change !== null ? `${Number(change) > 0 ? '+' : ''}${change.replace('-', '−')}%` : null;
  if (t.targetValue !== null) {
    return `${t.targetYear}年 ${sign} ${t.targetValue} ${unitZh(t.unit)}${changeText ? `（${changeText}）` : ''}`;
  }
  return `${t.targetYear}年 较基期 ${changeText ?? '—'}`;
}
