import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCrc, crc16Hj212, crc16Hj212Bitwise, crc16Modbus, crcHex } from './crc16.js';

const ascii = (s: string) => new TextEncoder().encode(s);
const APPENDIX_A =
  'QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&';

describe('crc16Hj212', () => {
  it('gives the check value 2F80 for "123456789"', () => {
    expect(crcHex(crc16Hj212(ascii('123456789')))).toBe('2F80');
  });

  it('gives FFFF for empty input and 7080 for "A"', () => {
    expect(crcHex(crc16Hj212(new Uint8Array()))).toBe('FFFF');
    expect(crcHex(crc16Hj212(ascii('A')))).toBe('7080');
  });

  it('gives 1C80 for the 101-byte data segment of Appendix A', () => {
    expect(ascii(APPENDIX_A).length).toBe(101);
    expect(crcHex(crc16Hj212(ascii(APPENDIX_A)))).toBe('1C80');
  });

  it('computes over a sub-range when given start and end', () => {
    const framed = ascii(`##0101${APPENDIX_A}1C80`);
    expect(crc16Hj212(framed, 6, 107)).toBe(0x1c80);
  });

  it('matches the bitwise algorithm of Appendix A for any input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(crc16Hj212(bytes)).toBe(crc16Hj212Bitwise(bytes));
      }),
    );
  });

  it('only ever produces a low byte of 00 01 40 41 80 81 C0 or C1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        expect([0x00, 0x01, 0x40, 0x41, 0x80, 0x81, 0xc0, 0xc1]).toContain(crc16Hj212(bytes) & 0xff);
      }),
    );
  });
});

describe('crc16Modbus and computeCrc', () => {
  it('gives the CRC-16/MODBUS check value 4B37 for "123456789"', () => {
    expect(crcHex(crc16Modbus(ascii('123456789')))).toBe('4B37');
  });

  it('writes Modbus low byte first in modbus-le mode and high byte first in modbus-be mode', () => {
    expect(crcHex(computeCrc('modbus-le', ascii('123456789')))).toBe('374B');
    expect(crcHex(computeCrc('modbus-be', ascii('123456789')))).toBe('4B37');
  });

  it('gives 0000 in mode none and the HJ 212 CRC in mode hj212', () => {
    expect(computeCrc('none', ascii('x'))).toBe(0);
    expect(computeCrc('hj212', ascii(APPENDIX_A))).toBe(0x1c80);
  });

  it('zero-pads the hex form to 4 digits', () => {
    expect(crcHex(0x880)).toBe('0880');
    expect(crcHex(0)).toBe('0000');
  });
});
