import type { FactorValues, Hj212Packet, Hj212Record } from './types.js';

/** Options of {@link createSplitReassembler}. */
export interface SplitReassemblerOptions {
  /** Most incomplete split packets held at once; the oldest is dropped beyond it (default 1024). */
  maxPending?: number;
  /** How long parts wait for their siblings, in ms of the caller's clock (default 10 minutes). */
  maxAgeMs?: number;
}

/** Parts of a split packet that never completed. */
export interface IncompleteSplit {
  key: string;
  mn: string | null;
  cn: string;
  dataTime: string | null;
  pnum: number;
  /** Part numbers received, ascending. */
  received: number[];
  parts: Hj212Packet[];
  firstSeenMs: number;
  reason: 'expired' | 'evicted';
}

/** Result of {@link SplitReassembler.add}; `dropped` lists incomplete sets expired or evicted meanwhile. */
export type ReassemblyOutcome =
  | {
      status: 'complete';
      /** The whole packet: CP items of all parts merged (for a packet that was not split, the packet itself). */
      packet: Hj212Packet;
      /** The parts in PNO order (each was acked on its own QN). */
      parts: Hj212Packet[];
      dropped: IncompleteSplit[];
    }
  | { status: 'pending'; key: string; received: number; total: number; dropped: IncompleteSplit[] }
  | { status: 'duplicate'; key: string; pno: number; dropped: IncompleteSplit[] };

/** Collects the parts of split packets (Flag bit D, PNUM/PNO). */
export interface SplitReassembler {
  /** Adds a decoded packet at time `nowMs` (caller's clock). */
  add(packet: Hj212Packet, nowMs: number): ReassemblyOutcome;
  /** Drops and returns the sets older than `maxAgeMs`. */
  expire(nowMs: number): IncompleteSplit[];
  readonly pendingCount: number;
}

interface Pending {
  key: string;
  pnum: number;
  parts: Map<number, Hj212Packet>;
  firstSeenMs: number;
}

function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function dataTimeOf(p: Hj212Packet): string | null {
  const v = p.cp.DataTime;
  if (v === undefined) return null;
  return typeof v === 'string' ? v : (v[0] ?? null);
}

/**
 * The reassembly key: (MN, CN, DataTime, PNUM). Each part carries its own QN (HJ 212-2017 C.49/C.50), so
 * QN is used only when the CP has no DataTime.
 *
 * @example
 * splitKey(part1) === splitKey(part2); // true for two parts of the same split packet
 */
export function splitKey(p: Hj212Packet): string {
  const time = dataTimeOf(p);
  return `${p.mn ?? ''}\u0000${p.cn}\u0000${time === null ? `QN:${p.qn ?? ''}` : time}\u0000${p.pnum ?? 0}`;
}

function copyFactor(f: FactorValues): FactorValues {
  return Object.assign({}, f, { extra: Object.assign(dict<string>(), f.extra) });
}

/**
 * Merges parts (in PNO order): CP values deduplicated per key, records merged by DataTime and factor. The
 * result has the first part's header fields, `pno: null` and `crc: null`.
 *
 * @example
 * mergeSplitParts([part1, part2]).records[0]?.factors; // factors of both parts
 */
