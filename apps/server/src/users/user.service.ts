import type { User, UserCreate } from '@ecep/contract';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/password.js';
import { type Principal, regionContains, regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { findUserByUsername, insertUser, listUsers } from './user.repository.js';

type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as User['role'],
  regionCode: r.region_code,
  enterpriseId: r.enterprise_id,
  disabled: r.disabled,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Which roles each admin may create: never a wider one than its own. */
const CREATABLE: Record<string, readonly string[]> = {
  province_admin: ['province_admin', 'city_admin', 'county_admin', 'enterprise_user', 'auditor', 'public'],
  city_admin: ['county_admin', 'enterprise_user', 'auditor'],
  county_admin: ['enterprise_user'],
};

export class UserService {
  constructor(private readonly db: Kysely<Database>) {}

  async list(p: Principal): Promise<User[]> {
    return (await listUsers(this.db, regionPrefix(p.regionCode))).map(toUser);
  }

  async create(p: Principal, input: UserCreate): Promise<User> {
    if (!(CREATABLE[p.role] ?? []).includes(input.role)) {
      throw new AppError('FORBIDDEN', `角色 ${p.role} 不能创建 ${input.role} 用户`);
    }
    let regionCode = input.regionCode ?? null;
    const enterpriseId = input.enterpriseId ?? null;
    if (input.role === 'enterprise_user') {
      if (!enterpriseId)
        throw new AppError('USER_SCOPE_INVALID', 'enterpriseId: 企业用户必须指定所属企业', {
          field: 'enterpriseId',
        });
      const ent = await this.db
        .selectFrom('enterprise')
        .select(['region_code'])
        .where('id', '=', enterpriseId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!ent || !regionContains(p.regionCode, ent.region_code)) {
        throw new AppError('USER_SCOPE_INVALID', 'enterpriseId: 企业不存在或不在您的管辖范围内', {
          field: 'enterpriseId',
        });
      }
      regionCode = ent.region_code;
    } else if (input.role !== 'public') {
      if (!regionCode && p.regionCode !== null) regionCode = p.regionCode;
      if (regionCode && !regionContains(p.regionCode, regionCode)) {
        throw new AppError('USER_SCOPE_INVALID', `regionCode: ${regionCode} 不在您的管辖范围内`, {
          field: 'regionCode',
        });
      }
    }
    if (await findUserByUsername(this.db, input.username)) {
      throw new AppError('USER_TAKEN', `username: 用户名 ${input.username} 已存在`, { field: 'username' });
    }
    const passwordHash = await hashPassword(input.password);
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await insertUser(trx, {
        username: input.username,
        passwordHash,
        displayName: input.displayName,
        role: input.role,
        regionCode,
        enterpriseId,
      });
      await recordAudit(
        trx,
        { userId: p.userId, name: p.username },
        {
          action: 'create',
          entity: 'user',
          entityId: created.id,
          before: null,
          after: { username: created.username, role: created.role, regionCode, enterpriseId },
        },
      );
      return created;
    });
    return toUser(row);
  }
}
