import type { EnergyPeriodTotal } from '@ecep/contract';
import { Button, Drawer, Segmented, Table, Tag } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Chart, type ChartOption } from '../../components/chart';
import { ChartBody } from '../../components/chart-body';
import { ChartPanel } from '../../components/chart-panel';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import type { Explain } from '../../lib/find-explains';
import { useApiData } from '../../lib/use-api-data';
import { ExplainCard } from '../calc/explain-card';
import { unitLabel } from '../reports/energy-options';
import { byEnergyCsvColumns, byEnergySeries, byEnergyTableColumns } from './by-energy-columns';
import { energyApi } from './energy-api';
import { addDays, addMonths, dayRange, energyColumns, monthRange, shanghaiDay } from './energy-model';

export type ConsumptionGranularity = 'day' | 'month';

/** 综合能耗 of one enterprise per day (last 31 days) or month (last 12 months), physical and tce by energy. */
export function ConsumptionPanel({
  enterpriseId,
  granularity,
  onGranularity,
}: {
  enterpriseId: string;
  granularity: ConsumptionGranularity;
  onGranularity: (g: ConsumptionGranularity) => void;
}) {
  const [explained, setExplained] = useState<EnergyPeriodTotal | null>(null);

  const fetcher = useCallback(() => {
    const today = shanghaiDay(Date.now());
    const month = today.slice(0, 7);
    const range =
      granularity === 'day' ? dayRange(addDays(today, -30), today) : monthRange(addMonths(month, -11), month);
    return energyApi.enterpriseConsumption(enterpriseId, { granularity, ...range });
  }, [enterpriseId, granularity]);
  const { data, loading, error } = useApiData(fetcher);

  const items = data?.items ?? [];
  const columns = useMemo(() => energyColumns(items), [items]);
  const periodName = granularity === 'day' ? '日' : '月';

  const option = useMemo<ChartOption>(
    () =>
      ({
        grid: { left: 64, right: 24, top: 40, bottom: 56 },
        legend: { top: 0 },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} tce` : '—'),
        },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
        xAxis: { type: 'category', data: items.map((p) => p.period) },
        yAxis: { type: 'value', name: `tce/${periodName}` },
        series: [
          {
            type: 'line',
            name: '综合能耗（tce）',
            data: items.map((p) => Number(p.totalTce)),
            lineStyle: { width: 3 },
          },
          ...byEnergySeries(items, columns),
          {
            type: 'scatter',
            name: '数据不完整',
            symbol: 'triangle',
            symbolSize: 9,
            itemStyle: { color: '#f5222d' },
            data: items.map((p) => (p.complete ? null : Number(p.totalTce))),
          },
        ],
      }) as ChartOption,
    [items, columns, periodName],
  );

  const csvColumns: CsvColumn<EnergyPeriodTotal>[] = [
    { title: granularity === 'day' ? '日期' : '月份', value: (p) => p.period },
    ...byEnergyCsvColumns(columns),
    { title: '综合能耗（tce）', value: (p) => p.totalTce },
    { title: '数据完整', value: (p) => p.complete },
  ];

  const table = (
    <Table<EnergyPeriodTotal>
      rowKey="period"
      size="small"
      dataSource={items}
      scroll={{ x: true }}
      pagination={{ pageSize: 31 }}
      columns={[
        { title: granularity === 'day' ? '日期' : '月份', dataIndex: 'period', fixed: 'left' },
        ...byEnergyTableColumns(columns),
        {
          title: '综合能耗（tce）',
          dataIndex: 'totalTce',
          align: 'right' as const,
          render: (v: string) => <strong>{v}</strong>,
        },
        {
          title: '完整性',
          dataIndex: 'complete',
          render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{v ? '完整' : '有缺数'}</Tag>,
        },
        {
          title: '折标说明',
          key: 'explain',
          render: (_: unknown, p: EnergyPeriodTotal) => (
            <Button size="small" type="link" onClick={() => setExplained(p)}>
              查看
            </Button>
          ),
        },
      ]}
    />
  );

  return (
    <>
      <ChartPanel
        data-testid="consumption-panel"
        title={`综合能耗 — 按${periodName}（实物量与吨标准煤 tce，${
          granularity === 'day' ? '近 31 日' : '近 12 个月'
        }）`}
        extra={
          <>
            <Segmented
              size="small"
              value={granularity}
              onChange={(v) => onGranularity(v as ConsumptionGranularity)}
              options={[
                { value: 'day', label: '日' },
                { value: 'month', label: '月' },
              ]}
            />
            <Button
              size="small"
              disabled={items.length === 0}
              onClick={() => setExplained(items.at(-1) ?? null)}
            >
              折标说明
            </Button>
          </>
        }
        onExport={() =>
          downloadCsv(
            `${data?.enterpriseName ?? enterpriseId}-综合能耗-按${periodName}`,
            toCsv(csvColumns, items),
          )
        }
        chart={
          <ChartBody
            error={error}
            what="综合能耗"
            loading={loading && !data}
            empty={items.length === 0}
            emptyText="该时段没有计量数据"
          >
            <Chart option={option} height={320} data-testid="consumption-chart" />
          </ChartBody>
        }
        table={table}
      />
      <Drawer
        open={explained !== null}
        onClose={() => setExplained(null)}
        size="large"
        title={
          explained ? `折标准煤计算说明 — ${explained.period}（综合能耗 ${explained.totalTce} tce）` : ''
        }
      >
        {explained && (
          <>
            <Table
              size="small"
              rowKey={(e) => `${e.energyCode}|${e.unit}`}
              pagination={false}
              style={{ marginBottom: 16 }}
              dataSource={explained.byEnergy}
              columns={[
                { title: '能源', dataIndex: 'nameZh' },
                {
                  title: '实物量',
                  key: 'phys',
                  align: 'right',
                  render: (_, e) => `${e.consumptionPhysical} ${unitLabel(e.unit)}`,
                },
                { title: '折标准煤（tce）', dataIndex: 'energyTce', align: 'right' },
              ]}
            />
            <ExplainCard path={explained.period} explain={explained.explain as Explain} />
          </>
        )}
      </Drawer>
    </>
  );
}
