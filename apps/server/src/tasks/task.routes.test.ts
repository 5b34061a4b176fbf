import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import type { DbHandle } from '../db/create-db.js';
import { XLSX_MIME } from '../excel/index.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';
import { upsertPlanTasks } from './plan-tasks.js';
import { TaskService } from './task.service.js';

const GXT = '山西省工业和信息化厅';
const FGW = '山西省发展和改革委员会';
const PLAN = 'shanxi-2020-energy-saving-resource-utilization';

for (const backend of backends()) {
  describe(`task supervision API on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    const t: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const planTasks = [
      {
        id: 'base-shuozhou',
        title: '推进朔州市国家级工业资源综合利用基地建设',
        leadUnits: [GXT],
        cooperatingUnits: ['朔州市人民政府'],
        deadline: '2020-12-31',
        expectedOutput: '基地规划',
      },
      {
        id: 'diagnosis',
        title: '开展工业节能诊断服务',
        leadUnits: [FGW],
        cooperatingUnits: [GXT],
        deadline: '2099-12-31',
      },
      {
        id: 'battery',
        title: '推进动力电池梯次利用',
        leadUnits: ['山西铁塔'],
        cooperatingUnits: [],
        deadline: null,
      },
    ];
    const me = (token: string) => ({ headers: bearer(token) });

    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      t.province = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      t.gxt = await userWithToken(app, db, { username: 'gxt', role: 'province_admin', regionCode: '140000' });
      t.fgw = await userWithToken(app, db, { username: 'fgw', role: 'auditor', regionCode: '140000' });
      t.taiyuan = await userWithToken(app, db, { username: 'ty', role: 'city_admin', regionCode: '140100' });
      t.ent = await userWithToken(app, db, {
        username: 'ent',
        role: 'enterprise_user',
        regionCode: '140105',
      });
      for (const [username, units] of [
        ['gxt', [GXT]],
        ['fgw', [FGW]],
      ] as const) {
        const res = await app.inject({
          method: 'PUT',
          url: '/api/tasks/units/members',
          ...me(t.province as string),
          payload: { username, units },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      const r = await upsertPlanTasks(db.db, PLAN, planTasks, { regionCode: '140000' });
      expect(r).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
      const rows = await db.db.selectFrom('supervised_task').select(['id', 'plan_task_id']).execute();
      for (const row of rows) ids[row.plan_task_id ?? ''] = row.id;
    });
    afterAll(async () => {
      await app.close();
      await db.close();
    });

    it('shows each unit only the tasks it leads or cooperates on, and supervisors all of their region', async () => {
      const titles = async (token: string) =>
        (await app.inject({ url: '/api/tasks', ...me(token) }))
          .json()
          .items.map((x: { planTaskId: string }) => x.planTaskId)
          .sort();
      expect(await titles(t.gxt as string)).toEqual(['base-shuozhou', 'diagnosis']);
      expect(await titles(t.fgw as string)).toEqual(['diagnosis']);
      expect(await titles(t.province as string)).toEqual(['base-shuozhou', 'battery', 'diagnosis']);
      expect(await titles(t.taiyuan as string)).toEqual([]);
      expect(
        (await app.inject({ url: `/api/tasks/${ids.battery}`, ...me(t.gxt as string) })).statusCode,
      ).toBe(404);
      expect((await app.inject({ url: '/api/tasks', ...me(t.ent as string) })).statusCode).toBe(403);
      const units = await app.inject({ url: '/api/tasks/units/me', ...me(t.gxt as string) });
      expect(units.json()).toEqual({ units: [GXT], supervisor: false });
    });

    it('takes progress reports from the task’s units only and lets the supervisor comment, return and accept', async () => {
      const report = (token: string, id: string, body: Record<string, unknown>) =>
        app.inject({ method: 'POST', url: `/api/tasks/${id}/reports`, ...me(token), payload: body });
      const first = await report(t.gxt as string, ids['base-shuozhou'] as string, {
        text: '已完成基地规划初稿',
        percent: 60,
        period: '2020-Q3',
        attachments: [{ name: '规划初稿.pdf' }],
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ progressPct: 60, acceptedPct: 0, pendingReports: 1 });
      const reportId = first.json().reports[0].id;
      expect(first.json().reports[0]).toMatchObject({
        unit: GXT,
        status: 'submitted',
        attachments: [{ name: '规划初稿.pdf' }],
      });
      expect(
        (await report(t.fgw as string, ids['base-shuozhou'] as string, { text: 'x', percent: 1 })).statusCode,
      ).toBe(404);
      expect(
        (await report(t.province as string, ids['base-shuozhou'] as string, { text: 'x', percent: 1 }))
          .statusCode,
      ).toBe(403);
      const review = (token: string, rid: string, body: Record<string, unknown>) =>
        app.inject({
          method: 'POST',
          url: `/api/tasks/${ids['base-shuozhou']}/reports/${rid}/review`,
          ...me(token),
          payload: body,
        });
      expect((await review(t.gxt as string, reportId, { action: 'accept' })).json().error.code).toBe(
        'TASK_REVIEW_INVALID',
      );
      expect((await review(t.province as string, reportId, { action: 'return' })).json().error.code).toBe(
        'TASK_INVALID',
      );
      const commented = await review(t.province as string, reportId, {
        action: 'comment',
        comment: '请补充资金落实情况',
      });
      expect(commented.json().reports[0].comments[0]).toMatchObject({
        by: 'prov',
        text: '请补充资金落实情况',
      });
      const returned = await review(t.province as string, reportId, {
        action: 'return',
        comment: '缺少资金说明',
      });
      expect(returned.json().reports[0]).toMatchObject({
        status: 'returned',
        reviewComment: '缺少资金说明',
        reviewedBy: 'prov',
      });
      expect((await review(t.province as string, reportId, { action: 'accept' })).statusCode).toBe(409);
      const done = await report(t.gxt as string, ids['base-shuozhou'] as string, {
        text: '规划已印发',
        percent: 100,
      });
      const accepted = await review(t.province as string, done.json().reports[0].id, {
        action: 'accept',
        comment: '同意',
      });
      expect(accepted.json()).toMatchObject({ status: 'completed', acceptedPct: 100, pendingReports: 0 });
    });

    it('computes overdue and due-soon with a given clock and lists them for supervision', async () => {
      const supervisor: Principal = {
        userId: '00000000-0000-0000-0000-000000000000',
        username: 'clock',
        displayName: 'clock',
        role: 'province_admin',
        regionCode: '140000',
        enterpriseId: null,
      };
      const manual = await app.inject({
        method: 'POST',
        url: '/api/tasks',
        ...me(t.province as string),
        payload: {
          title: '编制年度节能监察计划',
          leadUnits: [GXT],
          deadline: '2026-03-31',
          expectedOutput: '监察计划',
        },
      });
      expect(manual.statusCode, manual.body).toBe(201);
      expect(manual.json()).toMatchObject({ source: 'manual', regionCode: '140000' });
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/tasks',
            ...me(t.gxt as string),
            payload: { title: 'x', leadUnits: [GXT], deadline: null },
          })
        ).statusCode,
      ).toBe(403);
      // 2026-03-15 16:30 UTC is 16 March in Shanghai: 15 days left.
      const march = new TaskService(db.db, () => new Date('2026-03-15T16:30:00Z'));
      const status = async (svc: TaskService, days?: number) =>
        Object.fromEntries(
          (await svc.list(supervisor, { dueSoonDays: days })).items.map((x) => [
            x.planTaskId ?? 'manual',
            [x.status, x.daysLeft],
          ]),
        );
      expect(await status(march)).toEqual({
        'base-shuozhou': ['completed', (Date.UTC(2020, 11, 31) - Date.UTC(2026, 2, 16)) / 86_400_000],
        diagnosis: ['on_track', (Date.UTC(2099, 11, 31) - Date.UTC(2026, 2, 16)) / 86_400_000],
        battery: ['on_track', null],
        manual: ['due_soon', 15],
      });
      expect((await status(march, 10)).manual).toEqual(['on_track', 15]);
      const april = new TaskService(db.db, () => new Date('2026-04-01T00:00:00Z'));
      const list = await april.supervision(supervisor);
      expect(list.overdue.map((x) => x.title)).toEqual(['编制年度节能监察计划']);
      expect(list.counts).toEqual({ overdue: 1, dueSoon: 0, awaitingReview: 0, total: 4 });
      const http = await app.inject({ url: '/api/tasks/supervision?dueSoonDays=60', ...me(t.gxt as string) });
      expect(http.statusCode, http.body).toBe(200);
      expect(http.json().counts.total).toBe(3);
    });

    it('re-applies plan tasks idempotently without losing reports', async () => {
      const again = await upsertPlanTasks(db.db, PLAN, planTasks, { regionCode: '140000' });
      expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
      const changed = await upsertPlanTasks(
        db.db,
        PLAN,
        [{ ...(planTasks[0] as (typeof planTasks)[number]), title: '推进朔州国家级基地建设（修订）' }],
        { regionCode: '140000' },
      );
      expect(changed).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
      const detail = await app.inject({
        url: `/api/tasks/${ids['base-shuozhou']}`,
        ...me(t.province as string),
      });
      expect(detail.json()).toMatchObject({ title: '推进朔州国家级基地建设（修订）', status: 'completed' });
      expect(detail.json().reports).toHaveLength(2);
      expect(await db.db.selectFrom('supervised_task').select('id').execute()).toHaveLength(4);
    });

    it('imports progress reports from the template row by row and exports the filtered list', async () => {
      const tpl = await app.inject({ url: '/api/tasks/reports/template.xlsx', ...me(t.fgw as string) });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('进展报送');
      if (!ws) throw new Error('no report sheet');
      ws.getRow(3).values = [
        ids.diagnosis,
        '',
        '',
        '2025-Q4',
        '完成20家企业诊断',
        30,
        '诊断报告.pdf、名单.xlsx',
      ];
      ws.getRow(4).values = [ids.battery, '', '', '', '越权报送', 10];
      ws.getRow(5).values = [ids.diagnosis, '', '', '', '百分比错误', 130];
      ws.getRow(6).values = [ids.diagnosis, '', GXT, '', '冒用单位', 10];
      const upload = async (mode: string) =>
        app.inject({
          method: 'POST',
          url: `/api/tasks/reports/import?mode=${mode}`,
          headers: { ...bearer(t.fgw as string), 'content-type': XLSX_MIME },
          payload: Buffer.from(await wb.xlsx.writeBuffer()),
        });
      const refused = await upload('all-or-nothing');
      expect(refused.statusCode).toBe(400);
      expect(
        refused.json().error.details.map((d: { row: number; column: string }) => `${d.row}${d.column}`),
      ).toEqual(['4A', '5F', '6C']);
      const before = await app.inject({ url: `/api/tasks/${ids.diagnosis}`, ...me(t.fgw as string) });
      expect(before.json().reports).toHaveLength(0);
      const partial = await upload('valid-rows');
      expect(partial.json()).toMatchObject({ written: 1, rejected: 3 });
      const after = await app.inject({ url: `/api/tasks/${ids.diagnosis}`, ...me(t.fgw as string) });
      expect(after.json().reports[0]).toMatchObject({
        unit: FGW,
        percent: 30,
        attachments: [{ name: '诊断报告.pdf' }, { name: '名单.xlsx' }],
      });

      const exported = await app.inject({
        url: '/api/tasks/export.xlsx?status=on_track',
        ...me(t.gxt as string),
      });
      expect(exported.statusCode).toBe(200);
      const out = new ExcelJS.Workbook();
      await out.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const sheet = out.getWorksheet('督办任务');
      expect(sheet?.rowCount).toBe(2);
      expect(sheet?.getCell('D2').value).toBe('开展工业节能诊断服务');
      expect(out.getWorksheet('筛选条件')?.getRow(2).values).toEqual([undefined, '状态', 'on_track']);
    });
  });
}
