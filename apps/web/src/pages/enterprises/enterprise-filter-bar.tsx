import { Button, Input, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useMe } from '../../auth/auth-context';
import { IndustrySelect } from '../../components/industry-select';
import { RegionCascader } from '../../components/region-cascader';
import { regionLevelOf } from '../../lib/region-path';
import type { EnterpriseFilters } from './use-enterprise-query';

export interface EnterpriseFilterBarProps {
  filters: EnterpriseFilters;
  onChange: (patch: Partial<EnterpriseFilters>) => void;
  onReset: () => void;
}

export function EnterpriseFilterBar({ filters, onChange, onReset }: EnterpriseFilterBarProps) {
  const me = useMe();
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  // A county admin or an enterprise user has exactly one region: nothing to filter.
  const showRegion =
    me.role !== 'enterprise_user' && (!me.regionCode || regionLevelOf(me.regionCode) !== 'county');

  return (
    <Space wrap size={[12, 12]} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder="企业名称或统一社会信用代码"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(value) => onChange({ q: value.trim() })}
        style={{ width: 250 }}
        data-testid="enterprise-search"
      />
      {showRegion && (
        <RegionCascader
          rootCode={me.regionCode}
          rootName={me.regionName}
          value={filters.region}
          onChange={(region) => onChange({ region })}
          placeholder="所在地区（市 / 县区）"
          style={{ width: 200 }}
        />
      )}
      <IndustrySelect
        value={filters.industry}
        onChange={(industry) => onChange({ industry })}
        placeholder="所属行业（门类 / 大类）"
        style={{ width: 240 }}
      />
      <Space size={6}>
        <Switch checked={filters.keyEnergyUser} onChange={(keyEnergyUser) => onChange({ keyEnergyUser })} />
        <span>重点用能单位</span>
      </Space>
      <Space size={6}>
        <Switch
          checked={filters.keyPollutionSource}
          onChange={(keyPollutionSource) => onChange({ keyPollutionSource })}
        />
        <span>重点排污单位</span>
      </Space>
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}
