import { ApiError } from '@ecep/contract';
import { errorText } from '../../api';
import { validationMessageZh } from '../../lib/validation-message-zh';

export type FieldPath = Array<string | number>;

export interface ReportFormErrors {
  fields: Array<{ name: FieldPath; errors: string[] }>;
  general: string | null;
}

/**
 * `energy/0/closingStock` (business rules), `body/content/energy/0/purchased` (schema validation) or
 * `body/period` → the form's name path `['energy', 0, 'closingStock']`.
 */
export function fieldPathOf(raw: string): FieldPath {
  const parts = raw.split('/').filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  if (parts[0] === 'content') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const TOP_LEVEL = new Set([
  'periodType',
  'period',
  'energy',
  'products',
  'outputValue10kYuan',
  'note',
  'reason',
]);

/** Places each of the API's complaints next to the field it names; the rest is shown above the form. */
export function reportFormErrors(err: unknown): ReportFormErrors {
  if (!(err instanceof ApiError)) return { fields: [], general: errorText(err) };
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  let unplaced = false;
  const list = Array.isArray(err.details) ? (err.details as Array<Record<string, unknown>>) : [];
  for (const d of list) {
    const raw = typeof d.field === 'string' ? d.field : typeof d.path === 'string' ? d.path : null;
    const message = typeof d.message === 'string' ? validationMessageZh(d.message) : err.message;
    const name = raw ? fieldPathOf(raw) : [];
    if (name.length === 0 || !TOP_LEVEL.has(String(name[0]))) {
      unplaced = true;
      continue;
    }
    // The engine names its own inputs (`energy/0/energy`, `energy/0/amount`): those are the code and amount.
    if (name[0] === 'energy' && name[2] === 'energy') name[2] = 'energyCode';
    if (name[0] === 'energy' && name[2] === 'amount') name[2] = 'consumed';
    // A whole row (`energy/0`) is shown on the row's first input.
    if ((name[0] === 'energy' || name[0] === 'products') && name.length === 2)
      name.push(name[0] === 'energy' ? 'energyCode' : 'name');
    const key = name.join('/');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  }
  return {
    fields: [...byField.values()],
    general: unplaced || byField.size === 0 ? errorText(err) : null,
  };
}
