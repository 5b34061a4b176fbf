import { describe, expect, it } from 'vitest';
import { buildDataPacket, buildDataPackets } from './data-packet.js';
import { decodeFrame } from './decode.js';
import { buildDataSegment, encodeFrame, formatCp } from './encode.js';
import {
  buildDataResponse,
  buildExecutionResult,
  buildNotificationResponse,
  buildRequestResponse,
  replyTo,
} from './replies.js';
import {
  buildHistoryRequest,
  buildSetMinIntervalRequest,
  buildSetRtdIntervalRequest,
  buildSetTimeRequest,
} from './requests.js';

const MN = '010000A8900016F000169DC0';
const QN = '20160801085857223';
const to = { qn: QN, pw: '123456', mn: MN };
const req = { qn: QN, st: '32', pw: '123456', mn: MN };

describe('encodeFrame', () => {
  it('reproduces the Appendix A frame byte for byte', () => {
    const seg = buildSetRtdIntervalRequest({ ...req, pw: '100000' }, 30);
    expect(encodeFrame(seg)).toBe(`##0101${seg}1C80\r\n`);
  });

  it('writes the length in UTF-8 bytes and the CRC in the requested mode', () => {
    const seg = 'ST=32;CN=3020;PW=1;MN=M;CP=&&i11001-Info=//清洗管路//&&';
    expect(encodeFrame(seg).slice(0, 6)).toBe('##0059');
    expect(decodeFrame(encodeFrame(seg, 'modbus-le'), { crcMode: 'modbus-le' }).ok).toBe(true);
    expect(encodeFrame(seg, 'none').slice(-6)).toBe('0000\r\n');
  });

  it('refuses a segment over 9999 bytes', () => {
    expect(() => encodeFrame('x'.repeat(10_000))).toThrow(RangeError);
  });
});

describe('reply builders', () => {
  it('build the 9011, 9012 and 9014 replies printed in the standard', () => {
    expect(encodeFrame(buildRequestResponse(to, 1))).toBe(
      `##0094QN=${QN};ST=91;CN=9011;PW=123456;MN=${MN};Flag=4;CP=&&QnRtn=1&&1B00\r\n`,
    );
    expect(encodeFrame(buildExecutionResult(to, 1))).toBe(
      `##0095QN=${QN};ST=91;CN=9012;PW=123456;MN=${MN};Flag=4;CP=&&ExeRtn=1&&6240\r\n`,
    );
    expect(encodeFrame(buildDataResponse(to))).toBe(
      `##0087QN=${QN};ST=91;CN=9014;PW=123456;MN=${MN};Flag=4;CP=&&&&3240\r\n`,
    );
    expect(buildNotificationResponse(to)).toBe(`QN=${QN};ST=91;CN=9013;PW=123456;MN=${MN};Flag=4;CP=&&&&`);
  });

  it('answer each split part on its own QN, as in C.50', () => {
    const part = decodeFrame(
      `##0201QN=20160801085857535;ST=32;CN=2061;PW=123456;MN=${MN};Flag=7;PNUM=2;PNO=2;CP=&&DataTime=20160801080000;w01018-Cou=63.0,w01018-Min=40.1,w01018-Avg=40.1,w01018-Max=40.1,w01018-Flag=N&&E2C1`,
    );
    if (!part.ok) throw new Error(part.error.message);
    expect(encodeFrame(buildDataResponse(replyTo(part.packet)))).toBe(
      `##0087QN=20160801085857535;ST=91;CN=9014;PW=123456;MN=${MN};Flag=4;CP=&&&&4A40\r\n`,
    );
  });

  it('keep the version bits of the device: Flag=0 for 2005 devices (and no QN) and Flag=8 for 2025', () => {
    const old = decodeFrame(
      '##0139ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817000;B01-Rtd=36.91;011-Rtd=231.0;011-Flag=N;060-Rtd=1.803;060-Flag=N&&e981',
    );
    if (!old.ok) throw new Error(old.error.message);
    expect(buildDataResponse(replyTo(old.packet))).toBe(
      'ST=91;CN=9014;PW=123456;MN=LD130133000015;Flag=0;CP=&&&&',
    );
    expect(buildDataResponse({ ...to, versionBits: 2 })).toContain(';Flag=8;');
  });
});

