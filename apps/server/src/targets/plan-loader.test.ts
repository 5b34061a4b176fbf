import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { backends } from '../test-support/test-db.js';
import { BUNDLED_PLANS_DIR, loadPlans, PlanLoadError, planFilesIn } from './plan-loader.js';
import { TargetService } from './target.service.js';

const SHANXI_2012 = 'shanxi-2012-energy-saving-emission-reduction';

for (const backend of backends()) {
  describe(`plan loading on ${backend.name}`, () => {
    let db: DbHandle;
    let dir: string;
    beforeAll(async () => {
      db = await backend.open();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecep-plans-'));
    });
    afterAll(async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('stores the five bundled plans with their targets, and loading them again changes nothing', async () => {
      const files = planFilesIn(BUNDLED_PLANS_DIR);
      expect(files).toHaveLength(5);
      const first = await loadPlans(db.db, files, 'test');
      expect(first.every((o) => o.changed && o.version === 1)).toBe(true);
      const again = await loadPlans(db.db, files, 'test');
      expect(again.every((o) => !o.changed && o.version === 1)).toBe(true);
      const plan = await new TargetService(db.db).plan(SHANXI_2012);
      const intensity = plan.targets.find((t) => t.code === 'energy_intensity' && t.scopeCode === '140000');
      // The seed prints 2.24 but the −16 % and 1.877 imply 2.235; the file says which is used.
      expect(intensity).toMatchObject({ baseYear: 2010, targetYear: 2015 });
      expect(Number(intensity?.baseValue)).toBe(2.235);
      // Every task of every plan is now supervised, once.
      const tasks = await db.db.selectFrom('supervised_task').select(['plan_id']).execute();
      const expectedTasks = first.reduce((n, o) => n + o.tasks, 0);
      expect(tasks.filter((t) => t.plan_id !== null)).toHaveLength(expectedTasks);
    });

    it('keeps the old version when a changed plan is loaded as a new one', async () => {
      const source = fs.readFileSync(path.join(BUNDLED_PLANS_DIR, `${SHANXI_2012}.yaml`), 'utf8');
      const changed = source.replace(
        'title: 山西省“十二五”节能减排综合性工作方案\n',
        'title: 山西省“十二五”节能减排综合性工作方案（修订）\n',
      );
      expect(changed).not.toBe(source);
      const file = path.join(dir, `${SHANXI_2012}.yaml`);
      fs.writeFileSync(file, changed);
      const [outcome] = await loadPlans(db.db, [file], 'editor');
      expect(outcome).toMatchObject({ planId: SHANXI_2012, version: 2, changed: true });
      const plan = await new TargetService(db.db).plan(SHANXI_2012);
      expect(plan.title).toContain('修订');
      expect(plan.versions.map((v) => [v.version, v.loadedBy])).toEqual([
        [2, 'editor'],
        [1, 'test'],
      ]);
    });

    it('stores nothing when any file fails its check, and names file, line and field', async () => {
      const bad = path.join(dir, 'bad.yaml');
      fs.writeFileSync(bad, 'id: broken\ntitle: 坏文件\ntargets: not-a-list\n');
      const before = await db.db.selectFrom('plan_version').select('plan_id').execute();
      const err = await loadPlans(
        db.db,
        [path.join(BUNDLED_PLANS_DIR, `${SHANXI_2012}.yaml`), bad],
        'test',
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PlanLoadError);
      expect((err as PlanLoadError).errors.some((e) => e.file === bad && e.line >= 1)).toBe(true);
      const after = await db.db.selectFrom('plan_version').select('plan_id').execute();
      expect(after.length).toBe(before.length);
    });
  });
}
