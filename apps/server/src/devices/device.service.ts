import type { Device, DeviceCreate, DeviceUpdate } from '@ecep/contract';
import type { Kysely } from 'kysely';
import { type Principal, regionInScope, regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { recordAuditBy } from '../lib/record-audit-by.js';
import { type DeviceRow, deviceQuery, findDeviceRow } from './device.repository.js';
import type { DeviceDirectory } from './device-directory.js';

const toDevice = (r: DeviceRow): Device => ({
  mn: r.mn,
  name: r.name,
  st: r.st,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  crcMode: r.crc_mode as Device['crcMode'],
  disabled: r.disabled,
  isDemo: r.is_demo,
  version: r.version,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** A device is seen by whoever sees its enterprise; one without an enterprise only at province level. */
export function deviceVisibleTo(
  p: Principal,
  row: { enterprise_id: string | null; region_code: string | null },
): boolean {
  if (p.role === 'public') return false;
  if (p.role === 'enterprise_user') return row.enterprise_id !== null && row.enterprise_id === p.enterpriseId;
  if (row.region_code === null) return regionPrefix(p.regionCode).length <= 2;
  return regionInScope(p, row.region_code);
}

export class DeviceService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly directory: DeviceDirectory | null,
  ) {}

  async list(p: Principal, filter: { enterpriseId?: string } = {}): Promise<Device[]> {
    let q = deviceQuery(this.db).orderBy('d.mn');
    if (filter.enterpriseId) q = q.where('d.enterprise_id', '=', filter.enterpriseId);
    const prefix = regionPrefix(p.regionCode);
    if (prefix)
      q = q.where((eb) =>
        eb.or([eb('e.region_code', 'like', `${prefix}%`), eb('d.enterprise_id', 'is', null)]),
      );
    const rows = await q.execute();
    return rows.filter((r) => deviceVisibleTo(p, r)).map(toDevice);
  }

  /** The device row if the caller may see it; 404 otherwise (outside scope it does not exist). */
  async getRow(p: Principal, mn: string): Promise<DeviceRow> {
    const row = await findDeviceRow(this.db, mn);
    if (!row || !deviceVisibleTo(p, row)) {
      throw new AppError('DEVICE_NOT_FOUND', `没有 MN 为 ${mn} 的设备 / no device ${mn}`);
    }
    return row;
  }

  async get(p: Principal, mn: string): Promise<Device> {
    return toDevice(await this.getRow(p, mn));
  }

  private async checkEnterprise(p: Principal, enterpriseId: string | null | undefined): Promise<void> {
    if (!enterpriseId) {
      if (regionPrefix(p.regionCode).length > 2) {
        throw new AppError(
          'DEVICE_ENTERPRISE_REQUIRED',
          'enterpriseId: 市、县级用户登记的设备必须属于本辖区企业',
          {
            field: 'enterpriseId',
          },
        );
      }
      return;
    }
    const ent = await this.db
      .selectFrom('enterprise')
      .select('region_code')
      .where('id', '=', enterpriseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!ent || !regionInScope(p, ent.region_code)) {
      throw new AppError('ENTERPRISE_NOT_FOUND', `enterpriseId: 没有编号为 ${enterpriseId} 的企业`, {
        field: 'enterpriseId',
      });
    }
  }

  async create(p: Principal, input: DeviceCreate, opts: { isDemo?: boolean } = {}): Promise<Device> {
    await this.checkEnterprise(p, input.enterpriseId);
    if (await findDeviceRow(this.db, input.mn)) {
      throw new AppError('DEVICE_MN_TAKEN', `mn: 设备 ${input.mn} 已登记`, { field: 'mn' });
    }
    const values = {
      mn: input.mn,
      password: input.password,
      name: input.name,
      st: input.st,
      enterprise_id: input.enterpriseId ?? null,
      crc_mode: input.crcMode ?? 'hj212',
      is_demo: opts.isDemo ?? false,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('monitoring_device').values(values).execute();
      await recordAuditBy(trx, p, {
        action: 'create',
        entity: 'device',
        entityId: input.mn,
        before: null,
        after: { ...values, password: '***' },
      });
    });
    this.directory?.invalidate(input.mn);
    return this.get(p, input.mn);
  }

  async update(p: Principal, mn: string, patch: DeviceUpdate): Promise<Device> {
    const before = await this.getRow(p, mn);
    if (patch.enterpriseId !== undefined) await this.checkEnterprise(p, patch.enterpriseId);
    const values: Record<string, unknown> = {};
    if (patch.password !== undefined) values.password = patch.password;
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.st !== undefined) values.st = patch.st;
    if (patch.enterpriseId !== undefined) values.enterprise_id = patch.enterpriseId;
    if (patch.crcMode !== undefined) values.crc_mode = patch.crcMode;
    if (patch.disabled !== undefined) values.disabled = patch.disabled;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('monitoring_device')
        .set({ ...values, updated_at: new Date(), version: before.version + 1 })
        .where('mn', '=', mn)
        .execute();
      const { password: _pw, ...shown } = before;
      await recordAuditBy(trx, p, {
        action: 'update',
        entity: 'device',
        entityId: mn,
        before: shown,
        after: { ...values, ...(values.password ? { password: '***' } : {}) },
      });
    });
    this.directory?.invalidate(mn);
    return this.get(p, mn);
  }
}
