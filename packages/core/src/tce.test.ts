import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.js';
import { toTce } from './tce.js';
import { expectCalcError } from './test-helpers.js';

const one = (energy: string, amount: number | string, unit: string, extra = {}) =>
  toTce({ items: [{ energy, amount, unit, ...extra }] });

describe('toTce', () => {
  it('converts 1000 t of raw coal to 714.3 tce', () => {
    const r = one('raw-coal', 1000, 't');
    expect(r.totalTce.toFixed()).toBe('714.3');
    expect(r.items[0]?.amountInCoefficientUnit.toFixed()).toBe('1000000');
    expect(r.items[0]?.source).toContain('GB/T 2589');
  });

  it('converts units before applying the coefficient', () => {
    expect(one('raw-coal', 1, '10^4 t').totalTce.toFixed()).toBe('7143');
    expect(one('diesel', 500, 'kg').totalTce.toFixed()).toBe('0.72855');
    expect(one('natural-gas', 1, '10^4 m3').totalTce.toFixed()).toBe('12.143');
    expect(one('natural-gas', 1, '万m3').totalTce.toFixed()).toBe('12.143');
  });

  it('converts electricity on the equivalent basis at 0.1229 kgce/kWh by default', () => {
    const r = one('electricity', 1, '10^4 kWh');
    expect(r.totalTce.toFixed()).toBe('1.229');
    expect(r.items[0]?.basis).toBe('equivalent');
    expect(one('electricity', 1, 'MWh').totalTce.toFixed()).toBe('0.1229');
  });

  it('converts electricity on the equal-value basis at the given generation coal rate', () => {
    const r = toTce({
      items: [{ energy: 'electricity', amount: 1, unit: '10^4 kWh' }],
      electricityBasis: 'equal-value',
      equalValueKgcePerKWh: 0.3,
    });
    expect(r.totalTce.toFixed()).toBe('3');
    expect(r.items[0]?.basis).toBe('equal-value');
    expect(r.explain.notes?.join(' ')).toContain('等价值');
  });

  it('converts heat given in GJ at 34.12 kgce/GJ', () => {
    expect(one('heat', 1000, 'GJ').totalTce.toFixed()).toBe('34.12');
  });

  it('converts steam and fresh water, flagging the working medium', () => {
    expect(one('steam', 1, 't').totalTce.toFixed()).toBe('0.1286');
    const water = one('fresh-water', 1000, 't');
    expect(water.totalTce.toFixed()).toBe('0.0857');
    expect(water.items[0]?.isEnergyWorkingMedium).toBe(true);
  });

  it('lets a measured net calorific value override the table (1 kgce = 29 307 kJ)', () => {
    const r = one('raw-coal', 1000, 't', { ncvKJPerUnit: 29307 });
    expect(r.totalTce.toFixed()).toBe('1000');
    expect(r.items[0]?.coefficientFrom).toBe('measured-ncv');
    const measured = one('raw-coal', 1000, 't', { ncvKJPerUnit: '20934' });
    expect(measured.totalTce.eq(new Dec(20934).div(29307).times(1000))).toBe(true);
  });

  it('sums items exactly and explains every coefficient with its source', () => {
    const r = toTce({
      items: [
        { energy: 'raw-coal', amount: 1000, unit: 't' },
        { energy: 'electricity', amount: 100, unit: '10^4 kWh' },
        { energy: 'natural-gas', amount: 50, unit: '10^4 m3' },
      ],
    });
    expect(r.totalTce.toFixed()).toBe('1444.35');
    expect(r.explain.formula).toContain('Σ');
    expect(r.explain.coefficients?.map((c) => c.name)).toEqual(['raw-coal', 'electricity', 'natural-gas']);
    expect(r.explain.coefficients?.every((c) => c.source.length > 0)).toBe(true);
  });

  it('returns zero for an empty list', () => {
    expect(toTce({ items: [] }).totalTce.toFixed()).toBe('0');
  });

  it('rejects an unknown energy code', () => {
    expectCalcError(() => one('unobtainium', 1, 't'), 'CALC_UNKNOWN_ENERGY', '/items/0/energy');
  });

  it('rejects a unit that does not fit the energy', () => {
    const e = expectCalcError(() => one('raw-coal', 1, 'kWh'), 'CALC_UNIT_MISMATCH', '/items/0/unit');
    expect(e.message).toContain('mass');
    expectCalcError(() => one('electricity', 1, 't'), 'CALC_UNIT_MISMATCH', '/items/0/unit');
    expectCalcError(() => one('natural-gas', 1, 'kg'), 'CALC_UNIT_MISMATCH', '/items/0/unit');
  });

  it('rejects an unknown unit', () => {
    expectCalcError(() => one('raw-coal', 1, 'barrel'), 'CALC_UNKNOWN_UNIT', '/items/0/unit');
  });

  it('rejects a negative amount, naming the item', () => {
    expectCalcError(
      () =>
        toTce({
          items: [
            { energy: 'coke', amount: 1, unit: 't' },
            { energy: 'coke', amount: -1, unit: 't' },
          ],
        }),
      'CALC_IMPOSSIBLE_VALUE',
      '/items/1/amount',
    );
  });

  it('requires the generation coal rate on the equal-value basis', () => {
    expectCalcError(
      () => toTce({ items: [], electricityBasis: 'equal-value' }),
      'CALC_INVALID_INPUT',
      '/equalValueKgcePerKWh',
    );
  });

  it('rejects a generation coal rate below the energy content of electricity', () => {
    expectCalcError(
      () => toTce({ items: [], electricityBasis: 'equal-value', equalValueKgcePerKWh: 0.1 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/equalValueKgcePerKWh',
    );
  });

  it('rejects a generation coal rate on the equivalent basis, where it would be ignored', () => {
    expectCalcError(
      () => toTce({ items: [], equalValueKgcePerKWh: 0.3 }),
      'CALC_INVALID_INPUT',
      '/equalValueKgcePerKWh',
    );
  });

  it('rejects a calorific value for an energy that is not a fuel', () => {
    expectCalcError(
      () => one('electricity', 1, 'kWh', { ncvKJPerUnit: 3600 }),
      'CALC_INVALID_INPUT',
      '/items/0/ncvKJPerUnit',
    );
  });

  it('rejects a calorific value no fuel can have (given per t instead of per kg)', () => {
    expectCalcError(
      () => one('raw-coal', 1, 't', { ncvKJPerUnit: 20_934_000 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/items/0/ncvKJPerUnit',
    );
    expectCalcError(
      () => one('raw-coal', 1, 't', { ncvKJPerUnit: 0 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/items/0/ncvKJPerUnit',
    );
  });
});

const amount = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
  .map(([n, scale]) => new Dec(n.toString()).div(new Dec(10).pow(scale)).toFixed());
const energy = fc.constantFrom(
  ['raw-coal', 't'],
  ['diesel', 'kg'],
  ['natural-gas', '10^4 m3'],
  ['electricity', 'MWh'],
  ['heat', 'GJ'],
  ['fresh-water', 't'],
);

describe('toTce properties', () => {
  it('is linear in the amount', () => {
    fc.assert(
      fc.property(energy, amount, fc.integer({ min: 0, max: 1000 }), ([code, unit], a, k) => {
        const base = toTce({ items: [{ energy: code, amount: a, unit }] }).totalTce;
        const scaled = toTce({ items: [{ energy: code, amount: new Dec(a).times(k), unit }] }).totalTce;
        expect(scaled.eq(base.times(k))).toBe(true);
      }),
    );
  });

  it('gives the same total whatever mass unit the amount is written in', () => {
    fc.assert(
      fc.property(amount, (a) => {
        const inT = toTce({ items: [{ energy: 'coke', amount: a, unit: 't' }] }).totalTce;
        const inKg = toTce({
          items: [{ energy: 'coke', amount: new Dec(a).times(1000), unit: 'kg' }],
        }).totalTce;
        const inWanT = toTce({
          items: [{ energy: 'coke', amount: new Dec(a).div(10000), unit: '10^4 t' }],
        }).totalTce;
        expect(inKg.eq(inT)).toBe(true);
        expect(inWanT.eq(inT)).toBe(true);
      }),
    );
  });

  it('adds up: the total of two items is the sum of their totals', () => {
    fc.assert(
      fc.property(energy, energy, amount, amount, ([c1, u1], [c2, u2], a1, a2) => {
        const both = toTce({
          items: [
            { energy: c1, amount: a1, unit: u1 },
            { energy: c2, amount: a2, unit: u2 },
          ],
        }).totalTce;
        const sum = toTce({ items: [{ energy: c1, amount: a1, unit: u1 }] }).totalTce.plus(
          toTce({ items: [{ energy: c2, amount: a2, unit: u2 }] }).totalTce,
        );
        expect(both.eq(sum)).toBe(true);
      }),
    );
  });
});
