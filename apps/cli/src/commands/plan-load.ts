import path from 'node:path';
import type { Command } from 'commander';
import { type ServerFlags, toConfigInput, withServerOptions } from '../server-options.js';

/**
 * `ecep plan load [files…]`: checks the plan files and stores them in the database; a changed plan becomes a
 * new version and the old one stays. Without files, the plans shipped in plans/ are loaded.
 */
export function addPlanLoad(plan: Command): void {
  withServerOptions(
    plan
      .command('load')
      .description('载入规划（校验后入库，内容变化则生成新版本）/ check and store plans as versions')
      .argument('[files...]', 'plan YAML files (default: the bundled plans/*.yaml)')
      .option('--by <name>', '载入人 / recorded as the loader', 'cli'),
  ).action(async (files: string[], flags: ServerFlags & { by: string }) => {
    const {
      BUNDLED_PLANS_DIR,
      createDb,
      loadConfig,
      loadPlans,
      migrateToLatest,
      PlanLoadError,
      planFilesIn,
    } = await import('@ecep/server');
    const list = files.length > 0 ? files.map((f) => path.resolve(f)) : planFilesIn(BUNDLED_PLANS_DIR);
    if (list.length === 0) {
      console.error('没有找到规划文件 / no plan files found');
      process.exit(1);
    }
    const config = loadConfig(toConfigInput(flags));
    const db = await createDb(config);
    try {
      await migrateToLatest(db.db);
      const outcomes = await loadPlans(db.db, list, flags.by);
      for (const o of outcomes) {
        console.log(
          `${o.changed ? '已载入' : '未变化'} ${o.planId} v${o.version}  ${o.title}  (${o.targets} 项目标, ${o.tasks} 项任务)  ← ${path.basename(o.file)}`,
        );
      }
    } catch (err) {
      if (err instanceof PlanLoadError) {
        console.error(err.message);
        process.exitCode = 1;
        return;
      }
      throw err;
    } finally {
      await db.close();
    }
  });
}
