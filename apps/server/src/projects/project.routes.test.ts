import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import type { DbHandle } from '../db/create-db.js';
import { XLSX_MIME } from '../excel/index.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';
import { ProjectService } from './project.service.js';

const today = () => toShanghaiIso(Date.now()).slice(0, 10);
const daysFromToday = (n: number) => toShanghaiIso(Date.now() + n * 86_400_000).slice(0, 10);

for (const backend of backends()) {
  describe(`key-project pool API on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    const t: Record<string, string> = {};
    let entId = '';
    const entCode = '91140602000000001A';

    const create = (token: string, body: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/projects', headers: bearer(token), payload: body });
    const stage = (token: string, id: string, body: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/api/projects/${id}/stage`, headers: bearer(token), payload: body });
    const base = { category: 'resource_utilization', regionCode: '140602', plannedInvestment10kYuan: 1000 };

    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      const ent = await db.db
        .insertInto('enterprise')
        .values({
          name: '朔州测试建材有限公司',
          credit_code: entCode,
          region_code: '140602',
          industry_code: '30',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      entId = ent.id;
      t.province = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      t.shuozhou = await userWithToken(app, db, { username: 'sz', role: 'city_admin', regionCode: '140600' });
      t.taiyuan = await userWithToken(app, db, { username: 'ty', role: 'city_admin', regionCode: '140100' });
      t.ent = await userWithToken(app, db, {
        username: 'ent',
        role: 'enterprise_user',
        regionCode: '140602',
        enterpriseId: entId,
      });
      t.public = await userWithToken(app, db, { username: 'pub', role: 'public' });
    });
    afterAll(async () => {
      await app.close();
      await db.close();
    });

    it('moves a project through its stages with dates and evidence and refuses invalid changes', async () => {
      const res = await create(t.shuozhou as string, {
        ...base,
        name: '煤矸石烧结砖项目',
        enterpriseId: entId,
        expectedSavingTcePerYr: 2000,
      });
      expect(res.statusCode, res.body).toBe(201);
      const p = res.json();
      expect(p).toMatchObject({
        stage: 'reserve',
        ownerName: '朔州测试建材有限公司',
        enterpriseCreditCode: entCode,
      });
      const future = await stage(t.ent as string, p.id, { stage: 'started', date: daysFromToday(2) });
      expect(future.statusCode).toBe(400);
      expect(future.json().error.code).toBe('PROJECT_STAGE_INVALID');
      expect(future.json().error.message).toContain('未来');
      const started = await stage(t.ent as string, p.id, {
        stage: 'started',
        date: daysFromToday(-30),
        evidence: '开工报告 2025-01',
      });
      expect(started.statusCode, started.body).toBe(200);
      const operating = await stage(t.ent as string, p.id, { stage: 'operating', date: daysFromToday(-5) });
      expect(operating.json().stage).toBe('operating');
      const back = await stage(t.ent as string, p.id, { stage: 'started', date: today() });
      expect(back.statusCode).toBe(400);
      expect(back.json().error.message).toContain('回退');
      const earlier = await stage(t.ent as string, p.id, {
        stage: 'full_production',
        date: daysFromToday(-6),
      });
      expect(earlier.statusCode).toBe(400);
      const backWithReason = await stage(t.ent as string, p.id, {
        stage: 'started',
        date: today(),
        reason: '设备故障停产检修',
      });
      expect(backWithReason.statusCode).toBe(200);
      const stop = await stage(t.shuozhou as string, p.id, { stage: 'terminated', date: today() });
      expect(stop.statusCode).toBe(400);
      const stopped = await stage(t.shuozhou as string, p.id, {
        stage: 'terminated',
        date: today(),
        reason: '资金未落实',
      });
      expect(stopped.json()).toMatchObject({ stage: 'terminated', terminationReason: '资金未落实' });
      expect(stopped.json().stages.map((s: { toStage: string }) => s.toStage)).toEqual([
        'started',
        'operating',
        'started',
        'terminated',
      ]);
      expect(stopped.json().stages[0].evidence).toBe('开工报告 2025-01');
    });

    it('lets each user see only projects in scope and keeps writing to the roles allowed', async () => {
      const mine = await app.inject({ url: '/api/projects', headers: bearer(t.ent as string) });
      expect(mine.json().total).toBe(1);
      const id = mine.json().items[0].id;
      expect(
        (await app.inject({ url: `/api/projects/${id}`, headers: bearer(t.taiyuan as string) })).statusCode,
      ).toBe(404);
      expect((await create(t.ent as string, { ...base, name: 'x' })).statusCode).toBe(403);
      expect(
        (await app.inject({ url: '/api/projects', headers: bearer(t.public as string) })).statusCode,
      ).toBe(403);
      const outside = await create(t.taiyuan as string, { ...base, name: '越界项目' });
      expect(outside.statusCode).toBe(403);
      expect(outside.json().error.code).toBe('REGION_OUT_OF_SCOPE');
      const noProgramme = await create(t.province as string, {
        ...base,
        category: 'programme',
        name: '无序号',
      });
      expect(noProgramme.json().error).toMatchObject({
        code: 'PROJECT_INVALID',
        details: { field: 'programmeNo' },
      });
    });

    it('computes started, in-operation and investment completion rates of a filtered set against the 2014 targets', async () => {
      // Ten projects of plan year 2014: 9 started (of which 4 in operation), 1 still in reserve.
      for (let i = 0; i < 10; i++) {
        const res = await create(t.province as string, {
          ...base,
          regionCode: '140100',
          name: `2014年项目${i}`,
          planYear: 2014,
          plannedInvestment10kYuan: 1000,
          completedInvestment10kYuan: i < 5 ? 1000 : 200,
        });
        expect(res.statusCode, res.body).toBe(201);
        if (i === 9) continue;
        await stage(t.province as string, res.json().id, { stage: 'started', date: '2014-04-01' });
        if (i < 4)
          await stage(t.province as string, res.json().id, { stage: 'operating', date: '2014-11-01' });
      }
      const res = await app.inject({
        url: '/api/projects/rates?planYear=2014',
        headers: bearer(t.province as string),
      });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect(r).toMatchObject({
        total: 10,
        started: 9,
        operating: 4,
        startedPct: '90.00',
        operatingPct: '40.00',
        plannedInvestment10kYuan: '10000',
        completedInvestment10kYuan: '6000',
        investmentCompletionPct: '60.00',
        byStage: { reserve: 1, started: 5, operating: 4 },
      });
      const targets = Object.fromEntries(r.targets.map((x: { code: string }) => [x.code, x]));
      expect(targets.started_pct).toMatchObject({ targetValue: '90', met: true });
      expect(targets.operating_pct).toMatchObject({ targetValue: '40', met: true });
      expect(targets.project_count).toMatchObject({ targetValue: '217', actualValue: '10', met: false });
      const taiyuanView = await app.inject({
        url: '/api/projects/rates',
        headers: bearer(t.taiyuan as string),
      });
      expect(taiyuanView.json().total).toBe(10);
    });

    it('flags milestones overdue against the given clock in Asia/Shanghai days', async () => {
      const list = await app.inject({
        url: '/api/projects?q=2014年项目0',
        headers: bearer(t.province as string),
      });
      const id = list.json().items[0].id;
      const add = await app.inject({
        method: 'POST',
        url: `/api/projects/${id}/milestones`,
        headers: bearer(t.province as string),
        payload: { title: '主体工程完工', dueDate: '2025-06-30' },
      });
      expect(add.statusCode, add.body).toBe(200);
      const province: Principal = {
        userId: '00000000-0000-0000-0000-000000000000',
        username: 'clock',
        displayName: 'clock',
        role: 'province_admin',
        regionCode: '140000',
        enterpriseId: null,
      };
      // 2025-06-30 15:59 UTC is still 23:59 on the 30th in Shanghai; one minute later it is 1 July.
      const before = new ProjectService(db.db, () => new Date('2025-06-30T15:59:00Z'));
      const after = new ProjectService(db.db, () => new Date('2025-06-30T16:00:00Z'));
      expect((await before.get(province, id)).milestones[0]?.overdue).toBe(false);
      expect((await after.get(province, id)).milestones[0]?.overdue).toBe(true);
      expect((await after.list(province, { overdue: true })).items.map((p) => p.id)).toEqual([id]);
      expect((await before.list(province, { overdue: true })).total).toBe(0);
      expect((await after.rates(province, { planYear: 2014 })).overdueMilestones).toBe(1);
      const done = await app.inject({
        method: 'PATCH',
        url: `/api/projects/${id}/milestones/${add.json().milestones[0].id}`,
        headers: bearer(t.province as string),
        payload: { doneDate: '2025-06-29' },
      });
      expect(done.statusCode, done.body).toBe(200);
      expect((await after.get(province, id)).milestones[0]?.overdue).toBe(false);
    });

    it('compares claimed and measured savings once a project runs', async () => {
      const list = await app.inject({
        url: '/api/projects?q=2014年项目1',
        headers: bearer(t.province as string),
      });
      const p = list.json().items[0];
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/projects/${p.id}`,
        headers: bearer(t.province as string),
        payload: { version: p.version, expectedSavingTcePerYr: 5000, measuredSavingTcePerYr: 4100 },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ savingRealizationPct: '82.00', measuredSavingTcePerYr: '4100' });
      const stale = await app.inject({
        method: 'PATCH',
        url: `/api/projects/${p.id}`,
        headers: bearer(t.province as string),
        payload: { version: p.version, note: 'x' },
      });
      expect(stale.statusCode).toBe(400);
    });

    it('imports projects from the template row by row and re-imports its own export unchanged', async () => {
      const tpl = await app.inject({
        url: '/api/projects/template.xlsx',
        headers: bearer(t.shuozhou as string),
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('重点项目');
      if (!ws) throw new Error('no project sheet');
      // id, name, category, programmeNo, credit code, owner, region, plan year, planned, completed, …, stage, date
      ws.getRow(3).values = [
        '',
        '粉煤灰蒸压砖',
        '资源综合利用',
        '',
        entCode,
        '',
        '140602',
        2015,
        800,
        100,
        '',
        '',
        '',
        '',
        '',
        '开工',
        '2015-03-01',
      ];
      ws.getRow(4).values = [
        '',
        '未来开工',
        '资源综合利用',
        '',
        '',
        '某公司',
        '140602',
        2015,
        800,
        '',
        '',
        '',
        '',
        '',
        '',
        '开工',
        '2999-01-01',
      ];
      ws.getRow(5).values = ['', '越界项目', '清洁生产', '', '', '某公司', '140105', 2015, 800];
      ws.getRow(6).values = ['', '坏投资', '清洁生产', '', '', '某公司', '140602', 2015, '很多'];
      const upload = async (mode: string, payload?: Buffer) =>
        app.inject({
          method: 'POST',
          url: `/api/projects/import?mode=${mode}`,
          headers: { ...bearer(t.shuozhou as string), 'content-type': XLSX_MIME },
          payload: payload ?? Buffer.from(await wb.xlsx.writeBuffer()),
        });
      const before = (
        await app.inject({ url: '/api/projects', headers: bearer(t.shuozhou as string) })
      ).json().total;
      const refused = await upload('all-or-nothing');
      expect(refused.statusCode).toBe(400);
      expect(
        refused.json().error.details.map((d: { row: number; column: string }) => `${d.row}${d.column}`),
      ).toEqual(['4P', '5G', '6I']);
      expect(
        (await app.inject({ url: '/api/projects', headers: bearer(t.shuozhou as string) })).json().total,
      ).toBe(before);
      const partial = await upload('valid-rows');
      expect(partial.json()).toMatchObject({ written: 1, rejected: 3 });
      const created = await app.inject({
        url: '/api/projects?q=粉煤灰蒸压砖',
        headers: bearer(t.shuozhou as string),
      });
      expect(created.json().items[0]).toMatchObject({
        stage: 'started',
        stageDate: '2015-03-01',
        enterpriseId: entId,
      });

      const exported = await app.inject({
        url: '/api/projects/export.xlsx?region=140600',
        headers: bearer(t.shuozhou as string),
      });
      expect(exported.statusCode).toBe(200);
      const again = await upload('all-or-nothing', exported.rawPayload);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ rows: before + 1, written: 0 });
    });
  });
}
