import type { AuditList, AuditListQuery } from './schemas/audit.js';
import type { LoginResponse, Me, User, UserCreate, UserList } from './schemas/auth.js';
import type { Health } from './schemas/common.js';
import type {
  Enterprise,
  EnterpriseCreate,
  EnterpriseList,
  EnterpriseListQuery,
  EnterpriseUpdate,
} from './schemas/enterprise.js';
import type { RegionList, RegionListQuery } from './schemas/region.js';

/** An error answered by the API, carrying its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  /** e.g. `http://localhost:8080`; empty for same-origin (the web app). */
  baseUrl?: string;
  /** Bearer token; omit to rely on the session cookie. */
  token?: string;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * The typed HTTP client shared by the web app, the CLI and tests.
 * @example
 * const api = createClient({ baseUrl: 'http://localhost:8080' });
 * const { token } = await api.login({ username: 'admin', password: '…' });
 * const page = await createClient({ baseUrl: 'http://localhost:8080', token }).listEnterprises({ q: '焦化' });
 */
export function createClient(options: ClientOptions = {}) {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let token = options.token;

  async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await doFetch(`${base}${path}${toQueryString(query)}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    const text = await res.text();
    const data: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
        ?.error;
      throw new ApiError(
        res.status,
        err?.code ?? `HTTP_${res.status}`,
        err?.message ?? res.statusText,
        err?.details,
      );
    }
    return data as T;
  }

  return {
    setToken(next: string | undefined) {
      token = next;
    },
    request,
    health: () => request<Health>('GET', '/api/health'),
    login: async (body: { username: string; password: string }) => {
      const res = await request<LoginResponse>('POST', '/api/auth/login', body);
      token = res.token;
      return res;
    },
    logout: () => request<{ ok: true }>('POST', '/api/auth/logout', {}),
    me: () => request<Me>('GET', '/api/auth/me'),
    listRegions: (query: RegionListQuery = {}) =>
      request<RegionList>('GET', '/api/regions', undefined, query),
    listEnterprises: (query: EnterpriseListQuery = {}) =>
      request<EnterpriseList>('GET', '/api/enterprises', undefined, query),
    getEnterprise: (id: string) => request<Enterprise>('GET', `/api/enterprises/${encodeURIComponent(id)}`),
    createEnterprise: (body: EnterpriseCreate) => request<Enterprise>('POST', '/api/enterprises', body),
    updateEnterprise: (id: string, body: EnterpriseUpdate) =>
      request<Enterprise>('PATCH', `/api/enterprises/${encodeURIComponent(id)}`, body),
    deleteEnterprise: (id: string) =>
      request<{ ok: true }>('DELETE', `/api/enterprises/${encodeURIComponent(id)}`),
    listUsers: () => request<UserList>('GET', '/api/users'),
    createUser: (body: UserCreate) => request<User>('POST', '/api/users', body),
    listAudit: (query: AuditListQuery = {}) => request<AuditList>('GET', '/api/audit', undefined, query),
    calc: <T = Record<string, unknown>>(name: string, input: unknown) =>
      request<T>('POST', `/api/calc/${encodeURIComponent(name)}`, input),
  };
}

export type EcepClient = ReturnType<typeof createClient>;
