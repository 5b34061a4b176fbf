import type { Plan, PlanTarget, RegionScope } from './plan-schema.js';

/** A rule the schema cannot express, broken at `path` (a JSON path into the plan, e.g. ['targets', 3, 'code']). */
export interface PlanIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/** Provincial prefixes of GB/T 2260 (the first two digits); 10 is ECEP's code for the whole country (100000). */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);
export const NATIONAL_REGION_CODE = '100000';

const codesOf = (scope: RegionScope): string[] => (Array.isArray(scope) ? scope : [scope]);

/** Number of decimals a value is written with (1.877 → 3, 45.8 → 1, 100 → 0). */
export function decimalsOf(value: number): number {
  const text = String(value);
  if (/e-/i.test(text)) return Number(text.split(/e-/i)[1]);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

const halfUnit = (value: number): number => 0.5 * 10 ** -decimalsOf(value);
const EPS = 1e-9;

/**
 * The key that identifies a target within its plan: the same indicator may appear for several years or
 * scopes (Gansu's output for 2020 and 2025), so the code alone is not unique.
 */
export function targetKey(t: Pick<PlanTarget, 'code' | 'scope' | 'target'>): string {
  return `${t.code}@${codesOf(t.scope).join('+')}@${t.target.year}`;
}

/**
 * Whether the stated target value is what the stated base and change produce, at the precision the target is
 * written with: |base × (1 + changePct/100) − target| ≤ half a unit of the target's last decimal. The base and
 * the change are taken as the plan's exact figures (a plan assigns "−16 %", it does not round to it).
 */
export function changeIsConsistent(baseValue: number, targetValue: number, changePct: number): boolean {
  return Math.abs(baseValue * (1 + changePct / 100) - targetValue) <= halfUnit(targetValue) + EPS;
}

/** What `field` would be if the other two numbers were right. */
function impliedValue(field: string, base: number, target: number, pct: number): number {
  if (field === 'base.value') return target / (1 + pct / 100);
  if (field === 'target.value') return base * (1 + pct / 100);
  return (target / base - 1) * 100;
}

function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso;
}

function checkRegion(
  code: string,
  planScope: string[],
  path: Array<string | number>,
  out: PlanIssue[],
): void {
  if (code === NATIONAL_REGION_CODE) return;
  if (!PROVINCE_PREFIXES.has(code.slice(0, 2))) {
    out.push({
      path,
      message: `“${code}”不是 GB/T 2260 行政区划代码（省级前两位无效）/ "${code}" is not a GB/T 2260 region code (no province ${code.slice(0, 2)})`,
    });
    return;
  }
  const inside = planScope.some(
    (p) => p === NATIONAL_REGION_CODE || p === code || (p.endsWith('0000') && code.startsWith(p.slice(0, 2))),
  );
  if (!inside) {
    out.push({
      path,
      message: `区域 ${code} 不在方案范围 ${planScope.join(', ')} 内 / region ${code} lies outside the plan's scope ${planScope.join(', ')}`,
    });
  }
}

