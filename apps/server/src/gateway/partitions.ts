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
 * Monthly partitions of `measurement_value`, created on first use. A month whose rows already sit in the
 * default partition (e.g. written before its partition existed) keeps them there: still correct, just
 * not pruned.
 */
export class MeasurementPartitions {
  /** [start, end) in epoch ms of the months already ensured. */
  private readonly known: Array<[number, number]> = [];
  constructor(private readonly db: Kysely<Database>) {}

  /** Whether the month of this instant was already ensured (cheap: called for every row of a batch). */
  covers(epochMs: number): boolean {
    for (const [start, end] of this.known) if (epochMs >= start && epochMs < end) return true;
    return false;
  }

  async ensureFor(epochMsList: Iterable<number>): Promise<void> {
    for (const ms of epochMsList) {
      if (this.covers(ms)) continue;
      const { year, month } = shanghaiMonth(ms);
      const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
      const name = `measurement_value_y${year}m${pad(month)}`;
      try {
        await sql
          .raw(
            `create table if not exists ${name} partition of measurement_value for values from ('${year}-${pad(month)}-01 00:00:00+08') to ('${next.year}-${pad(next.month)}-01 00:00:00+08')`,
          )
          .execute(this.db);
      } catch {
        // Rows of this month already sit in the default partition; leave them there.
      }
      this.known.push([
        Date.UTC(year, month - 1, 1) - SHANGHAI_OFFSET_MS,
        Date.UTC(next.year, next.month - 1, 1) - SHANGHAI_OFFSET_MS,
      ]);
    }
  }
}
