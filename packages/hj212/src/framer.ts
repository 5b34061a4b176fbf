import { AMP, CR, HASH, LF, readHex4 } from './bytes.js';
import type { Hj212ErrorCode, Hj212Warning } from './errors.js';

/** Bytes a frame adds around its data segment: `##`, 4 length digits, 4 CRC digits and a terminator. */
export const FRAME_OVERHEAD_BYTES = 16;

/** Options of {@link createFramer}. */
export interface FramerOptions {
  /** Largest data segment accepted, in bytes (default 9999, the capacity of the length field). */
  maxSegmentBytes?: number;
  /**
   * Most bytes the framer ever holds between pushes (default 16 384). Must be at least
   * `maxSegmentBytes + FRAME_OVERHEAD_BYTES`. Nothing is held between frames, so an idle connection costs
   * no buffer at all.
   */
  maxBufferBytes?: number;
}

/**
 * What followed the CRC: `crlf` (standard), `lf`, `none` (the next `##` or other bytes followed at once,
 * or the stream ended), or `pending` (the chunk ended right after the CRC; a CR/LF arriving next is
 * consumed silently).
 */
export type Terminator = 'crlf' | 'lf' | 'none' | 'pending';

/** Codes of {@link FrameEvent}s of type `skipped`. */
export type SkipCode = Extract<
  Hj212ErrorCode,
  'HJ212_GARBAGE' | 'HJ212_BAD_LENGTH' | 'HJ212_TOO_LARGE' | 'HJ212_TRUNCATED' | 'HJ212_BUFFER_OVERFLOW'
>;

/** Output of {@link Framer.push}. */
export type FrameEvent =
  | {
      readonly type: 'frame';
      /**
       * `##` through the CRC, without the terminator. A copy the caller may keep (a view into a shared,
       * never-reused slab: mind `byteOffset` when using `frame.buffer`).
       */
      readonly frame: Uint8Array;
      readonly terminator: Terminator;
      /** Framing deviations (length mismatch, LF-only, …); the decoder adds its own. */
      readonly warnings: Hj212Warning[];
    }
  | {
      readonly type: 'skipped';
      /** Bytes dropped (consecutive drops are merged into one event). */
      readonly byteCount: number;
      readonly code: SkipCode;
      readonly message: string;
    };

/** A per-connection byte-stream framer. */
export interface Framer {
  /** Feeds bytes; returns the frames completed and the bytes skipped, in stream order. */
  push(chunk: Uint8Array): FrameEvent[];
  /** Ends the stream: an unterminated last frame is emitted, an incomplete one is reported as truncated. */
  end(): FrameEvent[];
  /** Bytes held now (always ≤ `maxBufferBytes`). */
  readonly bufferedBytes: number;
  readonly maxBufferBytes: number;
}

const NEED_MORE = -1;

/**
 * Emitted frames are copied into shared slabs and handed out as views (as Node's Buffer pool does): a
 * fresh ArrayBuffer per frame costs twice as much as the copy. A slab is never reused, so a view stays
 * valid for as long as it is referenced; retaining a frame retains at most one slab.
 */
const SLAB_BYTES = 64 * 1024;
let slab = new Uint8Array(SLAB_BYTES);
let slabUsed = 0;

function copyOut(data: Uint8Array, p: number, q: number): Uint8Array {
  const n = q - p;
  if (n > SLAB_BYTES / 8) return data.slice(p, q);
  if (slabUsed + n > SLAB_BYTES) {
    slab = new Uint8Array(SLAB_BYTES);
    slabUsed = 0;
  }
  const view = slab.subarray(slabUsed, slabUsed + n);
  view.set(data.subarray(p, q));
  slabUsed += (n + 7) & ~7;
  return view;
}

/**
 * Whether a line end followed by `##` lies in data[from, to): a frame boundary inside a declared data segment,
 * which no valid segment holds, so the declared length reaches into the next frame.
 */
function frameStartAfterLineEnd(data: Uint8Array, from: number, to: number): boolean {
  for (let i = data.indexOf(LF, from); i >= 0 && i < to; i = data.indexOf(LF, i + 1)) {
    if (data[i + 1] === HASH && data[i + 2] === HASH) return true;
  }
  return false;
}

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

function isLetter(b: number): boolean {
  const l = b | 0x20;
  return l >= 0x61 && l <= 0x7a;
}

