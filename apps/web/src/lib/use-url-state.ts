import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Filters kept in the URL: `get(key)` reads one, `update({ key: value })` sets or (with undefined / '') clears
 * several at once and, unless `page` is among them, returns the list to its first page.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((key: string): string | undefined => params.get(key) || undefined, [params]);
  const update = useCallback(
    (patch: Record<string, string | undefined>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  return { get, update, params };
}
