import { usccCheckChar } from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';

const code = (region: string, n: number) => {
  const first17 = `91${region}${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};

describe('monitoring device API', () => {
  const backend = backends()[0]!;
  let db: DbHandle;
  let app: FastifyInstance;
  const t: Record<string, string> = {};
  const ent: Record<string, string> = {};

  beforeAll(async () => {
    db = await backend.open();
    app = await testApp(db);
    t.province = await userWithToken(app, db, {
      username: 'prov',
      role: 'province_admin',
      regionCode: '140000',
    });
    t.taiyuan = await userWithToken(app, db, { username: 'ty', role: 'city_admin', regionCode: '140100' });
    for (const [key, region, n] of [
      ['ty', '140105', 1],
      ['dt', '140213', 2],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/enterprises',
        headers: bearer(t.province),
        payload: {
          name: `${key}企业测试`,
          creditCode: code(region, n),
          regionCode: region,
          industryCode: '44',
        },
      });
      ent[key] = res.json().id;
    }
    t.entTy = await userWithToken(app, db, {
      username: 'ent',
      role: 'enterprise_user',
      enterpriseId: ent.ty,
      regionCode: '140105',
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const register = (token: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/monitoring/devices', headers: bearer(token), payload: body });

  it('registers a device of an enterprise in scope, without echoing its password', async () => {
    const res = await register(t.taiyuan!, {
      mn: 'TY-001',
      password: 'pw1',
      name: '1号炉',
      st: '31',
      enterpriseId: ent.ty,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      mn: 'TY-001',
      enterpriseName: 'ty企业测试',
      crcMode: 'hj212',
      disabled: false,
    });
    expect(res.body).not.toContain('pw1');
  });

  it('refuses a city admin registering a device for another city\u2019s enterprise, or none at all', async () => {
    const other = await register(t.taiyuan!, {
      mn: 'DT-001',
      password: 'x',
      name: '越权',
      st: '31',
      enterpriseId: ent.dt,
    });
    expect(other.statusCode).toBe(404);
    const none = await register(t.taiyuan!, { mn: 'X-001', password: 'x', name: '无主', st: '31' });
    expect(none.json().error.code).toBe('DEVICE_ENTERPRISE_REQUIRED');
  });

  it('refuses a duplicate MN and names bad fields', async () => {
    const dup = await register(t.province!, {
      mn: 'TY-001',
      password: 'x',
      name: '重复',
      st: '31',
      enterpriseId: ent.ty,
    });
    expect(dup.statusCode).toBe(409);
    const bad = await register(t.province!, {
      mn: 'OK-1',
      password: 'x',
      name: '坏',
      st: '3',
      crcMode: 'crc32',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toMatch(/^body\/(st|crcMode)/);
  });

  it('shows an enterprise user only their own devices and 404 for others', async () => {
    await register(t.province!, {
      mn: 'DT-002',
      password: 'x',
      name: '大同炉',
      st: '31',
      enterpriseId: ent.dt,
    });
    const list = await app.inject({
      method: 'GET',
      url: '/api/monitoring/devices',
      headers: bearer(t.entTy!),
    });
    expect(list.json().items.map((d: { mn: string }) => d.mn)).toEqual(['TY-001']);
    const other = await app.inject({
      method: 'GET',
      url: '/api/monitoring/devices/DT-002',
      headers: bearer(t.entTy!),
    });
    expect(other.statusCode).toBe(404);
    const cityView = await app.inject({
      method: 'GET',
      url: '/api/monitoring/devices/DT-002/data?from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z',
      headers: bearer(t.taiyuan!),
    });
    expect(cityView.statusCode).toBe(404);
  });

  it('forbids enterprise users from registering or editing devices', async () => {
    expect(
      (await register(t.entTy!, { mn: 'E-1', password: 'x', name: 'x', st: '31', enterpriseId: ent.ty }))
        .statusCode,
    ).toBe(403);
    const patch = await app.inject({
      method: 'PATCH',
      url: '/api/monitoring/devices/TY-001',
      headers: bearer(t.entTy!),
      payload: { disabled: true },
    });
    expect(patch.statusCode).toBe(403);
  });

  it('disables a device, audits the change with the password masked', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/monitoring/devices/TY-001',
      headers: bearer(t.taiyuan!),
      payload: { disabled: true, password: 'new-secret' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    const audit = await db.db
      .selectFrom('audit_event')
      .select(['before', 'after'])
      .where('entity', '=', 'device')
      .where('entity_id', '=', 'TY-001')
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain('new-secret');
    expect(JSON.stringify(audit)).not.toContain('pw1');
  });

  it('lets only the province level review quarantine', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/api/monitoring/quarantine', headers: bearer(t.province!) }))
        .statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/monitoring/quarantine', headers: bearer(t.taiyuan!) }))
        .statusCode,
    ).toBe(403);
    const accept = await app.inject({
      method: 'POST',
      url: '/api/monitoring/devices/DT-002/accept-quarantined',
      headers: bearer(t.taiyuan!),
    });
    expect(accept.statusCode).toBe(404);
  });

  it('shows the gateway counters to the province level only, and says when no gateway runs here', async () => {
    const gatewayStatus = (token?: string) =>
      app.inject({
        method: 'GET',
        url: '/api/monitoring/gateway',
        ...(token ? { headers: bearer(token) } : {}),
      });
    const res = await gatewayStatus(t.province!);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ running: false });
    expect((await gatewayStatus(t.taiyuan!)).statusCode).toBe(403);
    expect((await gatewayStatus(t.entTy!)).statusCode).toBe(403);
    expect((await gatewayStatus()).statusCode).toBe(401);
  });

  it('limits a data query to 31 days and requires to after from', async () => {
    const long = await app.inject({
      method: 'GET',
      url: '/api/monitoring/devices/TY-001/data?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z',
      headers: bearer(t.taiyuan!),
    });
    expect(long.statusCode).toBe(400);
    const backwards = await app.inject({
      method: 'GET',
      url: '/api/monitoring/devices/TY-001/data?from=2026-03-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      headers: bearer(t.taiyuan!),
    });
    expect(backwards.statusCode).toBe(400);
    const missing = await app.inject({
      method: 'GET',
      url: '/api/monitoring/devices/TY-001/data',
      headers: bearer(t.taiyuan!),
    });
    expect(missing.json().error.details[0].path).toMatch(/querystring\/(from|to)/);
  });
});