function checkTarget(t: PlanTarget, i: number, plan: Plan, out: PlanIssue[]): void {
  const at = (...p: Array<string | number>) => ['targets', i, ...p];
  const { base, target } = t;
  if (base && base.year > target.year) {
    out.push({
      path: at('target', 'year'),
      message: `目标年 ${target.year} 早于基年 ${base.year} / target year ${target.year} is before base year ${base.year}`,
    });
  }
  if (target.year < plan.period.from || target.year > plan.period.to) {
    out.push({
      path: at('target', 'year'),
      message: `目标年 ${target.year} 不在方案期 ${plan.period.from}–${plan.period.to} 内 / target year outside the plan period`,
    });
  }
  if (target.value === undefined && target.changePct === undefined && target.annualChangePct === undefined) {
    out.push({
      path: at('target'),
      message:
        '目标须给出 value、changePct 或 annualChangePct / a target needs a value, changePct or annualChangePct',
    });
  }
  if (target.valueMax !== undefined && (target.value === undefined || target.valueMax < target.value)) {
    out.push({
      path: at('target', 'valueMax'),
      message: 'valueMax 须与 value 同时给出且不小于 value / valueMax needs a value and must not be below it',
    });
  }
  if (target.changePctMax !== undefined && target.changePct === undefined) {
    out.push({
      path: at('target', 'changePctMax'),
      message: 'changePctMax 须与 changePct 同时给出 / changePctMax needs changePct',
    });
  }
  if (target.changePct !== undefined && !base) {
    out.push({
      path: at('target', 'changePct'),
      message: '给出变化率时须有基年 base.year / a change needs a base year',
    });
  }
  for (const key of ['changePct', 'annualChangePct'] as const) {
    const pct = target[key];
    if (pct === undefined) continue;
    if ((t.direction === 'decrease' && pct >= 0) || (t.direction === 'increase' && pct <= 0)) {
      out.push({
        path: at('target', key),
        message: `方向为 ${t.direction}，${key} 的符号应为${t.direction === 'decrease' ? '负' : '正'} / direction ${t.direction} needs a ${t.direction === 'decrease' ? 'negative' : 'positive'} ${key}`,
      });
    }
  }
  for (const [k, code] of codesOf(t.scope).entries()) {
    checkRegion(code, codesOf(plan.scope), Array.isArray(t.scope) ? at('scope', k) : at('scope'), out);
  }
  checkChange(t, at, out);
}

function checkChange(
  t: PlanTarget,
  at: (...p: Array<string | number>) => Array<string | number>,
  out: PlanIssue[],
): void {
  const baseValue = t.base?.value;
  const { value: targetValue, changePct } = t.target;
  const inc = t.inconsistency;
  const complete = baseValue !== undefined && targetValue !== undefined && changePct !== undefined;
  if (!complete) {
    if (inc) {
      out.push({
        path: at('inconsistency'),
        message:
          '声明了不一致，但缺少基年值、目标值或变化率之一 / an inconsistency needs base.value, target.value and target.changePct',
      });
    }
    return;
  }
  const consistent = changeIsConsistent(baseValue, targetValue, changePct);
  if (!inc) {
    if (!consistent) {
      const implied = (targetValue / baseValue - 1) * 100;
      out.push({
        path: at('target', 'changePct'),
        message: `变化率 ${changePct}% 与基年值 ${baseValue} 和目标值 ${targetValue} 不符（二者意味着 ${implied.toFixed(2)}%）；请改正或用 inconsistency 写明 stated/implied/used / change ${changePct}% does not match base ${baseValue} → target ${targetValue} (which imply ${implied.toFixed(2)}%); fix it or declare an inconsistency`,
      });
    }
    return;
  }
  if (consistent) {
    out.push({
      path: at('inconsistency'),
      message: `声明了不一致，但 ${baseValue} × (1 ${changePct < 0 ? '−' : '+'} ${Math.abs(changePct)}%) 与 ${targetValue} 在舍入范围内一致 / declared inconsistent but the numbers agree within rounding`,
    });
    return;
  }
  const fieldValue =
    inc.field === 'base.value' ? baseValue : inc.field === 'target.value' ? targetValue : changePct;
  if (inc.stated !== fieldValue) {
    out.push({
      path: at('inconsistency', 'stated'),
      message: `stated ${inc.stated} 应等于 ${inc.field} 的值 ${fieldValue} / stated must equal ${inc.field} (${fieldValue})`,
    });
  }
  const computed = impliedValue(inc.field, baseValue, targetValue, changePct);
  if (Math.abs(computed - inc.implied) > halfUnit(inc.implied) + EPS) {
    out.push({
      path: at('inconsistency', 'implied'),
      message: `implied ${inc.implied} 与其余数值推出的 ${computed.toPrecision(6)} 不符 / implied ${inc.implied} is not what the other numbers give (${computed.toPrecision(6)})`,
    });
  }
  if (inc.used !== inc.stated && inc.used !== inc.implied) {
    out.push({
      path: at('inconsistency', 'used'),
      message: 'used 须等于 stated 或 implied / used must equal stated or implied',
    });
  }
}

