import { utf8Length } from './bytes.js';
import { toHjTime } from './data-time.js';
import { buildDataSegment, type CpValue, formatCpValue } from './encode.js';

/** Values of one factor for {@link buildDataPacket}; numbers are written in shortest round-trip form. */
export interface FactorInput {
  rtd?: CpValue;
  zsRtd?: CpValue;
  cou?: CpValue;
  min?: CpValue;
  avg?: CpValue;
  max?: CpValue;
  zsMin?: CpValue;
  zsAvg?: CpValue;
  zsMax?: CpValue;
  flag?: string;
  eFlag?: string;
  sampleTime?: string;
  /** Further `code-Suffix` items, written after the standard ones. */
  extra?: Readonly<Record<string, CpValue>>;
}

/** Input of {@link buildDataPacket}. */
export interface DataPacketInput {
  st: string;
  /** 2011 real-time, 2051 minute, 2061 hour, 2031 day (any CN is accepted). */
  cn: string;
  mn: string;
  pw: string;
  /** Omitted when absent (2005 style). */
  qn?: string;
  /** Default 4 (HJ 212-2017, no ack). Use 5 to ask for a 9014. */
  flag?: number;
  /** `YYYYMMDDhhmmss` or epoch ms (written as Beijing time). */
  dataTime: string | number;
  factors: Readonly<Record<string, FactorInput>>;
  /** Non-factor CP items written after DataTime (e.g. `{ PolId: 'w01018' }`). */
  fields?: Readonly<Record<string, CpValue>>;
}

const ORDER: ReadonlyArray<readonly [keyof FactorInput, string]> = [
  ['sampleTime', 'SampleTime'],
  ['rtd', 'Rtd'],
  ['zsRtd', 'ZsRtd'],
  ['cou', 'Cou'],
  ['min', 'Min'],
  ['avg', 'Avg'],
  ['max', 'Max'],
  ['zsMin', 'ZsMin'],
  ['zsAvg', 'ZsAvg'],
  ['zsMax', 'ZsMax'],
  ['flag', 'Flag'],
  ['eFlag', 'EFlag'],
];

function factorGroup(code: string, f: FactorInput): string {
  const items: string[] = [];
  for (const [prop, suffix] of ORDER) {
    const v = f[prop] as CpValue | undefined;
    if (v === undefined) continue;
    // Finite numbers, the common case, need no checks: the key for an error message is built only when needed.
    const text =
      typeof v === 'number' && Number.isFinite(v) ? String(v) : formatCpValue(`${code}-${suffix}`, v);
    items.push(`${code}-${suffix}=${text}`);
  }
  if (f.extra) {
    for (const [suffix, v] of Object.entries(f.extra)) {
      items.push(`${code}-${suffix}=${formatCpValue(`${code}-${suffix}`, v)}`);
    }
  }
  return items.join(',');
}

function headGroups(input: DataPacketInput): string[] {
  const groups = [`DataTime=${toHjTime(input.dataTime)}`];
  if (input.fields) {
    for (const [k, v] of Object.entries(input.fields)) groups.push(`${k}=${formatCpValue(k, v)}`);
  }
  return groups;
}

/**
 * Data segment of an upload (2011/2051/2061/2031): `DataTime` first, then one `;`-group per factor.
 * Wrap it with `encodeFrame`.
 *
 * @example
 * buildDataPacket({
 *   st: '32', cn: '2051', mn: '010000A8900016F000169DC0', pw: '123456', qn: '20160801085000001', flag: 5,
 *   dataTime: '20160801084000',
 *   factors: { w01018: { cou: 10.5, min: 40.1, avg: 40.1, max: 40.1, flag: 'N' } },
 * });
 * // 'QN=20160801085000001;ST=32;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801084000;w01018-Cou=10.5,w01018-Min=40.1,w01018-Avg=40.1,w01018-Max=40.1,w01018-Flag=N&&'
 */
export function buildDataPacket(input: DataPacketInput): string {
  const groups = headGroups(input);
  for (const [code, f] of Object.entries(input.factors)) {
    const g = factorGroup(code, f);
    if (g.length > 0) groups.push(g);
  }
  return buildDataSegment(
    { qn: input.qn, st: input.st, cn: input.cn, pw: input.pw, mn: input.mn, flag: input.flag ?? 4 },
    groups.join(';'),
  );
}

/** `qn + k` for a digit-only QN (each split part carries its own QN, HJ 212-2017 C.49/C.50). */
function addToQn(qn: string, k: number): string {
  if (k === 0 || !/^\d+$/.test(qn)) return qn;
  return (BigInt(qn) + BigInt(k)).toString().padStart(qn.length, '0');
}

/**
 * Like {@link buildDataPacket}, but splits the factors over several packets (Flag bit D, PNUM/PNO, the same
 * DataTime in each part, QN + 0, 1, 2 … per part) when one segment would exceed `maxSegmentBytes`
 * (default 1024, the standard's limit). Returns one data segment per part.
 *
 * @example
 * buildDataPackets(input, { maxSegmentBytes: 300 }).map((s) => encodeFrame(s));
 */
export function buildDataPackets(
  input: DataPacketInput,
  options: { maxSegmentBytes?: number } = {},
): string[] {
  const max = options.maxSegmentBytes ?? 1024;
  const single = buildDataPacket(input);
  if (utf8Length(single) <= max) return [single];
  const head = headGroups(input).join(';');
  const factorGroups = Object.entries(input.factors)
    .map(([code, f]) => factorGroup(code, f))
    .filter((g) => g.length > 0);
  // Fixed cost of a part: header with the widest PNUM/PNO, `CP=&&`, head groups, `&&`.
  const baseFlag = input.flag ?? 4;
  const overhead = (pnum: number): number =>
    utf8Length(
      buildDataSegment(
        {
          qn: input.qn,
          st: input.st,
          cn: input.cn,
          pw: input.pw,
          mn: input.mn,
          flag: baseFlag | 2,
          pnum,
          pno: pnum,
        },
        head,
      ),
    );
  const parts: string[][] = [];
  let pnumGuess = 9;
  for (;;) {
    parts.length = 0;
    const room = max - overhead(pnumGuess);
    let current: string[] = [];
    let used = 0;
    for (const g of factorGroups) {
      const cost = utf8Length(g) + 1;
      if (cost > room)
        throw new RangeError(`a factor group of ${cost} bytes cannot fit in ${max}-byte packets`);
      if (used + cost > room && current.length > 0) {
        parts.push(current);
        current = [];
        used = 0;
      }
      current.push(g);
      used += cost;
    }
    if (current.length > 0) parts.push(current);
    if (String(parts.length).length <= String(pnumGuess).length) break;
    pnumGuess = 10 ** String(parts.length).length - 1;
  }
  const pnum = parts.length;
  return parts.map((groups, k) =>
    buildDataSegment(
      {
        qn: input.qn === undefined ? undefined : addToQn(input.qn, k),
        st: input.st,
        cn: input.cn,
        pw: input.pw,
        mn: input.mn,
        flag: baseFlag | 2,
        pnum,
        pno: k + 1,
      },
      `${head};${groups.join(';')}`,
    ),
  );
}
