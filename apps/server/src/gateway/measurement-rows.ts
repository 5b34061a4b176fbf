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
export function extraOf(values: FactorValues): Record<string, string> | null {
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
 * Calls `visit` for each value a decoded data packet stores: one per (record DataTime, factor), in order.
 * Records without a DataTime carry no measurement; a packet without an MN stores nothing.
 */
export function forEachMeasurement(
  packet: Hj212Packet,
  visit: (dataTimeMs: number, factor: string, values: FactorValues) => void,
): void {
  if (!packet.mn) return;
  for (const record of packet.records) {
    if (record.dataTimeMs === null) continue;
    const factors = record.factors;
    for (const factor in factors) visit(record.dataTimeMs, factor, factors[factor]!);
  }
}

/** The rows a decoded data packet stores, as values (see `forEachMeasurement`). */
export function measurementRows(packet: Hj212Packet): MeasurementRow[] {
  const rows: MeasurementRow[] = [];
  const mn = packet.mn as string;
  forEachMeasurement(packet, (dataTimeMs, factor, values) => {
    rows.push({
      mn,
      cn: packet.cn,
      dataTimeMs,
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
  });
  return rows;
}
