/** Asia/Shanghai calendar periods (UTC+8, no daylight saving) as used by energy buckets. */
const OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export const shanghaiDay = (ms: number) => new Date(ms + OFFSET_MS).toISOString().slice(0, 10);

/** The instant a Shanghai day starts. */
export const dayStartMs = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/** `YYYY-MM-DDTHH:mm` of an instant in Asia/Shanghai. */
export const shanghaiMinute = (ms: number) => new Date(ms + OFFSET_MS).toISOString().slice(0, 16);

/** The instant a Shanghai month (`YYYY-MM`) or year (`YYYY`) starts. */
export const periodStartMs = (period: string) =>
  Date.parse(
    `${period.length === 4 ? `${period}-01-01` : period.length === 7 ? `${period}-01` : period}T00:00:00+08:00`,
  );

/** Every Shanghai day from the one containing `fromMs` to the one containing `toMs − 1`. */
export function daysBetween(fromMs: number, toMs: number): string[] {
  const out: string[] = [];
  if (!(toMs > fromMs)) return out;
  const last = shanghaiDay(toMs - 1);
  for (let d = shanghaiDay(fromMs); d <= last; d = shanghaiDay(dayStartMs(d) + DAY_MS)) out.push(d);
  return out;
}
