import { describe, expect, it } from 'vitest';
import { type MinuteValue, rollupHour } from './hourly-rollup.js';

const H = Date.UTC(2026, 10, 24, 2); // 10:00 Beijing time
const minutes = (
  factor: string,
  n: number,
  value: (i: number) => number,
  flag: (i: number) => string = () => 'N',
): MinuteValue[] =>
  Array.from({ length: n }, (_, i) => ({
    factor,
    dataTimeMs: H + i * 60_000,
    avg: value(i),
    min: value(i) - 1,
    max: value(i) + 1,
    flag: flag(i),
  }));

describe('hourly rollup of minute data', () => {
  it('is valid with 45 valid minutes and invalid with 44 (HJ 75)', () => {
    const at45 = rollupHour(
      minutes(
        'a21026',
        60,
        () => 10,
        (i) => (i < 45 ? 'N' : 'D'),
      ),
      {},
    );
    const at44 = rollupHour(
      minutes(
        'a21026',
        60,
        () => 10,
        (i) => (i < 44 ? 'N' : 'C'),
      ),
      {},
    );
    expect(at45[0]).toMatchObject({ validMinutes: 45, receivedMinutes: 60, valid: true });
    expect(at44[0]).toMatchObject({ validMinutes: 44, receivedMinutes: 60, valid: false });
  });

  it('averages only the valid minutes and takes min and max from them', () => {
    const [so2] = rollupHour(
      minutes(
        'a21026',
        60,
        (i) => (i < 50 ? 20 : 500),
        (i) => (i < 50 ? 'N' : 'D'),
      ),
      {},
    );
    expect(so2).toMatchObject({ avg: 20, min: 19, max: 21 });
  });

  it('corrects to the reference O2 through the core formula', () => {
    const data = [...minutes('a21026', 60, () => 40), ...minutes('a19001', 60, () => 10)];
    const so2 = rollupHour(data, { referenceO2Pct: 6 }).find((f) => f.factor === 'a21026')!;
    // 40 × (21 − 6) / (21 − 10) = 54.545…
    expect(so2.correctedAvg).toBeCloseTo(54.5454545, 6);
    expect(so2.explain.o2Correction).toBeDefined();
    const o2 = rollupHour(data, { referenceO2Pct: 6 }).find((f) => f.factor === 'a19001')!;
    expect(o2.correctedAvg).toBeNull();
  });

  it('does not correct without a reference O2 or without O2 data', () => {
    expect(
      rollupHour(
        minutes('a21026', 60, () => 40),
        { referenceO2Pct: 6 },
      )[0]!.correctedAvg,
    ).toBeNull();
    const data = [...minutes('a21026', 60, () => 40), ...minutes('a19001', 60, () => 10)];
    expect(rollupHour(data, {}).find((f) => f.factor === 'a21026')!.correctedAvg).toBeNull();
  });

  it('computes the load as Σ concentration × flow × time over minutes with both values', () => {
    // 100 mg/m³ at 138.888… m³/s (500 000 m³/h) for 60 minutes = 50 kg.
    const data = [...minutes('a21026', 60, () => 100), ...minutes('a00000', 60, () => 500_000 / 3600)];
    const so2 = rollupHour(data, {}).find((f) => f.factor === 'a21026')!;
    expect(so2.loadKg).toBeCloseTo(50, 9);
    // Varying concentration and flow: the load is the sum of products, not the product of means.
    const varying = [
      ...minutes('a21026', 60, (i) => (i < 30 ? 100 : 200)),
      ...minutes('a00000', 60, (i) => (i < 30 ? 100 : 300)),
    ];
    const expected = ((30 * 100 * 100 + 30 * 200 * 300) * 60) / 1e6;
    expect(rollupHour(varying, {}).find((f) => f.factor === 'a21026')!.loadKg).toBeCloseTo(expected, 9);
    expect(rollupHour(varying, {}).find((f) => f.factor === 'a00000')!.loadKg).toBeNull();
  });

  it('converts water loads from mg/L and L/s', () => {
    // COD 50 mg/L at 10 L/s for 60 min = 50 × 10 × 3600 / 1e6 = 1.8 kg.
    const data = [...minutes('w01018', 60, () => 50), ...minutes('w00000', 60, () => 10)];
    expect(rollupHour(data, {}).find((f) => f.factor === 'w01018')!.loadKg).toBeCloseTo(1.8, 9);
  });
});
