import type { FactorCatalog } from '@ecep/contract';
import { useEffect, useState } from 'react';
import { monitoringApi } from './monitoring-api';

type Factor = FactorCatalog['items'][number];
let cached: Map<string, Factor> | null = null;
let loading: Promise<Map<string, Factor>> | null = null;

function load(): Promise<Map<string, Factor>> {
  loading ??= monitoringApi
    .factors()
    .then((res) => {
      cached = new Map(res.items.map((f) => [f.code, f]));
      return cached;
    })
    .catch((err: unknown) => {
      loading = null;
      throw err;
    });
  return loading;
}

export interface FactorNames {
  name(code: string): string;
  unit(code: string): string;
}

/** HJ 212 factor names and units (from the server's code table), loaded once per page session. */
export function useFactors(): FactorNames {
  const [map, setMap] = useState(cached);
  useEffect(() => {
    if (map) return;
    let alive = true;
    load()
      .then((m) => alive && setMap(m))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [map]);
  return {
    name: (code) => map?.get(code)?.name ?? code,
    unit: (code) => map?.get(code)?.unit ?? '',
  };
}
