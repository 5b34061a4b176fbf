/**
 * Rollup benchmark: minute data (CN 2051) of D registered devices × 8 factors over N days is generated in the
 * database one Beijing day at a time, then every hour of that day is rolled up through
 * `RollupService.recomputeRange` exactly as `POST /api/monitoring/rollups` does (hourly validity, O2 correction,
 * loads, exceedance/flag/constant alarms, the day, the month so far). Baseline in the same database on the same
 * rows: one GROUP BY device, factor, hour computing avg/min/max/valid count (the least any rollup must read).
 * With `--truncate` each day's minutes are emptied after its rollup, so a month of 1 000 devices needs the disk of
 * one day (the rollup of a day reads only that day; hours, days and months stay).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node --conditions=source --import tsx bench/rollup.bench.ts [devices=100] [days=3] [--truncate]
 */
import pg from 'pg';
import { RollupService } from '../apps/server/src/rollups/rollup.service.js';
import { openBenchDb } from './bench-db.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const devices = Number(args[0] ?? 100);
const days = Number(args[1] ?? 3);
const truncate = process.argv.includes('--truncate');
// SO2, NOx, dust, O2, velocity, temperature, pressure, flow: plausible ranges (base + amplitude).
const FACTORS = ['a21026', 'a21002', 'a34013', 'a19001', 'a01011', 'a01012', 'a01013', 'a00000'];
const BASE = [12, 20, 2, 8, 10, 110, -120, 100];
const AMPLITUDE = [16, 20, 4, 3, 6, 30, 60, 60];
const { handle, url, drop } = await openBenchDb('postgres', 'ecep_rollup');
try {
  const start = Date.UTC(2026, 9, 1) - 8 * 3_600_000; // 2026-10-01 00:00 Beijing
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Registered like demo stacks: GB 13223 ultra-low limits at 6 % O2, so corrections and alarms are computed.
  await client.query(
    `insert into monitoring_device (mn, password, name, st, settings)
     select 'ROLLBENCH' || lpad(d::text, 15, '0'), '123456', '烟囱 ' || d, '31',
            '{"referenceO2Pct":6,"limits":{"a21026":35,"a21002":50,"a34013":10}}'::jsonb
       from generate_series(0, $1 - 1) d`,
    [devices],
  );
  await client.query('insert into measurement_factor (code) select unnest($1::text[])', [FACTORS]);
  const rollups = new RollupService(handle.db);
  const perDay = devices * FACTORS.length * 1440;
  const totals = { load: 0, group: 0, rollup: 0, hours: 0 };
  for (let day = 0; day < days; day++) {
    const dayStart = start + day * 86_400_000;
    const t0 = performance.now();
    // A few D-flagged minutes so some hours are invalid, as in real data.
    await client.query(
      `insert into measurement_value (device_id, cn, data_time, factor_id, avg, min, max, flag, packet_id, received_at)
       select dv.id, 2051, t, mf.id, v, v - 0.5, v + 0.5,
              case when (m + d) % 97 < 3 then 'D' else 'N' end, d, t
         from generate_series(0, $2 - 1) d
         join monitoring_device dv on dv.mn = 'ROLLBENCH' || lpad(d::text, 15, '0')
        cross join generate_series(0, 1439) m
        cross join lateral (select $1::timestamptz + m * interval '1 minute' as t) tt
        cross join unnest($3::text[], $4::float8[], $5::float8[]) with ordinality f(code, b, a, i)
         join measurement_factor mf on mf.code = f.code
        cross join lateral (select f.b + f.a * ((m * 7 + d * 13 + $6 * 5 + f.i) % 17) / 17.0 as v) vv`,
      [new Date(dayStart), devices, FACTORS, BASE, AMPLITUDE, day],
    );
    if (day === 0) await client.query('analyze measurement_value');
    const t1 = performance.now();
    const grouped = await client.query(
      `select count(*)::int as groups from (
         select mn, factor, date_bin('1 hour', data_time, timestamptz '2000-01-01 00:00:00+00') as hour,
                avg(avg) filter (where flag = 'N'), min(min), max(max), count(*) filter (where flag = 'N')
           from measurement where cn = 2051 and data_time >= $1 and data_time < $2 group by 1, 2, 3) g`,
      [new Date(dayStart), new Date(dayStart + 86_400_000)],
    );
    const t2 = performance.now();
    const done = await rollups.recomputeRange(dayStart, dayStart + 86_400_000);
    const t3 = performance.now();
    totals.load += t1 - t0;
    totals.group += t2 - t1;
    totals.rollup += t3 - t2;
    totals.hours += done.hours;
    console.error(
      `day ${day + 1}/${days}: load ${((t1 - t0) / 1000).toFixed(1)} s, GROUP BY ${((t2 - t1) / 1000).toFixed(1)} s (${grouped.rows[0].groups} groups), rollup ${((t3 - t2) / 1000).toFixed(1)} s (${done.hours} device-hours)`,
    );
    if (truncate) await client.query('truncate measurement_value');
  }
  const counts = await client.query(
    `select (select count(*) from rollup_hour)::int as hours, (select count(*) from rollup_day)::int as days,
            (select count(*) from rollup_month)::int as months, (select count(*) from monitoring_alarm)::int as alarms`,
  );
  await client.end();

  const rows = perDay * days;
  const full = 1000 * FACTORS.length * 30 * 1440;
  const perS = (ms: number) => Math.round(rows / (ms / 1000));
  const line = (label: string, ms: number, ratio: string) =>
    console.log(
      `| ${label} | ${(ms / 1000).toFixed(1)} | ${perS(ms).toLocaleString('en')} | ${ratio} | ${(full / perS(ms) / 60).toFixed(0)} min |`,
    );
  console.log(
    `devices ${devices} × factors ${FACTORS.length} × ${days} days = ${rows.toLocaleString('en')} minute rows${truncate ? ' (minutes emptied after each day)' : ''}`,
  );
  console.log(`stored: ${JSON.stringify(counts.rows[0])}`);
  console.log(
    '| step | seconds | minute rows/s | ratio to GROUP BY | 1 month × 1 000 devices at this rate |',
  );
  console.log('|---|---|---|---|---|');
  line('generate minutes in SQL (insert … generate_series)', totals.load, '—');
  line('baseline: GROUP BY device, factor, hour', totals.group, '1');
  line(
    `RollupService: ${totals.hours.toLocaleString('en')} device-hours, days, months, alarms`,
    totals.rollup,
    (totals.group / totals.rollup).toFixed(2),
  );
} finally {
  await drop();
}
