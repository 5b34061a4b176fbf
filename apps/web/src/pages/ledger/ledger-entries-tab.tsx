import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { SolidWasteEntry, SolidWasteEntryQuery } from '@ecep/contract';
import { App, Button, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { RegionCascader } from '../../components/region-cascader';
import { useApiData } from '../../lib/use-api-data';
import { useUrlState } from '../../lib/use-url-state';
import { EnterprisePicker } from '../system/enterprise-picker';
import { exportLedger, listEntries } from './ledger-api';
import { LedgerEntryModal } from './ledger-entry-form';
import { ROUTE_LABELS, tonnes, WASTE_TYPE_OPTIONS } from './ledger-labels';

const PERIOD_RE = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
export const canWriteLedger = (role: string) =>
  role === 'province_admin' || role === 'city_admin' || role === 'county_admin' || role === 'enterprise_user';

/** The list filters, read from the URL (shared by the entries and Excel tabs: export uses the same filters). */
export function useLedgerFilters(): { query: SolidWasteEntryQuery; page: number; pageSize: number } {
  const { get } = useUrlState();
  const page = Math.max(1, Number(get('page') ?? 1) || 1);
  const pageSize = Math.min(500, Math.max(1, Number(get('size') ?? 20) || 20));
  const ent = get('ent');
  const region = get('region');
  const wasteType = get('wt');
  const periodType = get('ptype');
  const from = get('from');
  const to = get('to');
  const query = useMemo<SolidWasteEntryQuery>(
    () => ({
      ...(ent ? { enterpriseId: ent } : {}),
      ...(region ? { region } : {}),
      ...(wasteType ? { wasteType: wasteType as SolidWasteEntryQuery['wasteType'] } : {}),
      ...(periodType === 'month' || periodType === 'year' ? { periodType } : {}),
      ...(from && PERIOD_RE.test(from) ? { from } : {}),
      ...(to && PERIOD_RE.test(to) ? { to } : {}),
    }),
    [ent, region, wasteType, periodType, from, to],
  );
  return { query, page, pageSize };
}

export function LedgerFilterBar() {
  const me = useMe();
  const { get, update } = useUrlState();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {me.role !== 'enterprise_user' && (
        <>
          <div style={{ width: 300 }}>
            <EnterprisePicker value={get('ent')} onChange={(id) => update({ ent: id })} />
          </div>
          {get('ent') && (
            <Button size="small" onClick={() => update({ ent: undefined })}>
              清除企业
            </Button>
          )}
          <RegionCascader
            rootCode={me.regionCode}
            rootName={me.regionName}
            value={get('region')}
            onChange={(code) => update({ region: code })}
            placeholder="地区"
            style={{ width: 200 }}
          />
        </>
      )}
      <Select
        allowClear
        placeholder="固废种类"
        style={{ width: 180 }}
        value={get('wt')}
        onChange={(v?: string) => update({ wt: v })}
        options={WASTE_TYPE_OPTIONS}
      />
      <Select
        allowClear
        placeholder="月度/年度"
        style={{ width: 120 }}
        value={get('ptype')}
        onChange={(v?: string) => update({ ptype: v })}
        options={[
          { value: 'month', label: '月度' },
          { value: 'year', label: '年度' },
        ]}
      />
      <Input.Search
        allowClear
        placeholder="起始期 YYYY-MM"
        style={{ width: 170 }}
        defaultValue={get('from')}
        onSearch={(v) => update({ from: v.trim() || undefined })}
      />
      <Input.Search
        allowClear
        placeholder="截止期 YYYY-MM"
        style={{ width: 170 }}
        defaultValue={get('to')}
        onSearch={(v) => update({ to: v.trim() || undefined })}
      />
    </Space>
  );
}

const t = (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{tonnes(v)}</span>;

export const ENTRY_COLUMNS: ColumnsType<SolidWasteEntry> = [
  { title: '企业', dataIndex: 'enterpriseName', fixed: 'left', width: 200, ellipsis: true },
  { title: '期别', dataIndex: 'period', width: 90 },
  { title: '固废种类', dataIndex: 'wasteTypeName', width: 110 },
  { title: '期初贮存（吨）', dataIndex: 'openingStockT', align: 'right', render: t },
  { title: '产生量（吨）', dataIndex: 'generatedT', align: 'right', render: t },
  {
    title: '综合利用量（吨）',
    dataIndex: 'utilizedT',
    align: 'right',
    render: (_: unknown, e) => (
      <>
        {t(e.utilizedT)}
        {e.utilizedFromStockT !== '0' && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              其中往年贮存 {tonnes(e.utilizedFromStockT)}
            </Typography.Text>
          </div>
        )}
      </>
    ),
  },
  {
    title: '按去向（吨）',
    children: ROUTE_LABELS.map((r) => ({
      title: r.label,
      key: r.key,
      align: 'right' as const,
      render: (_: unknown, e: SolidWasteEntry) => t(e.routes[r.key]),
    })),
  },
  { title: '处置量（吨）', dataIndex: 'disposedT', align: 'right', render: t },
  { title: '贮存量（吨）', dataIndex: 'storedT', align: 'right', render: t },
  { title: '期末贮存（吨）', dataIndex: 'closingStockT', align: 'right', render: t },
  {
    title: '版本',
    dataIndex: 'version',
    width: 80,
    render: (v: number, e) => (
      <Space size={4}>
        v{v}
        {e.isDemo && <Tag>演示</Tag>}
      </Space>
    ),
  },
];

/** Ledger entries in the caller's scope with filters in the URL; a row opens the entry and its versions. */
export function LedgerEntriesTab() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { update } = useUrlState();
  const { query, page, pageSize } = useLedgerFilters();
  const [creating, setCreating] = useState(false);
  const fetcher = useCallback(() => listEntries({ ...query, page, pageSize }), [query, page, pageSize]);
  const { data, loading, error, reload } = useApiData(fetcher);

  return (
    <>
      <LedgerFilterBar />
      <Space style={{ marginBottom: 12 }} wrap>
        {canWriteLedger(me.role) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="ledger-entry-new"
          >
            录入台账
          </Button>
        )}
        <Button
          icon={<DownloadOutlined />}
          onClick={() => exportLedger(query).catch((e) => message.error(`导出失败：${errorText(e)}`))}
        >
          按当前筛选导出 Excel
        </Button>
        <Button icon={<ReloadOutlined />} onClick={reload}>
          刷新
        </Button>
        <Typography.Text type="secondary">单位：吨；每行为一家企业一期一种固废的当前版本。</Typography.Text>
      </Space>
      {error !== null && (
        <LoadErrorAlert what="台账" error={error} onRetry={reload} style={{ marginBottom: 16 }} />
      )}
      <Table<SolidWasteEntry>
        data-testid="ledger-entries"
        rowKey="id"
        size="small"
        bordered
        scroll={{ x: 1700 }}
        loading={loading}
        columns={ENTRY_COLUMNS}
        dataSource={data?.items ?? []}
        locale={{
          emptyText: <Empty description="没有符合条件的台账（或您的管辖范围内尚无台账）" />,
        }}
        onRow={(e) => ({ onClick: () => navigate(`/ledger/entries/${e.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (p, s) =>
            update({ page: p > 1 ? String(p) : undefined, size: s !== 20 ? String(s) : undefined }),
        }}
      />
      <LedgerEntryModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(e) => {
          setCreating(false);
          message.success(`已保存 ${e.enterpriseName} ${e.period} ${e.wasteTypeName} 台账`);
          navigate(`/ledger/entries/${e.id}`);
        }}
      />
    </>
  );
}
