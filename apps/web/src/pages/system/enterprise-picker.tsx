import type { Enterprise } from '@ecep/contract';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api';

/** Searches the enterprises in the caller's scope by name or credit code. */
export function EnterprisePicker({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (id: string) => void;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Enterprise[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    const timer = setTimeout(() => {
      call((api) => api.listEnterprises({ q: q || undefined, pageSize: 20 }))
        .then((res) => alive && setOptions(res.items))
        .catch(() => alive && setOptions([]))
        .finally(() => alive && setLoading(false));
    }, 250);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [q]);

  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      placeholder="输入企业名称或信用代码搜索"
      options={options.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))}
      notFoundContent={loading ? '搜索中…' : '没有匹配的企业'}
    />
  );
}
