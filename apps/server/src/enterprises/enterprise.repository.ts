import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

export interface EnterpriseFilter {
  /** Region prefix of the caller's scope ('' = all). */
  scopePrefix: string;
  /** Only this enterprise (enterprise users). */
  onlyEnterpriseId?: string | null;
  q?: string;
  /** Region prefix chosen in the filter. */
  regionPrefix?: string;
  industryCodes?: readonly string[];
  keyEnergyUser?: boolean;
  keyPollutionSource?: boolean;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('enterprise as e')
    .innerJoin('region as r', 'r.code', 'e.region_code')
    .leftJoin('region as p', 'p.code', 'r.parent_code')
    .where('e.deleted_at', 'is', null);
}

const columns = [
  'e.id',
  'e.name',
  'e.credit_code',
  'e.region_code',
  'e.industry_code',
  'e.key_energy_user',
  'e.key_pollution_source',
  'e.address',
  'e.longitude',
  'e.latitude',
  'e.is_demo',
  'e.version',
  'e.created_at',
  'e.updated_at',
  'r.name as region_name',
  'r.level as region_level',
  'p.code as parent_code',
  'p.name as parent_name',
] as const;

export type EnterpriseRow = Awaited<ReturnType<typeof findEnterpriseRow>> & object;

export async function findEnterpriseRow(db: Kysely<Database>, id: string) {
  return baseQuery(db).select(columns).where('e.id', '=', id).executeTakeFirst();
}

export async function listEnterpriseRows(
  db: Kysely<Database>,
  filter: EnterpriseFilter,
  page: { limit: number; offset: number },
) {
  let q = baseQuery(db);
  if (filter.scopePrefix) q = q.where('e.region_code', 'like', `${filter.scopePrefix}%`);
  if (filter.onlyEnterpriseId !== undefined && filter.onlyEnterpriseId !== null) {
    q = q.where('e.id', '=', filter.onlyEnterpriseId);
  }
  if (filter.regionPrefix) q = q.where('e.region_code', 'like', `${filter.regionPrefix}%`);
  if (filter.industryCodes && filter.industryCodes.length > 0) {
    q = q.where('e.industry_code', 'in', filter.industryCodes);
  }
  if (filter.keyEnergyUser !== undefined) q = q.where('e.key_energy_user', '=', filter.keyEnergyUser);
  if (filter.keyPollutionSource !== undefined)
    q = q.where('e.key_pollution_source', '=', filter.keyPollutionSource);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) =>
      eb.or([eb('e.name', 'ilike', pattern), eb('e.credit_code', 'like', pattern.toUpperCase())]),
    );
  }
  const [rows, count] = await Promise.all([
    q.select(columns).orderBy('e.name').orderBy('e.id').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function creditCodeTaken(db: Kysely<Database>, creditCode: string, exceptId?: string) {
  let q = db
    .selectFrom('enterprise')
    .select('id')
    .where('credit_code', '=', creditCode)
    .where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export interface EnterpriseWrite {
  name: string;
  credit_code: string;
  region_code: string;
  industry_code: string;
  key_energy_user: boolean;
  key_pollution_source: boolean;
  address: string;
  longitude: number | null;
  latitude: number | null;
  is_demo?: boolean;
}

export async function insertEnterprise(db: Kysely<Database>, values: EnterpriseWrite): Promise<string> {
  const row = await db.insertInto('enterprise').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Updates only when the stored version matches; returns false on a stale version. */
export async function updateEnterprise(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  values: Partial<EnterpriseWrite>,
): Promise<boolean> {
  const res = await db
    .updateTable('enterprise')
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function softDeleteEnterprise(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('enterprise')
    .set({ deleted_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function regionExists(db: Kysely<Database>, code: string) {
  return db.selectFrom('region').select(['code', 'level']).where('code', '=', code).executeTakeFirst();
}
