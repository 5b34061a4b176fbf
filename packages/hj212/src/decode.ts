import { HASH, readHex4, utf8Bytes, utf8Text } from './bytes.js';
import { type CpSource, parseRecordsFrom, sliceText } from './cp-parser.js';
import { type CrcMode, computeCrc, crc16Hj212Scan, crc16Modbus, crcHex } from './crc16.js';
import { failure, type Hj212Result, type Hj212Warning } from './errors.js';
import { DecodedPacket } from './packet.js';
import type { Hj212Packet, Hj212Record, Hj212Version } from './types.js';

/** Result of {@link decodeFrame} / {@link decodePacket}: never thrown, always returned. */
export type DecodeResult = Hj212Result<Hj212Packet>;

/** Options of {@link decodeFrame}. */
export interface DecodeFrameOptions {
  /** CRC algorithm the sender uses (default `hj212`). */
  crcMode?: CrcMode;
  /** Largest data segment accepted, in bytes (default 9999, the capacity of the length field). */
  maxSegmentBytes?: number;
}

/** The standard's limit for a data segment; longer ones are accepted with a warning. */
export const STANDARD_MAX_SEGMENT_BYTES = 1024;
/** Capacity of the 4-digit length field. */
export const MAX_SEGMENT_BYTES = 9999;

const CP_MARK = 'CP=&&';

function versionOf(bits: number): Hj212Version {
  switch (bits) {
    case 0:
      return '2005';
    case 1:
      return '2017';
    case 2:
      return '2025';
    default:
      return 'unknown';
  }
}