export function mergeSplitParts(parts: readonly Hj212Packet[]): Hj212Packet {
  const first = parts[0]!;
  const cp = dict<string | string[]>();
  const records: Hj212Record[] = [];
  let segmentBytes = 0;
  for (const part of parts) {
    segmentBytes += part.segmentBytes;
    for (const key of Object.keys(part.cp)) {
      const incoming = part.cp[key]!;
      for (const v of typeof incoming === 'string' ? [incoming] : incoming) {
        const prev = cp[key];
        if (prev === undefined) cp[key] = v;
        else if (typeof prev === 'string') {
          if (prev !== v) cp[key] = [prev, v];
        } else if (!prev.includes(v)) prev.push(v);
      }
    }
    for (const r of part.records) {
      let target = records.find((t) => t.dataTime === r.dataTime);
      if (target === undefined) {
        target = {
          dataTime: r.dataTime,
          dataTimeIso: r.dataTimeIso,
          dataTimeMs: r.dataTimeMs,
          factors: dict<FactorValues>(),
          fields: dict<string>(),
        };
        records.push(target);
      }
      for (const code of Object.keys(r.factors)) {
        const f = r.factors[code]!;
        const existing = target.factors[code];
        if (existing === undefined) target.factors[code] = copyFactor(f);
        else {
          const extra = Object.assign(existing.extra, f.extra);
          Object.assign(existing, f, { extra });
        }
      }
      Object.assign(target.fields, r.fields);
    }
  }
  return {
    version: first.version,
    qn: first.qn,
    st: first.st,
    cn: first.cn,
    pw: first.pw,
    mn: first.mn,
    flag: first.flag,
    versionBits: first.versionBits,
    ackRequired: first.ackRequired,
    split: first.split,
    pnum: first.pnum,
    pno: null,
    header: { ...first.header },
    cp,
    records,
    segmentBytes,
    crc: null,
  };
}

function incomplete(p: Pending, reason: IncompleteSplit['reason']): IncompleteSplit {
  const received = [...p.parts.keys()].sort((a, b) => a - b);
  const parts = received.map((n) => p.parts.get(n)!);
  const any = parts[0]!;
  return {
    key: p.key,
    mn: any.mn,
    cn: any.cn,
    dataTime: dataTimeOf(any),
    pnum: p.pnum,
    received,
    parts,
    firstSeenMs: p.firstSeenMs,
    reason,
  };
}

/**
 * Creates a reassembler for split packets. Parts may arrive in any order and interleaved with other
 * devices' parts; a set completes when every PNO 1..PNUM is present. Bounded by `maxPending`, expiry driven
 * by the caller's `nowMs` (pure: no timers, no clock).
 *
 * @example
 * const reassembler = createSplitReassembler({ maxAgeMs: 60_000 });
 * const out = reassembler.add(part2, now); // { status: 'pending', received: 1, total: 2, … }
 * const done = reassembler.add(part1, now); // { status: 'complete', packet: merged, parts: [part1, part2], … }
 */
export function createSplitReassembler(options: SplitReassemblerOptions = {}): SplitReassembler {
  const maxPending = options.maxPending ?? 1024;
  const maxAgeMs = options.maxAgeMs ?? 600_000;
  const pending = new Map<string, Pending>();

  function expire(nowMs: number): IncompleteSplit[] {
    const out: IncompleteSplit[] = [];
    for (const [key, p] of pending) {
      if (nowMs - p.firstSeenMs >= maxAgeMs) {
        pending.delete(key);
        out.push(incomplete(p, 'expired'));
      }
    }
    return out;
  }

  return {
    add(packet, nowMs) {
      const dropped = expire(nowMs);
      if (!packet.split || packet.pnum === null || packet.pno === null || packet.pnum <= 1) {
        return { status: 'complete', packet, parts: [packet], dropped };
      }
      const key = splitKey(packet);
      let entry = pending.get(key);
      if (entry === undefined) {
        while (pending.size >= maxPending) {
          const oldest = pending.values().next().value as Pending;
          pending.delete(oldest.key);
          dropped.push(incomplete(oldest, 'evicted'));
        }
        entry = { key, pnum: packet.pnum, parts: new Map(), firstSeenMs: nowMs };
        pending.set(key, entry);
      }
      if (entry.parts.has(packet.pno)) return { status: 'duplicate', key, pno: packet.pno, dropped };
      entry.parts.set(packet.pno, packet);
      if (entry.parts.size < entry.pnum) {
        return { status: 'pending', key, received: entry.parts.size, total: entry.pnum, dropped };
      }
      pending.delete(key);
      const parts = [...entry.parts.keys()].sort((a, b) => a - b).map((n) => entry.parts.get(n)!);
      return { status: 'complete', packet: mergeSplitParts(parts), parts, dropped };
    },
    expire,
    get pendingCount() {
      return pending.size;
    },
  };
}
