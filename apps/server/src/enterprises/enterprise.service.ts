import {
  type Enterprise,
  type EnterpriseCreate,
  type EnterpriseList,
  type EnterpriseListQuery,
  type EnterpriseUpdate,
  findIndustry,
  INDUSTRY_SECTIONS,
  validateUscc,
} from '@ecep/contract';
import type { Kysely } from 'kysely';
import { type Principal, regionInScope, regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { recordAuditBy } from '../lib/record-audit-by.js';
import { recordVisibleTo } from '../lib/record-scope.js';
import {
  creditCodeTaken,
  type EnterpriseRow,
  type EnterpriseWrite,
  findEnterpriseRow,
  insertEnterprise,
  listEnterpriseRows,
  regionExists,
  softDeleteEnterprise,
  updateEnterprise,
} from './enterprise.repository.js';

function toEnterprise(row: EnterpriseRow): Enterprise {
  const city =
    row.region_level === 'city'
      ? { code: row.region_code, name: row.region_name }
      : row.region_level === 'county'
        ? { code: row.parent_code, name: row.parent_name }
        : { code: null, name: null };
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    regionCode: row.region_code,
    regionName: row.region_name,
    cityCode: city.code,
    cityName: city.name,
    industryCode: row.industry_code,
    industryName: findIndustry(row.industry_code)?.name ?? row.industry_code,
    keyEnergyUser: row.key_energy_user,
    keyPollutionSource: row.key_pollution_source,
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    isDemo: row.is_demo,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Whether the caller may see this enterprise at all; outside scope it is as if it did not exist. */
const visibleTo = (p: Principal, row: { id: string; region_code: string }) =>
  recordVisibleTo(p, row.id, row.region_code);

function industryCodesFor(code: string | undefined): string[] | undefined {
  if (!code) return undefined;
  if (/^[A-T]$/.test(code)) {
    return INDUSTRY_SECTIONS.find((s) => s.code === code)?.divisions.map((d) => d.code) ?? [];
  }
  return [code];
}

export class EnterpriseService {
  constructor(private readonly db: Kysely<Database>) {}

  async list(p: Principal, query: EnterpriseListQuery): Promise<EnterpriseList> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await listEnterpriseRows(
      this.db,
      {
        scopePrefix: regionPrefix(p.regionCode),
        onlyEnterpriseId:
          p.role === 'enterprise_user' ? (p.enterpriseId ?? '00000000-0000-0000-0000-000000000000') : null,
        q: query.q?.trim() || undefined,
        regionPrefix: query.regionCode ? regionPrefix(query.regionCode) : undefined,
        industryCodes: industryCodesFor(query.industryCode),
        keyEnergyUser: query.keyEnergyUser,
        keyPollutionSource: query.keyPollutionSource,
      },
      { limit: pageSize, offset: (page - 1) * pageSize },
    );
    return { items: rows.map(toEnterprise), total, page, pageSize };
  }

  async get(p: Principal, id: string): Promise<Enterprise> {
    const row = await findEnterpriseRow(this.db, id);
    if (!row || !visibleTo(p, row)) {
      throw new AppError('ENTERPRISE_NOT_FOUND', `没有编号为 ${id} 的企业 / no enterprise ${id}`);
    }
    return toEnterprise(row);
  }

  private async validate(p: Principal, input: Partial<EnterpriseCreate>, exceptId?: string): Promise<void> {
    if (input.creditCode !== undefined) {
      const check = validateUscc(input.creditCode);
      if (!check.ok) {
        throw new AppError('ENTERPRISE_CREDIT_CODE_INVALID', `creditCode: ${check.message}`, {
          field: 'creditCode',
          position: check.position,
          expected: check.expected,
        });
      }
      if (await creditCodeTaken(this.db, check.value, exceptId)) {
        throw new AppError(
          'ENTERPRISE_CREDIT_CODE_TAKEN',
          `creditCode: 统一社会信用代码 ${check.value} 已被其他企业使用`,
          {
            field: 'creditCode',
          },
        );
      }
    }
    if (input.regionCode !== undefined) {
      const region = await regionExists(this.db, input.regionCode);
      if (!region) {
        throw new AppError(
          'REGION_NOT_FOUND',
          `regionCode: ${input.regionCode} 不是有效的行政区划代码 (GB/T 2260)`,
          {
            field: 'regionCode',
          },
        );
      }
      if (!regionInScope(p, input.regionCode)) {
        throw new AppError('REGION_OUT_OF_SCOPE', `regionCode: ${input.regionCode} 不在您的管辖范围内`, {
          field: 'regionCode',
        });
      }
    }
    if (input.industryCode !== undefined && !findIndustry(input.industryCode)) {
      throw new AppError(
        'INDUSTRY_CODE_INVALID',
        `industryCode: ${input.industryCode} 不是 GB/T 4754-2017 的行业大类代码（两位数字，如 31）`,
        { field: 'industryCode' },
      );
    }
  }

  async create(p: Principal, input: EnterpriseCreate, opts: { isDemo?: boolean } = {}): Promise<Enterprise> {
    await this.validate(p, input);
    const values: EnterpriseWrite = {
      name: input.name.trim(),
      credit_code: input.creditCode.trim().toUpperCase(),
      region_code: input.regionCode,
      industry_code: input.industryCode,
      key_energy_user: input.keyEnergyUser ?? false,
      key_pollution_source: input.keyPollutionSource ?? false,
      address: input.address ?? '',
      longitude: input.longitude ?? null,
      latitude: input.latitude ?? null,
      is_demo: opts.isDemo ?? false,
    };
    const id = await this.db.transaction().execute(async (trx) => {
      const newId = await insertEnterprise(trx, values);
      await recordAuditBy(trx, p, {
        action: 'create',
        entity: 'enterprise',
        entityId: newId,
        before: null,
        after: values,
      });
      return newId;
    });
    return this.get(p, id);
  }

  async update(p: Principal, id: string, patch: EnterpriseUpdate): Promise<Enterprise> {
    const before = await this.get(p, id);
    const { version, ...fields } = patch;
    await this.validate(p, fields, id);
    const values: Partial<EnterpriseWrite> = {};
    if (fields.name !== undefined) values.name = fields.name.trim();
    if (fields.creditCode !== undefined) values.credit_code = fields.creditCode.trim().toUpperCase();
    if (fields.regionCode !== undefined) values.region_code = fields.regionCode;
    if (fields.industryCode !== undefined) values.industry_code = fields.industryCode;
    if (fields.keyEnergyUser !== undefined) values.key_energy_user = fields.keyEnergyUser;
    if (fields.keyPollutionSource !== undefined) values.key_pollution_source = fields.keyPollutionSource;
    if (fields.address !== undefined) values.address = fields.address;
    if (fields.longitude !== undefined) values.longitude = fields.longitude;
    if (fields.latitude !== undefined) values.latitude = fields.latitude;
    const expected = version ?? before.version;
    await this.db.transaction().execute(async (trx) => {
      const ok = await updateEnterprise(trx, id, expected, values);
      if (!ok) {
        throw new AppError(
          'ENTERPRISE_VERSION_CONFLICT',
          `企业信息已被他人修改（当前版本 ${before.version}，提交基于版本 ${expected}），请刷新后重试`,
          { currentVersion: before.version },
        );
      }
      await recordAuditBy(trx, p, {
        action: 'update',
        entity: 'enterprise',
        entityId: id,
        before,
        after: values,
      });
    });
    return this.get(p, id);
  }

  async remove(p: Principal, id: string): Promise<void> {
    const before = await this.get(p, id);
    await this.db.transaction().execute(async (trx) => {
      await softDeleteEnterprise(trx, id);
      await recordAuditBy(trx, p, {
        action: 'delete',
        entity: 'enterprise',
        entityId: id,
        before,
        after: null,
      });
    });
  }
}
