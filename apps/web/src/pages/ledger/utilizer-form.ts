import {
  ApiError,
  SOLID_WASTE_TYPES,
  type SolidWasteUtilizer,
  type SolidWasteUtilizerInput,
} from '@ecep/contract';
import { errorText } from '../../api';
import { validationMessageZh } from '../../lib/validation-message-zh';

/** What the utilisation-enterprise form holds: capacities (t/yr) by waste type code, blanks as null. */
export interface UtilizerFormValues {
  enterpriseId?: string;
  capacities?: Partial<Record<string, string | number | null>>;
  products?: string;
  certification?: string;
  certificateNo?: string;
  /** `YYYY-MM-DD`, or null for no end date. */
  certifiedUntil?: string | null;
}

const WASTE_CODES: readonly string[] = SOLID_WASTE_TYPES.map((w) => w.code);
const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The PUT body: capacities as exact decimal strings (blank ones left out), empty texts left out. */
export function toUtilizerInput(v: UtilizerFormValues): SolidWasteUtilizerInput {
  const capacities: Record<string, string> = {};
  for (const [code, value] of Object.entries(v.capacities ?? {})) {
    if (!blank(value)) capacities[code] = String(value).trim();
  }
  const text = (s: string | undefined) => s?.trim() || undefined;
  const products = text(v.products);
  const certification = text(v.certification);
  const certificateNo = text(v.certificateNo);
  return {
    enterpriseId: v.enterpriseId ?? '',
    capacities,
    ...(products ? { products } : {}),
    ...(certification ? { certification } : {}),
    ...(certificateNo ? { certificateNo } : {}),
    certifiedUntil: v.certifiedUntil || null,
  };
}

/** The form values that start editing a registered utilisation enterprise. */
export function utilizerToValues(u: SolidWasteUtilizer): UtilizerFormValues {
  return {
    enterpriseId: u.enterpriseId,
    capacities: { ...u.capacities },
    products: u.products,
    certification: u.certification,
    certificateNo: u.certificateNo,
    certifiedUntil: u.certifiedUntil,
  };
}

/** Whether at least one capacity is filled in (a utilisation enterprise utilises something). */
export const hasCapacity = (v: UtilizerFormValues): boolean =>
  Object.values(v.capacities ?? {}).some((x) => !blank(x));

export type UtilizerField =
  | ['enterpriseId']
  | ['products']
  | ['certification']
  | ['certificateNo']
  | ['certifiedUntil']
  | ['capacities', string];

export interface UtilizerFormErrors {
  fields: Array<{ name: UtilizerField; errors: string[] }>;
  general: string | null;
}

/** `body/capacities/fly_ash`, `capacities.fly_ash` or `products` → the form field, if the form has it. */
function fieldOf(path: string): UtilizerField | null {
  const parts = path.split(/[/.]/).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  const [head, sub] = parts;
  if (head === 'capacities') return sub && WASTE_CODES.includes(sub) ? ['capacities', sub] : null;
  if (
    head === 'enterpriseId' ||
    head === 'products' ||
    head === 'certification' ||
    head === 'certificateNo' ||
    head === 'certifiedUntil'
  )
    return [head];
  return null;
}

/**
 * Puts the API's complaints next to the fields they name: schema validation (`details: [{ path, message }]`),
 * the ledger rules (`details: { field: 'capacities.x' }`) and an enterprise out of reach (`ENTERPRISE_NOT_FOUND`,
 * at the enterprise).
 */
export function utilizerFormErrors(err: unknown): UtilizerFormErrors {
  if (!(err instanceof ApiError)) return { fields: [], general: errorText(err) };
  const byKey = new Map<string, { name: UtilizerField; errors: string[] }>();
  let unplaced = false;
  const add = (field: UtilizerField | null, message: string) => {
    if (!field) {
      unplaced = true;
      return;
    }
    const key = field.join('.');
    const entry = byKey.get(key) ?? { name: field, errors: [] };
    entry.errors.push(message);
    byKey.set(key, entry);
  };
  const details = err.details;
  if (err.code === 'ENTERPRISE_NOT_FOUND') {
    add(['enterpriseId'], err.message);
  } else if (Array.isArray(details)) {
    for (const d of details as Array<{ path?: unknown; message?: unknown }>) {
      const message = typeof d.message === 'string' ? validationMessageZh(d.message) : err.message;
      add(typeof d.path === 'string' ? fieldOf(d.path) : null, message);
    }
  } else if (
    details &&
    typeof details === 'object' &&
    typeof (details as { field?: unknown }).field === 'string'
  ) {
    const field = (details as { field: string }).field;
    const message = err.message.startsWith(`${field}: `) ? err.message.slice(field.length + 2) : err.message;
    add(fieldOf(field), message);
  } else {
    unplaced = true;
  }
  return {
    fields: [...byKey.values()],
    general: unplaced || byKey.size === 0 ? errorText(err) : null,
  };
}
