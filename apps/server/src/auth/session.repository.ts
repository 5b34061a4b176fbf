import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Only the SHA-256 of a token is stored, so a leaked table grants nothing. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Kysely<Database>, userId: string, ttlHours: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('app_session')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      expires_at: new Date(Date.now() + ttlHours * 3_600_000),
    })
    .execute();
  return token;
}

export async function findSessionUser(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('app_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('region as r', 'r.code', 'u.region_code')
    .where('s.token_hash', '=', hashToken(token))
    .where('s.expires_at', '>', new Date())
    .where('u.disabled', '=', false)
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.region_code',
      'u.enterprise_id',
      'r.name as region_name',
    ])
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('app_session').where('token_hash', '=', hashToken(token)).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('app_session').where('expires_at', '<=', new Date()).execute();
}
