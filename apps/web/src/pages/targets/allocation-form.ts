import { ApiError } from '@ecep/contract';
import { errorText } from '../../api';
import type { AllocationInput, AllocationInputItem, AllocationItem } from '../../lib/targets-api';
import { validationMessageZh } from '../../lib/validation-message-zh';

/** One row of the allocation form: a part (region below) and what it is given. Blanks are null. */
export interface AllocationRowValues {
  regionCode?: string;
  changePct?: number | string | null;
  targetValue?: number | string | null;
  weightValue?: number | string | null;
  weightBasis?: 'energy' | 'gdp' | null;
  note?: string | null;
}

export interface AllocationFormValues {
  items?: AllocationRowValues[];
}

export const ALLOCATION_ROW_FIELDS = [
  'regionCode',
  'changePct',
  'targetValue',
  'weightValue',
  'weightBasis',
  'note',
] as const;
type RowField = (typeof ALLOCATION_ROW_FIELDS)[number];

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const num = (v: unknown): number | undefined => (blank(v) ? undefined : Number(v));
/** Two numbers (or decimal strings, or blanks) that are the same value. */
const same = (a: unknown, b: unknown) =>
  (blank(a) && blank(b)) || (!blank(a) && !blank(b) && Number(a) === Number(b));

/** The form rows of the allocations entered so far. */
export function rowsOf(items: readonly AllocationItem[]): AllocationRowValues[] {
  return items.map((a) => ({
    regionCode: a.regionCode,
    changePct: a.changePct,
    targetValue: a.targetValue,
    weightValue: a.weightValue,
    weightBasis: a.weightValue ? ((a.weightBasis as 'energy' | 'gdp' | null) ?? 'energy') : null,
    note: a.note,
  }));
}

function changed(row: AllocationRowValues, current: AllocationItem | undefined): boolean {
  if (!current) return true;
  return (
    !same(row.changePct, current.changePct) ||
    !same(row.targetValue, current.targetValue) ||
    !same(row.weightValue, current.weightValue) ||
    (!blank(row.weightValue) && (row.weightBasis ?? 'energy') !== (current.weightBasis ?? 'energy')) ||
    (row.note ?? '').trim() !== (current.note ?? '')
  );
}

function toItem(row: AllocationRowValues): AllocationInputItem {
  const changePct = num(row.changePct);
  const targetValue = num(row.targetValue);
  const weightValue = num(row.weightValue);
  const note = row.note?.trim();
  return {
    regionCode: row.regionCode ?? '',
    ...(changePct !== undefined ? { changePct } : {}),
    ...(targetValue !== undefined ? { targetValue } : {}),
    ...(weightValue !== undefined ? { weightValue, weightBasis: row.weightBasis ?? 'energy' } : {}),
    ...(note ? { note } : {}),
  };
}

/**
 * The PUT body for the rows that are new or differ from the current allocation (each becomes a new version, so
 * unchanged rows are not sent), and for each item sent the form row it came from, to put errors back there.
 */
export function toAllocationInput(
  base: Omit<AllocationInput, 'items'>,
  rows: readonly AllocationRowValues[],
  current: readonly AllocationItem[],
): { body: AllocationInput; rowOf: number[] } {
  const items: AllocationInputItem[] = [];
  const rowOf: number[] = [];
  rows.forEach((row, i) => {
    if (
      !changed(
        row,
        current.find((c) => c.regionCode === row.regionCode),
      )
    )
      return;
    items.push(toItem(row));
    rowOf.push(i);
  });
  return { body: { ...base, items }, rowOf };
}

export interface AllocationFormErrors {
  /** For `form.setFields`: `['items', row, field]`. */
  fields: Array<{ name: ['items', number, RowField]; errors: string[] }>;
  /** What could not be put next to a field. */
  general: string | null;
}

const isRowField = (f: unknown): f is RowField =>
  typeof f === 'string' && (ALLOCATION_ROW_FIELDS as readonly string[]).includes(f);

/**
 * Puts the API's complaints next to the row and field they name. Both 400 shapes are understood: schema
 * validation (`details: [{ path: 'body/items/2/changePct', message }]`) and the allocation rules
 * (`ALLOCATION_INVALID`, `details: [{ index: 2, field: 'regionCode', message }]`); `rowOf` maps the index of
 * an item sent to its form row.
 */
export function allocationFormErrors(err: unknown, rowOf: readonly number[]): AllocationFormErrors {
  if (!(err instanceof ApiError)) return { fields: [], general: errorText(err) };
  const byKey = new Map<string, { name: ['items', number, RowField]; errors: string[] }>();
  let unplaced = false;
  const place = (index: unknown, field: unknown, message: string) => {
    const row = typeof index === 'number' ? rowOf[index] : undefined;
    if (row === undefined || !isRowField(field)) {
      unplaced = true;
      return;
    }
    const key = `${row}/${field}`;
    const entry = byKey.get(key) ?? { name: ['items', row, field], errors: [] };
    entry.errors.push(message);
    byKey.set(key, entry);
  };
  if (Array.isArray(err.details)) {
    for (const d of err.details as Array<Record<string, unknown>>) {
      const message = typeof d.message === 'string' ? validationMessageZh(d.message) : err.message;
      if (typeof d.path === 'string') {
        const m = /^\/?body\/items\/(\d+)\/([A-Za-z]+)/.exec(d.path);
        if (m) place(Number(m[1]), m[2], message);
        else unplaced = true;
      } else {
        place(d.index, d.field, message);
      }
    }
  } else {
    unplaced = true;
  }
  return {
    fields: [...byKey.values()],
    general: unplaced || byKey.size === 0 ? errorText(err) : null,
  };
}
