import type { EnergyMeter, EnterpriseConsumption } from '@ecep/contract';
import { Alert, Button, Descriptions, Empty, Skeleton, Space, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../api';
import { useReloadable } from '../../lib/use-reloadable';
import { energyNameZh, unitLabel } from '../reports/energy-options';
import { energyApi } from './energy-api';
import { addMonths, monthRange, shanghaiDay } from './energy-model';

interface Loaded {
  meters: EnergyMeter[];
  months: EnterpriseConsumption | null;
}

/** The 能耗 tab of the enterprise page: meters, this and last month's metered consumption, a link to the full page. */
export function EnterpriseEnergySummary({ enterpriseId }: { enterpriseId: string }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      try {
        const { items } = await energyApi.meters(enterpriseId);
        const month = shanghaiDay(Date.now()).slice(0, 7);
        const months =
          items.length > 0
            ? await energyApi.enterpriseConsumption(enterpriseId, {
                granularity: 'month',
                ...monthRange(addMonths(month, -1), month),
              })
            : null;
        if (!isCurrent()) return;
        setData({ meters: items, months });
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [enterpriseId],
  );
  useReloadable(load);

  if (error) return <Alert type="error" showIcon title={`能耗数据加载失败：${errorText(error)}`} />;
  if (!data) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (data.meters.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="本企业尚未接入能耗在线监测（没有登记计量器具）"
      />
    );
  }
  const month = shanghaiDay(Date.now()).slice(0, 7);
  const current = data.months?.items.find((p) => p.period === month);
  const previous = data.months?.items.find((p) => p.period === addMonths(month, -1));
  const energies = [...new Set(data.meters.map((m) => m.energyCode))];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="enterprise-energy-summary">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'meters',
            label: '能源计量器具',
            children: (
              <Space wrap size={4}>
                {data.meters.length} 块
                {energies.map((c) => (
                  <Tag key={c}>{energyNameZh(c)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'current',
            label: `本月（${month}）至今综合能耗`,
            children: current ? `${current.totalTce} tce${current.complete ? '' : '（有缺数）'}` : '暂无数据',
          },
          {
            key: 'previous',
            label: `上月（${addMonths(month, -1)}）综合能耗`,
            children: previous
              ? `${previous.totalTce} tce${previous.complete ? '' : '（有缺数）'}`
              : '暂无数据',
          },
          {
            key: 'byEnergy',
            label: '本月分品种（实物量）',
            children: current
              ? current.byEnergy
                  .map(
                    (e) => `${e.nameZh} ${e.consumptionPhysical} ${unitLabel(e.unit)}（${e.energyTce} tce）`,
                  )
                  .join('；')
              : '—',
          },
        ]}
      />
      <Link to={`/energy/enterprises/${enterpriseId}`}>
        <Button type="primary">查看能耗在线监测（负荷曲线、日 / 月能耗、完整率）</Button>
      </Link>
    </Space>
  );
}
