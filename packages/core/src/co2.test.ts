import { describe, expect, it } from 'vitest';
import { co2FromEnergy } from './co2.js';
import { co2FuelFactors, gridEmissionFactors } from './co2-factors.js';
import { roundGbt8170 } from './rounding.js';
import { expectCalcError } from './test-helpers.js';

describe('co2FromEnergy', () => {
  it('reproduces the reference kg CO2 per unit for every verified fuel', () => {
    const expected: Record<string, string> = {
      'raw-coal': '1.9003',
      coke: '2.8604',
      'crude-oil': '3.0202',
      'fuel-oil': '3.1705',
      gasoline: '2.9251',
      kerosene: '3.0179',
      diesel: '3.0959',
      lpg: '3.1013',
      'refinery-gas': '3.0119',
      'natural-gas-oilfield': '2.1622',
    };
    for (const [energy, kg] of Object.entries(expected)) {
      const unit = co2FuelFactors.find((f) => f.energy === energy)?.unit ?? 'kg';
      const r = co2FromEnergy({ items: [{ energy, amount: 1, unit }] });
      expect(roundGbt8170(r.items[0]!.factor, 4).toFixed(4), energy).toBe(kg);
      expect(r.items[0]?.co2T.eq(r.items[0].factor.div(1000))).toBe(true);
    }
  });

  it('multiplies electricity in MWh by the grid factor given', () => {
    const r = co2FromEnergy({
      items: [{ energy: 'electricity', amount: 1000, unit: 'MWh' }],
      gridFactorTPerMWh: 0.5703,
    });
    expect(r.totalCo2T.toFixed()).toBe('570.3');
    expect(r.items[0]?.method).toBe('grid');
  });

  it('converts 10^4 kWh to MWh before applying the grid factor', () => {
    const r = co2FromEnergy({
      items: [{ energy: 'electricity', amount: 100, unit: '10^4 kWh' }],
      gridFactorTPerMWh: '0.7096',
      gridFactorSource: 'MEE + NBS 2022 山西',
    });
    expect(r.totalCo2T.toFixed()).toBe('709.6');
    expect(r.items[0]?.source).toBe('MEE + NBS 2022 山西');
  });

  it('counts purchased heat at 0.11 t CO2/GJ', () => {
    expect(co2FromEnergy({ items: [{ energy: 'heat', amount: 100, unit: 'GJ' }] }).totalCo2T.toFixed()).toBe(
      '11',
    );
  });

  it('uses a measured calorific value in place of the default', () => {
    const r = co2FromEnergy({
      items: [{ energy: 'raw-coal', amount: 1, unit: 't', ncvKJPerUnit: 20908 * 2 }],
    });
    const d = co2FromEnergy({ items: [{ energy: 'raw-coal', amount: 1, unit: 't' }] });
    expect(r.totalCo2T.eq(d.totalCo2T.times(2))).toBe(true);
  });

  it('sums fuels and electricity and marks unverified factors in the explanation', () => {
    const r = co2FromEnergy({
      items: [
        { energy: 'raw-coal', amount: 1000, unit: 't' },
        { energy: 'coke-oven-gas', amount: 1, unit: '10^4 m3' },
        { energy: 'electricity', amount: 10, unit: 'MWh' },
      ],
      gridFactorTPerMWh: 0.5,
    });
    expect(r.totalCo2T.eq(r.items.reduce((s, x) => s.plus(x.co2T), r.items[0]!.co2T.times(0)))).toBe(true);
    expect(r.items[1]?.verified).toBe(false);
    expect(r.explain.notes?.join(' ')).toContain('unverified');
  });

  it('requires a grid factor when electricity is listed', () => {
    expectCalcError(
      () => co2FromEnergy({ items: [{ energy: 'electricity', amount: 1, unit: 'kWh' }] }),
      'CALC_INVALID_INPUT',
      '/gridFactorTPerMWh',
    );
  });

  it('reports energies without a default factor instead of counting them as zero', () => {
    expectCalcError(
      () => co2FromEnergy({ items: [{ energy: 'fresh-water', amount: 1, unit: 't' }] }),
      'CALC_NO_EMISSION_FACTOR',
      '/items/0/energy',
    );
  });

  it('rejects a unit that does not fit the energy', () => {
    expectCalcError(
      () => co2FromEnergy({ items: [{ energy: 'diesel', amount: 1, unit: 'm3' }] }),
      'CALC_UNIT_MISMATCH',
      '/items/0/unit',
    );
  });
});

describe('gridEmissionFactors', () => {
  it('keeps the two official series apart for the same year', () => {
    const y2022 = gridEmissionFactors.filter((g) => g.region === 'national' && g.year === 2022);
    expect(y2022.map((g) => [g.series, g.tCo2PerMWh])).toEqual([
      ['carbon-market', '0.5703'],
      ['location-based', '0.5366'],
    ]);
  });
});
