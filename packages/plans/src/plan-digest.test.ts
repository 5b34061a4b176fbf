import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPlanFile } from './load-plan-file.js';
import { canonicalJson, planDigest } from './plan-digest.js';
import type { Plan } from './plan-schema.js';

const FILE = fileURLToPath(
  new URL('../../../plans/miit-2014-industrial-green-development.yaml', import.meta.url),
);

/** Rebuilds every object with its keys in reverse order. */
function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .reverse()
      .map(([k, x]) => [k, reverseKeys(x)]),
  );
}

describe('planDigest', () => {
  it('is a sha256 hex string that does not depend on key order', async () => {
    const r = await loadPlanFile(FILE);
    if (!r.ok) throw new Error('fixture plan invalid');
    const reordered = reverseKeys(r.plan) as Plan;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(r.plan));
    expect(planDigest(r.plan)).toMatch(/^[0-9a-f]{64}$/);
    expect(planDigest(reordered)).toBe(planDigest(r.plan));
  });

  it('changes when one value changes, and when array order changes', async () => {
    const r = await loadPlanFile(FILE);
    if (!r.ok) throw new Error('fixture plan invalid');
    const changed = structuredClone(r.plan);
    (changed.targets[0] as { target: { value?: number } }).target.value = 6;
    expect(planDigest(changed)).not.toBe(planDigest(r.plan));
    const swapped = structuredClone(r.plan);
    swapped.tasks.reverse();
    expect(planDigest(swapped)).not.toBe(planDigest(r.plan));
  });

  it('is the same for the YAML text parsed twice and for a flow-style rewrite of a block', () => {
    const a = parse('a: 1\nb: { c: [1, 2], d: x }\n');
    const b = parse('b:\n  d: x\n  c:\n    - 1\n    - 2\na: 1\n');
    expect(canonicalJson(a)).toBe('{"a":1,"b":{"c":[1,2],"d":"x"}}');
    expect(planDigest(a as Plan)).toBe(planDigest(b as Plan));
  });
});
