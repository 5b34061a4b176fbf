import {
  ApiError,
  type SolidWasteEntry,
  type SolidWasteEntryCorrection,
  type SolidWasteEntryCreate,
  UTILIZATION_ROUTES,
} from '@ecep/contract';
import { errorText } from '../../api';
import { validationMessageZh } from '../../lib/validation-message-zh';
import { QUANTITY_LABELS } from './ledger-labels';

export type RouteKey = (typeof UTILIZATION_ROUTES)[number]['code'];
export const ROUTE_KEYS: readonly RouteKey[] = UTILIZATION_ROUTES.map((r) => r.code);

/** What the entry form holds: quantities as the InputNumber (string mode) gives them, blanks as null. */
export interface LedgerFormValues {
  enterpriseId?: string;
  wasteType?: string;
  /** `YYYY-MM` or `YYYY`. */
  period?: string;
  openingStockT?: string | number | null;
  generatedT?: string | number | null;
  utilizedT?: string | number | null;
  utilizedFromStockT?: string | number | null;
  routes?: Partial<Record<RouteKey, string | number | null>>;
  disposedT?: string | number | null;
  storedT?: string | number | null;
  closingStockT?: string | number | null;
  note?: string;
  reason?: string;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
/** A quantity for the API: an exact decimal string (no float rounding), or undefined when left blank. */
const dec = (v: unknown): string | undefined => (blank(v) ? undefined : String(v).trim());

function quantities(v: LedgerFormValues) {
  const routes: Partial<Record<RouteKey, string>> = {};
  for (const k of ROUTE_KEYS) {
    const r = dec(v.routes?.[k]);
    if (r !== undefined) routes[k] = r;
  }
  const opening = dec(v.openingStockT);
  const closing = dec(v.closingStockT);
  const fromStock = dec(v.utilizedFromStockT);
  const note = v.note?.trim();
  return {
    ...(opening !== undefined ? { openingStockT: opening } : {}),
    generatedT: dec(v.generatedT) ?? '',
    utilizedT: dec(v.utilizedT) ?? '',
    ...(fromStock !== undefined ? { utilizedFromStockT: fromStock } : {}),
    ...(Object.keys(routes).length ? { routes } : {}),
    disposedT: dec(v.disposedT) ?? '',
    storedT: dec(v.storedT) ?? '',
    ...(closing !== undefined ? { closingStockT: closing } : {}),
    ...(note ? { note } : {}),
  };
}

/** The POST body of a new entry. Blank opening / closing stock are left out so the server derives them. */
export function toCreatePayload(v: LedgerFormValues): SolidWasteEntryCreate {
  return {
    enterpriseId: v.enterpriseId ?? '',
    wasteType: (v.wasteType ?? '') as SolidWasteEntryCreate['wasteType'],
    period: v.period ?? '',
    ...quantities(v),
  };
}

/** The PUT body of a correction of `entry` (a new version based on the one shown). */
export function toCorrectionPayload(v: LedgerFormValues, baseVersion: number): SolidWasteEntryCorrection {
  return { ...quantities(v), baseVersion, reason: (v.reason ?? '').trim() };
}

/**
 * The form values that start a correction: the entry's current numbers, except the closing stock, left blank so
 * the server computes it from the corrected flows (a stale closing stock would only contradict them).
 */
export function entryToFormValues(e: SolidWasteEntry): LedgerFormValues {
  return {
    enterpriseId: e.enterpriseId,
    wasteType: e.wasteType,
    period: e.period,
    openingStockT: e.openingStockT,
    generatedT: e.generatedT,
    utilizedT: e.utilizedT,
    utilizedFromStockT: e.utilizedFromStockT,
    routes: { ...e.routes },
    disposedT: e.disposedT,
    storedT: e.storedT,
    closingStockT: null,
    note: e.note,
    reason: '',
  };
}

export type FieldName = string | [string, string];

/** One complaint of the server about the balance, with the numbers that do not add up. */
export interface BalanceProblemView {
  field: FieldName;
  message: string;
  numbers: Array<{ label: string; value: string }>;
}

export interface LedgerFormErrors {
  fields: Array<{ name: FieldName; errors: string[] }>;
  problems: BalanceProblemView[];
  general: string | null;
}

const FORM_FIELDS = new Set([
  'enterpriseId',
  'wasteType',
  'period',
  'openingStockT',
  'generatedT',
  'utilizedT',
  'utilizedFromStockT',
  'disposedT',
  'storedT',
  'closingStockT',
  'note',
  'reason',
  'baseVersion',
]);

/**
 * The form field a server complaint belongs to: `generatedT`, `routes.powerT` → `['routes', 'powerT']`,
 * schema paths `body/routes/powerT`, and `routes` as a whole (the routes do not add up) → `utilizedT`.
 */
export function fieldOf(raw: string): FieldName | null {
  const parts = raw.split(/[/.]/).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  const [head, sub] = parts;
  if (!head) return null;
  if (head === 'routes') {
    return sub && (ROUTE_KEYS as readonly string[]).includes(sub) ? ['routes', sub] : 'utilizedT';
  }
  if (head === 'baseVersion') return 'reason';
  return FORM_FIELDS.has(head) ? head : null;
}

function numbersOf(raw: unknown): Array<{ label: string; value: string }> {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>).map(([k, v]) => {
    const isPeriod = k.endsWith('Period');
    return {
      label: QUANTITY_LABELS[k] ?? k,
      value: isPeriod ? String(v) : `${String(v)} t`,
    };
  });
}

/**
 * Maps an API refusal onto the entry form: each LEDGER_BALANCE_MISMATCH / LEDGER_ENTRY_INVALID problem next to
 * its field, with its numbers kept for display; schema errors (`path`) likewise; the rest as a general message.
 */
export function ledgerFormErrors(err: unknown): LedgerFormErrors {
  if (!(err instanceof ApiError)) return { fields: [], problems: [], general: errorText(err) };
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  const problems: BalanceProblemView[] = [];
  let unplaced = false;
  const list = Array.isArray(err.details) ? (err.details as Array<Record<string, unknown>>) : [];
  for (const d of list) {
    const raw = typeof d.field === 'string' ? d.field : typeof d.path === 'string' ? d.path : null;
    const message = typeof d.message === 'string' ? validationMessageZh(d.message) : err.message;
    const name = raw ? fieldOf(raw) : null;
    if (!name) {
      unplaced = true;
      continue;
    }
    const key = Array.isArray(name) ? name.join('.') : name;
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
    if (d.numbers && Object.keys(d.numbers as object).length)
      problems.push({ field: name, message, numbers: numbersOf(d.numbers) });
  }
  return {
    fields: [...byField.values()],
    problems,
    general: unplaced || byField.size === 0 ? errorText(err) : null,
  };
}
