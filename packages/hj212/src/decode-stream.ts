import type { CrcMode } from './crc16.js';
import { type DecodeResult, decodeFrame } from './decode.js';
import type { Hj212Warning } from './errors.js';
import { createFramer } from './framer.js';

/** Options of {@link decodeStream}. */
export interface DecodeStreamOptions {
  crcMode?: CrcMode;
  /** Largest data segment accepted (default 9999). */
  maxSegmentBytes?: number;
  /** Report skipped bytes (garbage, truncated frames) as `{ ok: false }` results (default true). */
  includeSkipped?: boolean;
}

function mergeWarnings(decoder: Hj212Warning[], framer: Hj212Warning[]): void {
  for (const w of framer) {
    if (!decoder.some((d) => d.code === w.code)) decoder.push(w);
  }
}

/**
 * Frames and decodes a whole byte buffer (what `ecep hj212 decode` reads from stdin): one result per frame,
 * plus one `{ ok: false }` result per run of skipped bytes. Never throws.
 *
 * @example
 * const results = decodeStream(new TextEncoder().encode(
 *   '##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&3240\r\n',
 * ));
 * results.length; // 1
 */
export function decodeStream(bytes: Uint8Array | string, options: DecodeStreamOptions = {}): DecodeResult[] {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const maxSegmentBytes = options.maxSegmentBytes ?? 9999;
  const framer = createFramer({ maxSegmentBytes });
  const events = framer.push(data);
  for (const ev of framer.end()) events.push(ev);
  const decodeOptions = { crcMode: options.crcMode ?? 'hj212', maxSegmentBytes };
  const results: DecodeResult[] = [];
  for (let k = 0; k < events.length; k++) {
    const ev = events[k]!;
    if (ev.type === 'skipped') {
      if (options.includeSkipped !== false) {
        results.push({ ok: false, error: { code: ev.code, message: ev.message } });
      }
      continue;
    }
    const frameWarnings =
      ev.terminator === 'pending' && k === events.length - 1
        ? [
            ...ev.warnings,
            { code: 'HJ212_NO_TERMINATOR', message: 'frame has no CR LF after the CRC' } as const,
          ]
        : ev.warnings;
    const r = decodeFrame(ev.frame, decodeOptions);
    if (r.ok) mergeWarnings(r.warnings, frameWarnings);
    results.push(r);
  }
  return results;
}
