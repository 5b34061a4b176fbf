import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlanFile, type Plan, planDigest } from '@ecep/plans';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';
import { upsertPlanTasks } from '../tasks/plan-tasks.js';
import { type PlanTargetInsert, type StorePlanResult, storePlanVersion } from './plan.repository.js';

/** The plans shipped with ECEP (`plans/*.yaml` at the repository root). */
export const BUNDLED_PLANS_DIR = fileURLToPath(new URL('../../../../plans/', import.meta.url));

/** One stored row per target and region: a joint scope (京津冀) becomes a row for each of its regions. */
export function planTargetRows(plan: Plan): PlanTargetInsert[] {
  const rows: PlanTargetInsert[] = [];
  for (const t of plan.targets) {
    const fix = t.inconsistency;
    const baseValue = fix?.field === 'base.value' ? fix.used : t.base?.value;
    const targetValue = fix?.field === 'target.value' ? fix.used : t.target.value;
    const changePct = fix?.field === 'target.changePct' ? fix.used : t.target.changePct;
    for (const scopeCode of Array.isArray(t.scope) ? t.scope : [t.scope]) {
      rows.push({
        code: t.code,
        name: t.name,
        type: t.type,
        unit: t.unit,
        scopeCode,
        direction: t.direction,
        baseYear: t.base?.year ?? null,
        baseValue: baseValue === undefined ? null : String(baseValue),
        targetYear: t.target.year,
        targetValue: targetValue === undefined ? null : String(targetValue),
        changePct: changePct === undefined ? null : String(changePct),
        priceBase: t.priceBase ?? null,
        sourceText: t.sourceText,
        details: {
          ...(fix ? { inconsistency: fix } : {}),
          ...(t.note ? { note: t.note } : {}),
          ...(t.target.valueMax !== undefined ? { valueMax: t.target.valueMax } : {}),
          ...(t.target.changePctMax !== undefined ? { changePctMax: t.target.changePctMax } : {}),
          ...(t.target.annualChangePct !== undefined ? { annualChangePct: t.target.annualChangePct } : {}),
        },
      });
    }
  }
  return rows;
}

export interface PlanLoadOutcome extends StorePlanResult {
  file: string;
  title: string;
  targets: number;
  tasks: number;
}

export class PlanLoadError extends Error {
  constructor(
    readonly errors: Array<{ file: string; line: number; column: number; path: string; message: string }>,
  ) {
    super(
      `规划文件校验失败 / plan check failed:\n${errors.map((e) => `  ${e.file}:${e.line}:${e.column}  ${e.path}  ${e.message}`).join('\n')}`,
    );
    this.name = 'PlanLoadError';
  }
}

/**
 * Checks and stores plan files; a changed plan becomes a new version, an unchanged one is left as it is.
 * Nothing is stored if any file fails its check.
 */
export async function loadPlans(
  db: Kysely<Database>,
  files: string[],
  by: string,
): Promise<PlanLoadOutcome[]> {
  const loaded = await Promise.all(files.map(async (f) => ({ file: f, result: await loadPlanFile(f) })));
  const errors = loaded.flatMap((l) => (l.result.ok ? [] : l.result.errors));
  if (errors.length > 0) throw new PlanLoadError(errors);
  const out: PlanLoadOutcome[] = [];
  for (const { file, result } of loaded) {
    if (!result.ok) continue;
    const plan = result.plan;
    const stored = await storePlanVersion(
      db,
      {
        id: plan.id,
        title: plan.title,
        digest: planDigest(plan),
        sourceFile: path.basename(file),
        document: plan,
        targets: planTargetRows(plan),
      },
      by,
    );
    if (stored.changed) {
      await recordAudit(
        db,
        { userId: null, name: by },
        {
          action: 'load',
          entity: 'plan',
          entityId: plan.id,
          before: stored.version > 1 ? { version: stored.version - 1 } : null,
          after: { version: stored.version, file: path.basename(file), targets: plan.targets.length },
        },
      );
    }
    // The plan's tasks become supervised tasks (idempotent; progress reports are never touched).
    await upsertPlanTasks(
      db,
      plan.id,
      plan.tasks.map((t) => ({
        id: t.id,
        title: t.title,
        leadUnits: t.leadUnits,
        cooperatingUnits: t.cooperatingUnits,
        deadline: t.deadline,
        expectedOutput: t.expectedOutput ?? null,
      })),
      { actorName: by },
    );
    out.push({ ...stored, file, title: plan.title, targets: plan.targets.length, tasks: plan.tasks.length });
  }
  return out;
}

/** Every `*.yaml` in a directory, sorted. */
export function planFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => path.join(dir, f));
}
