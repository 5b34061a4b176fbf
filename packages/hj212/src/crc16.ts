import { hex4 } from './bytes.js';

/**
 * How the 4 hex digits after the data segment are checked:
 * - `hj212`: HJ 212-2017 Appendix A (the default; check value of `123456789` is `2F80`);
 * - `modbus-le`: CRC-16/MODBUS printed low byte first (seen from some DAUs);
 * - `modbus-be`: CRC-16/MODBUS printed high byte first;
 * - `none`: not checked (lab mode; the decoder adds a warning).
 */
export type CrcMode = 'hj212' | 'modbus-le' | 'modbus-be' | 'none';

/** The reflected 0xA001 table shared by HJ 212 and CRC-16/MODBUS: T[1] = 0xC0C1 … T[255] = 0x4040. */
const TABLE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i;
    for (let k = 0; k < 8; k++) r = r & 1 ? (r >>> 1) ^ 0xa001 : r >>> 1;
    t[i] = r;
  }
  return t;
})();

/**
 * High bytes of TABLE. In the HJ 212 update `reg = T[(reg >> 8) ^ b]` only the high byte of the register
 * feeds the next step, so the loop can carry an 8-bit state `h = H[h ^ b]` and expand it once at the end.
 */
const HIGH: Uint8Array = (() => {
  const h = new Uint8Array(256);
  for (let i = 0; i < 256; i++) h[i] = TABLE[i]! >>> 8;
  return h;
})();

/**
 * HJ 212-2017 CRC16 (Appendix A) of `bytes[start, end)`: `reg = T[(reg >> 8) ^ b]`, starting at 0xFFFF.
 * Not a catalogued CRC-16: the low byte of the register is discarded at every step.
 *
 * @example
 * crc16Hj212(new TextEncoder().encode('123456789')).toString(16); // '2f80'
 */
export function crc16Hj212(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (end <= start) return 0xffff;
  const hi = HIGH;
  let h = 0xff;
  let i = start;
  const last = end - 1;
  for (const stop = last - 3; i < stop; i += 4) {
    h = hi[h ^ bytes[i]!]!;
    h = hi[h ^ bytes[i + 1]!]!;
    h = hi[h ^ bytes[i + 2]!]!;
    h = hi[h ^ bytes[i + 3]!]!;
  }
  for (; i < last; i++) h = hi[h ^ bytes[i]!]!;
  return TABLE[h ^ bytes[last]!]!;
}

/**
 * CRC-16/MODBUS of `bytes[start, end)` (check value of `123456789` is `4B37`), as a number whose high
 * byte is the CRC's high byte.
 *
 * @example
 * crc16Modbus(new TextEncoder().encode('123456789')).toString(16); // '4b37'
 */
export function crc16Modbus(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const t = TABLE;
  let reg = 0xffff;
  for (let i = start; i < end; i++) reg = (reg >>> 8) ^ t[(reg ^ bytes[i]!) & 0xff]!;
  return reg;
}

/**
 * The HJ 212 CRC computed bit by bit, exactly as Appendix A prints it. Slow; kept as the reference the
 * table version is tested against, and as the benchmark's naive baseline.
 *
 * @example
 * crc16Hj212Bitwise(new TextEncoder().encode('A')); // 0x7080
 */
export function crc16Hj212Bitwise(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let reg = 0xffff;
  for (let i = start; i < end; i++) {
    reg = (reg >>> 8) ^ bytes[i]!;
    for (let k = 0; k < 8; k++) {
      const lsb = reg & 1;
      reg >>>= 1;
      if (lsb) reg ^= 0xa001;
    }
  }
  return reg;
}

/**
 * The 16-bit value a sender using `mode` writes (as 4 hex digits) after `bytes[start, end)`.
 * For `none` this is 0 (`0000`).
 *
 * @example
 * crcHex(computeCrc('hj212', new TextEncoder().encode('123456789'))); // '2F80'
 */
export function computeCrc(mode: CrcMode, bytes: Uint8Array, start = 0, end = bytes.length): number {
  switch (mode) {
    case 'hj212':
      return crc16Hj212(bytes, start, end);
    case 'modbus-be':
      return crc16Modbus(bytes, start, end);
    case 'modbus-le': {
      const c = crc16Modbus(bytes, start, end);
      return ((c & 0xff) << 8) | (c >>> 8);
    }
    case 'none':
      return 0;
  }
}

/**
 * Formats a CRC value as the standard writes it: 4 upper-case hex digits, high byte first, zero-padded.
 *
 * @example
 * crcHex(0x880); // '0880'
 */
export function crcHex(value: number): string {
  return hex4(value);
}

/** 1 for the bytes that delimit data-segment items: `;`, `,` and `=`. @internal */
const SEPARATOR_BYTE: Uint8Array = (() => {
  const t = new Uint8Array(256);
  t[0x3b] = 1;
  t[0x2c] = 1;
  t[0x3d] = 1;
  return t;
})();

/**
 * HJ 212 CRC of `bytes[start, end)` that also writes the positions of `;`, `,` and `=` to `positions`
 * (which must hold `end - start` entries). The CRC loop waits on its table lookups, so the branch-free
 * position recording runs in otherwise idle slots. Returns `count * 65536 + crc`. @internal
 */
export function crc16Hj212Scan(bytes: Uint8Array, start: number, end: number, positions: Int32Array): number {
  if (end <= start) return 0xffff;
  const hi = HIGH;
  const sep = SEPARATOR_BYTE;
  let h = 0xff;
  let np = 0;
  let i = start;
  const last = end - 1;
  for (; i < last; i++) {
    const c = bytes[i]!;
    h = hi[h ^ c]!;
    positions[np] = i;
    np += sep[c]!;
  }
  const c = bytes[last]!;
  positions[np] = last;
  np += sep[c]!;
  return np * 65536 + TABLE[h ^ c]!;
}
