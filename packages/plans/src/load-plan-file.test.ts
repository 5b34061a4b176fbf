import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPlanFile, parsePlanText } from './load-plan-file.js';

const PLANS = fileURLToPath(new URL('../../../plans/', import.meta.url));

/** A small valid plan; the tests break one thing at a time. Line numbers below refer to this text. */
const VALID = `id: test-plan
title: 测试方案
source:
  file: 002_75e41bef2ed48ba9.txt
  issuer: 山西省人民政府
  date: "2012-04-08"
  title: 测试
period: { from: 2011, to: 2015 }
scope: "140000"
targets:
  - code: so2_total
    name: 二氧化硫排放总量
    type: total_cap
    scope: "140000"
    unit: 10k t
    base: { year: 2010, value: 143.8 }
    target: { year: 2015, value: 127.6, changePct: -11.3 }
    direction: at_most
    sourceText: 二氧化硫排放总量控制在127.6万吨以内
tasks:
  - id: report
    title: 每年报告
    leadUnits: [各市人民政府]
    cooperatingUnits: []
    deadline: "2015-12-31"
    deadlineText: 每年
    sourceText: 各市人民政府每年要向省人民政府报告
`;

const errorsOf = (text: string) => {
  const r = parsePlanText(text, 'plans/test.yaml');
  if (r.ok) throw new Error('expected the plan to be rejected');
  return r.errors;
};

describe('loadPlanFile and parsePlanText', () => {
  it('accepts the fixture plan', () => {
    const r = parsePlanText(VALID, 'plans/test.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.plan.targets[0]?.target.value).toBe(127.6);
  });

  it('accepts every plans/*.yaml of the repository', async () => {
    const files = readdirSync(PLANS).filter((f) => f.endsWith('.yaml'));
    expect(files).toHaveLength(5);
    for (const f of files) {
      const r = await loadPlanFile(`${PLANS}${f}`);
      expect(r.ok ? [] : r.errors, f).toEqual([]);
    }
  });

  it('reports bad indentation as a YAML syntax error with its line', () => {
    const broken = VALID.replace('    name: 二氧化硫排放总量', '      name: 二氧化硫排放总量');
    const [first] = errorsOf(broken);
    expect(first?.file).toBe('plans/test.yaml');
    expect(first?.message).toMatch(/YAML/);
    expect(first?.line).toBeGreaterThanOrEqual(11);
    expect(first?.line).toBeLessThanOrEqual(12);
  });

  it('reports a string where a number is expected on the line of that field', () => {
    const errors = errorsOf(VALID.replace('value: 127.6,', 'value: "127,6",'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'plans/test.yaml', line: 17, path: 'targets[0].target.value' });
    expect(errors[0]?.message).toMatch(/应为数值/);
    expect(errors[0]?.message).toMatch(/expected a number/);
  });

  it('reports a missing required field at its parent, naming the field', () => {
    const errors = errorsOf(VALID.replace('    unit: 10k t\n', ''));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 11, path: 'targets[0].unit' });
    expect(errors[0]?.message).toMatch(/缺少必填字段“unit”/);
  });

  it('reports a misspelt field on its own line', () => {
    const errors = errorsOf(
      VALID.replace('    direction: at_most', '    direction: at_most\n    sourceTxt: x'),
    );
    expect(errors[0]).toMatchObject({ line: 19, column: 5, path: 'targets[0].sourceTxt' });
  });

  it('reports a value outside an enumeration with the allowed values', () => {
    const errors = errorsOf(VALID.replace('direction: at_most', 'direction: below'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 18, path: 'targets[0].direction' });
    expect(errors[0]?.message).toMatch(/decrease \| increase \| at_most \| at_least/);
  });

  it('reports a bad region code inside a list scope at the item', () => {
    const errors = errorsOf(
      VALID.replace('    scope: "140000"\n    unit', '    scope: ["140000", "14"]\n    unit'),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 14, path: 'targets[0].scope[1]' });
  });

  it('reports a change % that the base and target values do not give, on the changePct line', () => {
    const errors = errorsOf(VALID.replace('changePct: -11.3', 'changePct: -13.9'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      file: 'plans/test.yaml',
      line: 17,
      path: 'targets[0].target.changePct',
    });
    expect(errors[0]?.message).toMatch(/-11\.27%/);
    expect(errors[0]?.message).toMatch(/inconsistency/);
  });

  it('accepts the same numbers once the inconsistency is declared with stated, implied and used', () => {
    const text = VALID.replace('changePct: -11.3', 'changePct: -13.9').replace(
      '    direction: at_most\n',
      '    direction: at_most\n    inconsistency: { field: target.changePct, stated: -13.9, implied: -11.27, used: -13.9, note: 测试 }\n',
    );
    expect(parsePlanText(text, 'plans/test.yaml').ok).toBe(true);
  });

  it('reports an impossible calendar date in a deadline', () => {
    const errors = errorsOf(VALID.replace('deadline: "2015-12-31"', 'deadline: "2015-02-30"'));
    expect(errors[0]).toMatchObject({ line: 25, path: 'tasks[0].deadline' });
  });

  it('reports a file that cannot be read instead of throwing', async () => {
    const r = await loadPlanFile(`${PLANS}no-such-plan.yaml`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/cannot read/);
  });
});
