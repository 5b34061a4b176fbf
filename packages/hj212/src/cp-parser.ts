import { utf8Bytes, utf8Text } from './bytes.js';
import { crc16Hj212Scan } from './crc16.js';
import { isoString, parseDataTime } from './data-time.js';
import type { Hj212Warning } from './errors.js';
import type { FactorValues, Hj212Record } from './types.js';

/** Output of {@link parseCp}. */
export interface ParsedCp {
  cp: Record<string, string | string[]>;
  records: Hj212Record[];
}

const SEMI = 59; // ';'
const COMMA = 44; // ','
const EQ = 61; // '='
const SPACE = 32;
const SLASH = 47;
const DASH = 45;

function isSeparator(c: number): boolean {
  return c === SEMI || c === COMMA;
}

/** @internal */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Item bounds written by {@link readItem}: key start, key end, value start (-1: no `=`), value end. */
type Bounds = Int32Array;

/**
 * Reads the CP item starting at `i` (`key=value`, trimmed; `-Info=//…//` text read up to the closing `//`
 * even across separators) into `out` and returns the index after the item's separator.
 */
function readItem(body: string, i: number, n: number, out: Bounds): number {
  let j = i;
  let c = 0;
  while (j < n) {
    c = body.charCodeAt(j);
    if (c === EQ || c === SEMI || c === COMMA) break;
    j++;
  }
  let ks = i;
  let ke = j;
  while (ks < ke && body.charCodeAt(ks) <= SPACE) ks++;
  while (ke > ks && body.charCodeAt(ke - 1) <= SPACE) ke--;
  out[0] = ks;
  out[1] = ke;
  if (j >= n || c !== EQ) {
    out[2] = -1;
    out[3] = -1;
    return j + 1;
  }
  let vs = j + 1;
  let ve: number;
  let next: number;
  if (body.charCodeAt(vs) === SLASH && body.charCodeAt(vs + 1) === SLASH) {
    const close = body.indexOf('//', vs + 2);
    ve = close < 0 ? n : close + 2;
    next = ve;
    while (next < n && !isSeparator(body.charCodeAt(next))) next++;
  } else {
    ve = vs;
    while (ve < n && !isSeparator(body.charCodeAt(ve))) ve++;
    next = ve;
  }
  while (vs < ve && body.charCodeAt(vs) <= SPACE) vs++;
  while (ve > vs && body.charCodeAt(ve - 1) <= SPACE) ve--;
  out[2] = vs;
  out[3] = ve;
  return next + 1;
}

/**
 * The raw CP map of `body[start, end)`: each key → value as written; a repeated key → array of values.
 *
 * @example
 * cpMap('DataTime=20160801084000;a21-Rtd=1;a21-Rtd=2'); // { DataTime: '20160801084000', 'a21-Rtd': ['1', '2'] }
 */
export function cpMap(body: string, start = 0, end = body.length): Record<string, string | string[]> {
  const cp = dict<string | string[]>();
  const b = new Int32Array(4);
  const n = end;
  let i = start;
  while (i < n) {
    i = readItem(body, i, n, b);
    if (b[2]! < 0 || b[1] === b[0]) continue;
    const key = body.slice(b[0], b[1]);
    const value = body.slice(b[2], b[3]);
    const prev = cp[key];
    if (prev === undefined) cp[key] = value;
    else if (typeof prev === 'string') cp[key] = [prev, value];
    else prev.push(value);
  }
  return cp;
}

/** `Number()` for text that starts like a number; NaN for empty text, `Infinity`, `0x…`-like words etc. */
function slowNumber(v: string): number {
  if (v.length === 0) return Number.NaN;
  const c = v.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46)) return Number.NaN;
  const x = Number(v);
  return Number.isFinite(x) ? x : Number.NaN;
}

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

/**
 * The source text of a CP body: its UTF-8 bytes and a string view. When every byte maps to one UTF-16 unit
 * (`oneToOne`, true for ASCII), strings are sliced from `text` at byte positions; otherwise byte ranges are
 * decoded one by one.
 */
export interface CpSource {
  bytes: Uint8Array;
  text: string;
  /** Byte position of `text[0]`. */
  base: number;
  oneToOne: boolean;
}

/** The text of bytes[a, b) of a source. @internal */
export function sliceText(src: CpSource, a: number, b: number): string {
  return src.oneToOne ? src.text.slice(a - src.base, b - src.base) : utf8Text(src.bytes, a, b);
}
const str = sliceText;

