import { usccCheckChar } from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';

/** A valid credit code registered in `region`, unique by `n`. */
const code = (region: string, n: number) => {
  const first17 = `91${region}${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};

for (const backend of backends()) {
  describe(`enterprises API on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    const t: Record<string, string> = {};
    const ids: Record<string, string> = {};

    const create = (token: string, body: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/enterprises', headers: bearer(token), payload: body });

    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      t.province = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      t.taiyuan = await userWithToken(app, db, { username: 'ty', role: 'city_admin', regionCode: '140100' });
      t.datong = await userWithToken(app, db, { username: 'dt', role: 'city_admin', regionCode: '140200' });
      t.xiaodian = await userWithToken(app, db, {
        username: 'xd',
        role: 'county_admin',
        regionCode: '140105',
      });
      t.auditor = await userWithToken(app, db, { username: 'aud', role: 'auditor', regionCode: '140000' });
      t.public = await userWithToken(app, db, { username: 'pub', role: 'public' });
      const specs = [
        ['ty1', '太原钢铁测试有限公司', '140105', '31'],
        ['ty2', '太原焦化测试有限公司', '140106', '25'],
        ['dt1', '大同煤业测试有限公司', '140213', '06'],
      ] as const;
      for (const [key, name, region, industry] of specs) {
        const res = await create(t.province, {
          name,
          creditCode: code(region, Object.keys(ids).length + 1),
          regionCode: region,
          industryCode: industry,
          keyEnergyUser: key !== 'ty2',
        });
        expect(res.statusCode, res.body).toBe(201);
        ids[key] = res.json().id;
      }
      t.ent = await userWithToken(app, db, {
        username: 'ent',
        role: 'enterprise_user',
        regionCode: '140105',
        enterpriseId: ids.ty1,
      });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    const list = async (token: string, query = '') => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/enterprises${query}`,
        headers: bearer(token),
      });
      return res;
    };

    it('shows the province admin every enterprise in the province, with city and industry names', async () => {
      const res = await list(t.province!);
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(3);
      const ty1 = res.json().items.find((e: { id: string }) => e.id === ids.ty1);
      expect(ty1).toMatchObject({
        cityCode: '140100',
        cityName: '太原市',
        regionName: '小店区',
        industryName: '黑色金属冶炼和压延加工业',
      });
    });

    it('shows a city admin only their city', async () => {
      const res = await list(t.taiyuan!);
      expect(
        res
          .json()
          .items.map((e: { id: string }) => e.id)
          .sort(),
      ).toEqual([ids.ty1, ids.ty2].sort());
      const dt = await list(t.datong!);
      expect(dt.json().items.map((e: { id: string }) => e.id)).toEqual([ids.dt1]);
    });

    it('does not widen a city admin\u2019s scope through the region filter', async () => {
      const res = await list(t.taiyuan!, '?regionCode=140200');
      expect(res.json().total).toBe(0);
    });

    it('shows a county admin only their county', async () => {
      const res = await list(t.xiaodian!);
      expect(res.json().items.map((e: { id: string }) => e.id)).toEqual([ids.ty1]);
    });

    it('shows an enterprise user only their own enterprise', async () => {
      const res = await list(t.ent!);
      expect(res.json().items.map((e: { id: string }) => e.id)).toEqual([ids.ty1]);
    });

    it('answers 404 when a user reads an enterprise outside their scope', async () => {
      for (const [who, id] of [
        ['ent', ids.ty2],
        ['taiyuan', ids.dt1],
        ['datong', ids.ty1],
        ['xiaodian', ids.ty2],
      ] as const) {
        const res = await app.inject({
          method: 'GET',
          url: `/api/enterprises/${id}`,
          headers: bearer(t[who]!),
        });
        expect(res.statusCode, `${who} reading ${id}`).toBe(404);
        expect(res.json().error.code).toBe('ENTERPRISE_NOT_FOUND');
      }
      const own = await app.inject({
        method: 'GET',
        url: `/api/enterprises/${ids.ty1}`,
        headers: bearer(t.ent!),
      });
      expect(own.statusCode).toBe(200);
    });

    it('forbids the public role from the enterprise register', async () => {
      const res = await list(t.public!);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    });

    it('forbids enterprise users and auditors from creating, editing or deleting', async () => {
      for (const who of ['ent', 'auditor'] as const) {
        expect(
          (
            await create(t[who]!, {
              name: '新企业',
              creditCode: code('140105', 99),
              regionCode: '140105',
              industryCode: '31',
            })
          ).statusCode,
        ).toBe(403);
        const patch = await app.inject({
          method: 'PATCH',
          url: `/api/enterprises/${ids.ty1}`,
          headers: bearer(t[who]!),
          payload: { address: 'x' },
        });
        expect(patch.statusCode).toBe(403);
        const del = await app.inject({
          method: 'DELETE',
          url: `/api/enterprises/${ids.ty1}`,
          headers: bearer(t[who]!),
        });
        expect(del.statusCode).toBe(403);
      }
    });

    it('lets the auditor read within the province', async () => {
      expect((await list(t.auditor!)).json().total).toBe(3);
    });

    it('refuses to let a city admin create an enterprise in another city', async () => {
      const res = await create(t.taiyuan!, {
        name: '越权企业',
        creditCode: code('140213', 50),
        regionCode: '140213',
        industryCode: '06',
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('REGION_OUT_OF_SCOPE');
    });

    it('refuses a county admin editing an enterprise of the neighbouring county (404: it is not visible)', async () => {
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/enterprises/${ids.ty2}`,
        headers: bearer(t.xiaodian!),
        payload: { address: 'x' },
      });
      expect(res.statusCode).toBe(404);
    });

    it('names the bad position of a credit code whose check character is wrong', async () => {
      const good = code('140105', 77);
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const res = await create(t.taiyuan!, {
        name: '校验码错误',
        creditCode: bad,
        regionCode: '140105',
        industryCode: '31',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'ENTERPRISE_CREDIT_CODE_INVALID',
        details: { field: 'creditCode', position: 18, expected: good[17] },
      });
      expect(res.json().error.message).toContain('第18位');
    });

    it('names the field in schema errors and refuses unknown fields', async () => {
      const missing = await create(t.taiyuan!, {
        name: '缺字段',
        creditCode: code('140105', 78),
        industryCode: '31',
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.details[0].path).toBe('body/regionCode');
      const extra = await create(t.taiyuan!, {
        name: '多字段',
        creditCode: code('140105', 79),
        regionCode: '140105',
        industryCode: '31',
        colour: 'red',
      });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().error.details[0].path).toBe('body/colour');
      const badIndustry = await create(t.taiyuan!, {
        name: '行业错',
        creditCode: code('140105', 80),
        regionCode: '140105',
        industryCode: '99',
      });
      expect(badIndustry.json().error.code).toBe('INDUSTRY_CODE_INVALID');
      const badRegion = await create(t.province!, {
        name: '区划错',
        creditCode: code('140105', 81),
        regionCode: '149999',
        industryCode: '31',
      });
      expect(badRegion.json().error.code).toBe('REGION_NOT_FOUND');
    });

    it('refuses a credit code that another enterprise holds', async () => {
      const taken = (
        await app.inject({ method: 'GET', url: `/api/enterprises/${ids.ty1}`, headers: bearer(t.province!) })
      ).json().creditCode;
      const res = await create(t.province!, {
        name: '重复',
        creditCode: taken,
        regionCode: '140105',
        industryCode: '31',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('ENTERPRISE_CREDIT_CODE_TAKEN');
    });

    it('filters by search text, industry section and flags', async () => {
      expect(
        (await list(t.province!, `?q=${encodeURIComponent('焦化')}`))
          .json()
          .items.map((e: { id: string }) => e.id),
      ).toEqual([ids.ty2]);
      expect(
        (await list(t.province!, '?industryCode=B')).json().items.map((e: { id: string }) => e.id),
      ).toEqual([ids.dt1]);
      expect(
        (await list(t.province!, '?keyEnergyUser=false')).json().items.map((e: { id: string }) => e.id),
      ).toEqual([ids.ty2]);
      expect((await list(t.province!, '?regionCode=140100&pageSize=1')).json()).toMatchObject({
        total: 2,
        pageSize: 1,
      });
      expect((await list(t.province!, `?q=${encodeURIComponent('100%')}`)).json().total).toBe(0);
    });

    it('audits an update with before and after, and refuses a stale version', async () => {
      const before = (
        await app.inject({ method: 'GET', url: `/api/enterprises/${ids.ty1}`, headers: bearer(t.taiyuan!) })
      ).json();
      const ok = await app.inject({
        method: 'PATCH',
        url: `/api/enterprises/${ids.ty1}`,
        headers: bearer(t.taiyuan!),
        payload: { address: '太原市小店区新址1号', version: before.version },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ address: '太原市小店区新址1号', version: before.version + 1 });
      const stale = await app.inject({
        method: 'PATCH',
        url: `/api/enterprises/${ids.ty1}`,
        headers: bearer(t.taiyuan!),
        payload: { address: '覆盖', version: before.version },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('ENTERPRISE_VERSION_CONFLICT');
      const audit = await app.inject({
        method: 'GET',
        url: `/api/audit?entity=enterprise&entityId=${ids.ty1}`,
        headers: bearer(t.auditor!),
      });
      expect(audit.statusCode).toBe(200);
      const update = audit.json().items.find((a: { action: string }) => a.action === 'update');
      expect(update).toMatchObject({
        actorName: 'ty',
        before: { address: '' },
        after: { address: '太原市小店区新址1号' },
      });
      expect(audit.json().items.some((a: { action: string }) => a.action === 'create')).toBe(true);
    });

    it('keeps a deleted enterprise in the audit trail but out of lists', async () => {
      const res = await create(t.taiyuan!, {
        name: '待删除企业',
        creditCode: code('140105', 90),
        regionCode: '140105',
        industryCode: '44',
      });
      const id = res.json().id as string;
      expect(
        (await app.inject({ method: 'DELETE', url: `/api/enterprises/${id}`, headers: bearer(t.taiyuan!) }))
          .statusCode,
      ).toBe(200);
      expect(
        (await app.inject({ method: 'GET', url: `/api/enterprises/${id}`, headers: bearer(t.taiyuan!) }))
          .statusCode,
      ).toBe(404);
      const row = await db.db
        .selectFrom('enterprise')
        .select('deleted_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.deleted_at).not.toBeNull();
      const audit = await db.db
        .selectFrom('audit_event')
        .select(['action', 'before'])
        .where('entity_id', '=', id)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
      expect(audit[1]?.before).toMatchObject({ name: '待删除企业' });
    });

    it('forbids city admins from reading the audit trail', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/audit', headers: bearer(t.taiyuan!) });
      expect(res.statusCode).toBe(403);
    });
  });
}
