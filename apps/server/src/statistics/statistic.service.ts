import type { StatisticInput, StatisticQuery, StatisticValue, StatisticWriteResult } from '@ecep/contract';
import { Dec, toDecimal } from '@ecep/core';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import { type Principal, regionContains, regionInScope } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import { findIndicator, STATISTIC_STATUS_ZH, type StatisticStatus } from './indicators.js';
import {
  insertStatisticVersions,
  listCurrentStatistics,
  type StatisticInsert,
  type StatisticRow,
  statisticHistory,
} from './statistic.repository.js';

export interface FieldIssue {
  index: number;
  field: string;
  message: string;
}

export function toStatisticValue(r: StatisticRow): StatisticValue {
  return {
    regionCode: r.region_code,
    regionName: r.region_name,
    year: r.year,
    period: r.period,
    indicator: r.indicator,
    indicatorName: findIndicator(r.indicator)?.nameZh ?? r.indicator,
    value: toDecimal(r.value).toFixed(),
    unit: r.unit,
    priceBase: r.price_base,
    status: r.status,
    source: r.source,
    note: r.note,
    version: r.version,
    recordedBy: r.recorded_by,
    recordedAt: toShanghaiIso(r.recorded_at),
    isDemo: r.is_demo,
  };
}

/** Statistics are read in one's own region and below, and for the regions above it (the whole they belong to). */
export function statisticVisibleTo(p: Principal, regionCode: string): boolean {
  return regionInScope(p, regionCode) || (p.regionCode !== null && regionContains(regionCode, p.regionCode));
}

/** Checks one input against the indicator catalog; returns every problem, never throws. */
export function checkStatisticInput(
  item: StatisticInput,
  index: number,
  knownRegions: Set<string>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const indicator = findIndicator(item.indicator);
  if (!indicator) {
    issues.push({ index, field: 'indicator', message: `未知指标 / unknown indicator "${item.indicator}"` });
    return issues;
  }
  if (!knownRegions.has(item.regionCode)) {
    issues.push({
      index,
      field: 'regionCode',
      message: `不是已知的行政区划代码 / unknown region ${item.regionCode}`,
    });
  }
  if (item.unit !== undefined && item.unit !== indicator.unit) {
    issues.push({
      index,
      field: 'unit',
      message: `${indicator.nameZh} 的单位应为 ${indicator.unit} / expected unit "${indicator.unit}", got "${item.unit}"`,
    });
  }
  const value = Number(item.value);
  if (!Number.isFinite(value)) {
    issues.push({ index, field: 'value', message: `应为数值 / expected a number, got "${item.value}"` });
  } else if (indicator.positive ? value <= 0 : value < 0) {
    issues.push({
      index,
      field: 'value',
      message: `${indicator.nameZh} 不能${indicator.positive ? '小于等于 0' : '为负'} / expected ${indicator.positive ? '> 0' : '≥ 0'}, got ${item.value}`,
    });
  }
  if (indicator.needsPriceBase && !item.priceBase) {
    issues.push({
      index,
      field: 'priceBase',
      message: `${indicator.nameZh} 须注明价格基年 / a comparable-price value needs priceBase (e.g. "2005")`,
    });
  }
  return issues;
}

export class StatisticService {
  constructor(
    private readonly db: Kysely<Database>,
    /** Called after values were written, with the provinces and years they touch (results depend on them). */
    private readonly onChange: (provinceCode: string, years: number[]) => Promise<void> = async () => {},
  ) {}

  async list(p: Principal, q: StatisticQuery): Promise<StatisticValue[]> {
    let regionCodes: string[] | undefined;
    if (q.region) {
      if (!statisticVisibleTo(p, q.region))
        throw new AppError('REGION_OUT_OF_SCOPE', `无权查看 ${q.region} 的统计数据`);
      regionCodes = [q.region];
      if (q.children) {
        const kids = await this.db
          .selectFrom('region')
          .select('code')
          .where('parent_code', '=', q.region)
          .execute();
        regionCodes = kids.map((k) => k.code);
      }
    }
    const rows = await listCurrentStatistics(this.db, {
      regionCodes,
      indicator: q.indicator,
      fromYear: q.fromYear,
      toYear: q.toYear,
      period: q.period,
    });
    return rows.filter((r) => statisticVisibleTo(p, r.region_code)).map(toStatisticValue);
  }

  async history(p: Principal, key: { region: string; year: number; period?: string; indicator: string }) {
    if (!statisticVisibleTo(p, key.region))
      throw new AppError('REGION_OUT_OF_SCOPE', `无权查看 ${key.region} 的统计数据`);
    const rows = await statisticHistory(this.db, {
      regionCode: key.region,
      year: key.year,
      period: key.period ?? 'Y',
      indicator: key.indicator,
    });
    return rows.map(toStatisticValue);
  }

