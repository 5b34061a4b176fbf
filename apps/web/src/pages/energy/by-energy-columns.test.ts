import type { EnergyPeriodTotal } from '@ecep/contract';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../components/csv';
import { byEnergyCsvColumns, byEnergySeries, byEnergyTableColumns } from './by-energy-columns';
import { energyCell, energyColumns } from './energy-model';

const period = (name: string, energies: Array<[string, string, string, string]>): EnergyPeriodTotal => ({
  period: name,
  byEnergy: energies.map(([energyCode, nameZh, unit, energyTce]) => ({
    energyCode,
    nameZh,
    unit,
    consumptionPhysical: '1.000',
    energyTce,
  })),
  totalTce: '0.1000',
  complete: true,
  explain: { formula: 'Σ', inputs: {} },
});

const items = [
  period('2026-10', [['raw-coal', '原煤', 't', '0.7143']]),
  period('2026-11', [
    ['electricity', '电力', '10^4 kWh', '1.2290'],
    ['raw-coal', '原煤', 't', '0.7143'],
  ]),
];
const columns = energyColumns(items);

describe('the per-energy parts of a consumption report', () => {
  it('finds an energy of a period by code and unit, and nothing where the period lacks it', () => {
    const [electricity] = columns;
    expect(electricity && energyCell(items[1] as EnergyPeriodTotal, electricity)?.energyTce).toBe('1.2290');
    expect(electricity && energyCell(items[0] as EnergyPeriodTotal, electricity)).toBeUndefined();
  });

  it('draws a tce line per energy with a gap where a period has none', () => {
    expect(byEnergySeries(items, columns)).toEqual([
      { type: 'line', name: '电力（折 tce）', data: [null, 1.229] },
      { type: 'line', name: '原煤（折 tce）', data: [0.7143, 0.7143] },
    ]);
  });

  it('exports the physical quantity and the tce of each energy as two CSV columns', () => {
    expect(toCsv(byEnergyCsvColumns(columns), items).split('\r\n')).toEqual([
      '电力（10^4 kWh）,电力折标（tce）,原煤（t）,原煤折标（tce）',
      ',,1.000,0.7143',
      '1.000,1.2290,1.000,0.7143',
      '',
    ]);
  });

  it('shows quantity with its unit and tce in one table cell, or a dash', () => {
    const [electricity] = byEnergyTableColumns(columns);
    expect(electricity?.title).toBe('电力（万kWh / tce）');
    const render = electricity?.render as (v: unknown, p: EnergyPeriodTotal) => string;
    expect(render(null, items[1] as EnergyPeriodTotal)).toBe('1.000 万kWh / 1.2290 tce');
    expect(render(null, items[0] as EnergyPeriodTotal)).toBe('—');
  });
});
