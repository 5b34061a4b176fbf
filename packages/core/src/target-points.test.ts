import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { targetPoints } from './target-points.js';

describe('targetPoints', () => {
  it('gives 4 points per full 10 % of completion and nothing below 50 %', () => {
    expect(targetPoints(100).points.toNumber()).toBe(40);
    expect(targetPoints(90).points.toNumber()).toBe(36);
    expect(targetPoints(59.9).points.toNumber()).toBe(20);
    expect(targetPoints(49.99).points.toNumber()).toBe(0);
  });

  it('adds 3 per full 10 % above 100 %, capped at 9', () => {
    expect(targetPoints(109).bonusPoints.toNumber()).toBe(0);
    expect(targetPoints(110).points.toNumber()).toBe(43);
    expect(targetPoints(500).points.toNumber()).toBe(49);
  });

  it('never decreases as completion grows and never exceeds 49', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const pLo = targetPoints(lo).points;
          const pHi = targetPoints(hi).points;
          return pLo.lte(pHi) && pHi.lte(49);
        },
      ),
    );
  });
});
