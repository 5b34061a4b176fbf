import { describe, expect, it } from 'vitest';
import { decodeFrame, decodePacket } from './decode.js';
import { encodeFrame } from './encode.js';

const MN = '010000A8900016F000169DC0';

function ok(segment: string) {
  const r = decodePacket(segment);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

describe('decodePacket header', () => {
  it('reads header fields in any order', () => {
    const { packet } = ok(`MN=${MN};CN=2011;Flag=5;PW=123456;ST=32;QN=20160801085857223;CP=&&&&`);
    expect(packet).toMatchObject({
      qn: '20160801085857223',
      st: '32',
      cn: '2011',
      pw: '123456',
      mn: MN,
      flag: 5,
    });
  });

  it('accepts a comma after QN and a missing ";" before CP, as printed in the standard', () => {
    const { packet } = ok(`QN=20160801085857534,ST=32;CN=2041;PW=123456;MN=${MN};Flag=5CP=&&SB1-RT=1.1&&`);
    expect(packet.st).toBe('32');
    expect(packet.flag).toBe(5);
    expect(packet.records[0]?.factors.SB1?.extra).toEqual({ RT: '1.1' });
  });

  it('decodes the Flag bits: version, A (ack) and D (split)', () => {
    const p7 = ok(`ST=32;CN=2061;PW=1;MN=M;Flag=7;PNUM=2;PNO=1;CP=&&&&`).packet;
    expect(p7).toMatchObject({
      version: '2017',
      versionBits: 1,
      ackRequired: true,
      split: true,
      pnum: 2,
      pno: 1,
    });
    const p8 = ok('ST=32;CN=9015;PW=1;MN=M;Flag=8;CP=&&&&').packet;
    expect(p8).toMatchObject({ version: '2025', ackRequired: false, split: false });
    const p2005 = ok('ST=32;CN=2011;PW=1;MN=M;CP=&&&&').packet;
    expect(p2005).toMatchObject({ version: '2005', flag: null, versionBits: 0 });
    expect(ok('ST=32;CN=2011;PW=1;MN=M;Flag=252;CP=&&&&').packet.version).toBe('unknown');
  });

  it('keeps unknown header fields', () => {
    expect(ok('ST=32;CN=2011;PW=1;MN=M;Vendor=x;CP=&&&&').packet.header.Vendor).toBe('x');
  });

  it('warns when PNUM/PNO come without Flag bit D, and still treats the packet as split', () => {
    const r = ok('ST=31;CN=2051;PW=1;MN=M;PNO=0002;PNUM=0002;CP=&&&&');
    expect(r.packet).toMatchObject({ split: true, pnum: 2, pno: 2 });
    expect(r.warnings.map((w) => w.code)).toContain('HJ212_SPLIT_WITHOUT_FLAG');
  });

  it('rejects a packet without CN, without CP, with a bad Flag or with PNO beyond PNUM', () => {
    const code = (s: string) => {
      const r = decodePacket(s);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('ST=32;PW=1;MN=M;CP=&&&&')).toBe('HJ212_BAD_FIELD');
    expect(code('ST=32;CN=2011;PW=1;MN=M')).toBe('HJ212_BAD_FIELD');
    expect(code('ST=32;CN=2011;Flag=x;CP=&&&&')).toBe('HJ212_BAD_FIELD');
    expect(code('ST=32;CN=2011;Flag=256;CP=&&&&')).toBe('HJ212_BAD_FIELD');
    expect(code('ST=32;CN=2011;Flag=7;PNUM=2;PNO=3;CP=&&&&')).toBe('HJ212_BAD_FIELD');
    expect(code('ST=32;CN=2011;Flag=7;PNUM=2;CP=&&&&')).toBe('HJ212_BAD_FIELD');
  });
});

describe('decodePacket CP', () => {
  it('structures a 2051 packet into one record with factors, numbers parsed as float64', () => {
    const { packet } = ok(
      `QN=1;ST=32;CN=2051;PW=1;MN=M;Flag=5;CP=&&DataTime=20160801084000;w00000-Cou=10.5,w00000-Min=16.4,w00000-Avg=17.5,w00000-Max=20.1,w00000-Flag=N;w01018-Avg=40.1,w01018-ZsAvg=41.2,w01018-EFlag=A01,w01018-SampleTime=20160801070000&&`,
    );
    expect(packet.records).toHaveLength(1);
    const rec = packet.records[0]!;
    expect(rec.dataTime).toBe('20160801084000');
    expect(rec.dataTimeIso).toBe('2016-08-01T00:40:00.000Z');
    expect(rec.dataTimeMs).toBe(Date.UTC(2016, 7, 1, 0, 40));
    expect(rec.factors.w00000).toEqual({ cou: 10.5, min: 16.4, avg: 17.5, max: 20.1, flag: 'N', extra: {} });
    expect(rec.factors.w01018).toEqual({
      avg: 40.1,
      zsAvg: 41.2,
      eFlag: 'A01',
      sampleTime: '20160801070000',
      extra: {},
    });
  });

  it('groups items by factor code, not by ";" group', () => {
    const { packet } = ok(
      'ST=32;CN=2011;PW=1;MN=M;CP=&&DataTime=20160824003817000;011-Rtd=231.0;011-Flag=N&&',
    );
    expect(packet.records[0]?.factors['011']).toEqual({ rtd: 231, flag: 'N', extra: {} });
  });

  it('keeps non-standard suffixes and non-numeric values in extra', () => {
    const r = ok(
      'ST=31;CN=2051;PW=1;MN=M;CP=&&DataTime=20230327090000;a01006-Avg=101.85,a01006-ValidNum=10,a01013-SampleTime=,a01014-Rtd=n/a&&',
    );
    const f = r.packet.records[0]!.factors;
    expect(f.a01006).toEqual({ avg: 101.85, extra: { ValidNum: '10' } });
    expect(f.a01013).toEqual({ sampleTime: '', extra: {} });
    expect(f.a01014).toEqual({ extra: { Rtd: 'n/a' } });
    expect(r.warnings.map((w) => w.code)).toContain('HJ212_BAD_NUMBER');
  });

  it('keeps keys without a factor prefix as record fields', () => {
    const { packet } = ok(
      'ST=32;CN=3020;PW=1;MN=M;CP=&&DataTime=20100301145000;PolId=w01018;FANSTATUS=1;Flag=N&&',
    );
    expect(packet.records[0]?.fields).toEqual({ PolId: 'w01018', FANSTATUS: '1', Flag: 'N' });
  });

  it('reads Info text up to the closing // even when it contains separators', () => {
    const { packet } = ok(
      'ST=32;CN=3020;PW=1;MN=M;CP=&&DataTime=20100301145000;i11001-Info=//a;b,c=d//;i12001-Info=1&&',
    );
    expect(packet.cp['i11001-Info']).toBe('//a;b,c=d//');
    expect(packet.records[0]?.factors.i11001?.extra.Info).toBe('//a;b,c=d//');
    expect(packet.records[0]?.factors.i12001?.extra.Info).toBe('1');
  });

  it('trims spaces around keys and values and skips blank items', () => {
    const { packet, warnings } = ok(
      'ST=23;CN=2011;PW=1;MN=M;CP=&& DataTime=20160801085857; LA-Rtd=50.1;i12003-Info =0;;&&',
    );
    expect(packet.cp).toEqual({ DataTime: '20160801085857', 'LA-Rtd': '50.1', 'i12003-Info': '0' });
    expect(warnings).toEqual([]);
  });

  it('turns a repeated CP key into an array of values', () => {
    const { packet } = ok('ST=22;CN=2011;PW=1;MN=M;CP=&&a21-Rtd=0.00;a21-Rtd=0.01&&');
    expect(packet.cp['a21-Rtd']).toEqual(['0.00', '0.01']);
  });

  it('splits records when the CP carries several DataTimes', () => {
    const { packet } = ok(
      'ST=32;CN=2051;PW=1;MN=M;CP=&&DataTime=20240101000000;w01018-Avg=1;DataTime=20240101001000;w01018-Avg=2&&',
    );
    expect(packet.records.map((r) => [r.dataTime, r.factors.w01018?.avg])).toEqual([
      ['20240101000000', 1],
      ['20240101001000', 2],
    ]);
  });

  it('gives no records for an empty CP and warns about an unterminated CP', () => {
    expect(ok('ST=91;CN=9014;PW=1;MN=M;Flag=4;CP=&&&&').packet.records).toEqual([]);
    const r = ok('ST=32;CN=2011;PW=1;MN=M;CP=&&DataTime=20240101000000');
    expect(r.warnings.map((w) => w.code)).toContain('HJ212_CP_UNTERMINATED');
    expect(r.packet.cp.DataTime).toBe('20240101000000');
  });

  it('warns about an invalid DataTime and keeps it as written', () => {
    const r = ok('ST=32;CN=2011;PW=1;MN=M;CP=&&DataTime=20241399000000&&');
    expect(r.packet.records[0]).toMatchObject({
      dataTime: '20241399000000',
      dataTimeIso: null,
      dataTimeMs: null,
    });
    expect(r.warnings.map((w) => w.code)).toContain('HJ212_BAD_DATATIME');
  });

  it('keeps unknown factor codes', () => {
    const { packet } = ok(
      'ST=22;CN=2011;PW=1;MN=M;CP=&&DataTime=20191012133710;a2106-Rtd=0.036;ele01-Rtd=1&&',
    );
    expect(Object.keys(packet.records[0]!.factors)).toEqual(['a2106', 'ele01']);
  });

  it('is not confused by a __proto__ key', () => {
    const { packet } = ok('ST=22;CN=2011;PW=1;MN=M;CP=&&__proto__=1;__proto__-Rtd=2&&');
    const proto = ['__', 'proto', '__'].join('');
    expect(packet.cp[proto]).toBe('1');
    expect(packet.records[0]?.factors[proto]?.rtd).toBe(2);
    expect(({} as Record<string, unknown>).rtd).toBeUndefined();
  });
});

describe('decodeFrame', () => {
  const seg = `QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=${MN};Flag=5;CP=&&RtdInterval=30&&`;

  it('decodes the Appendix A frame from bytes and from a string', () => {
    const frame = `##0101${seg}1C80\r\n`;
    const a = decodeFrame(frame);
    const b = decodeFrame(new TextEncoder().encode(frame));
    expect(a.ok && a.packet.cp.RtdInterval).toBe('30');
    expect(b).toEqual(a);
  });

  it('accepts a lower-case CRC', () => {
    expect(decodeFrame(`##0101${seg}1c80`).ok).toBe(true);
  });

  it('fails with HJ212_BAD_HEADER without "##"', () => {
    const r = decodeFrame(`0101${seg}1C80`);
    expect(r.ok ? 'ok' : r.error.code).toBe('HJ212_BAD_HEADER');
  });

  it('fails with HJ212_BAD_CRC when the CRC is wrong or not hex, naming the expected value', () => {
    const r = decodeFrame(`##0101${seg}1C81`);
    expect(r.ok ? 'ok' : r.error).toMatchObject({
      code: 'HJ212_BAD_CRC',
      message: expect.stringContaining('1C80'),
    });
    const x = decodeFrame(`##0101${seg}1CXX`);
    expect(x.ok ? 'ok' : x.error.code).toBe('HJ212_BAD_CRC');
  });

  it('accepts a wrong length when the CRC proves the segment, with a warning', () => {
    const r = decodeFrame(`##0099${seg}1C80`);
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['HJ212_LENGTH_MISMATCH']);
  });

  it('fails with HJ212_BAD_LENGTH for a wrong length when CRC checking is off', () => {
    const r = decodeFrame(`##0099${seg}0000`, { crcMode: 'none' });
    expect(r.ok ? 'ok' : r.error.code).toBe('HJ212_BAD_LENGTH');
    const good = decodeFrame(`##0101${seg}0000`, { crcMode: 'none' });
    expect(good.ok && good.warnings.map((w) => w.code)).toEqual(['HJ212_CRC_NOT_CHECKED']);
  });

  it('fails with HJ212_BAD_LENGTH for a frame too short to hold a CRC', () => {
    const r = decodeFrame('##00');
    expect(r.ok ? 'ok' : r.error.code).toBe('HJ212_BAD_LENGTH');
  });

  it('fails with HJ212_TOO_LARGE above maxSegmentBytes and warns above 1024', () => {
    const big = `ST=32;CN=2011;PW=1;MN=M;CP=&&x=${'1'.repeat(1100)}&&`;
    const frame = encodeFrame(big);
    const r = decodeFrame(frame, { maxSegmentBytes: 1024 });
    expect(r.ok ? 'ok' : r.error.code).toBe('HJ212_TOO_LARGE');
    const w = decodeFrame(frame);
    expect(w.ok && w.warnings.map((x) => x.code)).toEqual(['HJ212_OVER_1024']);
  });

  it('counts the length in UTF-8 bytes for Chinese Info text', () => {
    const s = 'ST=32;CN=3020;PW=1;MN=M;CP=&&i11001-Info=//清洗管路//&&';
    const frame = encodeFrame(s);
    expect(frame.slice(2, 6)).toBe(String(new TextEncoder().encode(s).length).padStart(4, '0'));
    const r = decodeFrame(frame);
    expect(r.ok && r.packet.cp['i11001-Info']).toBe('//清洗管路//');
  });

  it('never throws on arbitrary strings', () => {
    for (const s of [
      '',
      '#',
      '##',
      '##9999',
      '##0000&&0000',
      '##0005CP=&&0000',
      '\r\n',
      '##0010CP=&&&&&&FFFF',
    ]) {
      expect(() => decodeFrame(s)).not.toThrow();
    }
  });
});

