import { describe, expect, it } from 'vitest';
import { decodeFrame } from './decode.js';
import { toDecodeJson } from './decode-json.js';
import { decodeStream } from './decode-stream.js';

const MN = '010000A8900016F000169DC0';
const A = `##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=${MN};Flag=5;CP=&&RtdInterval=30&&1C80\r\n`;
const ACK = `##0087QN=20201015123632010;ST=91;CN=9014;PW=123456;MN=410183160889201000212505;Flag=4;CP=&&&&f001`;
const C16 = `##0325QN=20160801085000001;ST=32;CN=2051;PW=123456;MN=${MN};Flag=5;CP=&&DataTime=20160801084000;w00000-Cou=10.5,w00000-Min=16.4,w00000-Avg=17.5,w00000-Max=20.1,w00000-Flag=N;w01001-Min=7.1,w01001-Avg=7.5,w01001-Max=7.8,w01001-Flag=N;w01018-Cou=10.5,w01018-Min=40.1,w01018-Avg=40.1,w01018-Max=40.1,w01018-Flag=N&&6180\r\n`;

describe('decodeStream', () => {
  it('decodes every frame of a buffer and reports garbage and bad frames in order', () => {
    const bad = A.replace('1C80', '1C81');
    const results = decodeStream(`noise${A}${bad}${C16}`);
    expect(results.map((r) => (r.ok ? r.packet.cn : r.error.code))).toEqual([
      'HJ212_GARBAGE',
      '1062',
      'HJ212_BAD_CRC',
      '2051',
    ]);
  });

  it('leaves skipped bytes out when asked', () => {
    expect(decodeStream(`noise${A}`, { includeSkipped: false })).toHaveLength(1);
  });

  it('adds framing warnings to the decoded result, including a missing terminator at the end', () => {
    const [r] = decodeStream(ACK);
    expect(r?.ok && r.warnings.map((w) => w.code)).toEqual(['HJ212_NO_TERMINATOR']);
    const [lf] = decodeStream(A.replace('\r\n', '\n'));
    expect(lf?.ok && lf.warnings.map((w) => w.code)).toEqual(['HJ212_LF_ONLY']);
  });

  it('reports an incomplete last frame as truncated', () => {
    const results = decodeStream(A + C16.slice(0, 100));
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'HJ212_TRUNCATED']);
  });
});

describe('toDecodeJson', () => {
  it('prints the CLI shape for a 2051 packet, keys in order', () => {
    const json = JSON.stringify(toDecodeJson(decodeFrame(C16)));
    expect(json).toBe(
      '{"ok":true,"version":"2017","qn":"20160801085000001","st":"32","cn":"2051","pw":"123456","mn":"010000A8900016F000169DC0","flag":5,"pnum":null,"pno":null,"cp":{"DataTime":"20160801084000","w00000-Cou":"10.5","w00000-Min":"16.4","w00000-Avg":"17.5","w00000-Max":"20.1","w00000-Flag":"N","w01001-Min":"7.1","w01001-Avg":"7.5","w01001-Max":"7.8","w01001-Flag":"N","w01018-Cou":"10.5","w01018-Min":"40.1","w01018-Avg":"40.1","w01018-Max":"40.1","w01018-Flag":"N"},"crc":"6180","warnings":[]}',
    );
  });

  it('prints the error shape for a bad CRC', () => {
    const json = toDecodeJson(decodeFrame(A.replace('1C80', '1C81')));
    expect(json).toEqual({ ok: false, error: { code: 'HJ212_BAD_CRC', message: expect.any(String) } });
    expect(Object.keys(json)).toEqual(['ok', 'error']);
  });

  it('prints warnings as code and message, and repeated keys as arrays', () => {
    const r = decodeFrame(
      '##0213QN=20191012133710130;ST=22;CN=2011;PW=123456;MN=Y80110010000010;Flag=4;CP=&&DataTime=20191012133710;a21-Rtd=0.00;a21-Rtd=0.00;a21007-Rtd=0.033;a21006-Rtd=0.036;a21001-Rtd=25.40;a21003-Rtd=101.94;a21002-Rtd=49.20&&f9c1',
      { crcMode: 'none' },
    );
    const json = toDecodeJson(r);
    expect(json.ok && json.cp['a21-Rtd']).toEqual(['0.00', '0.00']);
    expect(json.ok && json.warnings[0]).toEqual({
      code: 'HJ212_CRC_NOT_CHECKED',
      message: expect.any(String),
    });
  });
});
