import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { BalancedQuantities } from './balance.js';

/** The scope a query is narrowed to: a region code prefix, and for enterprise users their enterprise. */
export interface LedgerScope {
  regionPrefix: string;
  enterpriseId: string | null;
}

export interface EntryFilter extends LedgerScope {
  filterEnterpriseId?: string;
  filterRegionPrefix?: string;
  wasteType?: string;
  periodType?: 'month' | 'year';
  from?: string;
  to?: string;
}

function currentEntries(db: Kysely<Database>) {
  return db
    .selectFrom('solid_waste_entry as e')
    .innerJoin('solid_waste_entry_version as v', (j) =>
      j.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.current_version'),
    )
    .innerJoin('enterprise as ent', 'ent.id', 'e.enterprise_id')
    .select([
      'e.id',
      'e.enterprise_id',
      'ent.name as enterprise_name',
      'ent.region_code',
      'ent.credit_code',
      'e.waste_type',
      'e.period_type',
      'e.period',
      'e.is_demo',
      'v.version',
      'v.opening_stock_t',
      'v.generated_t',
      'v.utilized_t',
      'v.utilized_from_stock_t',
      'v.building_materials_t',
      'v.power_t',
      'v.backfill_t',
      'v.road_base_t',
      'v.land_reclamation_t',
      'v.other_use_t',
      'v.disposed_t',
      'v.stored_t',
      'v.closing_stock_t',
      'v.note',
      'v.reason',
      'v.recorded_by',
      'v.recorded_at',
    ]);
}
export type EntryRow = Awaited<ReturnType<ReturnType<typeof currentEntries>['executeTakeFirstOrThrow']>>;

function applyFilter<Q extends ReturnType<typeof currentEntries>>(q: Q, f: EntryFilter): Q {
  let r = q;
  if (f.regionPrefix) r = r.where('ent.region_code', 'like', `${f.regionPrefix}%`) as Q;
  if (f.enterpriseId) r = r.where('e.enterprise_id', '=', f.enterpriseId) as Q;
  if (f.filterEnterpriseId) r = r.where('e.enterprise_id', '=', f.filterEnterpriseId) as Q;
  if (f.filterRegionPrefix) r = r.where('ent.region_code', 'like', `${f.filterRegionPrefix}%`) as Q;
  if (f.wasteType) r = r.where('e.waste_type', '=', f.wasteType) as Q;
  if (f.periodType) r = r.where('e.period_type', '=', f.periodType) as Q;
  if (f.from) r = r.where('e.period', '>=', f.from) as Q;
  if (f.to) r = r.where('e.period', '<=', f.to.length === 4 ? `${f.to}-99` : f.to) as Q;
  return r;
}

