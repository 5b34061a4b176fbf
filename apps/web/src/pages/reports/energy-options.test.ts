import { energyCoefficients, parseUnit, units } from '@ecep/core';
import { describe, expect, it } from 'vitest';
import { ENERGY_OPTIONS, unitLabel } from './energy-options';

describe('the energies offered in the report form', () => {
  it('are all energies the calculation engine knows', () => {
    const known = new Set(energyCoefficients.map((c) => c.code));
    expect(ENERGY_OPTIONS.map((o) => o.code).filter((c) => !known.has(c))).toEqual([]);
  });

  it('offer only units the engine can convert to the coefficient’s unit', () => {
    for (const o of ENERGY_OPTIONS) {
      const coefficient = energyCoefficients.find((c) => c.code === o.code);
      const dimension = coefficient ? units[coefficient.unit].dimension : undefined;
      expect(o.units, o.code).toContain(o.defaultUnit);
      for (const u of o.units) {
        const code = parseUnit(u);
        expect(code, `${o.code} ${u}`).toBeDefined();
        expect(code && units[code].dimension, `${o.code} ${u}`).toBe(dimension);
      }
    }
  });

  it('shows 10^4 units the Chinese way', () => {
    expect(unitLabel('10^4 m3')).toBe('万m³');
    expect(unitLabel('10^4 kWh')).toBe('万kWh');
  });
});
