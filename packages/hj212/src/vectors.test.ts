import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crc16Hj212, crcHex } from './crc16.js';
import { decodeFrame } from './decode.js';
import { decodeStream } from './decode-stream.js';

interface Vector {
  id: string;
  packet: string;
  terminator: string;
  computed: {
    declared_len_field: string;
    len_field_is_4_digits: boolean;
    actual_len_utf8_bytes: number;
    len_ok: boolean;
    crc_declared: string;
    crc_computed_hj212: string;
    crc_ok: boolean;
    alt_crc_match: string | null;
    over_1024: boolean;
  };
  decoded_reference: {
    header: Record<string, string>;
    flag_bits?: { A_ack_required: number; D_has_PNUM_PNO: number; version_V5_V0: number };
    cp_groups: [string, string | null][][];
  };
}

const vectors: Vector[] = JSON.parse(
  readFileSync(new URL('../../../../shared/reference/hj212-vectors.json', import.meta.url), 'utf8'),
).vectors;

function frameOf(v: Vector): string {
  if (v.terminator.startsWith('\r\n')) return `${v.packet}\r\n`;
  if (v.terminator === '\n') return `${v.packet}\n`;
  return v.packet;
}

function expectedCp(v: Vector): Record<string, string | string[]> {
  const cp: Record<string, string | string[]> = {};
  for (const group of v.decoded_reference.cp_groups) {
    for (const [rawKey, rawValue] of group) {
      if (rawValue === null) continue;
      const key = rawKey.trim();
      const value = rawValue.trim();
      const prev = cp[key];
      if (prev === undefined) cp[key] = value;
      else if (typeof prev === 'string') cp[key] = [prev, value];
      else prev.push(value);
    }
  }
  return cp;
}

const isModbus = (v: Vector) => (v.computed.alt_crc_match ?? '').includes('MODBUS');

describe('hj212-vectors.json', () => {
  it('holds the vectors this suite expects', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(49);
  });

  describe.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    it('has the HJ 212 CRC the vector computed', () => {
      const bytes = new TextEncoder().encode(v.packet);
      const start = 2 + v.computed.declared_len_field.length;
      const end = bytes.length - 4;
      expect(end - start).toBe(v.computed.actual_len_utf8_bytes);
      expect(crcHex(crc16Hj212(bytes, start, end))).toBe(v.computed.crc_computed_hj212);
    });

    if (v.computed.crc_ok) {
      it('decodes with the header, flag bits and CP items of the reference reading', () => {
        const r = decodeFrame(frameOf(v));
        expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
        if (!r.ok) return;
        const p = r.packet;
        const h = v.decoded_reference.header;
        expect(p.qn).toBe(h.QN ?? null);
        expect(p.st).toBe(h.ST ?? null);
        expect(p.cn).toBe(h.CN);
        expect(p.pw).toBe(h.PW ?? null);
        expect(p.mn).toBe(h.MN ?? null);
        expect(p.flag).toBe(h.Flag === undefined ? null : Number(h.Flag));
        expect(p.pnum).toBe(h.PNUM === undefined ? null : Number(h.PNUM));
        expect(p.pno).toBe(h.PNO === undefined ? null : Number(h.PNO));
        const bits = v.decoded_reference.flag_bits;
        if (bits) {
          expect(p.ackRequired).toBe(bits.A_ack_required === 1);
          expect(p.split).toBe(bits.D_has_PNUM_PNO === 1);
          expect(p.versionBits).toBe(bits.version_V5_V0);
        } else {
          expect(p.version).toBe('2005');
        }
        expect(p.cp).toEqual(expectedCp(v));
        expect(p.crc).toBe(v.computed.crc_declared.toUpperCase());
        expect(p.segmentBytes).toBe(v.computed.actual_len_utf8_bytes);
        const codes = r.warnings.map((w) => w.code);
        expect(codes.includes('HJ212_OVER_1024')).toBe(v.computed.over_1024);
        expect(codes.includes('HJ212_SHORT_LENGTH_FIELD')).toBe(!v.computed.len_field_is_4_digits);
        expect(codes.includes('HJ212_LENGTH_MISMATCH')).toBe(!v.computed.len_ok);
      });
    } else if (isModbus(v)) {
      it('fails with HJ212_BAD_CRC in hj212 mode and decodes in modbus-le mode', () => {
        const strict = decodeFrame(frameOf(v));
        expect(strict.ok ? 'ok' : strict.error.code).toBe('HJ212_BAD_CRC');
        const r = decodeFrame(frameOf(v), { crcMode: 'modbus-le' });
        expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
        if (!r.ok) return;
        expect(r.packet.cp).toEqual(expectedCp(v));
        expect(r.warnings.map((w) => w.code).includes('HJ212_OVER_1024')).toBe(v.computed.over_1024);
      });
    } else {
      it('fails with HJ212_BAD_CRC', () => {
        const r = decodeFrame(frameOf(v));
        expect(r.ok ? 'ok' : r.error.code).toBe('HJ212_BAD_CRC');
      });
    }

    it('gives the same outcome when framed from a byte stream', () => {
      const direct = decodeFrame(frameOf(v), { crcMode: isModbus(v) ? 'modbus-le' : 'hj212' });
      const streamed = decodeStream(new TextEncoder().encode(frameOf(v)), {
        crcMode: isModbus(v) ? 'modbus-le' : 'hj212',
      });
      expect(streamed).toHaveLength(1);
      const s = streamed[0]!;
      expect(s.ok).toBe(direct.ok);
      if (s.ok && direct.ok) expect(s.packet).toEqual(direct.packet);
      if (!s.ok && !direct.ok) expect(s.error.code).toBe(direct.error.code);
    });
  });
});
