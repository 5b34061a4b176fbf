import {
  buildDataPacket,
  buildDataPackets,
  buildDataSegment,
  createSplitReassembler,
  decodeFrame,
  encodeFrame,
} from '@ecep/hj212';
import { describe, expect, it } from 'vitest';
import type { DeviceAuth, DeviceDirectory } from '../devices/device-directory.js';
import { type FrameContext, processFrame } from './frame-processor.js';
import { rawText } from './packet-sink.js';

const DEVICES: Record<string, DeviceAuth> = {
  'MN-OK': { id: 1, mn: 'MN-OK', password: '123456', crcMode: 'hj212', disabled: false },
  'MN-MODBUS': { id: 2, mn: 'MN-MODBUS', password: '123456', crcMode: 'modbus-le', disabled: false },
  'MN-OFF': { id: 3, mn: 'MN-OFF', password: '123456', crcMode: 'hj212', disabled: true },
};

/** The validator only reads the directory: an in-memory one isolates the stage from the database. */
const directory = {
  get: async (mn: string) => DEVICES[mn] ?? null,
  peek: (mn: string) => DEVICES[mn],
} as unknown as DeviceDirectory;

const ctx = (): FrameContext => ({
  connectionId: 'c1',
  remote: '10.0.0.5:40000',
  receivedAtMs: Date.UTC(2026, 10, 24, 2, 1, 5),
  lastCrcMode: 'hj212',
});

const FACTORS = {
  a21026: { avg: 12.5, min: 10, max: 15, flag: 'N' },
  a19001: { avg: 9.5, flag: 'N' },
  a00000: { avg: 120, flag: 'N' },
};

function packet(
  mn: string,
  opts: { pw?: string; flag?: number; crc?: 'hj212' | 'modbus-le'; dataTime?: string } = {},
) {
  const segment = buildDataPacket({
    st: '31',
    cn: '2051',
    mn,
    pw: opts.pw ?? '123456',
    qn: '20261124100100001',
    flag: opts.flag ?? 5,
    dataTime: opts.dataTime ?? '20261124100000',
    factors: FACTORS,
  });
  return new TextEncoder().encode(encodeFrame(segment, opts.crc ?? 'hj212'));
}

const run = (frame: Uint8Array, reassembler = createSplitReassembler()) =>
  processFrame(frame, ctx(), directory, reassembler, { maxSegmentBytes: 9999 });

