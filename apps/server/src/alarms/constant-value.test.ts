import { describe, expect, it } from 'vitest';
import { constantRuns } from './constant-value.js';

const H = 3_600_000;
const hour = (i: number, factor: string, min: number, max = min, receivedMinutes = 60) => ({
  hourMs: i * H,
  factor,
  min,
  max,
  receivedMinutes,
});

describe('constant-value suspicion', () => {
  it('flags four consecutive hours of one unchanging value', () => {
    const runs = constantRuns([0, 1, 2, 3].map((i) => hour(i, 'a21026', 0)));
    expect(runs).toEqual([{ factor: 'a21026', startMs: 0, endMs: 4 * H, value: 0, hours: 4 }]);
  });

  it('ignores three flat hours, a gap in the hours, a changing value and a value that differs between hours', () => {
    expect(constantRuns([0, 1, 2].map((i) => hour(i, 'a21026', 5)))).toEqual([]);
    expect(constantRuns([0, 1, 3, 4].map((i) => hour(i, 'a21026', 5)))).toEqual([]);
    expect(constantRuns([0, 1, 2, 3].map((i) => hour(i, 'a21026', 5, i === 2 ? 5.1 : 5)))).toEqual([]);
    expect(constantRuns([0, 1, 2, 3].map((i) => hour(i, 'a21026', i === 3 ? 6 : 5)))).toEqual([]);
  });

  it('keeps factors apart and finds a run in the middle of varying hours', () => {
    const stats = [
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => hour(i, 'a21002', 12, i >= 1 && i <= 5 ? 12 : 15)),
      ...[0, 1, 2, 3].map((i) => hour(i, 'a21026', 7, 9)),
    ];
    expect(constantRuns(stats)).toEqual([
      { factor: 'a21002', startMs: H, endMs: 6 * H, value: 12, hours: 5 },
    ]);
  });
});
