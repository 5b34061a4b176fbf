import { Empty, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { formatTime } from '../../lib/format';
import { listPlans, type PlanSummary } from '../../lib/targets-api';
import { useReloadable } from '../../lib/use-reloadable';
import { docPeriod, docSource } from './plan-document';

/** The plans loaded from plans/*.yaml, current versions; a click opens the plan. */
export function PlanList() {
  const navigate = useNavigate();
  const [items, setItems] = useState<PlanSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async (isCurrent: () => boolean) => {
    try {
      const r = await listPlans();
      if (isCurrent()) {
        setItems(r.items);
        setError(null);
      }
    } catch (err) {
      if (isCurrent()) setError(err);
    }
  }, []);
  const reload = useReloadable(load);
  if (error !== null) return <LoadErrorAlert what="规划列表" error={error} onRetry={reload} />;
  return (
    <Table<PlanSummary>
      data-testid="plan-list"
      rowKey="id"
      size="middle"
      loading={items === null}
      dataSource={items ?? []}
      pagination={false}
      rowClassName={() => 'ecep-clickable-row'}
      onRow={(p) => ({ onClick: () => navigate(`/targets/plans/${encodeURIComponent(p.id)}`) })}
      locale={{ emptyText: <Empty description="尚未载入规划（plans/*.yaml）" /> }}
      columns={[
        {
          title: '规划',
          dataIndex: 'title',
          render: (t: string, p) => (
            <span>
              {t}
              {p.isDemo && (
                <Tag color="gold" style={{ marginLeft: 6 }}>
                  演示数据
                </Tag>
              )}
            </span>
          ),
        },
        {
          title: '发文机关 / 日期',
          render: (_: unknown, p) => {
            const s = docSource({ source: p.source });
            return (
              <span>
                {s.issuer ?? '—'}
                <Typography.Text type="secondary"> {s.date ?? ''}</Typography.Text>
              </span>
            );
          },
        },
        {
          title: '规划期',
          width: 120,
          render: (_: unknown, p) => {
            const d = docPeriod({ period: p.period });
            return d.from !== null || d.to !== null ? `${d.from ?? '?'}–${d.to ?? '?'}` : '—';
          },
        },
        { title: '目标', dataIndex: 'targetCount', width: 70, align: 'right' },
        { title: '任务', dataIndex: 'taskCount', width: 70, align: 'right' },
        { title: '版本', dataIndex: 'version', width: 70, align: 'right' },
        { title: '载入时间', dataIndex: 'loadedAt', width: 180, render: (t: string) => formatTime(t) },
      ]}
    />
  );
}
