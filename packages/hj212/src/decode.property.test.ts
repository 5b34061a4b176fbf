import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataPacket, type FactorInput } from './data-packet.js';
import { decodeFrame, decodePacket } from './decode.js';
import { toDecodeJson } from './decode-json.js';
import { decodeStream } from './decode-stream.js';
import { encodeFrame } from './encode.js';

const CRC_MODES = ['hj212', 'modbus-le', 'modbus-be', 'none'] as const;

describe('decoder properties', () => {
  it('never throws on random bytes, in any CRC mode, and always returns ok or an error code', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(...CRC_MODES), (bytes, crcMode) => {
        for (const r of [
          decodeFrame(bytes, { crcMode }),
          decodePacket(bytes),
          ...decodeStream(bytes, { crcMode }),
        ]) {
          if (!r.ok) expect(r.error.code).toMatch(/^HJ212_/);
          expect(() => JSON.stringify(toDecodeJson(r))).not.toThrow();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random text shaped like a packet', () => {
    const token = fc.constantFrom(
      '##',
      '0101',
      'QN=',
      'ST=',
      'CN=',
      'Flag=',
      'PNUM=',
      'PNO=',
      'CP=&&',
      '&&',
      ';',
      ',',
      '=',
      '-Rtd',
      'DataTime=',
      '//',
      '1C80',
      '\r\n',
      'a21026',
      '20240101000000',
      '9',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string({ maxLength: 4 })), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        decodeFrame(text);
        decodeFrame(text, { crcMode: 'none' });
        decodePacket(text);
        decodeStream(text);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes what buildDataPacket and encodeFrame wrote back to the same values', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0));
    const factor: fc.Arbitrary<FactorInput> = fc.record(
      {
        rtd: finite,
        avg: finite,
        min: finite,
        max: finite,
        cou: finite,
        zsAvg: finite,
        flag: fc.constantFrom('N', 'F', 'M', 'S', 'D', 'C', 'T', 'B'),
        sampleTime: fc.constant('20240101000000'),
      },
      { requiredKeys: [] },
    );
    const codes = fc.uniqueArray(fc.stringMatching(/^[aw][0-9]{5}$/), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(
        codes,
        fc.array(factor, { minLength: 10, maxLength: 10 }),
        fc.constantFrom(...CRC_MODES),
        (cs, fs, crcMode) => {
          const factors = Object.fromEntries(cs.map((c, i) => [c, fs[i]!]));
          const input = {
            st: '31',
            cn: '2051',
            mn: '88888880000001',
            pw: '123456',
            qn: '20240101001000123',
            flag: 5,
            dataTime: '20240101001000',
            factors,
          };
          const r = decodeFrame(encodeFrame(buildDataPacket(input), crcMode), { crcMode });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.packet).toMatchObject({
            st: '31',
            cn: '2051',
            mn: input.mn,
            pw: input.pw,
            qn: input.qn,
            flag: 5,
          });
          const rec = r.packet.records[0]!;
          expect(rec.dataTime).toBe('20240101001000');
          for (const [code, f] of Object.entries(factors)) {
            const { extra, ...values } = rec.factors[code] ?? { extra: {} };
            expect(values).toEqual(f);
            expect(extra).toEqual({});
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
