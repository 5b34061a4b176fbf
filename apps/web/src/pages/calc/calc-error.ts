import { ApiError } from '@ecep/contract';

export interface CalcFailure {
  code: string;
  message: string;
  path: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function pathOf(details: unknown): string | null {
  if (isRecord(details) && typeof details.path === 'string') return details.path;
  if (Array.isArray(details) && isRecord(details[0]) && typeof details[0].path === 'string')
    return details[0].path;
  return null;
}

/** The `error` object of an API error body: `{ code, message, path?, details? }`. */
export function calcFailureOfBody(error: {
  code: string;
  message: string;
  path?: string;
  details?: unknown;
}): CalcFailure {
  return { code: error.code, message: error.message, path: error.path ?? pathOf(error.details) };
}

/** A failed calculation, whether thrown as an HTTP error or answered as `{ ok: false, error }`. */
export function calcFailureOf(errOrOutput: unknown): CalcFailure | null {
  if (errOrOutput instanceof ApiError) {
    return { code: errOrOutput.code, message: errOrOutput.message, path: pathOf(errOrOutput.details) };
  }
  if (isRecord(errOrOutput) && errOrOutput.ok === false && isRecord(errOrOutput.error)) {
    const e = errOrOutput.error;
    return {
      code: String(e.code ?? 'CALC_ERROR'),
      message: String(e.message ?? ''),
      path: typeof e.path === 'string' ? e.path : pathOf(e.details),
    };
  }
  if (errOrOutput instanceof Error) return { code: 'CLIENT_ERROR', message: errOrOutput.message, path: null };
  return null;
}
