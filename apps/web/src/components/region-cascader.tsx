import type { Region } from '@ecep/contract';
import { Cascader } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api';
import { regionLevelOf, regionPathFrom } from '../lib/region-path';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

const toOption = (r: Region): Option => ({ value: r.code, label: r.name, isLeaf: r.level === 'county' });

async function childrenOf(code: string): Promise<Option[]> {
  const { items } = await call((api) => api.listRegions({ parentCode: code }));
  return items.map(toOption);
}

/** The first column: the user's own city or county, the cities of their province, or all provinces. */
async function rootOptions(rootCode: string | null, rootName: string | null): Promise<Option[]> {
  if (!rootCode) {
    const { items } = await call((api) => api.listRegions({ level: 'province' }));
    return items.map(toOption);
  }
  const level = regionLevelOf(rootCode);
  if (level === 'province') return childrenOf(rootCode);
  return [{ value: rootCode, label: rootName ?? rootCode, isLeaf: level === 'county' }];
}

export interface RegionCascaderProps {
  /** The caller's region (`Me.regionCode`); null for nationwide users. */
  rootCode: string | null;
  rootName: string | null;
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
}

/** Picks a city or county (GB/T 2260 code), loading each level from `/api/regions` on demand. */
export function RegionCascader({
  rootCode,
  rootName,
  value,
  onChange,
  placeholder,
  style,
  allowClear = true,
  disabled,
  id,
}: RegionCascaderProps) {
  const [options, setOptions] = useState<Option[]>([]);
  const optionsRef = useRef<Option[]>([]);
  const commit = useCallback((next: Option[]) => {
    optionsRef.current = next;
    setOptions([...next]);
  }, []);

  useEffect(() => {
    let alive = true;
    rootOptions(rootCode, rootName)
      .then((opts) => alive && commit(opts))
      .catch(() => alive && commit([]));
    return () => {
      alive = false;
    };
  }, [rootCode, rootName, commit]);

  const path = value ? regionPathFrom(rootCode, value) : [];

  // A value that came from the URL or a saved record needs its ancestors' children loaded to show its label.
  const pathKey = path.join('/');
  // Runs again once the first column has loaded; nodes are shared with optionsRef, so filling them fills both.
  useEffect(() => {
    if (!pathKey || options.length === 0) return;
    let alive = true;
    (async () => {
      let level = options;
      let changed = false;
      for (const code of pathKey.split('/').slice(0, -1)) {
        const node = level.find((o) => o.value === code);
        if (!node || node.isLeaf) break;
        if (!node.children) {
          node.children = await childrenOf(code).catch(() => []);
          changed = true;
        }
        level = node.children;
      }
      if (alive && changed) commit(optionsRef.current);
    })();
    return () => {
      alive = false;
    };
  }, [pathKey, options, commit]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target || target.children) return;
    const kids = await childrenOf(target.value).catch(() => []);
    target.children = kids;
    if (kids.length === 0) target.isLeaf = true;
    commit(optionsRef.current);
  };

  return (
    <Cascader<Option>
      id={id}
      options={options}
      loadData={loadData}
      value={path}
      onChange={(codes) =>
        onChange?.(codes && codes.length > 0 ? String(codes[codes.length - 1]) : undefined)
      }
      changeOnSelect
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? '选择市 / 县（区）'}
      style={style}
      showSearch={false}
    />
  );
}
