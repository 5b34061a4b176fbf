import type { ReportStatus, ReportSummary } from '@ecep/contract';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatTime } from '../../lib/format';
import { AWAITING_ZH, PERIOD_TYPE_ZH, REPORT_STATUS_COLORS } from './report-api';

export function ReportStatusTag({ status, statusZh }: { status: string; statusZh: string }) {
  return (
    <Tag color={REPORT_STATUS_COLORS[status as ReportStatus] ?? 'default'} data-testid="report-status">
      {statusZh}
    </Tag>
  );
}

/** Reports in a table; a click opens the report. */
export function ReportTable({
  items,
  total,
  page,
  pageSize,
  loading,
  showEnterprise,
  onPage,
  onOpen,
  testId,
}: {
  items: ReportSummary[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  showEnterprise: boolean;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (r: ReportSummary) => void;
  testId: string;
}) {
  const columns: ColumnsType<ReportSummary> = [
    ...(showEnterprise
      ? [
          {
            title: '企业',
            dataIndex: 'enterpriseName',
            render: (name: string, r: ReportSummary) => (
              <span>
                {name}
                {r.isDemo && (
                  <Tag color="gold" style={{ marginLeft: 6 }}>
                    演示数据
                  </Tag>
                )}
              </span>
            ),
          },
          { title: '地区', dataIndex: 'regionName', width: 120 },
        ]
      : []),
    {
      title: '报告期',
      dataIndex: 'period',
      width: 150,
      render: (period: string, r) => (
        <span data-testid="report-period-cell">
          {period} {PERIOD_TYPE_ZH[r.periodType] ?? r.periodType}
        </span>
      ),
    },
    {
      title: '综合能源消费量（tce）',
      dataIndex: 'comprehensiveTce',
      align: 'right',
      width: 180,
      render: (v: string) => <span className="ecep-mono">{v}</span>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 200,
      render: (s: string, r) => (
        <span>
          <ReportStatusTag status={s} statusZh={r.statusZh} />
          {r.status === 'returned' && r.returnedReason && (
            <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
              退回原因：{r.returnedReason}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: '待办方',
      dataIndex: 'awaiting',
      width: 90,
      render: (a: string | null) => (a ? (AWAITING_ZH[a] ?? a) : '—'),
    },
    { title: '版本', dataIndex: 'currentVersion', width: 70, align: 'right' },
    { title: '更新时间', dataIndex: 'updatedAt', width: 180, render: (t: string) => formatTime(t) },
  ];
  return (
    <Table<ReportSummary>
      data-testid={testId}
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      rowClassName={() => 'ecep-clickable-row'}
      onRow={(r) => ({ onClick: () => onOpen(r) })}
      scroll={{ x: 900 }}
      locale={{ emptyText: '暂无报表' }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (t) => `共 ${t} 份`,
        onChange: onPage,
      }}
    />
  );
}
