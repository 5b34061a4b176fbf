import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface NewUserRow {
  username: string;
  passwordHash: string;
  displayName: string;
  role: string;
  regionCode: string | null;
  enterpriseId: string | null;
  isDemo?: boolean;
}

export async function findUserByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertUser(db: Kysely<Database>, user: NewUserRow) {
  return db
    .insertInto('app_user')
    .values({
      username: user.username,
      password_hash: user.passwordHash,
      display_name: user.displayName,
      role: user.role,
      region_code: user.regionCode,
      enterprise_id: user.enterpriseId,
      is_demo: user.isDemo ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Users whose region lies inside `prefix` (all when empty). */
export async function listUsers(db: Kysely<Database>, prefix: string) {
  let q = db.selectFrom('app_user').selectAll().orderBy('created_at');
  if (prefix) q = q.where('region_code', 'like', `${prefix}%`);
  return q.execute();
}
