import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { ApiError, type SolidWasteEntry } from '@ecep/contract';
import { Alert, App, Button, Card, Descriptions, Result, Space, Spin, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { formatTime } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { entryVersions, getEntry } from './ledger-api';
import { canWriteLedger, ENTRY_COLUMNS } from './ledger-entries-tab';
import { LedgerEntryModal } from './ledger-entry-form';
import { ROUTE_LABELS, tonnes } from './ledger-labels';

/** One ledger entry: its current numbers, every version (corrections keep the old ones) and a correction form. */
export function LedgerEntryPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [correcting, setCorrecting] = useState(false);
  const fetchEntry = useCallback(() => getEntry(id), [id]);
  const fetchVersions = useCallback(() => entryVersions(id), [id]);
  const entry = useApiData(fetchEntry);
  const versions = useApiData(fetchVersions);

  if (entry.error instanceof ApiError && entry.error.status === 404) {
    return (
      <Result
        status="404"
        title="没有这条台账"
        subTitle="台账不存在，或不在您的管辖范围内。"
        extra={<Button onClick={() => navigate('/ledger')}>返回台账</Button>}
      />
    );
  }
  const e = entry.data;
  const versionColumns = [
    { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
    ...ENTRY_COLUMNS.filter(
      (c) =>
        !['enterpriseName', 'period', 'wasteTypeName', 'version'].includes(
          String((c as { dataIndex?: string }).dataIndex),
        ),
    ),
    { title: '录入人', dataIndex: 'recordedBy', width: 100 },
    { title: '录入时间', dataIndex: 'recordedAt', width: 170, render: formatTime },
    { title: '更正原因', dataIndex: 'reason', width: 200, render: (r: string | null) => r ?? '—（首版）' },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
        返回
      </Button>
      {entry.error !== null && <Alert type="error" showIcon title={`加载失败：${errorText(entry.error)}`} />}
      {!e ? (
        <Spin />
      ) : (
        <Card
          title={
            <span data-testid="ledger-entry-title">
              {e.enterpriseName} · {e.period} · {e.wasteTypeName}（{e.catalogCode}）
            </span>
          }
          extra={
            canWriteLedger(me.role) && (
              <Button
                icon={<EditOutlined />}
                onClick={() => setCorrecting(true)}
                data-testid="ledger-entry-correct"
              >
                更正（生成新版本）
              </Button>
            )
          }
        >
          <Descriptions
            size="small"
            bordered
            column={4}
            items={[
              { key: 'v', label: '当前版本', children: <Tag color="blue">v{e.version}</Tag> },
              { key: 'credit', label: '统一社会信用代码', children: e.enterpriseCreditCode },
              { key: 'ptype', label: '期别类型', children: e.periodType === 'month' ? '月度' : '年度' },
              { key: 'by', label: '录入', children: `${e.recordedBy} · ${formatTime(e.recordedAt)}` },
              { key: 'open', label: '期初贮存量', children: `${tonnes(e.openingStockT)} 吨` },
              { key: 'gen', label: '产生量', children: `${tonnes(e.generatedT)} 吨` },
              {
                key: 'util',
                label: '综合利用量',
                children: `${tonnes(e.utilizedT)} 吨（其中往年贮存 ${tonnes(e.utilizedFromStockT)} 吨）`,
              },
              { key: 'disp', label: '处置量', children: `${tonnes(e.disposedT)} 吨` },
              { key: 'stored', label: '贮存量', children: `${tonnes(e.storedT)} 吨` },
              { key: 'close', label: '期末贮存量', children: `${tonnes(e.closingStockT)} 吨` },
              ...ROUTE_LABELS.map((r) => ({
                key: r.key,
                label: `去向：${r.label}`,
                children: `${tonnes(e.routes[r.key])} 吨`,
              })),
              { key: 'note', label: '备注', children: e.note || '—', span: 2 },
            ]}
          />
        </Card>
      )}
      <Card title="版本记录（更正保留旧版本）" size="small">
        <Table<SolidWasteEntry>
          data-testid="ledger-entry-versions"
          size="small"
          bordered
          rowKey="version"
          scroll={{ x: 1700 }}
          loading={versions.loading}
          dataSource={versions.data?.items ?? []}
          columns={versionColumns as typeof ENTRY_COLUMNS}
          pagination={false}
        />
      </Card>
      {e && (
        <LedgerEntryModal
          open={correcting}
          entry={e}
          onClose={() => setCorrecting(false)}
          onSaved={(saved) => {
            setCorrecting(false);
            message.success(`已保存更正，当前第 ${saved.version} 版`);
            entry.reload();
            versions.reload();
          }}
        />
      )}
    </Space>
  );
}
