import { describe, expect, it } from 'vitest';
import { buildDataPacket } from './data-packet.js';
import { formatDataTime, parseDataTime } from './data-time.js';
import { decodeFrame } from './decode.js';
import { encodeFrame } from './encode.js';
import { createPrng } from './prng.js';
import { createStackSimulator } from './stack-simulator.js';

const START = parseDataTime('20240501000000')!;

function run(kind: 'flue-gas' | 'waste-water', seed: number, steps: number, faultRate?: number) {
  const sim = createStackSimulator({ kind, seed, ...(faultRate === undefined ? {} : { faultRate }) });
  return Array.from({ length: steps }, (_, i) => sim.next(formatDataTime(START + i * 600_000)));
}

describe('createPrng', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const a = createPrng(1);
    const b = createPrng(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createPrng(2)()).not.toBe(xs[0]);
  });
});

describe('createStackSimulator', () => {
  it('is deterministic for a seed', () => {
    expect(run('flue-gas', 42, 50)).toEqual(run('flue-gas', 42, 50));
    expect(run('flue-gas', 42, 5)).not.toEqual(run('flue-gas', 43, 5));
  });

  it('gives the flue-gas factor set with plausible normal values', () => {
    const days = run('flue-gas', 1, 144, 0);
    const first = days[0]!;
    expect(Object.keys(first.factors).sort()).toEqual(
      ['a00000', 'a01011', 'a01012', 'a01013', 'a01014', 'a19001', 'a21002', 'a21026', 'a34013'].sort(),
    );
    for (const d of days) {
      const f = d.factors;
      expect(f.a21026!.avg).toBeGreaterThan(0);
      expect(f.a21026!.avg).toBeLessThan(60);
      expect(f.a21002!.avg).toBeLessThan(100);
      expect(f.a19001!.avg).toBeGreaterThan(4);
      expect(f.a19001!.avg).toBeLessThan(11);
      expect(f.a00000!.cou).toBeCloseTo(f.a00000!.avg * 600, 0);
      for (const v of Object.values(f)) {
        expect(v.min).toBeLessThanOrEqual(v.avg);
        expect(v.avg).toBeLessThanOrEqual(v.max);
        expect(v.flag).toBe('N');
      }
      expect(f.a21026!.zsAvg).toBeCloseTo((f.a21026!.avg * 15) / (21 - f.a19001!.avg), 1);
    }
  });

  it('gives the wastewater factor set with pollutant loads in kg', () => {
    const [d] = run('waste-water', 3, 1, 0);
    const f = d!.factors;
    expect(Object.keys(f).sort()).toEqual(['w00000', 'w01001', 'w01018', 'w21001', 'w21003', 'w21011']);
    const volumeM3 = (f.w00000!.avg * 600) / 1000;
    expect(f.w00000!.cou).toBeCloseTo(volumeM3, 0);
    expect(f.w01018!.cou).toBeCloseTo(f.w01018!.avg * volumeM3 * 1e-3, 3);
    expect(f.w01001!.avg).toBeGreaterThan(6);
    expect(f.w01001!.avg).toBeLessThan(9);
  });

  it('produces occasional D, C, M and F flags', () => {
    const flags = new Set(
      run('flue-gas', 9, 5000, 0.05).flatMap((d) => Object.values(d.factors).map((f) => f.flag)),
    );
    expect([...flags].sort()).toEqual(['C', 'D', 'F', 'M', 'N']);
  });

  it('feeds buildDataPacket with values that decode back unchanged', () => {
    const sim = createStackSimulator({ kind: 'flue-gas', seed: 5 });
    const { dataTime, factors } = sim.next('20240501081000');
    const r = decodeFrame(
      encodeFrame(buildDataPacket({ st: '31', cn: '2051', mn: 'MN001', pw: '123456', dataTime, factors })),
    );
    if (!r.ok) throw new Error(r.error.message);
    for (const [code, f] of Object.entries(factors)) {
      expect(r.packet.records[0]!.factors[code]).toEqual({ ...f, extra: {} });
    }
  });

  it('gives real-time values with ZsRtd for the flue-gas pollutants', () => {
    const rt = createStackSimulator({ kind: 'flue-gas', seed: 5 }).realtime(START);
    expect(rt.dataTime).toBe('20240501000000');
    expect(rt.factors.a21026).toMatchObject({
      rtd: expect.any(Number),
      zsRtd: expect.any(Number),
      flag: 'N',
    });
  });
});
