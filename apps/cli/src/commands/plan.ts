import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { addPlanLoad } from './plan-load.js';

/** The `plans/*.yaml` files of the nearest `plans/` directory at or above `start` (the repository's). */
export function defaultPlanFiles(start: string): string[] {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'plans');
    if (existsSync(candidate)) {
      const files = readdirSync(candidate)
        .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
        .sort()
        .map((f) => join(candidate, f));
      if (files.length > 0) return files;
    }
    const parent = dirname(dir);
    if (parent === dir) return [];
    dir = parent;
  }
}

async function check(files: string[]): Promise<void> {
  // Loaded on use so that `ecep --help` and other commands do not parse YAML or build schemas.
  const { loadPlanFile } = await import('@ecep/plans');
  const paths = files.length > 0 ? files : defaultPlanFiles(process.cwd());
  if (paths.length === 0) {
    console.error('未找到方案文件（plans/*.yaml）/ no plan files found (plans/*.yaml)');
    process.exitCode = 1;
    return;
  }
  let failed = 0;
  for (const path of paths) {
    const shown = relative(process.cwd(), path) || path;
    const result = await loadPlanFile(shown);
    if (result.ok) {
      const { targets, tasks } = result.plan;
      console.log(`✓ ${shown}  ${result.plan.id}: ${targets.length} targets, ${tasks.length} tasks`);
    } else {
      failed++;
      for (const e of result.errors)
        console.log(`${e.file}:${e.line}:${e.column}  ${e.path || '(document)'}  ${e.message}`);
      console.log(`✗ ${shown}: ${result.errors.length} error(s)`);
    }
  }
  console.log(
    failed === 0
      ? `全部通过 / all ${paths.length} plan file(s) valid`
      : `${failed} / ${paths.length} 个方案文件有错误 / plan file(s) have errors`,
  );
  process.exitCode = failed === 0 ? 0 : 1;
}

/** `ecep plan …`: the seed action plans as data. `check` validates plan files; further subcommands sit beside it. */
export function registerPlan(program: Command): void {
  const plan = program.command('plan').description('行动方案数据 / action plans as data (plans/*.yaml)');
  plan
    .command('check')
    .argument('[files...]', 'plan YAML files; default: every plans/*.yaml of the repository')
    .description(
      '校验方案文件 / validate plan files: prints file:line:column  field  message; exit 1 on errors',
    )
    .action(async (files: string[]) => {
      await check(files);
    });
  addPlanLoad(plan);
}
