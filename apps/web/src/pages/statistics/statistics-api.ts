import type {
  StatisticIndicatorInfo,
  StatisticInput,
  StatisticList,
  StatisticQuery,
  StatisticWriteResult,
} from '@ecep/contract';
import { ApiError } from '@ecep/contract';
import { call } from '../../api';

/** The regional statistics endpoints, through the app's one client (401 → login). */
export const statisticsApi = {
  indicators: () =>
    call((api) => api.request<{ items: StatisticIndicatorInfo[] }>('GET', '/api/statistics/indicators')),
  list: (q: StatisticQuery) =>
    call((api) => api.request<StatisticList>('GET', '/api/statistics', undefined, q)),
  history: (q: { region: string; year: number; period?: string; indicator: string }) =>
    call((api) => api.request<StatisticList>('GET', '/api/statistics/history', undefined, q)),
  write: (items: StatisticInput[]) =>
    call((api) => api.request<StatisticWriteResult>('PUT', '/api/statistics', { items })),
  regions: (parentCode: string) =>
    call((api) =>
      api.request<{ items: Array<{ code: string; name: string; level: string }> }>(
        'GET',
        '/api/regions',
        undefined,
        {
          parentCode,
        },
      ),
    ),
};

export interface StatisticImportResult {
  mode: string;
  rows: number;
  created: number;
  unchanged: number;
  rejected: number;
  issues: Array<{ row: number; column: string; header: string; reason: string }>;
}

/** Field errors of a refused write (`details` of STATISTIC_INVALID: item index and field), by field name. */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details as Array<{ field?: unknown; message?: unknown }>) {
    if (typeof d.field === 'string' && typeof d.message === 'string' && !out[d.field])
      out[d.field] = d.message;
  }
  return out;
}
