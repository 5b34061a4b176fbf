/**
 * Rollup benchmark: minute data (CN 2051) of D devices × 8 factors over N days is copied into `measurement`,
 * then every hour is rolled up through RollupService (hour → day → month, alarms) as `ecep serve` does.
 * Baseline in the same database: one SQL GROUP BY computing avg/min/max per device, factor and hour over the same
 * rows (the least any rollup must do). Reports minute rows per second for both, and the time the full target
 * (1 month × 1 000 devices × 8 factors = 345.6 M rows) would take at the measured rate.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node --conditions=source --import tsx bench/rollup.bench.ts [devices=100] [days=3]
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { createDb, migrateToLatest } from '../apps/server/src/index.js';
import { RollupService } from '../apps/server/src/rollups/rollup.service.js';

const devices = Number(process.argv[2] ?? 100);
const days = Number(process.argv[3] ?? 3);
const FACTORS = ['a21026', 'a21002', 'a34013', 'a19001', 'a01011', 'a01012', 'a01013', 'a00000'];
const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (PostgreSQL) for this benchmark');

const name = `ecep_rollup_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(base);
url.pathname = `/${name}`;
const handle = await createDb({ databaseUrl: url.toString(), dataDir: 'memory://' });
try {
  await migrateToLatest(handle.db);
  const start = Date.UTC(2026, 9, 1) - 8 * 3_600_000; // 2026-10-01 00:00 Beijing
  const minutes = days * 1440;
  const rows = devices * FACTORS.length * minutes;
  function* lines(): Generator<string> {
    let chunk = '';
    let n = 0;
    for (let d = 0; d < devices; d++) {
      const mn = `ROLLBENCH${String(d).padStart(15, '0')}`;
      for (let m = 0; m < minutes; m++) {
        const t = new Date(start + m * 60_000).toISOString();
        for (const [i, f] of FACTORS.entries()) {
          const v = 20 + i * 5 + ((m * 7 + d * 13 + i) % 17) / 3;
          // A few D-flagged minutes so some hours are invalid, as in real data.
          const flag = (m + d) % 97 < 3 ? 'D' : 'N';
          chunk += `${mn}\t2051\t${t}\t${f}\t\\N\t${v}\t${v - 1}\t${v + 1}\t\\N\t\\N\t\\N\t\\N\t\\N\t${flag}\t\\N\t${d}\t${t}\n`;
          if (++n % 5000 === 0) {
            yield chunk;
            chunk = '';
          }
        }
      }
    }
    yield chunk;
  }
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const t0 = performance.now();
  await pipeline(Readable.from(lines()), client.query(copyStreams.from('copy measurement from stdin')));
  const copyS = (performance.now() - t0) / 1000;
  await client.query('analyze measurement');

  const t1 = performance.now();
  const grouped = await client.query(
    `select mn, factor, date_bin('1 hour', data_time, timestamptz '2000-01-01 00:00:00+00') as hour,
            avg(avg) filter (where flag = 'N'), min(min), max(max), count(*) filter (where flag = 'N')
       from measurement where cn = '2051' group by 1, 2, 3`,
  );
  const groupS = (performance.now() - t1) / 1000;
  await client.end();

  const rollups = new RollupService(handle.db);
  const t2 = performance.now();
  const done = await rollups.recomputeRange(start, start + days * 86_400_000);
  const rollupS = (performance.now() - t2) / 1000;

  const full = 1000 * FACTORS.length * 30 * 1440;
  const perS = (s: number) => Math.round(rows / s);
  console.log(
    `devices ${devices} × factors ${FACTORS.length} × ${days} days = ${rows.toLocaleString('en')} minute rows`,
  );
  console.log(
    '| step | seconds | minute rows/s | ratio to GROUP BY | full month × 1 000 devices at this rate |',
  );
  console.log('|---|---|---|---|---|');
  console.log(
    `| COPY into measurement | ${copyS.toFixed(1)} | ${perS(copyS).toLocaleString('en')} | — | ${(full / perS(copyS) / 60).toFixed(0)} min |`,
  );
  console.log(
    `| baseline: one GROUP BY (${grouped.rowCount} groups) | ${groupS.toFixed(1)} | ${perS(groupS).toLocaleString('en')} | 1 | ${(full / perS(groupS) / 60).toFixed(0)} min |`,
  );
  console.log(
    `| RollupService: ${done.hours.toLocaleString('en')} device-hours, days and months, alarms | ${rollupS.toFixed(1)} | ${perS(rollupS).toLocaleString('en')} | ${(groupS / rollupS).toFixed(2)} | ${(full / perS(rollupS) / 60).toFixed(0)} min |`,
  );
} finally {
  await handle.close();
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
}
