import type { SolidWasteRate, SolidWasteRateQuery } from '@ecep/contract';
import { Empty, Input, Select, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo } from 'react';
import { useMe } from '../../auth/auth-context';
import { ChartPanel } from '../../components/chart-panel';
import { downloadCsv, toCsv } from '../../components/csv';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { RegionCascader } from '../../components/region-cascader';
import { useApiData } from '../../lib/use-api-data';
import { useUrlState } from '../../lib/use-url-state';
import { type ChartOption, SimpleChart } from '../overview/simple-chart';
import { getRates } from './ledger-api';
import { pct, tonnes, WASTE_TYPE_OPTIONS, wasteTypeName } from './ledger-labels';

/** The Shanxi 2014 plan's target for the comprehensive utilisation rate of industrial solid waste (%). */
export const UTILIZATION_TARGET_PCT = 65;
const PERIOD_RE = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
const GROUP_LABELS: Record<string, string> = {
  city: '按市',
  county: '按县（区）',
  enterprise: '按企业',
  province: '全省',
};

const defaultPeriod = () => String(new Date().getFullYear() - 1);

/** Bars of the rate per group (one series per waste type when split) and the 65 % target as a line. */
export function rateChartOption(items: SolidWasteRate[], byWasteType: boolean): ChartOption {
  const groups = [...new Map(items.map((i) => [i.key, i.name])).entries()];
  const types = byWasteType ? [...new Set(items.map((i) => i.wasteType ?? ''))] : [''];
  const value = (key: string, type: string) => {
    const r = items.find((i) => i.key === key && (i.wasteType ?? '') === type);
    return r?.utilizationRatePct === null || r === undefined ? null : Number(r.utilizationRatePct);
  };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null ? '—' : `${v} %`) },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 60 },
    xAxis: { type: 'category', data: groups.map(([, n]) => n), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', name: '综合利用率（%）', min: 0, max: 100 },
    series: [
      ...types.map((type) => ({
        name: type ? wasteTypeName(type) : '综合利用率',
        type: 'bar' as const,
        barMaxWidth: 48,
        data: groups.map(([k]) => value(k, type)),
      })),
      {
        name: `目标 ${UTILIZATION_TARGET_PCT} %`,
        type: 'line' as const,
        symbol: 'none',
        lineStyle: { type: 'dashed' as const, color: '#cf1322' },
        itemStyle: { color: '#cf1322' },
        data: groups.map(() => UTILIZATION_TARGET_PCT),
      },
    ],
  };
}