/**
 * A float64 from the decimal text at `bytes[a, b)`, exactly as `Number()` reads it. Plain decimals with at
 * most 15 digits take an exact fast path (integer mantissa divided by an exact power of ten: a single
 * correctly rounded operation, Clinger's fast path); anything else goes through `Number()`.
 */
function parseDecimal(src: CpSource, a: number, b: number): number {
  const bytes = src.bytes;
  let i = a;
  let c = bytes[i]!;
  const neg = c === DASH;
  if (neg || c === 43) i++;
  let m = 0;
  let digits = 0;
  let dot = -1;
  for (; i < b; i++) {
    c = bytes[i]!;
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      digits++;
    } else if (c === 46 && dot < 0) dot = i;
    else return slowNumber(str(src, a, b));
  }
  if (digits === 0) return Number.NaN;
  if (digits > 15) return slowNumber(str(src, a, b));
  const v = dot < 0 || dot === b - 1 ? m : m / POW10[b - dot - 1]!;
  return neg ? -v : v;
}

// Suffix ids.
const S_EXTRA = 0;
const S_RTD = 1;
const S_AVG = 2;
const S_MIN = 3;
const S_MAX = 4;
const S_COU = 5;
const S_ZSRTD = 6;
const S_ZSAVG = 7;
const S_ZSMIN = 8;
const S_ZSMAX = 9;
const S_FLAG = 10;
const S_EFLAG = 11;
const S_SAMPLETIME = 12;

/** Id of the 3-letter statistic at bytes[a, a+3): Rtd Avg Min Max Cou, or S_EXTRA. */
function stat3(b: Uint8Array, a: number): number {
  const x = (b[a]! << 16) | (b[a + 1]! << 8) | b[a + 2]!;
  switch (x) {
    case 0x527464: // Rtd
      return S_RTD;
    case 0x417667: // Avg
      return S_AVG;
    case 0x4d696e: // Min
      return S_MIN;
    case 0x4d6178: // Max
      return S_MAX;
    case 0x436f75: // Cou
      return S_COU;
    default:
      return S_EXTRA;
  }
}

function matches(b: Uint8Array, a: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (b[a + k] !== word.charCodeAt(k)) return false;
  return true;
}

/** Id of the suffix bytes[a, e) (case-sensitive, as the standard spells it). */
function suffixId(b: Uint8Array, a: number, e: number): number {
  switch (e - a) {
    case 3:
      return stat3(b, a);
    case 4: // Flag
      return ((b[a]! << 24) | (b[a + 1]! << 16) | (b[a + 2]! << 8) | b[a + 3]!) === 0x466c6167
        ? S_FLAG
        : S_EXTRA;
    case 5:
      if (b[a] === 90 && b[a + 1] === 115) {
        // Zs…
        const id = stat3(b, a + 2);
        return id >= S_RTD && id <= S_MAX ? id + (S_ZSRTD - S_RTD) : S_EXTRA;
      }
      return matches(b, a, 'EFlag') ? S_EFLAG : S_EXTRA;
    case 10:
      return matches(b, a, 'SampleTime') ? S_SAMPLETIME : S_EXTRA;
    default:
      return S_EXTRA;
  }
}

function newRecord(dataTime: string | null, warnings: Hj212Warning[]): Hj212Record {
  const rec: Hj212Record = {
    dataTime,
    dataTimeIso: null,
    dataTimeMs: null,
    factors: dict<FactorValues>(),
    fields: dict<string>(),
  };
  setDataTime(rec, dataTime, warnings);
  return rec;
}

function setDataTime(rec: Hj212Record, dataTime: string | null, warnings: Hj212Warning[]): void {
  rec.dataTime = dataTime;
  if (dataTime === null) return;
  const ms = parseDataTime(dataTime);
  if (ms === null) {
    warnings.push({
      code: 'HJ212_BAD_DATATIME',
      message: `expected DataTime as YYYYMMDDhhmmss (or 17 digits with ms), got "${dataTime}"`,
    });
    return;
  }
  rec.dataTimeMs = ms;
  rec.dataTimeIso = isoString(ms);
}

/**
 * A factor's values. Created through a constructor so that V8's slack tracking keeps the properties added
 * later in-object (a literal would spill them to a separate backing store).
 */
