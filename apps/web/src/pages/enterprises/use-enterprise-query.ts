import type { EnterpriseListQuery } from '@ecep/contract';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The list's filters as they appear in the URL, so a filtered page can be shared and reloaded. */
export interface EnterpriseFilters {
  q: string;
  region: string | undefined;
  industry: string | undefined;
  keyEnergyUser: boolean;
  keyPollutionSource: boolean;
  page: number;
  pageSize: number;
}

const positiveInt = (s: string | null, fallback: number) => {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export function useEnterpriseFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<EnterpriseFilters>(
    () => ({
      q: params.get('q') ?? '',
      region: params.get('region') ?? undefined,
      industry: params.get('industry') ?? undefined,
      keyEnergyUser: params.get('energy') === '1',
      keyPollutionSource: params.get('pollution') === '1',
      page: positiveInt(params.get('page'), 1),
      pageSize: Math.min(positiveInt(params.get('size'), 20), 100),
    }),
    [params],
  );

  /** Changes some filters; anything but paging sends the list back to page 1. */
  const update = useCallback(
    (patch: Partial<EnterpriseFilters>) => {
      const next = { ...filters, ...patch };
      if (!('page' in patch)) next.page = 1;
      const p = new URLSearchParams();
      if (next.q) p.set('q', next.q);
      if (next.region) p.set('region', next.region);
      if (next.industry) p.set('industry', next.industry);
      if (next.keyEnergyUser) p.set('energy', '1');
      if (next.keyPollutionSource) p.set('pollution', '1');
      if (next.page > 1) p.set('page', String(next.page));
      if (next.pageSize !== 20) p.set('size', String(next.pageSize));
      setParams(p);
    },
    [filters, setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  const query = useMemo<EnterpriseListQuery>(
    () => ({
      q: filters.q || undefined,
      regionCode: filters.region,
      industryCode: filters.industry,
      keyEnergyUser: filters.keyEnergyUser || undefined,
      keyPollutionSource: filters.keyPollutionSource || undefined,
      page: filters.page,
      pageSize: filters.pageSize,
    }),
    [filters],
  );

  return { filters, query, update, reset };
}
