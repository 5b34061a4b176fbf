import { utf8Bytes } from './bytes.js';
import { type CrcMode, computeCrc, crcHex } from './crc16.js';

/** Header fields of a data segment, written in the standard order QN;ST;CN;PW;MN;Flag;PNUM;PNO. */
export interface SegmentHeader {
  /** Omitted when `undefined` or `null` (2005-style uploads have no QN). */
  qn?: string | null;
  st?: string | null;
  cn: string;
  pw?: string | null;
  mn?: string | null;
  flag?: number | null;
  pnum?: number | null;
  pno?: number | null;
}

/** A CP value: text as written, or a finite number (written in JavaScript's shortest round-trip form). */
export type CpValue = string | number;

/** CP items grouped as the standard writes them: groups joined by `;`, items inside a group by `,`. */
export type CpGroups = ReadonlyArray<ReadonlyArray<readonly [key: string, value: CpValue]>>;

const FORBIDDEN = /[;,=&\r\n]/;

function checkText(what: string, text: string): void {
  if (FORBIDDEN.test(text)) throw new RangeError(`${what} must not contain ; , = & CR or LF: "${text}"`);
}

/** @internal Writes a number or checks a text value. */
export function formatCpValue(key: string, value: CpValue): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${key} must be a finite number, got ${value}`);
    return value === 0 ? '0' : String(value);
  }
  // Info text is written between `//` and may contain separators.
  if (value.startsWith('//') && value.endsWith('//') && value.length >= 4) {
    if (value.slice(2, -2).includes('//') || /[\r\n]/.test(value)) {
      throw new RangeError(`${key} text must not contain "//", CR or LF`);
    }
    return value;
  }
  checkText(key, value);
  return value;
}

/**
 * Writes CP groups as `k=v,k=v;k=v` (the text between `CP=&&` and `&&`).
 *
 * @example
 * formatCp([[['DataTime', '20160801084000']], [['w01018-Avg', 40.1], ['w01018-Flag', 'N']]]);
 * // 'DataTime=20160801084000;w01018-Avg=40.1,w01018-Flag=N'
 */
export function formatCp(groups: CpGroups): string {
  const parts: string[] = [];
  for (const group of groups) {
    const items: string[] = [];
    for (const [key, value] of group) {
      checkText('CP key', key);
      items.push(`${key}=${formatCpValue(key, value)}`);
    }
    if (items.length > 0) parts.push(items.join(','));
  }
  return parts.join(';');
}

/**
 * Writes a data segment: header fields in the standard order, then `CP=&&<cp>&&`.
 *
 * @example
 * buildDataSegment({ qn: '20160801085857223', st: '32', cn: '1062', pw: '100000', mn: '010000A8900016F000169DC0', flag: 5 }, 'RtdInterval=30');
 * // 'QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&'
 */
export function buildDataSegment(header: SegmentHeader, cp: string | CpGroups): string {
  let s = '';
  const add = (key: string, value: string | number | null | undefined): void => {
    if (value === undefined || value === null) return;
    const text = String(value);
    checkText(key, text);
    s += `${key}=${text};`;
  };
  add('QN', header.qn);
  add('ST', header.st);
  add('CN', header.cn);
  add('PW', header.pw);
  add('MN', header.mn);
  if (header.flag !== undefined && header.flag !== null) {
    if (!Number.isInteger(header.flag) || header.flag < 0 || header.flag > 255) {
      throw new RangeError(`Flag must be an integer 0-255, got ${header.flag}`);
    }
    add('Flag', header.flag);
  }
  add('PNUM', header.pnum);
  add('PNO', header.pno);
  const body = typeof cp === 'string' ? cp : formatCp(cp);
  return `${s}CP=&&${body}&&`;
}

/**
 * Wraps a data segment into a frame: `##` + 4-digit UTF-8 byte length + segment + CRC + CR LF. With
 * crcMode `none` the CRC is written as `0000`. Throws a RangeError for segments over 9999 bytes.
 *
 * @example
 * encodeFrame('QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&');
 * // '##0101QN=20160801085857223;…;CP=&&RtdInterval=30&&1C80\r\n'
 */
export function encodeFrame(dataSegment: string, crcMode: CrcMode = 'hj212'): string {
  const bytes = utf8Bytes(dataSegment);
  if (bytes.length > 9999) throw new RangeError(`data segment of ${bytes.length} bytes exceeds 9999`);
  const length = String(bytes.length).padStart(4, '0');
  return `##${length}${dataSegment}${crcHex(computeCrc(crcMode, bytes))}\r\n`;
}
