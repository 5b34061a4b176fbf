import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar month (`2026-11`) an instant falls in; China has no DST since 1991. */
export function shanghaiMonth(epochMs: number): { year: number; month: number } {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Monthly partitions of `measurement`, created on first use. A month whose rows already sit in the
 * default partition (e.g. written before its partition existed) keeps them there: still correct, just
 * not pruned.
 */
export class MeasurementPartitions {
  private readonly known = new Set<string>();
  constructor(private readonly db: Kysely<Database>) {}

  async ensureFor(epochMsList: Iterable<number>): Promise<void> {
    for (const ms of epochMsList) {
      const { year, month } = shanghaiMonth(ms);
      const key = `${year}${pad(month)}`;
      if (this.known.has(key)) continue;
      const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
      const name = `measurement_y${year}m${pad(month)}`;
      try {
        await sql
          .raw(
            `create table if not exists ${name} partition of measurement for values from ('${year}-${pad(month)}-01 00:00:00+08') to ('${next.year}-${pad(next.month)}-01 00:00:00+08')`,
          )
          .execute(this.db);
      } catch {
        // Rows of this month already sit in the default partition; leave them there.
      }
      this.known.add(key);
    }
  }
}