export async function listEntryRows(
  db: Kysely<Database>,
  f: EntryFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: EntryRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    applyFilter(currentEntries(db), f)
      .where('ent.deleted_at', 'is', null)
      .orderBy('e.period', 'desc')
      .orderBy('ent.name')
      .orderBy('e.waste_type')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    applyFilter(currentEntries(db), f)
      .where('ent.deleted_at', 'is', null)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Current versions of the entries of a year (`2024`: its months and the year entry) or of one month. */
export async function entriesForRates(
  db: Kysely<Database>,
  period: string,
  f: EntryFilter,
): Promise<EntryRow[]> {
  let q = applyFilter(currentEntries(db), f).where('ent.deleted_at', 'is', null);
  q = period.length === 4 ? q.where('e.period', 'like', `${period}%`) : q.where('e.period', '=', period);
  return q.orderBy('e.period').execute();
}

export async function findEntryRow(db: Kysely<Database>, id: string): Promise<EntryRow | undefined> {
  return currentEntries(db).where('e.id', '=', id).executeTakeFirst();
}

export async function entryVersions(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('solid_waste_entry_version')
    .selectAll()
    .where('entry_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
}

export async function findEntryId(
  db: Kysely<Database>,
  key: { enterpriseId: string; wasteType: string; period: string },
): Promise<{ id: string; current_version: number } | undefined> {
  return db
    .selectFrom('solid_waste_entry')
    .select(['id', 'current_version'])
    .where('enterprise_id', '=', key.enterpriseId)
    .where('waste_type', '=', key.wasteType)
    .where('period', '=', key.period)
    .executeTakeFirst();
}

/** The latest earlier and the earliest later entry of the same chain (enterprise, waste type, period type). */
export async function chainNeighbours(
  db: Kysely<Database>,
  key: { enterpriseId: string; wasteType: string; periodType: 'month' | 'year'; period: string },
) {
  const base = currentEntries(db)
    .where('e.enterprise_id', '=', key.enterpriseId)
    .where('e.waste_type', '=', key.wasteType)
    .where('e.period_type', '=', key.periodType);
  const [previous, next] = await Promise.all([
    base.where('e.period', '<', key.period).orderBy('e.period', 'desc').limit(1).executeTakeFirst(),
    base.where('e.period', '>', key.period).orderBy('e.period', 'asc').limit(1).executeTakeFirst(),
  ]);
  return {
    previous: previous ? { period: previous.period, closingStockT: String(previous.closing_stock_t) } : null,
    next: next ? { period: next.period, openingStockT: String(next.opening_stock_t) } : null,
  };
}

function versionValues(q: BalancedQuantities) {
  return {
    opening_stock_t: q.openingStockT,
    generated_t: q.generatedT,
    utilized_t: q.utilizedT,
    utilized_from_stock_t: q.utilizedFromStockT,
    building_materials_t: q.routes.buildingMaterialsT,
    power_t: q.routes.powerT,
    backfill_t: q.routes.backfillT,
    road_base_t: q.routes.roadBaseT,
    land_reclamation_t: q.routes.landReclamationT,
    other_use_t: q.routes.otherUseT,
    disposed_t: q.disposedT,
    stored_t: q.storedT,
    closing_stock_t: q.closingStockT,
  };
}

export async function insertEntry(
  db: Kysely<Database>,
  e: {
    enterpriseId: string;
    wasteType: string;
    periodType: 'month' | 'year';
    period: string;
    quantities: BalancedQuantities;
    note: string;
    recordedBy: string;
    isDemo?: boolean;
  },
): Promise<string> {
  const row = await db
    .insertInto('solid_waste_entry')
    .values({
      enterprise_id: e.enterpriseId,
      waste_type: e.wasteType,
      period_type: e.periodType,
      period: e.period,
      current_version: 1,
      is_demo: e.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('solid_waste_entry_version')
    .values({
      entry_id: row.id,
      version: 1,
      ...versionValues(e.quantities),
      note: e.note,
      reason: null,
      recorded_by: e.recordedBy,
    })
    .execute();
  return row.id;
}

export async function insertCorrection(
  db: Kysely<Database>,
  id: string,
  version: number,
  q: BalancedQuantities,
  meta: { note: string; reason: string; recordedBy: string },
): Promise<void> {
  await db
    .insertInto('solid_waste_entry_version')
    .values({
      entry_id: id,
      version,
      ...versionValues(q),
      note: meta.note,
      reason: meta.reason,
      recorded_by: meta.recordedBy,
    })
    .execute();
  await db
    .updateTable('solid_waste_entry')
    .set({ current_version: version, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function findEnterprise(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('enterprise')
    .select(['id', 'name', 'region_code'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findEnterpriseByCreditCode(db: Kysely<Database>, creditCode: string) {
  return db
    .selectFrom('enterprise')
    .select(['id', 'name', 'region_code'])
    .where('credit_code', '=', creditCode)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function regionNames(db: Kysely<Database>, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('region').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

function utilizers(db: Kysely<Database>) {
  return db
    .selectFrom('solid_waste_utilizer as u')
    .innerJoin('enterprise as ent', 'ent.id', 'u.enterprise_id')
    .select([
      'u.id',
      'u.enterprise_id',
      'ent.name as enterprise_name',
      'ent.region_code',
      'u.capacities',
      'u.products',
      'u.certification',
      'u.certificate_no',
      sql<string | null>`u.certified_until::text`.as('certified_until'),
      'u.is_demo',
    ]);
}
export type UtilizerRow = Awaited<ReturnType<ReturnType<typeof utilizers>['executeTakeFirstOrThrow']>>;

export async function listUtilizerRows(db: Kysely<Database>, scope: LedgerScope, wasteType?: string) {
  let q = utilizers(db).where('ent.deleted_at', 'is', null);
  if (scope.regionPrefix) q = q.where('ent.region_code', 'like', `${scope.regionPrefix}%`);
  if (scope.enterpriseId) q = q.where('u.enterprise_id', '=', scope.enterpriseId);
  if (wasteType) q = q.where(sql<boolean>`u.capacities ? ${wasteType}`);
  return q.orderBy('ent.region_code').orderBy('ent.name').execute();
}

export async function findUtilizerRow(db: Kysely<Database>, id: string) {
  return utilizers(db).where('u.id', '=', id).executeTakeFirst();
}

export async function upsertUtilizer(
  db: Kysely<Database>,
  u: {
    enterpriseId: string;
    capacities: Record<string, string>;
    products: string;
    certification: string;
    certificateNo: string;
    certifiedUntil: string | null;
    isDemo?: boolean;
  },
): Promise<string> {
  const values = {
    capacities: JSON.stringify(u.capacities),
    products: u.products,
    certification: u.certification,
    certificate_no: u.certificateNo,
    certified_until: u.certifiedUntil,
  };
  const row = await db
    .insertInto('solid_waste_utilizer')
    .values({ enterprise_id: u.enterpriseId, ...values, is_demo: u.isDemo ?? false })
    .onConflict((oc) => oc.column('enterprise_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
