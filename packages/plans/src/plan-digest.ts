import { createHash } from 'node:crypto';
import type { Plan } from './plan-schema.js';

/** JSON with object keys sorted at every level (array order is kept: it is meaningful). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * SHA-256 (hex) of the plan's canonical JSON: the same for the same content whatever the key order or YAML
 * layout, different as soon as any value changes — so a loader can tell whether a stored plan changed.
 *
 * @example
 * if (planDigest(plan) !== stored.digest) storeNewVersion(plan);
 */
export function planDigest(plan: Plan): string {
  return createHash('sha256').update(canonicalJson(plan), 'utf8').digest('hex');
}
