import type { MonitoringSource, SourceStatus } from '@ecep/contract';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The overview's filters as they appear in the URL, so a filtered view can be shared and reloaded. */
export interface SourceFilters {
  city: string | undefined;
  industry: string | undefined;
  standard: string | undefined;
  status: SourceStatus | undefined;
  q: string;
  view: 'table' | 'map';
}

const STATUSES: readonly string[] = ['online', 'offline', 'alarm'];
/** The standard filter's value for sources without a standard profile. */
export const NO_STANDARD = 'none';

export function useSourceFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<SourceFilters>(() => {
    const status = params.get('status');
    return {
      city: params.get('city') ?? undefined,
      industry: params.get('industry') ?? undefined,
      standard: params.get('standard') ?? undefined,
      status: status && STATUSES.includes(status) ? (status as SourceStatus) : undefined,
      q: params.get('q') ?? '',
      view: params.get('view') === 'map' ? 'map' : 'table',
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<SourceFilters>) => {
      const next = { ...filters, ...patch };
      const p = new URLSearchParams();
      if (next.city) p.set('city', next.city);
      if (next.industry) p.set('industry', next.industry);
      if (next.standard) p.set('standard', next.standard);
      if (next.status) p.set('status', next.status);
      if (next.q) p.set('q', next.q);
      if (next.view === 'map') p.set('view', 'map');
      setParams(p, { replace: true });
    },
    [filters, setParams],
  );

  const reset = useCallback(
    () => setParams(filters.view === 'map' ? new URLSearchParams({ view: 'map' }) : new URLSearchParams()),
    [filters.view, setParams],
  );
  return { filters, update, reset };
}

/** Whether a source passes the filters; `ignoreStatus` gives the population the counters describe. */
export function matchesFilters(s: MonitoringSource, f: SourceFilters, ignoreStatus = false): boolean {
  if (f.city && s.cityCode !== f.city) return false;
  if (f.industry && s.industrySection !== f.industry && s.industryCode !== f.industry) return false;
  if (f.standard && (s.standardProfile ?? NO_STANDARD) !== f.standard) return false;
  if (!ignoreStatus && f.status && s.status !== f.status) return false;
  if (f.q) {
    const q = f.q.toLowerCase();
    const hay = `${s.mn} ${s.name} ${s.enterpriseName ?? ''}`.toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}
