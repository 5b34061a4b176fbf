import type { Command } from 'commander';
import { type ServerFlags, toConfigInput, withServerOptions } from '../server-options.js';

/** An ISO 8601 instant with an explicit offset or Z, or a Beijing date `YYYY-MM-DD` (its midnight +08:00). */
export function parseInstant(flag: string, value: string | undefined): Date {
  if (!value)
    throw new Error(`--${flag} 必填 / --${flag} is required (e.g. 2026-10-01 or 2026-10-01T00:00:00+08:00)`);
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const date = new Date(text);
  if (!ok || Number.isNaN(date.getTime())) {
    throw new Error(
      `--${flag} "${value}" 不是日期或带时区的时间 / expected YYYY-MM-DD (Beijing) or an ISO time with offset`,
    );
  }
  return date;
}

/**
 * `ecep rollup --from --to [--mn]`: recomputes hourly, daily and monthly rollups (and their alarms) from the
 * stored minute data, device by device, with a progress line on stderr. Idempotent: run it again at will.
 */
export function registerRollup(program: Command): void {
  withServerOptions(
    program
      .command('rollup')
      .description('重算小时/日/月汇总及报警 / recompute hourly, daily and monthly rollups from minute data')
      .option('--from <time>', '起始（含）/ start, inclusive: YYYY-MM-DD (Beijing) or ISO time')
      .option('--to <time>', '截止（不含）/ end, exclusive')
      .option('--mn <mn>', '仅此设备 / only this device'),
  ).action(async (flags: ServerFlags & { from?: string; to?: string; mn?: string }) => {
    const from = parseInstant('from', flags.from);
    const to = parseInstant('to', flags.to);
    if (to <= from) throw new Error('--to 必须晚于 --from / --to must be after --from');
    const { createDb, loadConfig, migrateToLatest, RollupService } = await import('@ecep/server');
    const db = await createDb(loadConfig(toConfigInput(flags)));
    try {
      await migrateToLatest(db.db);
      const started = performance.now();
      const tty = process.stderr.isTTY;
      const result = await new RollupService(db.db).recomputeRange(
        from.getTime(),
        to.getTime(),
        flags.mn,
        ({ done, total, mn }) => {
          // A line per device when not on a terminal would flood logs: every 5 % there, in place on a TTY.
          if (tty) process.stderr.write(`\r${done}/${total} 台设备 ${mn}   `);
          else if (done === total || done % Math.max(1, Math.ceil(total / 20)) === 0)
            process.stderr.write(`${done}/${total} 台设备\n`);
        },
      );
      if (tty) process.stderr.write('\n');
      if (flags.mn && result.devices === 0) {
        const known = await db.db
          .selectFrom('monitoring_device')
          .select('mn')
          .where('mn', '=', flags.mn)
          .executeTakeFirst();
        if (!known) throw new Error(`设备 ${flags.mn} 未登记 / device ${flags.mn} is not registered`);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(JSON.stringify({ devices: result.devices, hours: result.hours, seconds: Number(seconds) }));
    } finally {
      await db.close();
    }
  });
}
