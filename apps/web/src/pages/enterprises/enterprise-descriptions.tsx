import { type Enterprise, findIndustry } from '@ecep/contract';
import { Descriptions, type DescriptionsProps, Tag } from 'antd';
import { formatTime, yesNo } from '../../lib/format';
import { regionLabel } from '../../lib/region-path';

/** `经度 112.549000°E，纬度 37.857000°N（WGS-84）`; a map comes later. */
export function locationLine(e: Pick<Enterprise, 'longitude' | 'latitude'>): string {
  if (e.longitude === null || e.latitude === null) return '未填写';
  return `经度 ${e.longitude.toFixed(6)}°E，纬度 ${e.latitude.toFixed(6)}°N（WGS-84）`;
}

export function EnterpriseDescriptions({ enterprise: e }: { enterprise: Enterprise }) {
  const industry = findIndustry(e.industryCode);
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '企业名称', children: e.name, span: 2 },
    {
      key: 'creditCode',
      label: '统一社会信用代码',
      children: <span className="ecep-mono">{e.creditCode}</span>,
    },
    {
      key: 'region',
      label: '所在地区',
      children: (
        <>
          {regionLabel(e)} <span style={{ color: '#8c8c8c' }}>（行政区划代码 {e.regionCode}）</span>
        </>
      ),
    },
    {
      key: 'industry',
      label: '所属行业（GB/T 4754-2017）',
      span: 2,
      children: industry
        ? `${industry.sectionCode} ${industry.sectionName} › ${e.industryCode} ${industry.name}`
        : `${e.industryCode} ${e.industryName}`,
    },
    {
      key: 'keyEnergyUser',
      label: '重点用能单位',
      children: e.keyEnergyUser ? <Tag color="gold">是</Tag> : yesNo(false),
    },
    {
      key: 'keyPollutionSource',
      label: '重点排污单位',
      children: e.keyPollutionSource ? <Tag color="volcano">是</Tag> : yesNo(false),
    },
    { key: 'address', label: '地址', children: e.address || '未填写', span: 2 },
    { key: 'location', label: '地理位置', children: locationLine(e), span: 2 },
    {
      key: 'isDemo',
      label: '数据来源',
      children: e.isDemo ? <Tag color="orange">演示数据（虚构）</Tag> : '正式数据',
    },
    { key: 'version', label: '记录版本', children: `第 ${e.version} 版` },
    { key: 'createdAt', label: '创建时间', children: formatTime(e.createdAt) },
    { key: 'updatedAt', label: '最后修改', children: formatTime(e.updatedAt) },
  ];
  return <Descriptions bordered size="middle" column={{ xs: 1, md: 2 }} items={items} />;
}
