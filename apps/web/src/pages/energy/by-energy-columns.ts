import type { EnergyPeriodTotal } from '@ecep/contract';
import type { ColumnType } from 'antd/es/table';
import type { CsvColumn } from '../../components/csv';
import { unitLabel } from '../reports/energy-options';
import { type EnergyColumn, energyCell } from './energy-model';

// The per-energy parts of a consumption report (periods × energies), as its chart, table and CSV show them.

/** A line per energy: its consumption in tce per period (gaps where it had none). */
export function byEnergySeries(items: readonly EnergyPeriodTotal[], columns: readonly EnergyColumn[]) {
  return columns.map((c) => ({
    type: 'line' as const,
    name: `${c.nameZh}（折 tce）`,
    data: items.map((p) => {
      const e = energyCell(p, c);
      return e ? Number(e.energyTce) : null;
    }),
  }));
}

/** A table column per energy: physical quantity and tce in one cell. */
export function byEnergyTableColumns(columns: readonly EnergyColumn[]): ColumnType<EnergyPeriodTotal>[] {
  return columns.map((c) => ({
    title: `${c.nameZh}（${unitLabel(c.unit)} / tce）`,
    key: c.key,
    align: 'right' as const,
    render: (_: unknown, p: EnergyPeriodTotal) => {
      const e = energyCell(p, c);
      return e ? `${e.consumptionPhysical} ${unitLabel(e.unit)} / ${e.energyTce} tce` : '—';
    },
  }));
}

/** Two CSV columns per energy: physical quantity (in its unit) and tce. */
export function byEnergyCsvColumns(columns: readonly EnergyColumn[]): CsvColumn<EnergyPeriodTotal>[] {
  return columns.flatMap((c): CsvColumn<EnergyPeriodTotal>[] => [
    { title: `${c.nameZh}（${c.unit}）`, value: (p) => energyCell(p, c)?.consumptionPhysical },
    { title: `${c.nameZh}折标（tce）`, value: (p) => energyCell(p, c)?.energyTce },
  ]);
}