class Factor implements FactorValues {
  declare rtd?: number;
  declare avg?: number;
  declare min?: number;
  declare max?: number;
  declare cou?: number;
  declare zsRtd?: number;
  declare zsAvg?: number;
  declare zsMin?: number;
  declare zsMax?: number;
  declare flag?: string;
  declare eFlag?: string;
  declare sampleTime?: string;
  extra: Record<string, string>;
  constructor() {
    this.extra = dict<string>();
  }
}

function duplicate(warnings: Hj212Warning[], key: string): void {
  warnings.push({ code: 'HJ212_DUPLICATE_FIELD', message: `${key} appears twice; the last wins` });
}

const EQ_B = 61;

/**
 * The decoder's hot loop over the CP bytes `src.bytes[start, end)`: one pass, strings sliced only where a
 * string is kept. See {@link parseRecords} for the rules. @internal
 */
export function parseRecordsFrom(
  src: CpSource,
  start: number,
  end: number,
  seps: Int32Array,
  sepCount: number,
  warnings: Hj212Warning[],
): Hj212Record[] {
  const b = src.bytes;
  const records: Hj212Record[] = [];
  let rec: Hj212Record | null = null;
  let f: FactorValues | null = null;
  let codeStart = 0;
  let codeLen = 0;
  const n = end;
  let i = start;
  // k: index in `seps` of the first separator at or after i.
  let k = 0;
  while (k < sepCount && seps[k]! < i) k++;
  while (i < n) {
    // Item bounds: key [ks, ke), value [vs, ve), both trimmed.
    let j = k < sepCount ? seps[k]! : n;
    if (j > n) j = n;
    let ks = i;
    let ke = j;
    while (ks < ke && b[ks]! <= SPACE) ks++;
    while (ke > ks && b[ke - 1]! <= SPACE) ke--;
    if (j >= n || b[j] !== EQ_B) {
      i = j + 1;
      k++;
      if (ke > ks) {
        warnings.push({
          code: 'HJ212_ITEM_WITHOUT_VALUE',
          message: `expected key=value in CP, got "${str(src, ks, ke)}" (ignored)`,
        });
      }
      continue;
    }
    k++;
    let vs = j + 1;
    let ve: number;
    if (b[vs] === SLASH && b[vs + 1] === SLASH && vs + 1 < n) {
      // Info text //…// may contain separators.
      let close = vs + 2;
      while (close + 1 < n && !(b[close] === SLASH && b[close + 1] === SLASH)) close++;
      ve = close + 1 < n ? close + 2 : n;
      i = ve;
      while (i < n && !isSeparator(b[i]!)) i++;
      i++;
      while (k < sepCount && seps[k]! < i) k++;
    } else {
      // A value ends at the next `;` or `,` (an `=` inside it is kept).
      while (k < sepCount && seps[k]! < n && b[seps[k]!] === EQ_B) k++;
      ve = k < sepCount && seps[k]! < n ? seps[k]! : n;
      i = ve + 1;
      k++;
    }
    while (vs < ve && b[vs]! <= SPACE) vs++;
    while (ve > vs && b[ve - 1]! <= SPACE) ve--;
    if (ke === ks) {
      warnings.push({
        code: 'HJ212_ITEM_WITHOUT_VALUE',
        message: `expected a key before "=${str(src, vs, ve)}" (ignored)`,
      });
      continue;
    }

    if (ke - ks === 8 && b[ks] === 0x44 && matches(b, ks, 'DataTime')) {
      const value = str(src, vs, ve);
      f = null;
      if (rec === null) {
        rec = newRecord(value, warnings);
        records.push(rec);
      } else if (rec.dataTime === null) {
        setDataTime(rec, value, warnings);
      } else if (rec.dataTime !== value) {
        let found: Hj212Record | null = null;
        for (const r of records) if (r.dataTime === value) found = r;
        if (found === null) {
          found = newRecord(value, warnings);
          records.push(found);
        }
        rec = found;
      }
      continue;
    }
    if (rec === null) {
      rec = newRecord(null, warnings);
      records.push(rec);
    }
    // Items of one factor are usually adjacent: when the key starts with the previous code and a `-`,
    // reuse that factor without searching for the dash.
    let dash = -1;
    if (f !== null && ks + codeLen < ke - 1 && b[ks + codeLen] === DASH) {
      let same = true;
      for (let q = 0; same && q < codeLen; q++) same = b[codeStart + q] === b[ks + q];
      if (same) {
        dash = ks + codeLen;
        codeStart = ks;
      }
    }
    if (dash < 0) {
      for (let q = ks + 1; q < ke - 1; q++) {
        if (b[q] === DASH) {
          dash = q;
          break;
        }
      }
      if (dash < 0) {
        rec.fields[str(src, ks, ke)] = str(src, vs, ve);
        continue;
      }
      const code = str(src, ks, dash);
      f = rec.factors[code] ?? null;
      if (f === null) {
        f = new Factor();
        rec.factors[code] = f;
      }
      codeStart = ks;
      codeLen = dash - ks;
    }
    const fv = f!;
    const id = suffixId(b, dash + 1, ke);
    if (id === S_EXTRA) {
      fv.extra[str(src, dash + 1, ke)] = str(src, vs, ve);
      continue;
    }
    if (id >= S_FLAG) {
      const text = str(src, vs, ve);
      if (id === S_FLAG) fv.flag = text;
      else if (id === S_EFLAG) fv.eFlag = text;
      else fv.sampleTime = text;
      continue;
    }
    const v = ve === vs ? Number.NaN : parseDecimal(src, vs, ve);
    if (Number.isNaN(v)) {
      const value = str(src, vs, ve);
      if (value.length > 0) {
        warnings.push({
          code: 'HJ212_BAD_NUMBER',
          message: `expected a number for ${str(src, ks, ke)}, got "${value}" (kept in extra)`,
        });
      }
      fv.extra[str(src, dash + 1, ke)] = value;
      continue;
    }
    let had: number | undefined;
    switch (id) {
      case S_RTD:
        had = fv.rtd;
        fv.rtd = v;
        break;
      case S_AVG:
        had = fv.avg;
        fv.avg = v;
        break;
      case S_MIN:
        had = fv.min;
        fv.min = v;
        break;
      case S_MAX:
        had = fv.max;
        fv.max = v;
        break;
      case S_COU:
        had = fv.cou;
        fv.cou = v;
        break;
      case S_ZSRTD:
        had = fv.zsRtd;
        fv.zsRtd = v;
        break;
      case S_ZSAVG:
        had = fv.zsAvg;
        fv.zsAvg = v;
        break;
      case S_ZSMIN:
        had = fv.zsMin;
        fv.zsMin = v;
        break;
      case S_ZSMAX:
        had = fv.zsMax;
        fv.zsMax = v;
        break;
    }
    if (had !== undefined) duplicate(warnings, str(src, ks, ke));
  }
  return records;
}

