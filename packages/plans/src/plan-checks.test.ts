import { describe, expect, it } from 'vitest';
import { changeIsConsistent, checkPlan, targetKey } from './plan-checks.js';
import type { Plan, PlanTarget } from './plan-schema.js';

const target = (over: Partial<PlanTarget> = {}): PlanTarget => ({
  code: 'energy_intensity',
  name: '万元地区生产总值综合能耗',
  type: 'intensity',
  scope: '140000',
  unit: 'tce/10k yuan',
  base: { year: 2010, value: 2.235 },
  target: { year: 2015, value: 1.877, changePct: -16 },
  direction: 'decrease',
  priceBase: '2005',
  sourceText: '累计下降16%',
  ...over,
});

const plan = (over: Partial<Plan> = {}): Plan => ({
  id: 'p',
  title: '方案',
  source: { file: '002_75e41bef2ed48ba9.txt', issuer: '山西省人民政府', date: '2012-04-08', title: '方案' },
  period: { from: 2011, to: 2015 },
  scope: '140000',
  targets: [target()],
  tasks: [],
  ...over,
});

const paths = (p: Plan) => checkPlan(p).map((i) => i.path.join('.'));

describe('checkPlan', () => {
  it('finds nothing wrong with a sound plan', () => {
    expect(checkPlan(plan())).toEqual([]);
  });

  it('rejects two targets with the same code, scope and year but allows another year', () => {
    const again = target({ sourceText: 'again' });
    expect(paths(plan({ targets: [target(), again] }))).toEqual(['targets.1.code']);
    const later = target({ target: { year: 2014, value: 1.9 }, base: undefined, direction: 'at_most' });
    expect(checkPlan(plan({ targets: [target(), later] }))).toEqual([]);
    expect(targetKey(target({ scope: ['110000', '120000'] }))).toBe('energy_intensity@110000+120000@2015');
  });

  it('rejects duplicate task ids', () => {
    const task = {
      id: 'a',
      title: 't',
      leadUnits: ['省经信委'],
      cooperatingUnits: [],
      deadline: '2015-12-31',
      deadlineText: '2015年',
      sourceText: '原文句子',
    };
    expect(paths(plan({ tasks: [task, { ...task }] }))).toEqual(['tasks.1.id']);
  });

  it('rejects a target year before the base year and outside the plan period', () => {
    const t = target({ base: { year: 2016 }, target: { year: 2015, changePct: -16 } });
    expect(paths(plan({ targets: [t] }))).toEqual(['targets.0.target.year']);
    const late = target({ base: undefined, target: { year: 2020, value: 1 }, direction: 'at_most' });
    expect(paths(plan({ targets: [late] }))).toEqual(['targets.0.target.year']);
  });

  it('rejects a change whose sign contradicts the direction', () => {
    const t = target({ base: { year: 2010 }, target: { year: 2015, changePct: 16 } });
    expect(paths(plan({ targets: [t] }))).toEqual(['targets.0.target.changePct']);
  });

  it('rejects the seed-printed base 2.24 with 1.877 and −16 % unless the inconsistency is declared', () => {
    const printed = target({ base: { year: 2010, value: 2.24 } });
    expect(paths(plan({ targets: [printed] }))).toEqual(['targets.0.target.changePct']);
    const declared = target({
      base: { year: 2010, value: 2.24 },
      inconsistency: { field: 'base.value', stated: 2.24, implied: 2.235, used: 2.235, note: '见原文' },
    });
    expect(checkPlan(plan({ targets: [declared] }))).toEqual([]);
  });

  it('rejects a declared inconsistency whose implied value is wrong or whose used value is neither', () => {
    const wrong = target({
      base: { year: 2010, value: 2.24 },
      inconsistency: { field: 'base.value', stated: 2.24, implied: 2.22, used: 2.2, note: '错' },
    });
    expect(paths(plan({ targets: [wrong] }))).toEqual([
      'targets.0.inconsistency.implied',
      'targets.0.inconsistency.used',
    ]);
  });

  it('rejects an inconsistency declared for numbers that agree', () => {
    const needless = target({
      inconsistency: { field: 'base.value', stated: 2.235, implied: 2.235, used: 2.235, note: '多余' },
    });
    expect(paths(plan({ targets: [needless] }))).toEqual(['targets.0.inconsistency']);
  });

  it('treats the change as consistent within half a unit of the target value', () => {
    expect(changeIsConsistent(143.8, 127.6, -11.3)).toBe(true);
    expect(changeIsConsistent(124.1, 106.9, -13.9)).toBe(true);
    expect(changeIsConsistent(2.24, 1.877, -16)).toBe(false);
    expect(changeIsConsistent(1000, 2000, 100)).toBe(true);
  });

  it('rejects region codes that are not GB/T 2260 or lie outside the plan scope', () => {
    expect(paths(plan({ targets: [target({ scope: '990000' })] }))).toEqual(['targets.0.scope']);
    expect(paths(plan({ targets: [target({ scope: '620000' })] }))).toEqual(['targets.0.scope']);
    expect(checkPlan(plan({ targets: [target({ scope: '140100' })] }))).toEqual([]);
    expect(checkPlan(plan({ scope: '100000', targets: [target({ scope: ['110000', '130000'] })] }))).toEqual(
      [],
    );
  });

  it('rejects impossible dates and a deadline before the last milestone', () => {
    const task = {
      id: 'a',
      title: 't',
      leadUnits: ['省工信委'],
      cooperatingUnits: [],
      deadline: '2019-12-31',
      deadlineText: '2018年；2020年',
      milestones: [
        { deadline: '2018-02-29', deadlineText: '2018年', expectedOutput: '清单' },
        { deadline: '2020-12-31', deadlineText: '2020年', expectedOutput: '基地' },
      ],
      sourceText: '原文句子',
    };
    expect(paths(plan({ tasks: [task] }))).toEqual(['tasks.0.milestones.0.deadline', 'tasks.0.deadline']);
  });

  it('rejects project categories that do not add up to the total', () => {
    const projects = [
      {
        title: '重点项目',
        year: 2014,
        total: 217,
        sourceText: '推进217个项目',
        categories: [
          { name: 'a', count: 109, outputs: [], sourceText: '109个' },
          { name: 'b', count: 100, outputs: [], sourceText: '100个' },
        ],
      },
    ];
    expect(paths(plan({ projects, period: { from: 2011, to: 2015 } }))).toEqual(['projects.0.total']);
  });
});