/**
 * Creates a framer that cuts HJ 212 frames out of a TCP byte stream: it finds `##`, reads the length
 * (counted in UTF-8 bytes; 1–4 digits), and checks that the declared end holds `&&` + 4 hex digits. When
 * the declared length is wrong it falls back to the delimiter (LF, the next `##`, or the end of the
 * stream) and emits the frame with `HJ212_LENGTH_MISMATCH`, leaving the decoder's CRC check to prove it.
 * Garbage is skipped up to the next `##` and reported. Pure and synchronous; works on bytes only.
 *
 * @example
 * const framer = createFramer();
 * const bytes = new TextEncoder().encode('junk##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&3240\r\n');
 * for (const ev of framer.push(bytes)) {
 *   if (ev.type === 'frame') decodeFrame(ev.frame); // ok
 *   else console.log(ev.code, ev.byteCount); // HJ212_GARBAGE 4
 * }
 */
export function createFramer(options: FramerOptions = {}): Framer {
  const maxSegment = options.maxSegmentBytes ?? 9999;
  const maxBuffer = options.maxBufferBytes ?? 16_384;
  if (!Number.isInteger(maxSegment) || maxSegment < 0 || maxSegment > 9999) {
    throw new RangeError(`maxSegmentBytes must be an integer 0..9999, got ${maxSegment}`);
  }
  if (!Number.isInteger(maxBuffer) || maxBuffer < maxSegment + FRAME_OVERHEAD_BYTES) {
    throw new RangeError(
      `maxBufferBytes must be an integer >= maxSegmentBytes + ${FRAME_OVERHEAD_BYTES} (${maxSegment + FRAME_OVERHEAD_BYTES}), got ${maxBuffer}`,
    );
  }

  let buf: Uint8Array | null = null;
  let len = 0;
  /** A frame ended exactly at a chunk end: CR/LF at the start of the next bytes belong to it. */
  let swallow = false;
  /** Bytes of the candidate at the buffer start already searched for LF (avoids rescans). */
  let lfScanned = 0;
  let out: FrameEvent[] = [];
  let skipCode: SkipCode | null = null;
  let skipCount = 0;
  let skipReason = '';

  function flushSkip(): void {
    if (skipCode === null) return;
    const message =
      skipCode === 'HJ212_GARBAGE'
        ? `skipped ${skipCount} bytes that are not part of a frame`
        : `${skipReason}; skipped ${skipCount} bytes`;
    out.push({ type: 'skipped', byteCount: skipCount, code: skipCode, message });
    skipCode = null;
    skipCount = 0;
  }

  /** Garbage right after a rejected frame start is merged into that event. */
  function skip(count: number, code: SkipCode, reason = ''): void {
    if (count <= 0) return;
    if (skipCode !== null && (code === 'HJ212_GARBAGE' || code === skipCode)) {
      skipCount += count;
      return;
    }
    flushSkip();
    skipCode = code;
    skipCount = count;
    skipReason = reason;
  }

  function emit(
    data: Uint8Array,
    p: number,
    q: number,
    terminator: Terminator,
    warnings: Hj212Warning[],
  ): void {
    flushSkip();
    if (terminator === 'lf') {
      warnings.push({ code: 'HJ212_LF_ONLY', message: 'frame ends with LF instead of CR LF' });
    } else if (terminator === 'none') {
      warnings.push({ code: 'HJ212_NO_TERMINATOR', message: 'frame has no CR LF after the CRC' });
    }
    out.push({ type: 'frame', frame: copyOut(data, p, q), terminator, warnings });
  }

  /** Frame end found by delimiter, for a wrong or missing length. */
  function delimited(
    data: Uint8Array,
    p: number,
    ds: number,
    end: number,
    final: boolean,
    declared: number | null,
  ): number {
    const limit = Math.min(end, ds + maxSegment + 4 + 3);
    let lf = data.indexOf(LF, ds);
    if (lf >= limit) lf = -1;
    let hh = data.indexOf(HASH, ds);
    while (hh >= 0 && hh + 1 < limit && data[hh + 1] !== HASH) hh = data.indexOf(HASH, hh + 1);
    if (hh + 1 >= limit) hh = -1;
    let delim: number;
    let after: number;
    let terminator: Terminator;
    if (lf >= 0 && (hh < 0 || lf < hh)) {
      delim = lf;
      while (delim > ds && data[delim - 1] === CR) delim--;
      after = lf + 1;
      terminator = delim < lf ? 'crlf' : 'lf';
    } else if (hh >= 0) {
      delim = hh;
      while (delim > ds && data[delim - 1] === CR) delim--;
      after = hh;
      terminator = 'none';
    } else if (final) {
      delim = end;
      while (delim > ds && data[delim - 1] === CR) delim--;
      after = end;
      terminator = 'none';
    } else if (end - ds < maxSegment + 4 + 3) {
      return NEED_MORE;
    } else {
      skip(2, 'HJ212_BAD_LENGTH', `no frame end within ${maxSegment} bytes after "##"`);
      return p + 2;
    }
    const crcAt = delim - 4;
    // Without an explicit delimiter (stream end), also require the closing `&&` of CP.
    const explicit = lf >= 0 || hh >= 0;
    if (
      crcAt < ds ||
      readHex4(data, crcAt) < 0 ||
      (!explicit && !(crcAt - 2 >= ds && data[crcAt - 2] === AMP && data[crcAt - 1] === AMP))
    ) {
      if (!explicit) skip(2, 'HJ212_TRUNCATED', 'stream ended inside a frame');
      else skip(2, 'HJ212_BAD_LENGTH', 'declared length does not match the frame and no CRC ends it');
      return p + 2;
    }
    const segLen = crcAt - ds;
    const warnings: Hj212Warning[] = [];
    if (declared === null) {
      warnings.push({
        code: 'HJ212_NO_LENGTH_FIELD',
        message: 'no length after "##"; frame cut at its delimiter',
      });
    } else if (declared !== segLen) {
      warnings.push({
        code: 'HJ212_LENGTH_MISMATCH',
        message: `declared length ${declared} but the frame delimits a ${segLen}-byte data segment`,
      });
    }
    emit(data, p, delim, terminator, warnings);
    return after;
  }

  function tryFrame(data: Uint8Array, p: number, end: number, final: boolean): number {
    const ds0 = p + 2;
    let digits = 0;
    let declared = 0;
    while (digits < 4 && ds0 + digits < end) {
      const b = data[ds0 + digits]!;
      if (!isDigit(b)) break;
      declared = declared * 10 + (b - 0x30);
      digits++;
    }
    if (digits < 4 && ds0 + digits >= end && !final) return NEED_MORE;
    const ds = ds0 + digits;
    if (digits === 0) {
      if (ds < end && isLetter(data[ds]!)) return delimited(data, p, ds, end, final, null);
      skip(1, 'HJ212_GARBAGE');
      return p + 1;
    }
    if (declared > maxSegment) {
      skip(ds - p, 'HJ212_TOO_LARGE', `declared data segment of ${declared} bytes exceeds ${maxSegment}`);
      return ds;
    }
    const warnings: Hj212Warning[] = [];
    if (digits < 4) {
      warnings.push({
        code: 'HJ212_SHORT_LENGTH_FIELD',
        message: `length field has ${digits} digits, expected 4`,
      });
    }
    const crcAt = ds + declared;
    const e = crcAt + 4;
    if (e > end) {
      // A LF before the declared end means the length is wrong: don't wait for bytes of the next frame.
      let lf = data.indexOf(LF, Math.max(ds, p + lfScanned));
      if (lf >= end) lf = -1;
      if (lf >= 0 || final) return delimited(data, p, ds, end, final, declared);
      lfScanned = end - p;
      return NEED_MORE;
    }
    if (readHex4(data, crcAt) < 0) return delimited(data, p, ds, end, final, declared);
    // A damaged length can point exactly at the CRC of the next frame; the line end and `##` between prove it wrong.
    if (frameStartAfterLineEnd(data, ds, crcAt)) return delimited(data, p, ds, end, final, declared);
    const amps = declared >= 2 && data[crcAt - 2] === AMP && data[crcAt - 1] === AMP;
    if (!amps) {
      // No closing `&&` (relay damage): accept the declared length only if a terminator confirms it.
      if (e === end && !final) return NEED_MORE;
      if (e < end && data[e] !== CR && data[e] !== LF) return delimited(data, p, ds, end, final, declared);
    }
    // Terminator.
    let terminator: Terminator;
    let q = e;
    if (q >= end) {
      terminator = final ? 'none' : 'pending';
      swallow = !final;
    } else {
      let r = q;
      while (r < end && data[r] === CR) r++;
      if (r < end && data[r] === LF) {
        terminator = r > q ? 'crlf' : 'lf';
        q = r + 1;
      } else if (r >= end) {
        terminator = 'crlf'; // CRs so far; the LF may follow in the next chunk
        q = r;
        swallow = !final;
      } else {
        terminator = 'none';
      }
    }
    emit(data, p, e, terminator, warnings);
    return q;
  }

  /** Consumes complete frames and garbage from data[start, end); returns where unconsumed bytes begin. */
  function scan(data: Uint8Array, start: number, end: number, final: boolean): number {
    let i = start;
    while (i < end) {
      if (swallow) {
        while (i < end && data[i] === CR) i++;
        if (i >= end) break;
        if (data[i] === LF) i++;
        swallow = false;
        continue;
      }
      let h = data.indexOf(HASH, i);
      if (h >= end) h = -1;
      while (h >= 0 && h + 1 < end && data[h + 1] !== HASH) {
        h = data.indexOf(HASH, h + 2);
        if (h >= end) h = -1;
      }
      if (h < 0 || (h + 1 >= end && !final)) {
        // No `##` yet; a trailing `#` may start one.
        const keep = h >= 0 ? h : end;
        skip(keep - i, 'HJ212_GARBAGE');
        return keep;
      }
      if (h + 1 >= end) {
        skip(end - i, 'HJ212_GARBAGE');
        return end;
      }
      if (h > i) skip(h - i, 'HJ212_GARBAGE');
      const r = tryFrame(data, h, end, final);
      if (r === NEED_MORE) return h;
      lfScanned = 0;
      i = r;
    }
    return i;
  }

  function ensureCapacity(n: number): Uint8Array {
    if (buf === null || buf.length < n) {
      const grown = new Uint8Array(Math.min(maxBuffer, Math.max(n, (buf?.length ?? 0) * 2, 512)));
      if (buf !== null && len > 0) grown.set(buf.subarray(0, len));
      buf = grown;
    }
    return buf;
  }

  function keep(data: Uint8Array, from: number, to: number): void {
    let start = from;
    if (to - start > maxBuffer) {
      // Cannot happen with a valid configuration (scan always resolves a full buffer); kept as a bound.
      skip(to - start - maxBuffer, 'HJ212_BUFFER_OVERFLOW', 'buffer limit reached');
      start = to - maxBuffer;
    }
    const b = ensureCapacity(len + (to - start));
    b.set(data.subarray(start, to), len);
    len += to - start;
  }

  function compact(consumed: number): void {
    if (consumed >= len) {
      len = 0;
      if (buf !== null && buf.length > 4096) buf = null; // idle connections keep no large buffer
      return;
    }
    if (consumed > 0) {
      buf!.copyWithin(0, consumed, len);
      len -= consumed;
    }
  }

  return {
    push(chunk: Uint8Array): FrameEvent[] {
      out = [];
      if (len === 0) {
        const c = scan(chunk, 0, chunk.length, false);
        if (c < chunk.length) keep(chunk, c, chunk.length);
      } else {
        let off = 0;
        while (off < chunk.length) {
          const take = Math.min(chunk.length - off, maxBuffer - len);
          const b = ensureCapacity(len + take);
          b.set(chunk.subarray(off, off + take), len);
          len += take;
          off += take;
          let c = scan(b, 0, len, false);
          if (c === 0 && len >= maxBuffer) {
            skip(1, 'HJ212_BUFFER_OVERFLOW', 'buffer limit reached');
            c = 1;
          }
          compact(c);
        }
      }
      flushSkip();
      return out;
    },
    end(): FrameEvent[] {
      out = [];
      if (len > 0 && buf !== null) {
        const c = scan(buf, 0, len, true);
        if (c < len) skip(len - c, 'HJ212_TRUNCATED', 'stream ended inside a frame');
      }
      len = 0;
      buf = null;
      swallow = false;
      lfScanned = 0;
      flushSkip();
      return out;
    },
    get bufferedBytes(): number {
      return len;
    },
    maxBufferBytes: maxBuffer,
  };
}