/** Utilisation rates by city, county, enterprise or the province, optionally by waste type, for one period. */
export function LedgerRatesTab() {
  const me = useMe();
  const { get, update } = useUrlState();
  const periodRaw = get('period');
  const period = periodRaw && PERIOD_RE.test(periodRaw) ? periodRaw : defaultPeriod();
  const groupBy = (get('group') ?? (me.role === 'enterprise_user' ? 'enterprise' : 'city')) as NonNullable<
    SolidWasteRateQuery['groupBy']
  >;
  const byWasteType = get('bytype') === '1';
  const wasteType = get('rwt') as SolidWasteRateQuery['wasteType'];
  const region = get('rregion');
  const fetcher = useCallback(
    () =>
      getRates({
        period,
        groupBy,
        ...(byWasteType ? { byWasteType: true } : {}),
        ...(wasteType ? { wasteType } : {}),
        ...(region ? { region } : {}),
      }),
    [period, groupBy, byWasteType, wasteType, region],
  );
  const { data, loading, error, reload } = useApiData(fetcher);
  const items = data?.items ?? [];
  const option = useMemo(() => rateChartOption(items, byWasteType), [items, byWasteType]);

  const columns: ColumnsType<SolidWasteRate> = [
    { title: '名称', dataIndex: 'name', width: 180 },
    ...(byWasteType
      ? [{ title: '固废种类', dataIndex: 'wasteType', render: (v: string) => wasteTypeName(v) }]
      : []),
    { title: '企业数', dataIndex: 'enterprises', align: 'right' },
    { title: '产生量（吨）', dataIndex: 'generatedT', align: 'right', render: tonnes },
    { title: '综合利用量（吨）', dataIndex: 'utilizedT', align: 'right', render: tonnes },
    { title: '其中往年贮存（吨）', dataIndex: 'utilizedFromStockT', align: 'right', render: tonnes },
    { title: '处置量（吨）', dataIndex: 'disposedT', align: 'right', render: tonnes },
    { title: '贮存量（吨）', dataIndex: 'storedT', align: 'right', render: tonnes },
    { title: '期末贮存（吨）', dataIndex: 'closingStockT', align: 'right', render: tonnes },
    {
      title: `综合利用率（%，目标 ${UTILIZATION_TARGET_PCT}）`,
      dataIndex: 'utilizationRatePct',
      align: 'right',
      render: (v: string | null, r) => (
        <span
          data-testid={`ledger-rate-${r.key}${r.wasteType ? `-${r.wasteType}` : ''}`}
          title={r.explain?.formula}
          style={{
            color: v === null ? undefined : Number(v) >= UTILIZATION_TARGET_PCT ? '#389e0d' : '#cf1322',
          }}
        >
          {pct(v)}
        </span>
      ),
    },
  ];

  const exportCsv = () =>
    downloadCsv(
      `固废综合利用率-${period}-${GROUP_LABELS[groupBy] ?? groupBy}`,
      toCsv(
        [
          { title: '名称', value: (r: SolidWasteRate) => r.name },
          { title: '代码', value: (r) => r.key },
          { title: '固废种类', value: (r) => (r.wasteType ? wasteTypeName(r.wasteType) : '全部') },
          { title: '期别', value: () => period },
          { title: '企业数', value: (r) => r.enterprises },
          { title: '产生量（吨）', value: (r) => r.generatedT },
          { title: '综合利用量（吨）', value: (r) => r.utilizedT },
          { title: '其中往年贮存（吨）', value: (r) => r.utilizedFromStockT },
          { title: '处置量（吨）', value: (r) => r.disposedT },
          { title: '贮存量（吨）', value: (r) => r.storedT },
          { title: '期末贮存（吨）', value: (r) => r.closingStockT },
          { title: '综合利用率（%）', value: (r) => r.utilizationRatePct },
        ],
        items,
      ),
    );

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={period}
          placeholder="期别 YYYY 或 YYYY-MM"
          style={{ width: 200 }}
          defaultValue={period}
          onSearch={(v) => update({ period: v.trim() || undefined })}
          data-testid="ledger-rates-period"
        />
        <Select
          style={{ width: 140 }}
          value={groupBy}
          onChange={(v: string) => update({ group: v })}
          options={Object.entries(GROUP_LABELS).map(([value, label]) => ({ value, label }))}
        />
        {me.role !== 'enterprise_user' && (
          <RegionCascader
            rootCode={me.regionCode}
            rootName={me.regionName}
            value={region}
            onChange={(code) => update({ rregion: code })}
            placeholder="地区"
            style={{ width: 200 }}
          />
        )}
        <Select
          allowClear
          placeholder="固废种类（全部）"
          style={{ width: 180 }}
          value={wasteType}
          onChange={(v?: string) => update({ rwt: v })}
          options={WASTE_TYPE_OPTIONS}
        />
        <Space>
          <Switch checked={byWasteType} onChange={(c) => update({ bytype: c ? '1' : undefined })} />
          按固废种类分列
        </Space>
      </Space>
      {error !== null && (
        <LoadErrorAlert what="综合利用率" error={error} onRetry={reload} style={{ marginBottom: 16 }} />
      )}
      <ChartPanel
        data-testid="ledger-rates"
        title={`工业固废综合利用率 · ${period} · ${GROUP_LABELS[groupBy] ?? groupBy}${
          wasteType ? ` · ${wasteTypeName(wasteType)}` : ''
        }`}
        onExport={exportCsv}
        chart={
          items.length === 0 ? (
            <Empty description={loading ? '加载中…' : `${period} 没有台账数据`} />
          ) : (
            <SimpleChart option={option} height={360} />
          )
        }
        table={
          <Table<SolidWasteRate>
            data-testid="ledger-rates-table"
            size="small"
            bordered
            loading={loading}
            rowKey={(r) => `${r.key}|${r.wasteType ?? ''}`}
            columns={columns}
            dataSource={items}
            pagination={items.length > 50 ? { pageSize: 50 } : false}
            locale={{ emptyText: <Empty description={`${period} 没有台账数据`} /> }}
          />
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        综合利用率 = 综合利用量 ÷（产生量 + 利用往年贮存量）× 100%，综合利用量含利用往年贮存量；修约按 GB/T
        8170，保留两位小数。年度按企业月度台账汇总（无月度台账时用年度台账）。目标：山西省工业固废综合利用率
        65 %。
      </Typography.Paragraph>
    </>
  );
}
