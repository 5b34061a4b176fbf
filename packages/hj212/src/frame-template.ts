import { utf8Bytes } from './bytes.js';
import { type CrcMode, computeCrc, crcHex } from './crc16.js';
import { formatDataTime } from './data-time.js';

const QN_DIGITS = 17;
const DATA_TIME_DIGITS = 14;

/** Byte offset of the `digits`-digit value after `key=` in `frame` (first occurrence), or -1 when there is none. */
function valueOffset(frame: string, key: string, digits: number): number {
  const at = frame.indexOf(`${key}=`);
  if (at < 0) return -1;
  const valueAt = at + key.length + 1;
  if (!new RegExp(`^\\d{${digits}}(?!\\d)`).test(frame.slice(valueAt))) return -1;
  return utf8Bytes(frame.slice(0, valueAt)).length;
}

function writeAscii(out: Uint8Array, text: string, at: number): void {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
}

/**
 * A complete frame whose QN and DataTime are rewritten for each send, with the CRC recomputed: a load generator
 * repeats recorded values at a fraction of the cost of building every packet. The frame must carry a 17-digit
 * QN and a 14-digit DataTime (both keep their width, so the length field stays right).
 *
 * @example
 * const t = new FrameTemplate(encodeFrame(buildDataPacket({ …, qn: '20260101000000000', dataTime: 0 })));
 * socket.write(t.render('20260101080000123', Date.UTC(2026, 0, 1)));
 */
export class FrameTemplate {
  private readonly bytes: Uint8Array;
  private readonly qnAt: number;
  private readonly dataTimeAt: number;
  private readonly crcAt: number;

  constructor(
    frame: string,
    private readonly crcMode: CrcMode = 'hj212',
  ) {
    this.bytes = utf8Bytes(frame);
    // `##`, 4 length digits, the segment, 4 CRC digits, CRLF.
    this.crcAt = this.bytes.length - 6;
    if (!frame.startsWith('##') || !frame.endsWith('\r\n') || this.crcAt < 6) {
      throw new RangeError('template: not a complete frame (## … CRC \\r\\n)');
    }
    this.qnAt = valueOffset(frame, 'QN', QN_DIGITS);
    if (this.qnAt < 0) throw new RangeError('template: the frame needs a 17-digit QN');
    this.dataTimeAt = valueOffset(frame, 'DataTime', DATA_TIME_DIGITS);
    if (this.dataTimeAt < 0) throw new RangeError('template: the frame needs a 14-digit DataTime');
  }

  /** The frame with `qn` (17 digits) and the data time (epoch ms, written as Beijing time); a new buffer. */
  render(qn: string, dataTimeMs: number): Uint8Array {
    if (!/^\d{17}$/.test(qn)) throw new RangeError(`template: QN must be 17 digits, got "${qn}"`);
    const out = this.bytes.slice();
    writeAscii(out, qn, this.qnAt);
    writeAscii(out, formatDataTime(dataTimeMs), this.dataTimeAt);
    writeAscii(out, crcHex(computeCrc(this.crcMode, out, 6, this.crcAt)), this.crcAt);
    return out;
  }
}
