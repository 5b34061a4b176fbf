import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';

describe('users API', () => {
  const backend = backends()[0]!;
  let db: DbHandle;
  let app: FastifyInstance;
  let province: string;
  let city: string;
  let enterprise: string;
  beforeAll(async () => {
    db = await backend.open();
    app = await testApp(db);
    province = await userWithToken(app, db, {
      username: 'prov',
      role: 'province_admin',
      regionCode: '140000',
    });
    city = await userWithToken(app, db, { username: 'ty', role: 'city_admin', regionCode: '140100' });
    enterprise = await userWithToken(app, db, {
      username: 'ent',
      role: 'enterprise_user',
      regionCode: '140105',
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const createUser = (token: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/users', headers: bearer(token), payload: body });

  it('lets a city admin create a county admin inside the city, who can then sign in', async () => {
    const res = await createUser(city, {
      username: 'xd',
      password: 'county-pass-1',
      displayName: '小店区',
      role: 'county_admin',
      regionCode: '140105',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ role: 'county_admin', regionCode: '140105' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'xd', password: 'county-pass-1' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses a city admin creating a user in another city', async () => {
    const res = await createUser(city, {
      username: 'dt',
      password: 'county-pass-1',
      displayName: '大同',
      role: 'county_admin',
      regionCode: '140213',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('USER_SCOPE_INVALID');
  });

  it('refuses a city admin creating a wider role', async () => {
    const res = await createUser(city, {
      username: 'p2',
      password: 'province-pass',
      displayName: '省',
      role: 'province_admin',
      regionCode: '140000',
    });
    expect(res.statusCode).toBe(403);
  });

  it('forbids enterprise users from managing users', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/api/users', headers: bearer(enterprise) })).statusCode,
    ).toBe(403);
  });

  it('lists only users inside the caller\u2019s region', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/users', headers: bearer(city) });
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('xd');
    expect(names).not.toContain('prov');
    const all = await app.inject({ method: 'GET', url: '/api/users', headers: bearer(province) });
    expect(all.json().items.map((u: { username: string }) => u.username)).toContain('prov');
  });

  it('refuses a duplicate username and a too-short password, naming the field', async () => {
    const dup = await createUser(province, {
      username: 'ty',
      password: 'long-enough-1',
      displayName: 'x',
      role: 'auditor',
    });
    expect(dup.json().error).toMatchObject({ code: 'USER_TAKEN', details: { field: 'username' } });
    const short = await createUser(province, {
      username: 'newbie',
      password: 'short',
      displayName: 'x',
      role: 'auditor',
    });
    expect(short.json().error.details[0].path).toBe('body/password');
  });
});
