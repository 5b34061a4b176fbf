import type { Alarm, AlarmQuery } from '@ecep/contract';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The alarm centre's filters as they appear in the URL. */
export interface AlarmFilters {
  type: Alarm['type'] | undefined;
  mn: string | undefined;
  /** `0` unacknowledged, `1` acknowledged, undefined all. */
  ack: '0' | '1' | undefined;
  /** Local dates `YYYY-MM-DD`, both inclusive. */
  from: string | undefined;
  to: string | undefined;
}

const TYPES: readonly string[] = ['exceedance', 'offline', 'flag', 'constant'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function useAlarmFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AlarmFilters>(() => {
    const type = params.get('type');
    const ack = params.get('ack');
    const from = params.get('from');
    const to = params.get('to');
    return {
      type: type && TYPES.includes(type) ? (type as Alarm['type']) : undefined,
      mn: params.get('mn') ?? undefined,
      ack: ack === '0' || ack === '1' ? ack : undefined,
      from: from && DATE.test(from) ? from : undefined,
      to: to && DATE.test(to) ? to : undefined,
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<AlarmFilters>) => {
      const next = { ...filters, ...patch };
      const p = new URLSearchParams();
      for (const key of ['type', 'mn', 'ack', 'from', 'to'] as const) {
        const v = next[key];
        if (v) p.set(key, v);
      }
      setParams(p, { replace: true });
    },
    [filters, setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  const query = useMemo<AlarmQuery>(
    () => ({
      type: filters.type,
      mn: filters.mn,
      acknowledged: filters.ack === undefined ? undefined : filters.ack === '1',
      from: filters.from ? dayjs(filters.from).startOf('day').toISOString() : undefined,
      to: filters.to ? dayjs(filters.to).add(1, 'day').startOf('day').toISOString() : undefined,
      limit: 1000,
    }),
    [filters],
  );
  return { filters, query, update, reset };
}
