import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { call, errorText } from '../../api';
import { useReloadable } from '../../lib/use-reloadable';

interface DecodedPacket {
  ok: boolean;
  qn?: string;
  st?: string;
  cn?: string;
  mn?: string;
  flag?: number;
  cp?: Record<string, string | string[]>;
  crc?: string;
  warnings?: string[];
  error?: { code: string; message: string };
}

export interface RawPacket {
  id: string;
  receivedAt: string;
  cn: string | null;
  qn: string | null;
  dataTime: string | null;
  outcome: string;
  errorCode: string | null;
  raw: string;
  decoded: DecodedPacket;
}

const OUTCOME: Record<string, { label: string; color: string }> = {
  stored: { label: '已入库', color: 'green' },
  partial: { label: '分包', color: 'blue' },
  quarantined: { label: '已隔离', color: 'orange' },
  rejected: { label: '已拒收', color: 'red' },
  reply: { label: '应答', color: 'default' },
  ignored: { label: '忽略', color: 'default' },
};

/** The raw HJ 212 packets of one device as received, newest first, each expandable into its decoded fields. */
export function PacketsPanel({ mn }: { mn: string }) {
  const [rows, setRows] = useState<RawPacket[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setLoading(true);
      try {
        const res = await call((api) =>
          api.request<{ items: RawPacket[] }>(
            'GET',
            `/api/monitoring/devices/${encodeURIComponent(mn)}/packets`,
            undefined,
            { limit: 30 },
          ),
        );
        if (!isCurrent()) return;
        setRows(res.items);
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      } finally {
        if (isCurrent()) setLoading(false);
      }
    },
    [mn],
  );
  const reload = useReloadable(load);
  return (
    <Card
      size="small"
      title="原始报文（最近 30 条，北京时间）"
      data-testid="packets-panel"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={reload}>
          刷新
        </Button>
      }
    >
      {error !== null && <Alert type="error" showIcon title={`报文加载失败：${errorText(error)}`} />}
      <Table<RawPacket>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => (
            <>
              <Typography.Paragraph copyable className="ecep-mono" style={{ wordBreak: 'break-all' }}>
                {r.raw}
              </Typography.Paragraph>
              {r.decoded.ok ? (
                <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
                  <Descriptions.Item label="QN">{r.decoded.qn}</Descriptions.Item>
                  <Descriptions.Item label="ST / CN">
                    {r.decoded.st} / {r.decoded.cn}
                  </Descriptions.Item>
                  <Descriptions.Item label="Flag / CRC">
                    {r.decoded.flag} / {r.decoded.crc}
                  </Descriptions.Item>
                  {Object.entries(r.decoded.cp ?? {}).map(([key, value]) => (
                    <Descriptions.Item key={key} label={key}>
                      {Array.isArray(value) ? value.join('；') : value}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  title={`${r.decoded.error?.code}：${r.decoded.error?.message}`}
                />
              )}
            </>
          ),
        }}
        columns={[
          {
            title: '接收时间',
            dataIndex: 'receivedAt',
            render: (v: string) => v.replace('T', ' ').slice(0, 19),
          },
          {
            title: '数据时间',
            dataIndex: 'dataTime',
            render: (v: string | null) => (v ? v.replace('T', ' ').slice(0, 19) : '—'),
          },
          { title: 'CN', dataIndex: 'cn' },
          {
            title: '处理结果',
            dataIndex: 'outcome',
            render: (v: string, r) => (
              <Tag color={OUTCOME[v]?.color}>
                {OUTCOME[v]?.label ?? v}
                {r.errorCode ? ` ${r.errorCode}` : ''}
              </Tag>
            ),
          },
          { title: '长度（字符）', dataIndex: 'raw', align: 'right', render: (v: string) => v.length },
        ]}
      />
    </Card>
  );
}
