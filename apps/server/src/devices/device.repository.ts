import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export function deviceQuery(db: Kysely<Database>) {
  return db
    .selectFrom('monitoring_device as d')
    .leftJoin('enterprise as e', 'e.id', 'd.enterprise_id')
    .select([
      'd.mn',
      'd.password',
      'd.name',
      'd.st',
      'd.enterprise_id',
      'd.crc_mode',
      'd.disabled',
      'd.is_demo',
      'd.version',
      'd.created_at',
      'd.updated_at',
      'e.name as enterprise_name',
      'e.region_code',
    ]);
}

export type DeviceRow = Awaited<ReturnType<ReturnType<typeof deviceQuery>['executeTakeFirstOrThrow']>>;

export const findDeviceRow = (db: Kysely<Database>, mn: string) =>
  deviceQuery(db).where('d.mn', '=', mn).executeTakeFirst();
