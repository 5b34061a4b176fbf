/** Byte-level helpers shared by the framer, the decoder and the encoder. @internal */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export const HASH = 0x23; // '#'
export const CR = 0x0d;
export const LF = 0x0a;
export const AMP = 0x26; // '&'

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Number of UTF-8 bytes of a string, without allocating for pure-ASCII text. */
export function utf8Length(text: string): number {
  const n = text.length;
  let bytes = n;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 2; // surrogate pair: 2 UTF-16 units → 4 bytes
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/** Decode `bytes[start, end)` as UTF-8 (invalid sequences become U+FFFD). */
export function utf8Text(bytes: Uint8Array, start: number, end: number): string {
  // Short ASCII runs are faster by hand than through TextDecoder's native call.
  if (end - start <= 16) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = bytes[i]!;
      if (c >= 0x80) return decoder.decode(bytes.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** Value of a hex digit byte, or -1. */
export function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const l = b | 0x20; // fold A-F onto a-f
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

/** The 16-bit number written as 4 hex digits at `bytes[at]`, or -1 when any of them is not hex. */
export function readHex4(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > bytes.length) return -1;
  const a = hexValue(bytes[at]!);
  const b = hexValue(bytes[at + 1]!);
  const c = hexValue(bytes[at + 2]!);
  const d = hexValue(bytes[at + 3]!);
  if ((a | b | c | d) < 0) return -1;
  return (a << 12) | (b << 8) | (c << 4) | d;
}

/** 4 upper-case hex digits, zero-padded. */
export function hex4(value: number): string {
  return (value & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}
