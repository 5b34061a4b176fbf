import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { HourAggregate } from './hourly-rollup.js';

// The validity predicate below mirrors isValidMinute (flag N, 0 or a magnitude within PLAUSIBLE_MAGNITUDE).

/**
 * The hour aggregates of one device's minute data (CN 2051) in [from, to), computed by the database in one
 * GROUP BY — the same figures as `aggregateMinutes` in memory (a test holds them equal), but only one row per
 * factor and hour crosses the wire instead of sixty.
 */
export async function minuteAggregates(
  db: Kysely<Database>,
  mn: string,
  fromMs: number,
  toMs: number,
): Promise<HourAggregate[]> {
  const from = new Date(fromMs);
  const to = new Date(toMs);
  const { rows } = await sql<{
    factor: string;
    hour_ms: number;
    received: number;
    valid_minutes: number;
    avg: number | null;
    min: number | null;
    max: number | null;
    flow_minutes: number;
    sum_cq: number | null;
    sum_q: number | null;
  }>`
    with m as (
      select factor, data_time, coalesce(avg, rtd) as v, min, max,
             coalesce(flag, 'N') = 'N'
               and (coalesce(avg, rtd) = 0 or abs(coalesce(avg, rtd)) between 1e-100 and 1e100) as valid
        from measurement
       where mn = ${mn} and cn = '2051' and data_time >= ${from} and data_time < ${to}
    ), w as (
      -- The valid flow of the same minute beside every value: a window, not a join, so it stays n log n.
      select m.*, case when factor like 'w%'
               then max(v) filter (where valid and factor = 'w00000') over (partition by data_time)
               else max(v) filter (where valid and factor = 'a00000') over (partition by data_time) end as q
        from m
    )
    select factor,
           (floor(extract(epoch from data_time) / 3600) * 3600000)::float8 as hour_ms,
           count(*)::int as received,
           count(*) filter (where valid)::int as valid_minutes,
           avg(v) filter (where valid) as avg,
           min(coalesce(min, v)) filter (where valid) as min,
           max(coalesce(max, v)) filter (where valid) as max,
           count(q) filter (where valid)::int as flow_minutes,
           sum(v * q) filter (where valid) as sum_cq,
           sum(q) filter (where valid) as sum_q
      from w
     group by 1, 2`.execute(db);
  const flags = await sql<{ factor: string; hour_ms: number; flag: string; n: number }>`
    select factor, (floor(extract(epoch from data_time) / 3600) * 3600000)::float8 as hour_ms, flag,
           count(*)::int as n
      from measurement
     where mn = ${mn} and cn = '2051' and data_time >= ${from} and data_time < ${to}
       and flag is not null and flag <> 'N'
     group by 1, 2, 3`.execute(db);
  const flagMinutes = new Map<string, Record<string, number>>();
  for (const f of flags.rows) {
    const key = `${f.factor}@${f.hour_ms}`;
    const byFlag = flagMinutes.get(key) ?? {};
    byFlag[f.flag] = f.n;
    flagMinutes.set(key, byFlag);
  }
  return rows.map((r) => ({
    factor: r.factor,
    hourMs: Number(r.hour_ms),
    receivedMinutes: r.received,
    validMinutes: r.valid_minutes,
    avg: r.avg,
    min: r.min,
    max: r.max,
    flowMinutes: r.flow_minutes,
    sumCq: r.sum_cq ?? 0,
    sumQ: r.sum_q ?? 0,
    flagMinutes: flagMinutes.get(`${r.factor}@${r.hour_ms}`) ?? {},
  }));
}
