/** HJ 212 standard version, from the version bits V5..V0 of `Flag` (absent `Flag` means 2005). */
export type Hj212Version = '2005' | '2017' | '2025' | 'unknown';

/** Values of one factor (pollutant or parameter) in one record, e.g. `a21026` (SO2). */
export interface FactorValues {
  /** `-Rtd` real-time value. */
  rtd?: number;
  /** `-Avg` interval mean. */
  avg?: number;
  /** `-Min` interval minimum. */
  min?: number;
  /** `-Max` interval maximum. */
  max?: number;
  /** `-Cou` cumulative amount over the interval (emission unit). */
  cou?: number;
  /** `-ZsRtd` 折算 (normalised) real-time value. */
  zsRtd?: number;
  /** `-ZsAvg` 折算 mean. */
  zsAvg?: number;
  /** `-ZsMin` 折算 minimum. */
  zsMin?: number;
  /** `-ZsMax` 折算 maximum. */
  zsMax?: number;
  /** `-Flag` data flag as written (N, F, M, S, D, C, T, B, …). */
  flag?: string;
  /** `-EFlag` instrument-defined extended flag. */
  eFlag?: string;
  /** `-SampleTime` as written (`YYYYMMDDhhmmss`). */
  sampleTime?: string;
  /** Every other suffix (and numeric suffixes whose value is not a number), as written: `{ Info: '//…//' }`. */
  extra: Record<string, string>;
}

/** One `DataTime` worth of CP items. */
export interface Hj212Record {
  /** `DataTime` as written, or `null` when the CP has none. */
  dataTime: string | null;
  /** `DataTime` read as Asia/Shanghai local time (UTC+8), as a UTC ISO string. */
  dataTimeIso: string | null;
  /** Same instant as epoch milliseconds. */
  dataTimeMs: number | null;
  /** `code-Suffix` items grouped by factor code; unknown codes are kept. */
  factors: Record<string, FactorValues>;
  /** CP keys without a factor prefix other than `DataTime` (`PolId`, `RtdInterval`, `QnRtn`, …). */
  fields: Record<string, string>;
}

/** A decoded HJ 212 packet (the data segment of one frame). */
export interface Hj212Packet {
  version: Hj212Version;
  /** `QN` request code (17-digit ms timestamp) or `null` when absent (typical for 2005 uploads). */
  qn: string | null;
  /** `ST` system code as written. */
  st: string | null;
  /** `CN` command code as written. */
  cn: string;
  pw: string | null;
  /** `MN` device id, an opaque case-sensitive string. */
  mn: string | null;
  /** `Flag` as a number, or `null` when absent. */
  flag: number | null;
  /** Version bits V5..V0 (`flag >> 2`), `0` when `Flag` is absent. */
  versionBits: number;
  /** Flag bit A: the receiver must answer (9014 for uploads). */
  ackRequired: boolean;
  /** Flag bit D, or PNUM/PNO present: this is one part of a split packet. */
  split: boolean;
  /** `PNUM` total parts. */
  pnum: number | null;
  /** `PNO` part number, 1-based. */
  pno: number | null;
  /** Every header field (before `CP=&&`) as written, including unknown ones. */
  header: Record<string, string>;
  /** Raw CP items: each key → value as written; a repeated key → array of values. */
  cp: Record<string, string | string[]>;
  /** CP items structured per `DataTime`. */
  records: Hj212Record[];
  /** Data-segment length in UTF-8 bytes. */
  segmentBytes: number;
  /** CRC as it appeared in the frame (upper-cased), `null` for a bare data segment. */
  crc: string | null;
}
