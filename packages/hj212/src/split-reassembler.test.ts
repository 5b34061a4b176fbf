import { describe, expect, it } from 'vitest';
import { buildDataPacket, buildDataPackets } from './data-packet.js';
import { decodeFrame } from './decode.js';
import { encodeFrame } from './encode.js';
import { createSplitReassembler } from './split-reassembler.js';
import type { Hj212Packet } from './types.js';

const MN = '010000A8900016F000169DC0';

function packet(frame: string): Hj212Packet {
  const r = decodeFrame(frame);
  if (!r.ok) throw new Error(r.error.message);
  return r.packet;
}

const C50_1 = packet(
  `##0260QN=20160801085857534;ST=32;CN=2061;PW=123456;MN=${MN};Flag=7;PNUM=2;PNO=1;CP=&&DataTime=20160801080000;w00000-Cou=63.0,w00000-Min=16.4,w00000-Avg=17.5,w00000-Max=20.1,w00000-Flag=N;w01001-Min=7.1,w01001-Avg=7.5,w01001-Max=7.8,w01001-Flag=N&&D941`,
);
const C50_2 = packet(
  `##0201QN=20160801085857535;ST=32;CN=2061;PW=123456;MN=${MN};Flag=7;PNUM=2;PNO=2;CP=&&DataTime=20160801080000;w01018-Cou=63.0,w01018-Min=40.1,w01018-Avg=40.1,w01018-Max=40.1,w01018-Flag=N&&E2C1`,
);

function uploadParts(mn: string, dataTime: string, n: number): Hj212Packet[] {
  const factors = Object.fromEntries(
    Array.from({ length: n * 4 }, (_, i) => [`w${10000 + i}`, { avg: i + 0.5, flag: 'N' }]),
  );
  const input = { st: '32', cn: '2061', mn, pw: '1', qn: '20240101000000000', flag: 7, dataTime, factors };
  return buildDataPackets(input, { maxSegmentBytes: 200 }).map((s) => packet(encodeFrame(s)));
}

describe('createSplitReassembler', () => {
  it('completes the C.50 split packet when part 2 arrives before part 1, despite different QNs', () => {
    const r = createSplitReassembler();
    expect(r.add(C50_2, 0)).toMatchObject({ status: 'pending', received: 1, total: 2 });
    const out = r.add(C50_1, 1000);
    expect(out.status).toBe('complete');
    if (out.status !== 'complete') return;
    expect(out.parts.map((p) => p.pno)).toEqual([1, 2]);
    const rec = out.packet.records;
    expect(rec).toHaveLength(1);
    expect(Object.keys(rec[0]!.factors).sort()).toEqual(['w00000', 'w01001', 'w01018']);
    expect(rec[0]!.factors.w01018).toEqual({
      cou: 63,
      min: 40.1,
      avg: 40.1,
      max: 40.1,
      flag: 'N',
      extra: {},
    });
    expect(out.packet.cp.DataTime).toBe('20160801080000');
    expect(out.packet).toMatchObject({ qn: '20160801085857534', pnum: 2, pno: null, crc: null });
    expect(out.packet.header.QN).toBe('20160801085857534');
    expect(JSON.parse(JSON.stringify(out.packet)).cp['w01018-Avg']).toBe('40.1');
    expect(out.packet.segmentBytes).toBe(C50_1.segmentBytes + C50_2.segmentBytes);
    expect(r.pendingCount).toBe(0);
  });

  it('gives the same merged packet for every arrival order', () => {
    const parts = uploadParts('M1', '20240101000000', 4);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const orders = [parts, [...parts].reverse(), [parts[1]!, parts[0]!, ...parts.slice(2).reverse()]];
    const merged = orders.map((order) => {
      const r = createSplitReassembler();
      const outs = order.map((p) => r.add(p, 0));
      const last = outs.at(-1)!;
      expect(outs.slice(0, -1).every((o) => o.status === 'pending')).toBe(true);
      return last.status === 'complete' ? last.packet : null;
    });
    expect(merged[0]).not.toBeNull();
    expect(merged[1]).toEqual(merged[0]);
    expect(merged[2]).toEqual(merged[0]);
    const whole = packet(
      encodeFrame(
        buildDataPacket({ st: '32', cn: '2061', mn: 'M1', pw: '1', dataTime: '20240101000000', factors: {} }),
      ),
    );
    expect(merged[0]!.records[0]!.dataTime).toBe(whole.records[0]!.dataTime);
    expect(Object.keys(merged[0]!.records[0]!.factors)).toHaveLength(16);
  });

  it('keeps interleaved parts of different devices and times apart', () => {
    const a = uploadParts('A', '20240101000000', 2);
    const b = uploadParts('B', '20240101000000', 2);
    const c = uploadParts('A', '20240101010000', 2);
    const r = createSplitReassembler();
    const interleaved = a.flatMap((p, i) => [p, b[i]!, c[i]!]);
    const completed = interleaved.flatMap((p) => {
      const out = r.add(p, 0);
      return out.status === 'complete' ? [[out.packet.mn, out.packet.cp.DataTime, out.parts.length]] : [];
    });
    expect(completed).toEqual([
      ['A', '20240101000000', a.length],
      ['B', '20240101000000', b.length],
      ['A', '20240101010000', c.length],
    ]);
  });

  it('passes a packet that is not split straight through', () => {
    const whole = packet(`##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=${MN};Flag=4;CP=&&&&3240`);
    expect(createSplitReassembler().add(whole, 0)).toMatchObject({ status: 'complete', packet: whole });
  });

  it('reports a repeated part as a duplicate', () => {
    const r = createSplitReassembler();
    r.add(C50_1, 0);
    expect(r.add(C50_1, 1)).toMatchObject({ status: 'duplicate', pno: 1 });
  });

  it('expires incomplete sets after maxAgeMs of the caller’s clock', () => {
    const r = createSplitReassembler({ maxAgeMs: 60_000 });
    r.add(C50_1, 0);
    expect(r.expire(59_999)).toEqual([]);
    const gone = r.expire(60_000);
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatchObject({
      reason: 'expired',
      mn: MN,
      cn: '2061',
      dataTime: '20160801080000',
      pnum: 2,
      received: [1],
    });
    expect(r.add(C50_2, 60_001)).toMatchObject({ status: 'pending' });
  });

  it('evicts the oldest set beyond maxPending', () => {
    const r = createSplitReassembler({ maxPending: 2 });
    const sets = ['A', 'B', 'C'].map((mn) => uploadParts(mn, '20240101000000', 2));
    r.add(sets[0]![0]!, 0);
    r.add(sets[1]![0]!, 1);
    const out = r.add(sets[2]![0]!, 2);
    expect(out.dropped.map((d) => [d.mn, d.reason])).toEqual([['A', 'evicted']]);
    expect(r.pendingCount).toBe(2);
  });
});