describe('request builders', () => {
  it('build 1012, 1064 and the history request of C.20', () => {
    expect(buildSetTimeRequest(req, Date.UTC(2016, 7, 1, 0, 58, 57))).toBe(
      `QN=${QN};ST=32;CN=1012;PW=123456;MN=${MN};Flag=5;CP=&&SystemTime=20160801085857&&`,
    );
    expect(buildSetTimeRequest(req, '20160801085857', 'w01018')).toContain(
      'CP=&&PolId=w01018;SystemTime=20160801085857&&',
    );
    expect(buildSetMinIntervalRequest(req, 10)).toContain('CN=1064;');
    expect(buildSetMinIntervalRequest(req, 10)).toContain('CP=&&MinInterval=10&&');
    expect(encodeFrame(buildHistoryRequest(req, '2051', '20160801084000', '20160801084000'))).toBe(
      `##0134QN=${QN};ST=32;CN=2051;PW=123456;MN=${MN};Flag=5;CP=&&BeginTime=20160801084000;EndTime=20160801084000&&56C0\r\n`,
    );
    expect(buildHistoryRequest(req, '2061', 0, 3_600_000)).toContain(
      'BeginTime=19700101080000;EndTime=19700101090000',
    );
  });

  it('refuse intervals the standard does not allow', () => {
    expect(() => buildSetRtdIntervalRequest(req, 29)).toThrow(RangeError);
    expect(() => buildSetMinIntervalRequest(req, 7)).toThrow(RangeError);
  });
});

describe('buildDataPacket', () => {
  it('writes the 2051 upload of C.16 exactly', () => {
    const seg = buildDataPacket({
      st: '32',
      cn: '2051',
      mn: MN,
      pw: '123456',
      qn: '20160801085000001',
      flag: 5,
      dataTime: '20160801084000',
      factors: {
        w00000: { cou: '10.5', min: 16.4, avg: 17.5, max: 20.1, flag: 'N' },
        w01001: { min: 7.1, avg: 7.5, max: 7.8, flag: 'N' },
        w01018: { cou: '10.5', min: 40.1, avg: 40.1, max: 40.1, flag: 'N' },
      },
    });
    expect(encodeFrame(seg)).toBe(
      `##0325QN=20160801085000001;ST=32;CN=2051;PW=123456;MN=${MN};Flag=5;CP=&&DataTime=20160801084000;w00000-Cou=10.5,w00000-Min=16.4,w00000-Avg=17.5,w00000-Max=20.1,w00000-Flag=N;w01001-Min=7.1,w01001-Avg=7.5,w01001-Max=7.8,w01001-Flag=N;w01018-Cou=10.5,w01018-Min=40.1,w01018-Avg=40.1,w01018-Max=40.1,w01018-Flag=N&&6180\r\n`,
    );
  });

  it('round-trips through encodeFrame and decodeFrame, including extra items and fields', () => {
    const input = {
      st: '31',
      cn: '2011',
      mn: 'MN-1',
      pw: 'pw',
      dataTime: '20240501081000',
      fields: { PolId: 'a21026' },
      factors: { a21026: { rtd: 12.3, zsRtd: 14.1, flag: 'N', eFlag: 'A01', extra: { ValidNum: 10 } } },
    };
    const r = decodeFrame(encodeFrame(buildDataPacket(input)));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.packet).toMatchObject({ qn: null, flag: 4, st: '31', cn: '2011', mn: 'MN-1', pw: 'pw' });
    expect(r.packet.records[0]!.fields).toEqual({ PolId: 'a21026' });
    expect(r.packet.records[0]!.factors.a21026).toEqual({
      rtd: 12.3,
      zsRtd: 14.1,
      flag: 'N',
      eFlag: 'A01',
      extra: { ValidNum: '10' },
    });
  });

  it('refuses values that would break the syntax', () => {
    const base = { st: '31', cn: '2011', mn: 'M', pw: 'p', dataTime: '20240101000000' };
    expect(() => buildDataPacket({ ...base, factors: { a: { flag: 'N;x' } } })).toThrow(RangeError);
    expect(() => buildDataPacket({ ...base, factors: { a: { rtd: Number.NaN } } })).toThrow(RangeError);
    expect(() => buildDataSegment({ cn: '2011', mn: 'a&&b' }, '')).toThrow(RangeError);
    expect(formatCp([[['i11001-Info', '//a;b//']]])).toBe('i11001-Info=//a;b//');
  });

  it('splits a large upload into parts that each fit, repeat DataTime and carry their own QN', () => {
    const factors = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `a${20000 + i}`,
        { min: 1.25, avg: 2.5, max: 3.75, cou: 100.5, flag: 'N' },
      ]),
    );
    const input = {
      st: '31',
      cn: '2061',
      mn: MN,
      pw: '123456',
      qn: '20240101010000999',
      flag: 5,
      dataTime: '20240101000000',
      factors,
    };
    const parts = buildDataPackets(input, { maxSegmentBytes: 400 });
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((seg, k) => {
      const r = decodeFrame(encodeFrame(seg));
      if (!r.ok) throw new Error(r.error.message);
      expect(r.packet.segmentBytes).toBeLessThanOrEqual(400);
      expect(r.packet).toMatchObject({ flag: 7, split: true, pnum: parts.length, pno: k + 1 });
      expect(r.packet.cp.DataTime).toBe('20240101000000');
      expect(r.packet.qn).toBe(String(20240101010000999n + BigInt(k)));
    });
    const small = { ...input, factors: { a21026: { avg: 1, flag: 'N' } } };
    expect(buildDataPackets(small)).toEqual([buildDataPacket(small)]);
  });
});
