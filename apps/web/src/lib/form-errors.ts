import { ApiError } from '@ecep/contract';
import { errorText } from '../api';
import { validationMessageZh } from './validation-message-zh';

export interface FormErrors<F extends string = string> {
  /** Errors to set with `form.setFields`, one per field the API named. */
  fields: Array<{ name: F; errors: string[] }>;
  /** What could not be tied to a field of this form. */
  general: string | null;
}

/** `body/creditCode` → `creditCode`; `body/items/0/amount` → `items`. */
function fieldOfPath(path: string): string | undefined {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'body' || parts[0] === 'querystring' || parts[0] === 'params') parts.shift();
  return parts[0];
}

/** The API prefixes messages with the field (`creditCode: …`); next to the field that is noise. */
function stripFieldPrefix(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/**
 * Maps an API error onto form fields. Both shapes are understood:
 * `details: [{ path: 'body/creditCode', message }]` (schema validation) and
 * `details: { field: 'creditCode', … }` (business rules).
 */
export function formErrorsOf<F extends string>(err: unknown, knownFields: readonly F[]): FormErrors<F> {
  if (!(err instanceof ApiError)) return { fields: [], general: errorText(err) };
  const byField = new Map<F, string[]>();
  const isKnown = (field: string | undefined): field is F =>
    !!field && (knownFields as readonly string[]).includes(field);
  const add = (field: string | undefined, message: string) => {
    if (!isKnown(field)) return false;
    byField.set(field, [...(byField.get(field) ?? []), message]);
    return true;
  };
  let unplaced = false;
  const details = err.details;
  if (Array.isArray(details)) {
    for (const d of details as Array<{ path?: unknown; message?: unknown }>) {
      const field = typeof d.path === 'string' ? fieldOfPath(d.path) : undefined;
      const message = typeof d.message === 'string' ? validationMessageZh(d.message) : err.message;
      if (!add(field, message)) unplaced = true;
    }
  } else if (
    details &&
    typeof details === 'object' &&
    typeof (details as { field?: unknown }).field === 'string'
  ) {
    const field = (details as { field: string }).field;
    if (!add(field, stripFieldPrefix(err.message, field))) unplaced = true;
  } else {
    unplaced = true;
  }
  return {
    fields: [...byField].map(([name, errors]) => ({ name, errors })),
    general: unplaced || byField.size === 0 ? errorText(err) : null,
  };
}
