import type { Me, Role } from '@ecep/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { findUserByUsername } from '../users/user.repository.js';
import { hashPassword, randomPassword, verifyPassword } from './password.js';
import type { Principal } from './principal.js';
import { createSession } from './session.repository.js';

/** A hash of a random password, so an unknown user costs the same time as a wrong password. */
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => {
  dummyHash ??= hashPassword(randomPassword());
  return dummyHash;
};

export async function login(
  db: Kysely<Database>,
  username: string,
  password: string,
  ttlHours: number,
): Promise<{ token: string; principal: Principal }> {
  const user = await findUserByUsername(db, username);
  const ok = await verifyPassword(user?.password_hash ?? (await getDummyHash()), password);
  if (!user || !ok || user.disabled) {
    throw new AppError('LOGIN_FAILED', '用户名或密码错误 / wrong username or password');
  }
  const token = await createSession(db, user.id, ttlHours);
  return {
    token,
    principal: {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role as Role,
      regionCode: user.region_code,
      enterpriseId: user.enterprise_id,
    },
  };
}

export async function describePrincipal(db: Kysely<Database>, p: Principal): Promise<Me> {
  const region = p.regionCode
    ? await db.selectFrom('region').select('name').where('code', '=', p.regionCode).executeTakeFirst()
    : undefined;
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    role: p.role,
    regionCode: p.regionCode,
    regionName: region?.name ?? null,
    enterpriseId: p.enterpriseId,
  };
}
