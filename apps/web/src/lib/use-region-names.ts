import { useEffect, useState } from 'react';
import { call } from '../api';
import { regionLevelOf } from './region-path';

/** Names of regions already fetched, keyed by code; shared across pages. */
const cache = new Map<string, string>();
const loading = new Map<string, Promise<void>>();

/** Loads the siblings of `code` (its parent's children), which names it and its neighbours. */
function loadAround(code: string): Promise<void> {
  const level = regionLevelOf(code);
  const key =
    level === 'province'
      ? 'province'
      : level === 'city'
        ? `${code.slice(0, 2)}0000`
        : `${code.slice(0, 4)}00`;
  let p = loading.get(key);
  if (!p) {
    p = call((api) => api.listRegions(level === 'province' ? { level: 'province' } : { parentCode: key }))
      .then(({ items }) => {
        for (const r of items) cache.set(r.code, r.name);
      })
      .catch(() => undefined);
    loading.set(key, p);
  }
  return p;
}

/** Region names for a set of codes; unknown ones stay as codes. */
export function useRegionNames(codes: ReadonlyArray<string | null>): (code: string | null) => string {
  const [, setVersion] = useState(0);
  const wanted = [...new Set(codes.filter((c): c is string => !!c && /^\d{6}$/.test(c)))].sort().join(',');
  useEffect(() => {
    const missing = wanted ? wanted.split(',').filter((c) => !cache.has(c)) : [];
    if (missing.length === 0) return;
    let alive = true;
    Promise.all(missing.map(loadAround)).then(() => alive && setVersion((v) => v + 1));
    return () => {
      alive = false;
    };
  }, [wanted]);
  return (code) => (code ? (cache.get(code) ?? code) : '全国');
}
