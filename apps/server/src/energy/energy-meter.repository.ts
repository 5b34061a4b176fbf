import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { MeterSpec } from './consumption.js';

/** A meter row joined with the enterprise it belongs to (for scope checks and names). */
export interface MeterRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  region_code: string;
  code: string;
  name: string;
  energy_code: string;
  unit: string;
  kind: 'cumulative' | 'interval';
  multiplier: number;
  rollover_max: number | null;
  expected_interval_s: number;
  active: boolean;
  is_demo: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const meterQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('energy_meter as m')
    .innerJoin('enterprise as e', 'e.id', 'm.enterprise_id')
    .select([
      'm.id',
      'm.enterprise_id',
      'e.name as enterprise_name',
      'e.region_code',
      'm.code',
      'm.name',
      'm.energy_code',
      'm.unit',
      'm.kind',
      'm.multiplier',
      'm.rollover_max',
      'm.expected_interval_s',
      'm.active',
      'm.is_demo',
      'm.version',
      'm.created_at',
      'm.updated_at',
    ])
    .where('e.deleted_at', 'is', null);

export async function findMeterRow(db: Kysely<Database>, id: string): Promise<MeterRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return (await meterQuery(db).where('m.id', '=', id).executeTakeFirst()) as MeterRow | undefined;
}

export const meterSpec = (
  m: Pick<MeterRow, 'kind' | 'multiplier' | 'rollover_max' | 'expected_interval_s'>,
): MeterSpec => ({
  kind: m.kind,
  multiplier: m.multiplier,
  rolloverMax: m.rollover_max,
  intervalS: m.expected_interval_s,
});