describe('processFrame (the validator stage)', () => {
  it('turns a good minute packet into one row per factor and a 9014 reply for after the commit', async () => {
    const d = await run(packet('MN-OK'));
    expect(d.item).toMatchObject({
      outcome: 'stored',
      mn: 'MN-OK',
      cn: '2051',
      errorCode: null,
      quarantine: null,
    });
    expect(d.item.rows.map((r) => r.factor).sort()).toEqual(['a00000', 'a19001', 'a21026']);
    expect(d.item.deviceId).toBe(1); // the device's number goes with its rows into the key
    expect(d.item.dataTimeMs).toBe(Date.UTC(2026, 10, 24, 2, 0));
    expect(d.replyAfterCommit).toMatch(/CN=9014/);
    expect(d.replyAfterCommit).toMatch(/QN=20261124100100001/);
  });

  it('keeps data dated over an hour after its arrival out of the values, acknowledges it and sets the clock', async () => {
    // Arrival 10:01:05 Beijing; DataTime 11:02 is 61 minutes ahead: the data unit's clock is wrong.
    const d = await run(packet('MN-OK', { dataTime: '20261124110200' }));
    expect(d.item).toMatchObject({
      outcome: 'quarantined',
      quarantine: 'implausible-time',
      errorCode: 'HJ212_IMPLAUSIBLE_DATA_TIME',
      rows: [],
    });
    // The 9014 first (the packet is durable in quarantine), then a 1012 with the platform's Beijing time.
    const replies = (d.replyAfterCommit ?? '').split('\r\n').filter(Boolean);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatch(/CN=9014;PW=123456;MN=MN-OK;/);
    expect(replies[1]).toMatch(/;CN=1012;PW=123456;MN=MN-OK;Flag=5;CP=&&SystemTime=20261124100105&&/);
    expect(replies[1]).toMatch(/^##\d{4}QN=20261124100105000;ST=31;/);

    // 59 minutes ahead is a clock that drifts, not a wrong one; history from two years ago is a resend.
    expect((await run(packet('MN-OK', { dataTime: '20261124110000' }))).item.outcome).toBe('stored');
    expect((await run(packet('MN-OK', { dataTime: '20241124100000' }))).item.outcome).toBe('stored');
  });

  it('answers a time calibration request (1013) with 9013 and sets the clock with 1012', async () => {
    const segment = buildDataSegment(
      { qn: '20261124100100002', st: '31', cn: '1013', pw: '123456', mn: 'MN-MODBUS', flag: 5 },
      '',
    );
    const d = await run(new TextEncoder().encode(encodeFrame(segment, 'modbus-le')));
    expect(d.item.outcome).toBe('ignored');
    expect(d.item.rows).toEqual([]);
    const replies = (d.replyAfterCommit ?? '').split('\r\n').filter(Boolean);
    expect(replies.map((r) => /CN=(\d+)/.exec(r)?.[1])).toEqual(['9013', '1012']);
    expect(replies[0]).toMatch(/QN=20261124100100002;ST=91;CN=9013;/);
    expect(replies[1]).toMatch(/SystemTime=20261124100105/);
    // Both in the device's own CRC mode.
    for (const r of replies)
      expect(decodeFrame(new TextEncoder().encode(`${r}\r\n`), { crcMode: 'modbus-le' }).ok).toBe(true);
  });

  it('stores but does not answer a packet without the A bit', async () => {
    const d = await run(packet('MN-OK', { flag: 4 }));
    expect(d.item.outcome).toBe('stored');
    expect(d.replyAfterCommit).toBeNull();
  });

  it('rejects a bad CRC with its code, keeps the raw text, and answers nothing', async () => {
    const good = new TextDecoder().decode(packet('MN-OK'));
    const bad = new TextEncoder().encode(good.replace(/[0-9A-F]{4}\r\n$/, 'FFFF\r\n'));
    const d = await run(bad);
    expect(d.item).toMatchObject({ outcome: 'rejected', errorCode: 'HJ212_BAD_CRC', mn: 'MN-OK' });
    expect(rawText(d.item.raw)).toContain('MN=MN-OK');
    expect(d.item.rows).toEqual([]);
    expect(d.replyAfterCommit).toBeNull();
  });

  it('quarantines an unknown MN, a wrong password and a disabled device without rows or reply', async () => {
    for (const [frame, reason] of [
      [packet('MN-NEW'), 'unknown-mn'],
      [packet('MN-OK', { pw: 'guess' }), 'wrong-password'],
      [packet('MN-OFF'), 'disabled'],
    ] as const) {
      const d = await run(frame);
      expect(d.item).toMatchObject({ outcome: 'quarantined', quarantine: reason, rows: [] });
      expect(d.replyAfterCommit).toBeNull();
    }
  });

  it('decodes a Modbus-CRC device with its registered mode when the connection last saw HJ 212 CRCs', async () => {
    const d = await run(packet('MN-MODBUS', { crc: 'modbus-le' }));
    expect(d.item.outcome).toBe('stored');
    expect(d.item.rows).toHaveLength(3);
  });

  it('answers a heartbeat-style command but stores no measurement', async () => {
    const segment = buildDataSegment(
      { qn: '20261124100100002', st: '31', cn: '9015', pw: '123456', mn: 'MN-OK', flag: 5 },
      '',
    );
    const d = await run(new TextEncoder().encode(encodeFrame(segment)));
    expect(d.item.outcome).toBe('reply');
    expect(d.item.rows).toEqual([]);
  });

  it('keeps the parts of a split packet as partial, each acknowledged, and stores the whole with the last', async () => {
    const parts = buildDataPackets(
      {
        st: '31',
        cn: '2051',
        mn: 'MN-OK',
        pw: '123456',
        qn: '20261124100100003',
        flag: 5,
        dataTime: '20261124100000',
        factors: { ...FACTORS, a21002: { avg: 30, flag: 'N' }, a34013: { avg: 3, flag: 'N' } },
      },
      { maxSegmentBytes: 200 },
    );
    expect(parts.length).toBeGreaterThan(1);
    const reassembler = createSplitReassembler();
    const decisions = [];
    for (const part of parts)
      decisions.push(await run(new TextEncoder().encode(encodeFrame(part)), reassembler));
    expect(decisions.slice(0, -1).map((d) => d.item.outcome)).toEqual(
      parts.slice(0, -1).map(() => 'partial'),
    );
    expect(decisions.every((d) => d.replyAfterCommit !== null)).toBe(true);
    const last = decisions[decisions.length - 1]!;
    expect(last.item.outcome).toBe('stored');
    expect(last.item.rows.map((r) => r.factor).sort()).toEqual([
      'a00000',
      'a19001',
      'a21002',
      'a21026',
      'a34013',
    ]);
  });
});
