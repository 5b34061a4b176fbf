import type { Kysely } from 'kysely';
import { hashPassword, randomPassword } from '../auth/password.js';
import type { Database } from '../db/schema.js';
import { countUsers, insertUser } from './user.repository.js';

export interface AdminBootstrap {
  created: boolean;
  /** Set only when the password was generated: it is shown once and never stored in clear. */
  generatedPassword: string | null;
}

/**
 * On an empty database, creates user `admin` (province_admin, whole country) with
 * `ECEP_ADMIN_PASSWORD` or a random password returned once.
 */
export async function ensureAdmin(
  db: Kysely<Database>,
  adminPassword: string | null,
): Promise<AdminBootstrap> {
  if ((await countUsers(db)) > 0) return { created: false, generatedPassword: null };
  const password = adminPassword ?? randomPassword();
  await insertUser(db, {
    username: 'admin',
    passwordHash: await hashPassword(password),
    displayName: '系统管理员',
    role: 'province_admin',
    regionCode: null,
    enterpriseId: null,
  });
  return { created: true, generatedPassword: adminPassword ? null : password };
}
