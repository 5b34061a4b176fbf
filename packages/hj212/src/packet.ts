import { cpMap, dict } from './cp-parser.js';
import type { Hj212Packet, Hj212Record, Hj212Version } from './types.js';

/** Every header field before `CP=&&`, as written (first occurrence wins). @internal */
export function headerMap(segment: string, cpAt: number): Record<string, string> {
  const header = dict<string>();
  let i = 0;
  while (i < cpAt) {
    let j = i;
    let eq = -1;
    while (j < cpAt) {
      const c = segment.charCodeAt(j);
      if (c === 59 || c === 44) break;
      if (c === 61 && eq < 0) eq = j;
      j++;
    }
    if (eq >= 0) {
      const key = segment.slice(i, eq).trim();
      if (header[key] === undefined) header[key] = segment.slice(eq + 1, j).trim();
    }
    i = j + 1;
  }
  return header;
}

/**
 * The packet object the decoder returns. `header` and `cp` are accessors that build their maps on first
 * use (and keep them): most consumers read `records` only, and building the raw maps costs as much as the
 * rest of a decode. Being accessors, they are not copied by object spread; `toJSON()` (used by
 * `JSON.stringify` and structured logging) returns a plain object with every field.
 * @internal
 */
export class DecodedPacket implements Hj212Packet {
  readonly version: Hj212Version;
  readonly qn: string | null;
  readonly st: string | null;
  readonly cn: string;
  readonly pw: string | null;
  readonly mn: string | null;
  readonly flag: number | null;
  readonly versionBits: number;
  readonly ackRequired: boolean;
  readonly split: boolean;
  readonly pnum: number | null;
  readonly pno: number | null;
  records: Hj212Record[];
  readonly segmentBytes: number;
  readonly crc: string | null;
  #segment: string;
  #cpAt: number;
  #bodyEnd: number;
  #header: Record<string, string> | undefined;
  #cp: Record<string, string | string[]> | undefined;

  constructor(fields: Omit<Hj212Packet, 'header' | 'cp'>, segment: string, cpAt: number, bodyEnd: number) {
    this.version = fields.version;
    this.qn = fields.qn;
    this.st = fields.st;
    this.cn = fields.cn;
    this.pw = fields.pw;
    this.mn = fields.mn;
    this.flag = fields.flag;
    this.versionBits = fields.versionBits;
    this.ackRequired = fields.ackRequired;
    this.split = fields.split;
    this.pnum = fields.pnum;
    this.pno = fields.pno;
    this.records = fields.records;
    this.segmentBytes = fields.segmentBytes;
    this.crc = fields.crc;
    this.#segment = segment;
    this.#cpAt = cpAt;
    this.#bodyEnd = bodyEnd;
    this.#header = undefined;
    this.#cp = undefined;
  }

  get header(): Record<string, string> {
    if (this.#header === undefined) this.#header = headerMap(this.#segment, this.#cpAt);
    return this.#header;
  }

  get cp(): Record<string, string | string[]> {
    if (this.#cp === undefined) this.#cp = cpMap(this.#segment, this.#cpAt + 5, this.#bodyEnd);
    return this.#cp;
  }

  /** A plain object with every field of {@link Hj212Packet}. */
  toJSON(): Hj212Packet {
    return {
      version: this.version,
      qn: this.qn,
      st: this.st,
      cn: this.cn,
      pw: this.pw,
      mn: this.mn,
      flag: this.flag,
      versionBits: this.versionBits,
      ackRequired: this.ackRequired,
      split: this.split,
      pnum: this.pnum,
      pno: this.pno,
      header: this.header,
      cp: this.cp,
      records: this.records,
      segmentBytes: this.segmentBytes,
      crc: this.crc,
    };
  }
}