/**
 * Structures CP items into records (one per `DataTime` value) and factors (by the code before the first `-`).
 * Numbers are parsed as float64; unknown suffixes and unparsable numbers go to `extra`; keys without a
 * factor prefix go to `fields`. Blank items are skipped; items without `=` are skipped with a warning.
 *
 * @example
 * parseRecords('DataTime=20160801084000;w01018-Avg=40.1,w01018-Flag=N', [])[0]?.factors.w01018;
 * // { avg: 40.1, flag: 'N', extra: {} }
 */
export function parseRecords(body: string, warnings: Hj212Warning[]): Hj212Record[] {
  const bytes = utf8Bytes(body);
  const src: CpSource = { bytes, text: body, base: 0, oneToOne: bytes.length === body.length };
  const seps = new Int32Array(bytes.length);
  const count = Math.floor(crc16Hj212Scan(bytes, 0, bytes.length, seps) / 65536);
  return parseRecordsFrom(src, 0, bytes.length, seps, count, warnings);
}

/**
 * Parses a CP data area (the text between `CP=&&` and the closing `&&`) leniently: items separated by
 * `;` or `,`, keys and values trimmed, `-Info=//…//` text read up to the closing `//` (it may contain
 * `;,=`), blank items skipped, duplicates kept in `cp`. Items are grouped into records by `DataTime` value
 * and into factors by the code before the first `-`.
 *
 * @example
 * parseCp('DataTime=20160801084000;w01018-Avg=40.1,w01018-Flag=N', []).records[0]?.factors.w01018;
 * // { avg: 40.1, flag: 'N', extra: {} }
 */
export function parseCp(body: string, warnings: Hj212Warning[]): ParsedCp {
  const records = parseRecords(body, warnings);
  return { cp: cpMap(body), records };
}
