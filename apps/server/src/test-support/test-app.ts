import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { hashPassword } from '../auth/password.js';
import { loadConfig } from '../config.js';
import type { DbHandle } from '../db/create-db.js';
import { insertUser } from '../users/user.repository.js';

export const TEST_PASSWORD = 'Test-password-1';

export async function testApp(db: DbHandle): Promise<FastifyInstance> {
  const config = loadConfig({ logLevel: 'silent', dataDir: 'memory://' }, {});
  const app = await buildApp(config, { db });
  await app.ready();
  return app;
}

let cachedHash: string | undefined;

/** Creates a user directly (bypassing the API) and returns a bearer token for it. */
export async function userWithToken(
  app: FastifyInstance,
  db: DbHandle,
  spec: { username: string; role: string; regionCode?: string | null; enterpriseId?: string | null },
): Promise<string> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  await insertUser(db.db, {
    username: spec.username,
    passwordHash: cachedHash,
    displayName: spec.username,
    role: spec.role,
    regionCode: spec.regionCode ?? null,
    enterpriseId: spec.enterpriseId ?? null,
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: spec.username, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login failed for ${spec.username}: ${res.body}`);
  return (res.json() as { token: string }).token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
