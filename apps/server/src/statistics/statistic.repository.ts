import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface StatisticKey {
  regionCode: string;
  year: number;
  period: string;
  indicator: string;
}

export interface StatisticFilter {
  regionCodes?: string[];
  regionPrefix?: string;
  indicator?: string;
  fromYear?: number;
  toYear?: number;
  period?: string;
}

const COLUMNS = [
  's.region_code',
  'r.name as region_name',
  's.year',
  's.period',
  's.indicator',
  's.version',
  's.value',
  's.unit',
  's.price_base',
  's.status',
  's.source',
  's.note',
  's.recorded_by',
  's.recorded_at',
  's.is_demo',
] as const;

function base(db: Kysely<Database>) {
  return db
    .selectFrom('region_statistic as s')
    .innerJoin('region as r', 'r.code', 's.region_code')
    .select(COLUMNS);
}
export type StatisticRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** The current (highest) version of every matching statistic. */
export async function listCurrentStatistics(
  db: Kysely<Database>,
  f: StatisticFilter,
): Promise<StatisticRow[]> {
  let q = base(db)
    .distinctOn(['s.region_code', 's.year', 's.period', 's.indicator'])
    .orderBy('s.region_code')
    .orderBy('s.year')
    .orderBy('s.period')
    .orderBy('s.indicator')
    .orderBy('s.version', 'desc');
  if (f.regionCodes) q = q.where('s.region_code', 'in', f.regionCodes.length ? f.regionCodes : ['']);
  if (f.regionPrefix) q = q.where('s.region_code', 'like', `${f.regionPrefix}%`);
  if (f.indicator) q = q.where('s.indicator', '=', f.indicator);
  if (f.fromYear !== undefined) q = q.where('s.year', '>=', f.fromYear);
  if (f.toYear !== undefined) q = q.where('s.year', '<=', f.toYear);
  if (f.period) q = q.where('s.period', '=', f.period);
  return q.execute();
}

/** Every version of one statistic, newest first. */
export async function statisticHistory(db: Kysely<Database>, key: StatisticKey): Promise<StatisticRow[]> {
  return base(db)
    .where('s.region_code', '=', key.regionCode)
    .where('s.year', '=', key.year)
    .where('s.period', '=', key.period)
    .where('s.indicator', '=', key.indicator)
    .orderBy('s.version', 'desc')
    .execute();
}

export async function currentStatistic(
  db: Kysely<Database>,
  key: StatisticKey,
): Promise<StatisticRow | undefined> {
  return (await statisticHistory(db, key))[0];
}

export interface StatisticInsert extends StatisticKey {
  version: number;
  value: string;
  unit: string;
  priceBase: string | null;
  status: 'preliminary' | 'final' | 'revised';
  source: string;
  note: string;
  recordedBy: string;
  isDemo?: boolean;
}

export async function insertStatisticVersions(db: Kysely<Database>, rows: StatisticInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('region_statistic')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          region_code: r.regionCode,
          year: r.year,
          period: r.period,
          indicator: r.indicator,
          version: r.version,
          value: r.value,
          unit: r.unit,
          price_base: r.priceBase,
          status: r.status,
          source: r.source,
          note: r.note,
          recorded_by: r.recordedBy,
          is_demo: r.isDemo ?? false,
        })),
      )
      .execute();
  }
}
