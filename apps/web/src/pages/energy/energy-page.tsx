import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { EnergyAlarm, EnergyMeter, EnergyPeriodTotal } from '@ecep/contract';
import { Alert, Button, Card, Col, Row, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { Chart, type ChartOption } from '../../components/chart';
import { ChartBody } from '../../components/chart-body';
import { ChartPanel } from '../../components/chart-panel';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import { useApiData } from '../../lib/use-api-data';
import { useRegionNames } from '../../lib/use-region-names';
import { useReloadable } from '../../lib/use-reloadable';
import { energyNameZh } from '../reports/energy-options';
import { byEnergyCsvColumns, byEnergySeries, byEnergyTableColumns } from './by-energy-columns';
import { energyApi } from './energy-api';
import {
  addMonths,
  type EnterpriseMeters,
  energyColumns,
  groupMetersByEnterprise,
  monthRange,
  shanghaiDay,
} from './energy-model';

type RegionGranularity = 'month' | 'year';

/** 能耗双控: metered consumption of the caller's region, the enterprises with meters, open completeness alarms. */
export function EnergyPage() {
  const me = useMe();
  if (me.role === 'enterprise_user' && me.enterpriseId) {
    return <Navigate to={`/energy/enterprises/${me.enterpriseId}`} replace />;
  }
  return <RegionEnergyView />;
}

function RegionEnergyView() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const granularity: RegionGranularity = params.get('g') === 'year' ? 'year' : 'month';
  const [meters, setMeters] = useState<EnergyMeter[] | null>(null);
  const [alarms, setAlarms] = useState<EnergyAlarm[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (isCurrent: () => boolean) => {
    try {
      const [m, a] = await Promise.all([energyApi.meters(), energyApi.alarms({ open: true, limit: 200 })]);
      if (!isCurrent()) return;
      setMeters(m.items);
      setAlarms(a.items);
      setError(null);
    } catch (err) {
      if (isCurrent()) setError(err);
    }
  }, []);
  const reload = useReloadable(load);

  // Users bound to no region (an auditor) see the province of the meters in scope.
  const firstRegion = meters?.[0]?.regionCode;
  const regionCode = me.regionCode ?? (firstRegion ? `${firstRegion.slice(0, 2)}0000` : null);
  const groups = useMemo(() => groupMetersByEnterprise(meters ?? []), [meters]);
  const regionName = useRegionNames(groups.map((g) => g.regionCode));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="energy-title">
            能耗双控 · 重点用能单位能耗在线监测
          </Typography.Title>
          <Link to="/energy/calculator">折标与强度计算器</Link>
          <Button size="small" icon={<ReloadOutlined />} onClick={reload} title="刷新" />
        </Space>
      </Card>
      {error !== null && <Alert type="error" showIcon title={`加载失败：${errorText(error)}`} />}
      {regionCode ? (
        <RegionPanel
          code={regionCode}
          granularity={granularity}
          onGranularity={(g) => {
            const next = new URLSearchParams(params);
            if (g === 'year') next.set('g', 'year');
            else next.delete('g');
            setParams(next, { replace: true });
          }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={`接入在线监测的企业（${groups.length} 家）`}
            data-testid="energy-enterprises"
          >
            {meters === null && error === null ? (
              <Spin style={{ display: 'block', margin: '40px auto' }} />
            ) : (
              <Table<EnterpriseMeters>
                rowKey="enterpriseId"
                size="small"
                dataSource={groups}
                pagination={{ pageSize: 10 }}
                columns={[
                  {
                    title: '企业',
                    dataIndex: 'enterpriseName',
                    render: (n: string, g) => <Link to={`/energy/enterprises/${g.enterpriseId}`}>{n}</Link>,
                  },
                  { title: '所在地', dataIndex: 'regionCode', render: (c: string) => regionName(c) },
                  {
                    title: '计量器具（块）',
                    key: 'meters',
                    align: 'right',
                    render: (_, g) =>
                      g.activeMeters === g.meters ? g.meters : `${g.activeMeters} / ${g.meters}`,
                  },
                  {
                    title: '能源品种',
                    dataIndex: 'energyCodes',
                    render: (codes: string[]) => codes.map((c) => <Tag key={c}>{energyNameZh(c)}</Tag>),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={`数据完整率告警（未解除，${alarms?.length ?? 0} 条）`}
            data-testid="energy-alarms"
          >
            <Table<EnergyAlarm>
              rowKey="id"
              size="small"
              loading={alarms === null && error === null}
              dataSource={alarms ?? []}
              pagination={{ pageSize: 10 }}
              locale={{ emptyText: '没有未解除的完整率告警' }}
              columns={[
                { title: '日期', dataIndex: 'day' },
                {
                  title: '企业 / 计量器具',
                  key: 'who',
                  render: (_, a) => (
                    <Link to={`/energy/enterprises/${a.enterpriseId}?meter=${a.meterId}&day=${a.day}`}>
                      {a.enterpriseName} · {a.meterName}
                    </Link>
                  ),
                },
                {
                  title: '完整率（%）',
                  key: 'pct',
                  align: 'right',
                  render: (_, a) => (
                    <Tag color="red">
                      {a.completenessPct} % &lt; {a.thresholdPct} %
                    </Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function RegionPanel({
  code,
  granularity,
  onGranularity,
}: {
  code: string;
  granularity: RegionGranularity;
  onGranularity: (g: RegionGranularity) => void;
}) {
  const fetcher = useCallback(() => {
    const month = shanghaiDay(Date.now()).slice(0, 7);
    const year = Number(month.slice(0, 4));
    const range =
      granularity === 'month'
        ? monthRange(addMonths(month, -11), month)
        : monthRange(`${year - 2}-01`, `${year}-12`);
    return energyApi.regionConsumption(code, { granularity, ...range });
  }, [code, granularity]);
  const { data, loading, error } = useApiData(fetcher);

  const items = data?.items ?? [];
  const columns = useMemo(() => energyColumns(items), [items]);
  const periodName = granularity === 'month' ? '月' : '年';
  const spanText = granularity === 'month' ? '近 12 个月' : '近 3 年';
  const option = useMemo<ChartOption>(
    () =>
      ({
        grid: { left: 72, right: 24, top: 40, bottom: 40 },
        legend: { top: 0 },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} tce` : '—'),
        },
        xAxis: { type: 'category', data: items.map((p) => p.period) },
        yAxis: { type: 'value', name: `tce/${periodName}` },
        series: [
          {
            type: 'line',
            name: '在线监测能耗（tce）',
            data: items.map((p) => Number(p.totalTce)),
            lineStyle: { width: 3 },
          },
          ...byEnergySeries(items, columns),
        ],
      }) as ChartOption,
    [items, columns, periodName],
  );

  const csvColumns: CsvColumn<EnergyPeriodTotal>[] = [
    { title: granularity === 'month' ? '月份' : '年份', value: (p) => p.period },
    ...byEnergyCsvColumns(columns),
    { title: '合计（tce）', value: (p) => p.totalTce },
    { title: '数据完整', value: (p) => p.complete },
  ];

  const children = data?.byChildRegion ?? [];
  const table = (
    <Table<EnergyPeriodTotal>
      rowKey="period"
      size="small"
      dataSource={items}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        { title: granularity === 'month' ? '月份' : '年份', dataIndex: 'period' },
        ...byEnergyTableColumns(columns),
        { title: '合计（tce）', dataIndex: 'totalTce', align: 'right' as const },
        {
          title: '完整性',
          dataIndex: 'complete',
          render: (v: boolean) => <Tag color={v ? 'green' : 'orange'}>{v ? '完整' : '有缺数'}</Tag>,
        },
      ]}
    />
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <ChartPanel
          data-testid="region-consumption-panel"
          title={`${data?.regionName ?? code} 在线监测能耗（吨标准煤 tce，按${periodName}，${spanText}${
            data ? `，${data.enterprises} 家企业` : ''
          }）`}
          extra={
            <Segmented
              size="small"
              value={granularity}
              onChange={(v) => onGranularity(v as RegionGranularity)}
              options={[
                { value: 'month', label: '月' },
                { value: 'year', label: '年' },
              ]}
            />
          }
          onExport={() =>
            downloadCsv(`${data?.regionName ?? code}-在线监测能耗-按${periodName}`, toCsv(csvColumns, items))
          }
          chart={
            <ChartBody
              error={error}
              what="辖区能耗"
              loading={loading && !data}
              empty={items.length === 0}
              emptyText="该时段没有计量数据"
            >
              <Chart option={option} height={300} data-testid="region-consumption-chart" />
            </ChartBody>
          }
          table={table}
        />
      </Col>
      <Col xs={24} xl={8}>
        <Card
          size="small"
          title={`按下级辖区（tce，${spanText}合计）`}
          data-testid="region-breakdown"
          extra={
            <Button
              size="small"
              icon={<DownloadOutlined />}
              disabled={children.length === 0}
              onClick={() =>
                downloadCsv(
                  `${data?.regionName ?? code}-下级辖区能耗-${spanText}`,
                  toCsv(
                    [
                      { title: '辖区代码', value: (r: (typeof children)[number]) => r.regionCode },
                      { title: '辖区', value: (r: (typeof children)[number]) => r.regionName },
                      {
                        title: `能耗（tce，${spanText}合计）`,
                        value: (r: (typeof children)[number]) => r.totalTce,
                      },
                    ],
                    children,
                  ),
                )
              }
            >
              导出 CSV
            </Button>
          }
        >
          <Table
            rowKey="regionCode"
            size="small"
            pagination={false}
            loading={loading && !data}
            dataSource={[...children].sort((a, b) => Number(b.totalTce) - Number(a.totalTce))}
            columns={[
              { title: '辖区', dataIndex: 'regionName' },
              { title: '能耗（tce）', dataIndex: 'totalTce', align: 'right' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