/**
 * Checks a schema-valid plan against the rules a schema cannot state: unique target keys, task and programme
 * ids; target year ≥ base year and inside the plan period; a stated change consistent with base and target
 * values (or the inconsistency declared with stated/implied/used); change signs matching the direction; real
 * calendar dates; GB/T 2260 region codes inside the plan's scope; project categories adding up to the total.
 *
 * @example
 * const issues = checkPlan(plan); // [] when the plan is sound
 */
export function checkPlan(plan: Plan): PlanIssue[] {
  const out: PlanIssue[] = [];
  for (const [k, code] of codesOf(plan.scope).entries()) {
    checkRegion(code, [NATIONAL_REGION_CODE], Array.isArray(plan.scope) ? ['scope', k] : ['scope'], out);
  }
  if (plan.period.to < plan.period.from) {
    out.push({ path: ['period', 'to'], message: '方案期结束年早于开始年 / period ends before it starts' });
  }
  if (!isRealDate(plan.source.date)) {
    out.push({
      path: ['source', 'date'],
      message: `“${plan.source.date}”不是有效日期 / not a real calendar date`,
    });
  }

  const seenTargets = new Map<string, number>();
  plan.targets.forEach((t, i) => {
    const key = targetKey(t);
    const first = seenTargets.get(key);
    if (first !== undefined) {
      out.push({
        path: ['targets', i, 'code'],
        message: `目标 ${key} 与 targets[${first}] 重复（代码+范围+年份须唯一）/ target ${key} duplicates targets[${first}] (code + scope + year must be unique)`,
      });
    } else seenTargets.set(key, i);
    checkTarget(t, i, plan, out);
  });

  const seenTasks = new Map<string, number>();
  plan.tasks.forEach((task, i) => {
    const first = seenTasks.get(task.id);
    if (first !== undefined) {
      out.push({
        path: ['tasks', i, 'id'],
        message: `任务编号 ${task.id} 与 tasks[${first}] 重复 / task id ${task.id} duplicates tasks[${first}]`,
      });
    } else seenTasks.set(task.id, i);
    const dates: Array<[string, Array<string | number>]> = [[task.deadline, ['tasks', i, 'deadline']]];
    task.milestones?.forEach((m, j) => {
      dates.push([m.deadline, ['tasks', i, 'milestones', j, 'deadline']]);
    });
    for (const [date, path] of dates) {
      if (!isRealDate(date)) {
        out.push({ path, message: `“${date}”不是有效日期 / "${date}" is not a real calendar date` });
      }
    }
    const last = task.milestones
      ?.map((m) => m.deadline)
      .sort()
      .at(-1);
    if (last && task.deadline < last) {
      out.push({
        path: ['tasks', i, 'deadline'],
        message: `完成时限 ${task.deadline} 早于最后一个节点 ${last} / deadline is before the last milestone ${last}`,
      });
    }
  });

  const seenProgrammes = new Set<string>();
  plan.programmes?.forEach((p, i) => {
    if (seenProgrammes.has(p.id)) {
      out.push({
        path: ['programmes', i, 'id'],
        message: `工程编号 ${p.id} 重复 / duplicate programme id ${p.id}`,
      });
    }
    seenProgrammes.add(p.id);
  });

  plan.projects?.forEach((group, i) => {
    const sum = group.categories.reduce((s, c) => s + c.count, 0);
    if (group.categories.length > 0 && sum !== group.total) {
      out.push({
        path: ['projects', i, 'total'],
        message: `各类项目数之和 ${sum} ≠ 总数 ${group.total} / category counts add up to ${sum}, not ${group.total}`,
      });
    }
  });
  return out;
}
