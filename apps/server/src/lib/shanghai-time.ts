const OFFSET_MS = 8 * 3_600_000;

/** An instant written in Asia/Shanghai local time with its offset: `2026-11-24T10:00:00+08:00`. */
export function toShanghaiIso(value: Date | number | string): string {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  const local = new Date(ms + OFFSET_MS).toISOString(); // 2026-11-24T10:00:00.000Z
  const millis = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23);
  return `${local.slice(0, 19)}${millis}+08:00`;
}
