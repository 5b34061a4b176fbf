import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { bearer, TEST_PASSWORD, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';

for (const backend of backends()) {
  describe(`auth on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    let token: string;
    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      token = await userWithToken(app, db, { username: 'city1', role: 'city_admin', regionCode: '140100' });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('answers 401 with a code on an API call without a session', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/enterprises' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    });

    it('answers 401 for a made-up bearer token', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer('not-a-token') });
      expect(res.statusCode).toBe(401);
    });

    it('refuses a wrong password and an unknown user with the same message', async () => {
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'city1', password: 'nope' },
      });
      const unknown = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'ghost', password: 'nope' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().error).toEqual(unknown.json().error);
      expect(wrong.json().error.code).toBe('LOGIN_FAILED');
    });

    it('sets an httpOnly SameSite=Lax session cookie that works without the bearer header', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'city1', password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/ecep_session=/);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      const cookie = res.cookies.find((c) => c.name === 'ecep_session')!;
      const me = await app.inject({
        method: 'GET',
        url: '/api/auth/me',
        cookies: { ecep_session: cookie.value },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        username: 'city1',
        role: 'city_admin',
        regionCode: '140100',
        regionName: '太原市',
      });
    });

    it('ends the session on logout', async () => {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'city1', password: TEST_PASSWORD },
      });
      const t = login.json().token as string;
      expect(
        (await app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(t), payload: {} }))
          .statusCode,
      ).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(t) })).statusCode).toBe(
        401,
      );
      // Another session of the same user is untouched.
      expect(
        (await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode,
      ).toBe(200);
    });

    it('stores only argon2id hashes of passwords', async () => {
      const row = await db.db
        .selectFrom('app_user')
        .select('password_hash')
        .where('username', '=', 'city1')
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(TEST_PASSWORD);
    });

    it('names the missing field when the login body is incomplete', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details[0].path).toBe('body/password');
    });
  });
}
