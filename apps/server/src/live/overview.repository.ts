import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/** How long an ended but unacknowledged alarm still marks its source as 报警. */
export const ALARM_ATTENTION_MS = 24 * 3_600_000;

export interface SourceRow {
  mn: string;
  name: string;
  st: string;
  disabled: boolean;
  is_demo: boolean;
  settings: { standardProfile?: string; expectedIntervalS?: number } | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  region_code: string | null;
  industry_code: string | null;
  longitude: number | null;
  latitude: number | null;
  city_name: string | null;
  last_received_at: Date | string | null;
  last_data_time: Date | string | null;
  open_alarms: string | number;
}

/**
 * Every device whose enterprise lies under `regionPrefix` (and devices without an enterprise), with its last
 * stored packet (found through the (mn, received_at) index) and its count of alarms needing attention.
 */
export async function sourceRows(
  db: Kysely<Database>,
  regionPrefix: string,
  nowMs: number,
): Promise<SourceRow[]> {
  const since = new Date(nowMs - ALARM_ATTENTION_MS);
  const res = await sql<SourceRow>`
    select d.mn, d.name, d.st, d.disabled, d.is_demo, d.settings, d.enterprise_id,
      e.name as enterprise_name, e.region_code, e.industry_code, e.longitude, e.latitude,
      c.name as city_name,
      lp.received_at as last_received_at, lp.data_time as last_data_time,
      (select count(*) from monitoring_alarm a
         where a.mn = d.mn and a.acknowledged_at is null and (a.end_at is null or a.end_at > ${since})
      ) as open_alarms
    from monitoring_device d
    left join enterprise e on e.id = d.enterprise_id
    left join region c on c.code = substr(e.region_code, 1, 4) || '00'
    left join lateral (
      select p.received_at, p.data_time from hj212_packet p
      where p.mn = d.mn and p.outcome in ('stored', 'partial')
      order by p.received_at desc limit 1
    ) lp on true
    where ${regionPrefix === '' ? sql`true` : sql`(e.region_code like ${`${regionPrefix}%`} or d.enterprise_id is null)`}
    order by d.mn`.execute(db);
  return res.rows;
}