  /** Validates every item first; writes nothing unless all are valid. */
  async validate(p: Principal, items: StatisticInput[]): Promise<FieldIssue[]> {
    const codes = [...new Set(items.map((i) => i.regionCode))];
    const known = new Set(
      (
        await this.db
          .selectFrom('region')
          .select('code')
          .where('code', 'in', codes.length ? codes : [''])
          .execute()
      ).map((r) => r.code),
    );
    const issues = items.flatMap((item, index) => checkStatisticInput(item, index, known));
    items.forEach((item, index) => {
      if (known.has(item.regionCode) && !regionInScope(p, item.regionCode)) {
        issues.push({
          index,
          field: 'regionCode',
          message: `${item.regionCode} 不在您的管辖范围 / outside your region ${p.regionCode ?? ''}`,
        });
      }
    });
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const key = `${item.regionCode}/${item.year}/${item.period ?? 'Y'}/${item.indicator}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({
          index,
          field: 'indicator',
          message: `与第 ${first + 1} 项重复 / duplicates item ${first}`,
        });
      } else seen.set(key, index);
    });
    return issues;
  }

  /**
   * Writes a new version of every item whose value, status, price base or source differs from the current
   * one. A changed final figure without an explicit status becomes `revised`.
   */
  async write(
    p: Principal,
    items: StatisticInput[],
    opts: { isDemo?: boolean } = {},
  ): Promise<StatisticWriteResult> {
    const issues = await this.validate(p, items);
    if (issues.length > 0) {
      const first = issues[0] as FieldIssue;
      throw new AppError(
        'STATISTIC_INVALID',
        `第 ${first.index + 1} 项 ${first.field}: ${first.message}（共 ${issues.length} 处问题，未写入任何数据）`,
        issues,
      );
    }
    const result = await this.db.transaction().execute(async (trx) => {
      const years = items.map((i) => i.year);
      const currentRows = await listCurrentStatistics(trx, {
        regionCodes: [...new Set(items.map((i) => i.regionCode))],
        fromYear: Math.min(...years),
        toYear: Math.max(...years),
      });
      const currentByKey = new Map(
        currentRows.map((r) => [
          statisticKeyText({
            regionCode: r.region_code,
            year: r.year,
            period: r.period,
            indicator: r.indicator,
          }),
          r,
        ]),
      );
      const inserts: StatisticInsert[] = [];
      let unchanged = 0;
      for (const item of items) {
        const key = {
          regionCode: item.regionCode,
          year: item.year,
          period: item.period ?? 'Y',
          indicator: item.indicator,
        };
        const indicator = findIndicator(item.indicator);
        const current = currentByKey.get(statisticKeyText(key));
        const value = new Dec(String(item.value));
        const status: StatisticStatus =
          item.status ?? (current && current.status !== 'preliminary' ? 'revised' : 'preliminary');
        const priceBase = item.priceBase ?? null;
        if (
          current &&
          toDecimal(current.value).eq(value) &&
          current.status === status &&
          current.price_base === priceBase &&
          current.source === item.source
        ) {
          unchanged++;
          continue;
        }
        inserts.push({
          ...key,
          version: (current?.version ?? 0) + 1,
          value: value.toFixed(),
          unit: indicator?.unit ?? '',
          priceBase,
          status,
          source: item.source,
          note: item.note ?? '',
          recordedBy: p.username,
          isDemo: opts.isDemo,
        });
      }
      await insertStatisticVersions(trx, inserts);
      if (inserts.length > 0) {
        await recordAudit(
          trx,
          { userId: p.userId || null, name: p.username },
          {
            action: 'record',
            entity: 'region_statistic',
            entityId:
              inserts.length === 1
                ? statisticKeyText(inserts[0] as StatisticInsert)
                : `${inserts.length} values`,
            before: null,
            after: inserts.slice(0, 50).map((r) => ({
              key: statisticKeyText(r),
              value: r.value,
              version: r.version,
              status: STATISTIC_STATUS_ZH[r.status],
            })),
          },
        );
      }
      const written = await listCurrentStatistics(trx, {
        regionCodes: [...new Set(inserts.map((r) => r.regionCode))],
        fromYear: Math.min(...years),
        toYear: Math.max(...years),
      });
      const writtenKeys = new Set(inserts.map(statisticKeyText));
      const writtenRows = written.filter((r) =>
        writtenKeys.has(
          statisticKeyText({
            regionCode: r.region_code,
            year: r.year,
            period: r.period,
            indicator: r.indicator,
          }),
        ),
      );
      return { created: inserts.length, unchanged, items: writtenRows.map(toStatisticValue), inserts };
    });
    const touched = new Map<string, Set<number>>();
    for (const r of result.inserts) {
      const province = `${r.regionCode.slice(0, 2)}0000`;
      const years = touched.get(province) ?? new Set<number>();
      years.add(r.year);
      years.add(r.year + 1); // next year's change is measured against this one
      touched.set(province, years);
    }
    for (const [province, years] of touched) await this.onChange(province, [...years]);
    return { created: result.created, unchanged: result.unchanged, items: result.items };
  }
}

const statisticKeyText = (k: { regionCode: string; year: number; period: string; indicator: string }) =>
  `${k.regionCode}/${k.year}/${k.period}/${k.indicator}`;
