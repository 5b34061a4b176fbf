import type { FactorValues, Hj212Packet } from '@ecep/hj212';

/** One stored value: a factor of one record of one packet. */
export interface MeasurementRow {
  mn: string;
  cn: string;
  dataTimeMs: number;
  factor: string;
  rtd: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
  cou: number | null;
  zsRtd: number | null;
  zsAvg: number | null;
  zsMin: number | null;
  zsMax: number | null;
  flag: string | null;
  /** Other fields (SampleTime, EFlag, Info…) as written; null when there are none. */
  extra: Record<string, string> | null;
}

/** A row with defaults for what a test or an import does not care about. */
export function measurementRow(
  fields: Pick<MeasurementRow, 'mn' | 'factor' | 'dataTimeMs'> & Partial<MeasurementRow>,
): MeasurementRow {
  return {
    cn: '2051',
    rtd: null,
    avg: null,
    min: null,
    max: null,
    cou: null,
    zsRtd: null,
    zsAvg: null,
    zsMin: null,
    zsMax: null,
    flag: null,
    extra: null,
    ...fields,
  };
}

const n = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);

/** The other fields of a factor, or null; walks the parser's dictionary without copying it when it is empty. */
function extraOf(values: FactorValues): Record<string, string> | null {
  let extra: Record<string, string> | null = null;
  for (const key in values.extra) {
    extra ??= {};
    extra[key] = values.extra[key]!;
  }
  if (values.eFlag !== undefined) {
    extra ??= {};
    extra.EFlag = values.eFlag;
  }
  if (values.sampleTime !== undefined) {
    extra ??= {};
    extra.SampleTime = values.sampleTime;
  }
  return extra;
}

/**
 * The rows a decoded data packet stores: one per (record DataTime, factor). Records without a DataTime
 * carry no measurement and give no rows.
 */
export function measurementRows(packet: Hj212Packet): MeasurementRow[] {
  const rows: MeasurementRow[] = [];
  if (!packet.mn) return rows;
  for (const record of packet.records) {
    if (record.dataTimeMs === null) continue;
    const factors = record.factors;
    for (const factor in factors) {
      const values = factors[factor]!;
      rows.push({
        mn: packet.mn,
        cn: packet.cn,
        dataTimeMs: record.dataTimeMs,
        factor,
        rtd: n(values.rtd),
        avg: n(values.avg),
        min: n(values.min),
        max: n(values.max),
        cou: n(values.cou),
        zsRtd: n(values.zsRtd),
        zsAvg: n(values.zsAvg),
        zsMin: n(values.zsMin),
        zsMax: n(values.zsMax),
        flag: values.flag ?? null,
        extra: extraOf(values),
      });
    }
  }
  return rows;
}

/**
 * Keeps the last row of each key, so that one batch never upserts the same key twice (PostgreSQL
 * refuses that) and a resend inside a batch still replaces.
 */
export function dedupeRows<T extends { row: MeasurementRow }>(items: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const r = item.row;
    byKey.set(`${r.mn}\u0000${r.cn}\u0000${r.factor}\u0000${r.dataTimeMs}`, item);
  }
  return [...byKey.values()];
}
