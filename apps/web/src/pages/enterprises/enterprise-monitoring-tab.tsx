import type { MonitoringSource } from '@ecep/contract';
import { Alert, Empty, Skeleton, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../api';
import { formatTime } from '../../lib/format';
import { useReloadable } from '../../lib/use-reloadable';
import { monitoringApi } from '../monitoring/monitoring-api';
import { ST_LABELS } from '../monitoring/monitoring-labels';

const STATUS: Record<MonitoringSource['status'], { color: string; label: string }> = {
  online: { color: 'green', label: '在线' },
  offline: { color: 'default', label: '离线' },
  alarm: { color: 'red', label: '报警' },
};

/** The 在线监测 tab of the enterprise page: the enterprise's monitoring devices with status, each linking to its page. */
export function EnterpriseMonitoringTab({ enterpriseId }: { enterpriseId: string }) {
  const [items, setItems] = useState<MonitoringSource[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      try {
        const res = await monitoringApi.overview();
        if (!isCurrent()) return;
        setItems(res.items.filter((s) => s.enterpriseId === enterpriseId));
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [enterpriseId],
  );
  useReloadable(load);

  if (error) return <Alert type="error" showIcon title={`监测设备加载失败：${errorText(error)}`} />;
  if (!items) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本企业没有接入污染源在线监测设备" />;
  }
  return (
    <Table<MonitoringSource>
      data-testid="enterprise-monitoring-devices"
      rowKey="mn"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        {
          title: '监测点 / 设备',
          dataIndex: 'name',
          render: (n: string, s) => <Link to={`/monitoring/devices/${encodeURIComponent(s.mn)}`}>{n}</Link>,
        },
        { title: 'MN', dataIndex: 'mn', render: (mn: string) => <span className="ecep-mono">{mn}</span> },
        { title: '类型', dataIndex: 'st', render: (st: string) => ST_LABELS[st] ?? `ST ${st}` },
        {
          title: '状态',
          dataIndex: 'status',
          render: (st: MonitoringSource['status'], s) => (
            <>
              <Tag color={STATUS[st].color}>{STATUS[st].label}</Tag>
              {s.disabled && <Tag>已停用</Tag>}
            </>
          ),
        },
        {
          title: '最近接收',
          dataIndex: 'lastPacketAt',
          render: (t: string | null) => (t ? formatTime(t) : '从未'),
        },
        { title: '未处理报警（条）', dataIndex: 'openAlarms', align: 'right' },
      ]}
    />
  );
}
