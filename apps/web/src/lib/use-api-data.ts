import { useCallback, useState } from 'react';
import { useReloadable } from './use-reloadable';

export interface ApiData<T> {
  data: T | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/**
 * Loads `fetcher()` whenever it changes (wrap it in useCallback with its inputs) and keeps the last answer,
 * the loading flag and the error; superseded answers are dropped (see useReloadable).
 */
export function useApiData<T>(fetcher: (() => Promise<T>) | null): ApiData<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(fetcher !== null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    async (isCurrent: () => boolean) => {
      if (!fetcher) {
        setLoading(false);
        return;
      }
      setLoading(true);
      try {
        const res = await fetcher();
        if (!isCurrent()) return;
        setData(res);
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      } finally {
        if (isCurrent()) setLoading(false);
      }
    },
    [fetcher],
  );
  const reload = useReloadable(load);
  return { data, loading, error, reload };
}
