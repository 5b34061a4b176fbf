import { ApiError, createClient } from '@ecep/contract';

/** The one API client of the web app: same origin, the httpOnly session cookie carries the login. */
export const api = createClient({ baseUrl: '' });

export interface SystemInfo {
  name: string;
  version: string;
  demo: boolean;
  database: 'pglite' | 'postgres';
}

export interface CalcCatalogItem {
  name: string;
  titleZh: string;
  titleEn: string;
  description: string;
  exampleInput: unknown;
}

export const getSystemInfo = () => api.request<SystemInfo>('GET', '/api/system/info');
export const listCalcs = () => api.request<{ items: CalcCatalogItem[] }>('GET', '/api/calc');

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener | null = null;

/** The auth provider registers here; any 401 from a call made through {@link call} sends the user to login. */
export function setUnauthorizedListener(listener: UnauthorizedListener | null): void {
  onUnauthorized = listener;
}

/**
 * Wraps an API call so that a 401 (session expired or never signed in) returns the user to
 * the login page wherever it happens, while the caller still sees the error.
 */
export async function call<T>(fn: (client: typeof api) => Promise<T>): Promise<T> {
  try {
    return await fn(api);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) onUnauthorized?.();
    throw err;
  }
}

/** A message fit for a toast: the API's own message, or the exception's. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return `${err.message}（${err.code}）`;
  if (err instanceof Error) return err.message;
  return String(err);
}

export interface CalcFailureBody {
  code: string;
  message: string;
  path?: string;
  details?: unknown;
}

/**
 * Runs a calculation. Done with fetch rather than the typed client because the engine puts the
 * JSON pointer of the bad input at `error.path`, which `ApiError` does not keep.
 */
export async function runCalc(
  name: string,
  input: unknown,
): Promise<{ ok: true; output: unknown } | { ok: false; status: number; error: CalcFailureBody }> {
  const res = await fetch(`/api/calc/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(input),
    credentials: 'same-origin',
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (res.ok) return { ok: true, output: body };
  if (res.status === 401) onUnauthorized?.();
  const error = (body as { error?: CalcFailureBody } | undefined)?.error;
  return {
    ok: false,
    status: res.status,
    error: error ?? { code: `HTTP_${res.status}`, message: res.statusText || text.slice(0, 200) },
  };
}
