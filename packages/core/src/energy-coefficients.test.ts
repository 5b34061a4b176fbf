import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.js';
import { energyCoefficients, findEnergyCoefficient, KJ_PER_KGCE } from './energy-coefficients.js';
import { units } from './units.js';

const required = [
  'raw-coal',
  'washed-coal',
  'coke',
  'crude-oil',
  'fuel-oil',
  'gasoline',
  'kerosene',
  'diesel',
  'lpg',
  'refinery-gas',
  'natural-gas',
  'coke-oven-gas',
  'blast-furnace-gas',
  'coal-mine-methane',
  'electricity',
  'heat',
  'steam',
  'fresh-water',
];

describe('energyCoefficients', () => {
  it('covers every energy the platform reports', () => {
    for (const code of required) expect(findEnergyCoefficient(code), code).toBeDefined();
  });

  it('has unique codes', () => {
    const codes = energyCoefficients.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives every row a unit, a positive coefficient, a basis, a source and a validity period', () => {
    for (const row of energyCoefficients) {
      expect(units[row.unit], row.code).toBeDefined();
      expect(new Dec(row.coefficientKgcePerUnit).gt(0), row.code).toBe(true);
      expect(['equivalent', 'equal-value']).toContain(row.basis);
      expect(row.source.length, row.code).toBeGreaterThan(10);
      expect(row.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.validTo === null || /^\d{4}-\d{2}-\d{2}$/.test(row.validTo)).toBe(true);
    }
  });

  it('holds the GB/T 2589 figures from the reference notes', () => {
    const k = (code: string) => findEnergyCoefficient(code)?.coefficientKgcePerUnit;
    expect(k('raw-coal')).toBe('0.7143');
    expect(k('washed-coal')).toBe('0.9000');
    expect(k('coke')).toBe('0.9714');
    expect(k('diesel')).toBe('1.4571');
    expect(k('gasoline')).toBe('1.4714');
    expect(k('lpg')).toBe('1.7143');
    expect(k('natural-gas-oilfield')).toBe('1.3300');
    expect(k('blast-furnace-gas')).toBe('0.1286');
    expect(k('electricity')).toBe('0.1229');
    expect(k('heat')).toBe('0.03412');
    expect(k('fresh-water')).toBe('0.0857');
  });

  it('flags energy-carrying working media (耗能工质) and only them', () => {
    expect(findEnergyCoefficient('fresh-water')?.isEnergyWorkingMedium).toBe(true);
    expect(findEnergyCoefficient('compressed-air')?.isEnergyWorkingMedium).toBe(true);
    expect(findEnergyCoefficient('raw-coal')?.isEnergyWorkingMedium).toBe(false);
    expect(findEnergyCoefficient('electricity')?.isEnergyWorkingMedium).toBe(false);
  });

  it('has coefficients that agree with their calorific values ÷ 29 307 kJ/kgce to 0.0001', () => {
    for (const row of energyCoefficients) {
      if (row.ncvKJPerUnit === undefined) continue;
      const fromNcv = new Dec(row.ncvKJPerUnit).div(KJ_PER_KGCE);
      expect(fromNcv.minus(row.coefficientKgcePerUnit).abs().lte('0.0001'), row.code).toBe(true);
    }
  });

  it('uses the lower bound of a range as the default and says so', () => {
    const cog = findEnergyCoefficient('coke-oven-gas');
    expect(cog?.rangeKgcePerUnit).toEqual(['0.5714', '0.6143']);
    expect(cog?.coefficientKgcePerUnit).toBe('0.5714');
    expect(cog?.notes).toContain('lower bound');
  });
});
