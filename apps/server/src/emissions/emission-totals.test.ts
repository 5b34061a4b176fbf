import { describe, expect, it } from 'vitest';
import { outletTotal, periodDays, sumTotals } from './emission-totals.js';

describe('emission totals from daily loads', () => {
  it('takes valid days as measured and estimates invalid and missing days by the mean valid day', () => {
    const t = outletTotal(
      [
        { day: '2026-11-01', valid: true, loadKg: 100 },
        { day: '2026-11-02', valid: true, loadKg: 200 },
        { day: '2026-11-03', valid: false, loadKg: 900 },
      ],
      5,
    );
    expect(t.measuredKg.toNumber()).toBe(300);
    expect(t.validDays).toBe(2);
    expect(t.invalidDays).toBe(1);
    expect(t.missingDays).toBe(2);
    expect(t.estimatedKg?.toNumber()).toBe(450); // 3 days × 150 kg
  });

  it('does not estimate without a single valid day, and says so in the sum', () => {
    const none = outletTotal([{ day: '2026-11-01', valid: false, loadKg: 10 }], 2);
    expect(none.estimatedKg).toBeNull();
    const sum = sumTotals([none, outletTotal([{ day: '2026-11-01', valid: true, loadKg: 2000 }], 1)]);
    expect(sum).toMatchObject({
      measuredT: '2.0000',
      estimatedT: '0.0000',
      totalT: '2.0000',
      outlets: 2,
      outletsWithoutEstimate: 1,
    });
  });

  it('lists the days of a month or year up to today', () => {
    expect(periodDays('2026-02', '2026-12-31')).toHaveLength(28);
    expect(periodDays('2024', '2030-01-01')).toHaveLength(366);
    expect(periodDays('2026-11', '2026-11-24').at(-1)).toBe('2026-11-24');
  });
});
