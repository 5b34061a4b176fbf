import type { EnergyMeter, MeterCompletenessDay } from '@ecep/contract';
import { Table, Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { Chart, type ChartOption } from '../../components/chart';
import { ChartBody } from '../../components/chart-body';
import { ChartPanel } from '../../components/chart-panel';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import { useApiData } from '../../lib/use-api-data';
import { energyApi } from './energy-api';
import {
  addDays,
  COMPLETENESS_COLORS,
  COMPLETENESS_LABELS,
  completenessLevel,
  dayRange,
  shanghaiDay,
} from './energy-model';

const DAYS = 30;

/** 数据完整率 of one meter per day over the last 30 days, with the 90 % line. */
export function CompletenessPanel({ meter }: { meter: EnergyMeter }) {
  const fetcher = useCallback(() => {
    const today = shanghaiDay(Date.now());
    return energyApi.completeness(meter.id, dayRange(addDays(today, -(DAYS - 1)), today));
  }, [meter.id]);
  const { data, loading, error } = useApiData(fetcher);

  const days = data?.days ?? [];
  const threshold = Number(data?.thresholdPct ?? 90);
  const option = useMemo<ChartOption>(
    () =>
      ({
        grid: { left: 56, right: 24, top: 40, bottom: 40 },
        legend: { top: 0 },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} %` : '—'),
        },
        xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
        yAxis: { type: 'value', name: '%（日）', min: 0, max: 100 },
        series: [
          {
            type: 'line',
            name: '日完整率（%）',
            data: days.map((d) => ({
              value: Number(d.completenessPct),
              itemStyle: { color: COMPLETENESS_COLORS[completenessLevel(d)] },
            })),
            symbolSize: 8,
            lineStyle: { color: '#8c8c8c' },
            markLine: {
              symbol: 'none',
              data: [
                {
                  yAxis: threshold,
                  lineStyle: { color: '#f5222d', type: 'dashed' },
                  label: { formatter: `要求 ≥ ${threshold} %`, position: 'insideEndTop' },
                },
              ],
            },
          },
        ],
      }) as ChartOption,
    [days, threshold],
  );

  const csvColumns: CsvColumn<MeterCompletenessDay>[] = [
    { title: '日期（北京时间）', value: (d) => d.day },
    { title: '应收时段（个）', value: (d) => d.slotsExpected },
    { title: '实收时段（个）', value: (d) => d.slotsReceived },
    { title: '完整率（%）', value: (d) => d.completenessPct },
    { title: '判定', value: (d) => COMPLETENESS_LABELS[completenessLevel(d)] },
  ];

  const table = (
    <Table<MeterCompletenessDay>
      rowKey="day"
      size="small"
      dataSource={[...days].reverse()}
      pagination={{ pageSize: 10 }}
      columns={[
        { title: '日期', dataIndex: 'day' },
        {
          title: '实收 / 应收（个 15 分钟时段）',
          key: 'slots',
          align: 'right',
          render: (_, d) => `${d.slotsReceived} / ${d.slotsExpected}`,
        },
        { title: '完整率（%）', dataIndex: 'completenessPct', align: 'right' },
        {
          title: '判定',
          key: 'level',
          render: (_, d) => <CompletenessTag day={d} />,
        },
      ]}
    />
  );

  return (
    <ChartPanel
      data-testid="completeness-panel"
      title={`数据完整率 — ${meter.name}（%，按日，近 ${DAYS} 日）`}
      extra={
        data?.overallPct != null && (
          <Typography.Text type="secondary">区间总完整率 {data.overallPct} %</Typography.Text>
        )
      }
      onExport={() => downloadCsv(`${meter.code}-数据完整率`, toCsv(csvColumns, days))}
      chart={
        <ChartBody
          error={error}
          what="完整率"
          loading={loading && !data}
          empty={days.length === 0}
          emptyText="该时段没有完整率数据"
          spinMargin={60}
        >
          <Chart option={option} height={260} data-testid="completeness-chart" />
        </ChartBody>
      }
      table={table}
    />
  );
}

/** A day's completeness as a coloured tag: 达标, 不达标 or 进行中. */
export function CompletenessTag({
  day,
}: {
  day: Pick<MeterCompletenessDay, 'ok' | 'closed' | 'completenessPct'>;
}) {
  const level = completenessLevel(day);
  const color = level === 'ok' ? 'green' : level === 'low' ? 'red' : 'blue';
  return (
    <Tag color={color}>
      {day.completenessPct} % · {level === 'ok' ? '达标' : level === 'low' ? '不达标' : '进行中'}
    </Tag>
  );
}
