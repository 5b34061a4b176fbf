import { describe, expect, it } from 'vitest';
import { type DayRow, type HourRow, rollupDay, rollupMonth } from './daily-rollup.js';

const hours = (n: number, valid: (i: number) => boolean, avg = 10): HourRow[] =>
  Array.from({ length: n }, (_, i) => ({
    factor: 'a21026',
    avg,
    min: avg - 1,
    max: avg + 1,
    valid: valid(i),
    correctedAvg: avg * 2,
    loadKg: 1.5,
  }));

describe('daily rollup from hours', () => {
  it('is valid with 20 valid hours and invalid with 19 (HJ 75)', () => {
    expect(rollupDay(hours(24, (i) => i < 20))[0]).toMatchObject({ validParts: 20, valid: true });
    expect(rollupDay(hours(24, (i) => i < 19))[0]).toMatchObject({ validParts: 19, valid: false });
  });

  it('averages and sums loads over valid hours only', () => {
    const data = [...hours(20, () => true, 10), ...hours(4, () => false, 1000)];
    expect(rollupDay(data)[0]).toMatchObject({ avg: 10, min: 9, max: 11, correctedAvg: 20, loadKg: 30 });
  });
});

describe('monthly rollup from days', () => {
  const days = (n: number, valid: number): DayRow[] =>
    Array.from({ length: n }, (_, i) => ({
      factor: 'a21026',
      avg: 10,
      min: 9,
      max: 11,
      valid: i < valid,
      correctedAvg: 20,
      loadKg: 2,
    }));

  it('needs 25 valid days, 23 in February', () => {
    expect(rollupMonth(days(30, 25), 11)[0]).toMatchObject({ validParts: 25, valid: true, loadKg: 50 });
    expect(rollupMonth(days(30, 24), 11)[0]).toMatchObject({ validParts: 24, valid: false });
    expect(rollupMonth(days(28, 23), 2)[0]).toMatchObject({ valid: true });
    expect(rollupMonth(days(28, 22), 2)[0]).toMatchObject({ valid: false });
  });
});
