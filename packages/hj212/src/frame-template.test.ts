import { describe, expect, it } from 'vitest';
import { buildDataPacket } from './data-packet.js';
import { decodeFrame } from './decode.js';
import { encodeFrame } from './encode.js';
import { FrameTemplate } from './frame-template.js';

const packet = (qn: string, dataTime: number, name = 'a21026') =>
  buildDataPacket({
    st: '31',
    cn: '2051',
    mn: '010000A8900016F000169DC0',
    pw: '123456',
    qn,
    flag: 5,
    dataTime,
    factors: { [name]: { min: 10.5, avg: 12.25, max: 14, flag: 'N' }, a34013: { avg: 3.1, flag: 'N' } },
  });

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('FrameTemplate', () => {
  it('renders exactly the frame the encoder builds for the new QN and data time', () => {
    const t = new FrameTemplate(encodeFrame(packet('20260101080000000', Date.UTC(2026, 0, 1))));
    const at = Date.UTC(2026, 5, 30, 23, 59);
    expect(utf8(t.render('20260701075912345', at))).toBe(encodeFrame(packet('20260701075912345', at)));
  });

  it('keeps the CRC mode of the device and works after non-ASCII text', () => {
    const frame = encodeFrame(packet('20260101080000000', 0, '污染物'), 'modbus-le');
    const t = new FrameTemplate(frame, 'modbus-le');
    const out = utf8(t.render('20261231235959999', Date.UTC(2026, 11, 31)));
    const decoded = decodeFrame(out, { crcMode: 'modbus-le' });
    expect(decoded.ok && decoded.packet.qn).toBe('20261231235959999');
    expect(decoded.ok && decoded.packet.records[0]?.dataTimeMs).toBe(Date.UTC(2026, 11, 31));
    expect(decodeFrame(out).ok).toBe(false); // the hj212 CRC would not match
  });

  it('gives a new buffer each time and leaves the template alone', () => {
    const t = new FrameTemplate(encodeFrame(packet('20260101080000000', 0)));
    const a = t.render('20260101080000001', 60_000);
    const b = t.render('20260101080000002', 120_000);
    expect(a).not.toBe(b);
    expect(utf8(a)).toContain('QN=20260101080000001');
    expect(utf8(b)).toContain('QN=20260101080000002');
  });

  it('refuses frames it cannot rewrite and a QN of the wrong width', () => {
    expect(() => new FrameTemplate('QN=20260101080000000;CP=&&DataTime=20260101080000&&')).toThrow(
      /complete frame/,
    );
    const noQn = encodeFrame('ST=31;CN=2051;PW=1;MN=M;Flag=4;CP=&&DataTime=20260101080000&&');
    expect(() => new FrameTemplate(noQn)).toThrow(/17-digit QN/);
    const noTime = encodeFrame('QN=20260101080000000;ST=31;CN=2051;PW=1;MN=M;Flag=4;CP=&&&&');
    expect(() => new FrameTemplate(noTime)).toThrow(/14-digit DataTime/);
    const t = new FrameTemplate(encodeFrame(packet('20260101080000000', 0)));
    expect(() => t.render('2026', 0)).toThrow(/17 digits/);
  });
});
