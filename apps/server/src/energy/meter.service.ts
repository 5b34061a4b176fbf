import type { EnergyMeter, EnergyMeterCreate, EnergyMeterUpdate } from '@ecep/contract';
import { CalcError, toTce } from '@ecep/core';
import type { Kysely } from 'kysely';
import { type Principal, regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { recordAuditBy } from '../lib/record-audit-by.js';
import { recordVisibleTo } from '../lib/record-scope.js';
import { recomputeAll } from './consumption.repository.js';
import { findMeterRow, type MeterRow, meterQuery, meterSpec } from './energy-meter.repository.js';

export const toMeter = (r: MeterRow): EnergyMeter => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  regionCode: r.region_code,
  code: r.code,
  name: r.name,
  energyCode: r.energy_code,
  unit: r.unit,
  kind: r.kind,
  multiplier: r.multiplier,
  rolloverMax: r.rollover_max,
  expectedIntervalS: r.expected_interval_s,
  active: r.active,
  isDemo: r.is_demo,
  version: r.version,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** Whether the caller sees records of an enterprise: their own (enterprise users) or one in their region. */
export function enterpriseVisibleTo(
  p: Principal,
  e: { enterprise_id: string; region_code: string },
): boolean {
  return recordVisibleTo(p, e.enterprise_id, e.region_code);
}

/** Checks the energy code and unit against the calculation engine, so every meter converts to tce. */
export function checkEnergyUnit(energyCode: string, unit: string): void {
  try {
    toTce({ items: [{ energy: energyCode, amount: 0, unit }] });
  } catch (err) {
    if (err instanceof CalcError) {
      const field = err.path.endsWith('/energy') ? 'energyCode' : 'unit';
      throw new AppError('ENERGY_METER_INVALID', `${field}: ${err.message}`, { field, cause: err.code });
    }
    throw err;
  }
}

/** The energy meter register (计量器具台账): enterprise users keep their own, admins those of their region. */
export class MeterService {
  constructor(private readonly db: Kysely<Database>) {}

  async list(p: Principal, filter: { enterpriseId?: string } = {}): Promise<EnergyMeter[]> {
    let q = meterQuery(this.db).orderBy('e.name').orderBy('m.code');
    if (filter.enterpriseId) q = q.where('m.enterprise_id', '=', filter.enterpriseId);
    if (p.role === 'enterprise_user') q = q.where('m.enterprise_id', '=', p.enterpriseId ?? '');
    const prefix = regionPrefix(p.regionCode);
    if (prefix) q = q.where('e.region_code', 'like', `${prefix}%`);
    const rows = (await q.execute()) as MeterRow[];
    return rows.filter((r) => enterpriseVisibleTo(p, r)).map(toMeter);
  }

  /** The meter row if the caller may see it; 404 otherwise (outside scope it does not exist). */
  async getRow(p: Principal, id: string): Promise<MeterRow> {
    const row = await findMeterRow(this.db, id);
    if (!row || !enterpriseVisibleTo(p, row)) {
      throw new AppError('ENERGY_METER_NOT_FOUND', `没有编号为 ${id} 的计量器具 / no energy meter ${id}`);
    }
    return row;
  }

  async get(p: Principal, id: string): Promise<EnergyMeter> {
    return toMeter(await this.getRow(p, id));
  }

  async create(
    p: Principal,
    input: EnergyMeterCreate,
    opts: { isDemo?: boolean } = {},
  ): Promise<EnergyMeter> {
    const enterpriseId = input.enterpriseId ?? (p.role === 'enterprise_user' ? p.enterpriseId : null);
    if (!enterpriseId) {
      throw new AppError('VALIDATION_FAILED', 'body/enterpriseId: 请指定企业 / enterpriseId is required', {
        field: 'enterpriseId',
      });
    }
    const ent = await this.db
      .selectFrom('enterprise')
      .select(['id', 'region_code'])
      .where('id', '=', enterpriseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!ent || !enterpriseVisibleTo(p, { enterprise_id: ent.id, region_code: ent.region_code })) {
      throw new AppError('ENTERPRISE_NOT_FOUND', `enterpriseId: 没有编号为 ${enterpriseId} 的企业`, {
        field: 'enterpriseId',
      });
    }
    checkEnergyUnit(input.energyCode, input.unit);
    const taken = await this.db
      .selectFrom('energy_meter')
      .select('id')
      .where('enterprise_id', '=', enterpriseId)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken) {
      throw new AppError('ENERGY_METER_CODE_TAKEN', `code: 本企业已有编号为 ${input.code} 的计量器具`, {
        field: 'code',
        id: taken.id,
      });
    }
    const values = {
      enterprise_id: enterpriseId,
      code: input.code,
      name: input.name,
      energy_code: input.energyCode,
      unit: input.unit,
      kind: input.kind,
      multiplier: input.multiplier ?? 1,
      rollover_max: input.rolloverMax ?? null,
      expected_interval_s: input.expectedIntervalS ?? 900,
      is_demo: opts.isDemo ?? false,
    };
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('energy_meter')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAuditBy(trx, p, {
        action: 'create',
        entity: 'energy_meter',
        entityId: row.id,
        before: null,
        after: values,
      });
      return row.id;
    });
    return this.get(p, id);
  }

  async update(p: Principal, id: string, patch: EnergyMeterUpdate): Promise<EnergyMeter> {
    const before = await this.getRow(p, id);
    if (patch.version !== before.version) {
      throw new AppError(
        'ENERGY_METER_VERSION_CONFLICT',
        `计量器具已被修改（当前版本 ${before.version}）/ the meter changed since version ${patch.version}`,
        { currentVersion: before.version },
      );
    }
    const values: Record<string, unknown> = {};
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.multiplier !== undefined) values.multiplier = patch.multiplier;
    if (patch.rolloverMax !== undefined) values.rollover_max = patch.rolloverMax;
    if (patch.expectedIntervalS !== undefined) values.expected_interval_s = patch.expectedIntervalS;
    if (patch.active !== undefined) values.active = patch.active;
    await this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('energy_meter')
        .set({ ...values, updated_at: new Date(), version: before.version + 1 })
        .where('id', '=', id)
        .where('version', '=', before.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) {
        throw new AppError('ENERGY_METER_VERSION_CONFLICT', '计量器具已被修改 / the meter changed meanwhile');
      }
      await recordAuditBy(trx, p, {
        action: 'update',
        entity: 'energy_meter',
        entityId: id,
        before,
        after: values,
      });
      const spec = meterSpec({ ...before, ...values } as MeterRow);
      const changed =
        spec.multiplier !== before.multiplier ||
        spec.rolloverMax !== before.rollover_max ||
        spec.intervalS !== before.expected_interval_s;
      // The buckets depend on these settings: rebuild them from the stored readings.
      if (changed) await recomputeAll(trx, id, spec, Date.now());
    });
    return this.get(p, id);
  }
}