describe('decoded packet object', () => {
  const frame = `##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=${MN};Flag=5;CP=&&RtdInterval=30&&1C80`;

  it('serialises every field, including the lazily built header and cp maps', () => {
    const r = decodeFrame(frame);
    if (!r.ok) throw new Error(r.error.message);
    const json = JSON.parse(JSON.stringify(r.packet));
    expect(json.cp).toEqual({ RtdInterval: '30' });
    expect(json.header).toEqual({
      QN: '20160801085857223',
      ST: '32',
      CN: '1062',
      PW: '100000',
      MN,
      Flag: '5',
    });
    expect(Object.keys(json)).toEqual([
      'version',
      'qn',
      'st',
      'cn',
      'pw',
      'mn',
      'flag',
      'versionBits',
      'ackRequired',
      'split',
      'pnum',
      'pno',
      'header',
      'cp',
      'records',
      'segmentBytes',
      'crc',
    ]);
  });

  it('builds the header and cp maps once and returns the same object afterwards', () => {
    const r = decodeFrame(frame);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.packet.cp).toBe(r.packet.cp);
    expect(r.packet.header).toBe(r.packet.header);
  });

  it('reads maps of a segment with multi-byte text at the right positions', () => {
    const r = decodeFrame(
      encodeFrame(
        'QN=1;ST=32;CN=3020;PW=1;MN=测点一;CP=&&DataTime=20100301145000;i11001-Info=//清洗;管路//,i11001-Flag=N&&',
      ),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.packet.mn).toBe('测点一');
    expect(r.packet.cp).toEqual({
      DataTime: '20100301145000',
      'i11001-Info': '//清洗;管路//',
      'i11001-Flag': 'N',
    });
    expect(r.packet.records[0]?.factors.i11001).toEqual({ flag: 'N', extra: { Info: '//清洗;管路//' } });
  });

  it('decodes invalid UTF-8 bytes as U+FFFD without shifting positions', () => {
    const bytes = new TextEncoder().encode(
      encodeFrame('ST=32;CN=3020;PW=1;MN=M;CP=&&i1-Info=//xx//,i1-Flag=N&&'),
    );
    const at = bytes.indexOf(0x78); // 'x'
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    const r = decodeFrame(bytes, { crcMode: 'none' });
    expect(r.ok && r.packet.records[0]?.factors.i1).toEqual({
      flag: 'N',
      extra: { Info: '//\ufffd\ufffd//' },
    });
  });
});