/** Integer from a string of 1..maxDigits ASCII digits, else -1. */
function smallInt(s: string, maxDigits: number): number {
  const n = s.length;
  if (n === 0 || n > maxDigits) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const H_OTHER = 0;
const H_QN = 1;
const H_ST = 2;
const H_CN = 3;
const H_PW = 4;
const H_MN = 5;
const H_FLAG = 6;
const H_PNUM = 7;
const H_PNO = 8;
const H_NAMES = ['', 'QN', 'ST', 'CN', 'PW', 'MN', 'Flag', 'PNUM', 'PNO'];

/** Which known header field bytes[a, e) names (case-insensitive). */
function headerId(s: Uint8Array, a: number, e: number): number {
  // `& 0xdf` folds ASCII lower-case letters onto upper case.
  switch (e - a) {
    case 2: {
      const x = ((s[a]! & 0xdf) << 8) | (s[a + 1]! & 0xdf);
      if (x === 0x514e) return H_QN;
      if (x === 0x5354) return H_ST;
      if (x === 0x434e) return H_CN;
      if (x === 0x5057) return H_PW;
      if (x === 0x4d4e) return H_MN;
      return H_OTHER;
    }
    case 3: {
      const x = ((s[a]! & 0xdf) << 16) | ((s[a + 1]! & 0xdf) << 8) | (s[a + 2]! & 0xdf);
      return x === 0x504e4f ? H_PNO : H_OTHER;
    }
    case 4: {
      const x =
        ((s[a]! & 0xdf) << 24) | ((s[a + 1]! & 0xdf) << 16) | ((s[a + 2]! & 0xdf) << 8) | (s[a + 3]! & 0xdf);
      if (x === 0x464c4147) return H_FLAG;
      return x === 0x504e554d ? H_PNUM : H_OTHER;
    }
    default:
      return H_OTHER;
  }
}

/** Byte position of the first `CP=&&` / last `&&` in bytes[from, to), or -1. */
function findCp(b: Uint8Array, from: number, to: number): number {
  for (let i = from; i + 5 <= to; i++) {
    if (b[i] === 0x43 && b[i + 1] === 0x50 && b[i + 2] === 0x3d && b[i + 3] === 0x26 && b[i + 4] === 0x26)
      return i;
  }
  return -1;
}
function findLastAmps(b: Uint8Array, from: number, to: number): number {
  for (let i = to - 2; i >= from; i--) if (b[i] === 0x26 && b[i + 1] === 0x26) return i;
  return -1;
}

/**
 * Scratch space for separator positions. Decoding is synchronous and never re-enters itself, so one
 * buffer serves every call (segments longer than it get their own).
 */
const SCRATCH = new Int32Array(MAX_SEGMENT_BYTES + 1);

function positionsFor(length: number): Int32Array {
  return length <= SCRATCH.length ? SCRATCH : new Int32Array(length);
}

/**
 * Decodes the data segment held by `src` (its bytes end at `src.base + segmentBytes`); `seps` holds the
 * positions of its `;`, `,` and `=` bytes.
 */
function decodeSegment(
  src: CpSource,
  segmentBytes: number,
  crc: string | null,
  warnings: Hj212Warning[],
  seps: Int32Array,
  sepCount: number,
): DecodeResult {
  const segment = src.text;
  const b = src.bytes;
  const base = src.base;
  const segEnd = base + segmentBytes;
  const cpAt = segment.indexOf(CP_MARK);
  if (cpAt < 0) return failure('HJ212_BAD_FIELD', 'expected "CP=&&" in the data segment');
  const cpByte = src.oneToOne ? base + cpAt : findCp(b, base, segEnd);

  // Header: `;`-separated key=value list in any order (`,` tolerated, as in HJ 212-2017 C.22), read from the
  // separator positions the CRC pass found.
  const known: (string | null)[] = [null, null, null, null, null, null, null, null, null];
  let i = base;
  let k = 0;
  while (i < cpByte) {
    let j = k < sepCount ? seps[k]! : segEnd;
    let eq = -1;
    while (j < cpByte && b[j] === 0x3d) {
      if (eq < 0) eq = j;
      k++;
      j = k < sepCount ? seps[k]! : segEnd;
    }
    if (j >= cpByte) j = cpByte;
    else k++;
    if (eq >= 0) {
      let ks = i;
      let ke = eq;
      while (ks < ke && b[ks]! <= 32) ks++;
      while (ke > ks && b[ke - 1]! <= 32) ke--;
      const id = headerId(b, ks, ke);
      if (id !== H_OTHER) {
        if (known[id] !== null) {
          warnings.push({
            code: 'HJ212_DUPLICATE_FIELD',
            message: `header field ${H_NAMES[id]} appears twice; the first wins`,
          });
        } else {
          let vs = eq + 1;
          let ve = j;
          while (vs < ve && b[vs]! <= 32) vs++;
          while (ve > vs && b[ve - 1]! <= 32) ve--;
          known[id] = sliceText(src, vs, ve);
        }
      }
    } else {
      const stray = sliceText(src, i, j).trim();
      if (stray.length > 0) {
        return failure('HJ212_BAD_FIELD', `expected key=value in the header, got "${stray}"`);
      }
    }
    i = j + 1;
  }
  const qn = known[H_QN]!;
  const st = known[H_ST]!;
  const cn = known[H_CN]!;
  const pw = known[H_PW]!;
  const mn = known[H_MN]!;
  const flagText = known[H_FLAG]!;
  const pnumText = known[H_PNUM]!;
  const pnoText = known[H_PNO]!;

  if (cn === null || cn.length === 0) return failure('HJ212_BAD_FIELD', 'expected a CN (command code) field');

  let flag: number | null = null;
  if (flagText !== null) {
    flag = smallInt(flagText, 3);
    if (flag < 0 || flag > 255) {
      return failure('HJ212_BAD_FIELD', `expected Flag to be an integer 0-255, got "${flagText}"`);
    }
  }
  let pnum: number | null = null;
  let pno: number | null = null;
  if (pnumText !== null || pnoText !== null) {
    pnum = pnumText === null ? -1 : smallInt(pnumText, 4);
    pno = pnoText === null ? -1 : smallInt(pnoText, 4);
    if (pnum < 1 || pno < 1 || pno > pnum) {
      return failure(
        'HJ212_BAD_FIELD',
        `expected PNUM and PNO with 1 <= PNO <= PNUM, got PNUM=${pnumText ?? '(absent)'} PNO=${pnoText ?? '(absent)'}`,
      );
    }
  }
  const versionBits = flag === null ? 0 : flag >>> 2;
  const dBit = flag !== null && (flag & 2) !== 0;
  if (pnum !== null && !dBit) {
    warnings.push({
      code: 'HJ212_SPLIT_WITHOUT_FLAG',
      message: 'PNUM/PNO present but Flag bit D is not set; treated as a split packet',
    });
  } else if (dBit && pnum === null) {
    warnings.push({ code: 'HJ212_MISSING_FIELD', message: 'Flag bit D is set but PNUM/PNO are absent' });
  }
  if (st === null)
    warnings.push({ code: 'HJ212_MISSING_FIELD', message: 'expected an ST (system code) field' });
  if (mn === null)
    warnings.push({ code: 'HJ212_MISSING_FIELD', message: 'expected an MN (device id) field' });

  // CP: from after `CP=&&` to the last `&&` of the segment.
  const bodyStart = cpAt + CP_MARK.length;
  let bodyEnd = segment.lastIndexOf('&&');
  if (bodyEnd < bodyStart) {
    bodyEnd = segment.length;
    warnings.push({ code: 'HJ212_CP_UNTERMINATED', message: 'expected CP to end with "&&"' });
  }
  let records: Hj212Record[];
  if (src.oneToOne) {
    records = parseRecordsFrom(src, src.base + bodyStart, src.base + bodyEnd, seps, sepCount, warnings);
  } else {
    const segEnd = src.base + segmentBytes;
    const cpByte = findCp(src.bytes, src.base, segEnd) + CP_MARK.length;
    const endByte = findLastAmps(src.bytes, cpByte, segEnd);
    records = parseRecordsFrom(src, cpByte, endByte < 0 ? segEnd : endByte, seps, sepCount, warnings);
  }

  const packet = new DecodedPacket(
    {
      version: versionOf(versionBits),
      qn,
      st,
      cn,
      pw,
      mn,
      flag,
      versionBits,
      ackRequired: flag !== null && (flag & 1) !== 0,
      split: pnum !== null,
      pnum,
      pno,
      records,
      segmentBytes,
      crc,
    },
    segment,
    cpAt,
    bodyEnd,
  );
  return { ok: true, packet, warnings };
}

/**
 * Decodes a bare data segment (`QN=…;ST=…;CN=…;…;CP=&&…&&`), without length or CRC. Never throws.
 *
 * @example
 * const r = decodePacket('ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817;B01-Rtd=36.91&&');
 * if (r.ok) r.packet.records[0]?.factors.B01?.rtd; // 36.91
 */
export function decodePacket(dataSegment: string | Uint8Array): DecodeResult {
  if (typeof dataSegment === 'string') {
    const bytes = utf8Bytes(dataSegment);
    const src = { bytes, text: dataSegment, base: 0, oneToOne: bytes.length === dataSegment.length };
    const seps = positionsFor(bytes.length);
    const count = Math.floor(crc16Hj212Scan(bytes, 0, bytes.length, seps) / 65536);
    return decodeSegment(src, bytes.length, null, [], seps, count);
  }
  const text = utf8Text(dataSegment, 0, dataSegment.length);
  const src = { bytes: dataSegment, text, base: 0, oneToOne: text.length === dataSegment.length };
  const seps = positionsFor(dataSegment.length);
  const count = Math.floor(crc16Hj212Scan(dataSegment, 0, dataSegment.length, seps) / 65536);
  return decodeSegment(src, dataSegment.length, null, [], seps, count);
}

function isSpace(b: number): boolean {
  return b === 0x0d || b === 0x0a || b === 0x20 || b === 0x09;
}

/**
 * Decodes one frame `##LLLL<segment>CCCC[\r\n]` from bytes or a string. Never throws.
 *
 * Tolerates what real devices send: lower-case CRC, LF-only or missing terminator, a length field of
 * fewer than 4 digits, segments up to 9999 bytes (warning above 1024), and a declared length that does
 * not match the segment when the CRC still proves the segment (warning `HJ212_LENGTH_MISMATCH`).
 * Fails with `HJ212_BAD_HEADER` (no `##`), `HJ212_BAD_LENGTH`, `HJ212_BAD_CRC`, `HJ212_TOO_LARGE` or
 * `HJ212_BAD_FIELD`.
 *
 * @example
 * const r = decodeFrame(
 *   '##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n',
 * );
 * if (r.ok) r.packet.cp.RtdInterval; // '30'
 */
export function decodeFrame(frame: Uint8Array | string, options: DecodeFrameOptions = {}): DecodeResult {
  const bytes = typeof frame === 'string' ? utf8Bytes(frame) : frame;
  const mode = options.crcMode ?? 'hj212';
  const maxSegment = options.maxSegmentBytes ?? MAX_SEGMENT_BYTES;
  let s = 0;
  let n = bytes.length;
  while (n > s && isSpace(bytes[n - 1]!)) n--;
  while (s < n && isSpace(bytes[s]!)) s++;
  if (n - s < 2 || bytes[s] !== HASH || bytes[s + 1] !== HASH) {
    return failure('HJ212_BAD_HEADER', 'expected the frame to start with "##"');
  }
  let declared = 0;
  let digits = 0;
  for (let p = s + 2; digits < 4 && p < n; p++, digits++) {
    const d = bytes[p]! - 48;
    if (d < 0 || d > 9) break;
    declared = declared * 10 + d;
  }
  const ds = s + 2 + digits;
  const crcAt = n - 4;
  if (crcAt < ds) return failure('HJ212_BAD_LENGTH', `frame of ${n - s} bytes is too short to hold a CRC`);
  const segLen = crcAt - ds;
  if (segLen > maxSegment) {
    return failure(
      'HJ212_TOO_LARGE',
      `data segment of ${segLen} bytes exceeds the limit of ${maxSegment} bytes`,
    );
  }
  const declaredCrc = readHex4(bytes, crcAt);
  if (declaredCrc < 0) {
    return failure('HJ212_BAD_CRC', 'expected 4 hex digits of CRC after the data segment');
  }
  const lengthOk = digits > 0 && declared === segLen;
  const warnings: Hj212Warning[] = [];
  // One pass computes the HJ 212 CRC and finds the item separators for the parser.
  const seps = positionsFor(segLen);
  const scan = crc16Hj212Scan(bytes, ds, crcAt, seps);
  const sepCount = Math.floor(scan / 65536);
  if (mode === 'none') {
    if (!lengthOk) {
      return failure(
        'HJ212_BAD_LENGTH',
        digits === 0
          ? 'expected a 4-digit length after "##" (CRC checking is off, so nothing proves the segment)'
          : `declared length ${declared} does not match the ${segLen}-byte data segment (CRC checking is off, so nothing proves it)`,
      );
    }
    warnings.push({ code: 'HJ212_CRC_NOT_CHECKED', message: 'CRC not checked (crcMode none)' });
  } else {
    const computed = mode === 'hj212' ? scan & 0xffff : computeCrc(mode, bytes, ds, crcAt);
    if (computed !== declaredCrc) {
      let hint = '';
      if (mode === 'hj212') {
        const m = crc16Modbus(bytes, ds, crcAt);
        if (((m & 0xff) << 8) + (m >>> 8) === declaredCrc) {
          hint = ' (it matches CRC-16/MODBUS low byte first: crcMode modbus-le)';
        } else if (m === declaredCrc) hint = ' (it matches CRC-16/MODBUS: crcMode modbus-be)';
      }
      const lengthNote = lengthOk
        ? ''
        : `; declared length ${digits ? declared : '(none)'} vs ${segLen} bytes`;
      return failure(
        'HJ212_BAD_CRC',
        `expected CRC ${crcHex(computed)} (${mode}) for the ${segLen}-byte data segment, got ${crcHex(declaredCrc)}${hint}${lengthNote}`,
      );
    }
  }
  if (!lengthOk) {
    if (digits === 0) {
      warnings.push({
        code: 'HJ212_NO_LENGTH_FIELD',
        message: 'no length after "##"; the CRC proves the segment',
      });
    } else {
      warnings.push({
        code: 'HJ212_LENGTH_MISMATCH',
        message: `declared length ${declared} but the data segment has ${segLen} bytes; the CRC proves the segment`,
      });
    }
  }
  if (digits > 0 && digits < 4) {
    warnings.push({
      code: 'HJ212_SHORT_LENGTH_FIELD',
      message: `length field has ${digits} digits, expected 4`,
    });
  }
  if (segLen > STANDARD_MAX_SEGMENT_BYTES) {
    warnings.push({
      code: 'HJ212_OVER_1024',
      message: `data segment of ${segLen} bytes exceeds the standard's 1024 (accepted)`,
    });
  }
  const crcText = String.fromCharCode(bytes[crcAt]!, bytes[crcAt + 1]!, bytes[crcAt + 2]!, bytes[crcAt + 3]!);
  const text = utf8Text(bytes, ds, crcAt);
  // Equal lengths mean every byte became one UTF-16 unit, so byte and string positions coincide.
  const src = { bytes, text, base: ds, oneToOne: text.length === segLen };
  return decodeSegment(src, segLen, crcText.toUpperCase(), warnings, seps, sepCount);
}
