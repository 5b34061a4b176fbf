import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.js';
import { expectCalcError } from './test-helpers.js';
import { convertUnit, parseUnit, requireUnit, type UnitCode } from './units.js';

describe('convertUnit', () => {
  it('converts mass units exactly', () => {
    expect(convertUnit(1, '10^4 t', 'kg').toFixed()).toBe('10000000');
    expect(convertUnit('2.5', 't', 'kg').toFixed()).toBe('2500');
    expect(convertUnit(1500, 'kg', 't').toFixed()).toBe('1.5');
  });

  it('converts volume units exactly', () => {
    expect(convertUnit(3, '10^4 m3', 'm3').toFixed()).toBe('30000');
  });

  it('converts energy units with 1 kWh = 3.6 MJ', () => {
    expect(convertUnit(1, 'MWh', 'GJ').toFixed()).toBe('3.6');
    expect(convertUnit(1, '10^4 kWh', 'MWh').toFixed()).toBe('10');
    expect(convertUnit(1, 'GJ', 'MJ').toFixed()).toBe('1000');
    expect(convertUnit(36, 'MJ', 'kWh').toFixed()).toBe('10');
  });

  it('refuses to convert between mass, volume and energy', () => {
    expectCalcError(() => convertUnit(1, 't', 'm3'), 'CALC_UNIT_MISMATCH', '/unit');
    expectCalcError(
      () => convertUnit(1, 'kWh', 'kg', '/items/0/unit'),
      'CALC_UNIT_MISMATCH',
      '/items/0/unit',
    );
  });
});

describe('parseUnit', () => {
  it('accepts the canonical codes and common Chinese spellings', () => {
    expect(parseUnit('t')).toBe('t');
    expect(parseUnit('万t')).toBe('10^4 t');
    expect(parseUnit('万kWh')).toBe('10^4 kWh');
    expect(parseUnit('m³')).toBe('m3');
    expect(parseUnit('万m³')).toBe('10^4 m3');
  });

  it('rejects unknown units, naming the accepted ones', () => {
    expect(parseUnit('barrel')).toBeUndefined();
    expect(parseUnit('toString')).toBeUndefined();
    const e = expectCalcError(() => requireUnit('barrel', '/unit'), 'CALC_UNKNOWN_UNIT', '/unit');
    expect(e.message).toContain('10^4 kWh');
  });
});

const amount = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 9 }))
  .map(([n, scale]) => new Dec(n.toString()).div(new Dec(10).pow(scale)));

describe('unit conversion properties', () => {
  it('round-trips t ↔ kg ↔ 10^4 t exactly', () => {
    fc.assert(
      fc.property(amount, (a) => {
        const kg = convertUnit(a, 't', 'kg');
        const wan = convertUnit(kg, 'kg', '10^4 t');
        expect(convertUnit(wan, '10^4 t', 't').eq(a)).toBe(true);
      }),
    );
  });

  it('round-trips m3 ↔ 10^4 m3 exactly', () => {
    fc.assert(
      fc.property(amount, (a) => {
        expect(convertUnit(convertUnit(a, 'm3', '10^4 m3'), '10^4 m3', 'm3').eq(a)).toBe(true);
      }),
    );
  });

  it('round-trips kWh through every energy unit and back exactly', () => {
    const energyUnits: UnitCode[] = ['MJ', 'GJ', 'MWh', '10^4 kWh'];
    fc.assert(
      fc.property(amount, fc.constantFrom(...energyUnits), (a, unit) => {
        expect(convertUnit(convertUnit(a, 'kWh', unit), unit, 'kWh').eq(a)).toBe(true);
      }),
    );
  });

  it('round-trips GJ through kWh to within 40 significant digits', () => {
    fc.assert(
      fc.property(amount, (a) => {
        const back = convertUnit(convertUnit(a, 'GJ', 'kWh'), 'kWh', 'GJ');
        expect(back.minus(a).abs().lte(a.abs().times('1e-40'))).toBe(true);
      }),
    );
  });
});
