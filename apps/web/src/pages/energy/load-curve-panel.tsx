import type { EnergyMeter } from '@ecep/contract';
import { DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { Chart, type ChartOption } from '../../components/chart';
import { ChartBody } from '../../components/chart-body';
import { ChartPanel } from '../../components/chart-panel';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import { useApiData } from '../../lib/use-api-data';
import { unitLabel } from '../reports/energy-options';
import { energyApi } from './energy-api';
import { countSlots, dayRange, type LoadSlot, loadSlots, type SlotState } from './energy-model';

const STATE_LABELS: Record<SlotState, string> = {
  ok: '实测',
  'gap-span': '补记（含缺数时段用量）',
  gap: '缺数',
  pending: '未到',
};
const STATE_COLORS: Record<SlotState, string> = {
  ok: 'green',
  'gap-span': 'orange',
  gap: 'red',
  pending: 'default',
};
const MARK_LABELS: Record<string, string> = {
  gap: '缺数',
  'gap-span': '补记',
  reset: '表计清零/更换',
  rollover: '表计翻转',
  decrease: '读数回退',
  missing: '无读数',
};
const markText = (marks: readonly string[]) => marks.map((m) => MARK_LABELS[m] ?? m).join('、');

/** 15 分钟负荷曲线 of one meter on one Shanghai day: measured slots as a line, gap slots marked on the axis. */
export function LoadCurvePanel({
  meter,
  day,
  onDay,
}: {
  meter: EnergyMeter;
  day: string;
  onDay: (day: string) => void;
}) {
  const fetcher = useCallback(async () => {
    const res = await energyApi.meterConsumption(meter.id, { granularity: '15min', ...dayRange(day, day) });
    return { res, loadedAt: Date.now() };
  }, [meter.id, day]);
  const { data, loading, error } = useApiData(fetcher);

  const unit = unitLabel(meter.unit);
  const slots = useMemo(() => (data ? loadSlots(day, data.res.items, data.loadedAt) : []), [data, day]);
  const counts = countSlots(slots);
  const total = slots.reduce((s, x) => s + (x.value ?? 0), 0);

  const option = useMemo<ChartOption>(() => {
    const labels = slots.map((s) => s.time);
    const markAt = (state: SlotState) => slots.map((s) => (s.state === state ? (s.value ?? 0) : null));
    return {
      grid: { left: 64, right: 24, top: 40, bottom: 56 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const first = (params as Array<{ dataIndex: number }>)[0];
          const s = first ? slots[first.dataIndex] : undefined;
          if (!s) return '';
          const v = s.value === null ? '—' : `${s.value} ${unit}`;
          const marks = s.marks.length > 0 ? `<br/>标记：${markText(s.marks)}` : '';
          return `${day} ${s.time}–${slotEnd(s.time)}<br/>用能量：${v}（15 分钟）<br/>状态：${STATE_LABELS[s.state]}${marks}`;
        },
      },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: `${unit}/15 分钟` },
      series: [
        {
          type: 'line',
          name: `实测用能量（${unit}/15 分钟）`,
          step: 'start',
          areaStyle: { opacity: 0.15 },
          showSymbol: false,
          connectNulls: false,
          data: slots.map((s) => (s.state === 'ok' ? s.value : null)),
        },
        {
          type: 'scatter',
          name: '补记（含缺数时段用量）',
          symbol: 'diamond',
          symbolSize: 10,
          itemStyle: { color: '#fa8c16' },
          data: markAt('gap-span'),
        },
        {
          type: 'scatter',
          name: '缺数时段',
          symbol: 'triangle',
          symbolSize: 9,
          itemStyle: { color: '#f5222d' },
          data: markAt('gap'),
        },
      ],
    } as ChartOption;
  }, [slots, unit, day]);

  const csvColumns: CsvColumn<LoadSlot>[] = [
    { title: '时段开始（北京时间）', value: (s) => `${day} ${s.time}` },
    { title: `用能量（${meter.unit}/15 分钟）`, value: (s) => s.value },
    { title: '折标准煤（tce）', value: (s) => s.energyTce },
    { title: '状态', value: (s) => STATE_LABELS[s.state] },
    { title: '标记', value: (s) => markText(s.marks) },
  ];

  const table = (
    <Table<LoadSlot>
      rowKey="time"
      size="small"
      dataSource={slots}
      pagination={{ pageSize: 24 }}
      columns={[
        { title: '时段', dataIndex: 'time', render: (t: string) => `${t}–${slotEnd(t)}` },
        {
          title: `用能量（${unit}/15 分钟）`,
          dataIndex: 'value',
          align: 'right',
          render: (v: number | null) => (v === null ? '—' : v),
        },
        {
          title: '折标准煤（tce）',
          dataIndex: 'energyTce',
          align: 'right',
          render: (v: string | null) => v ?? '—',
        },
        {
          title: '状态',
          dataIndex: 'state',
          render: (s: SlotState) => <Tag color={STATE_COLORS[s]}>{STATE_LABELS[s]}</Tag>,
        },
        { title: '标记', dataIndex: 'marks', render: (m: string[]) => markText(m) || '—' },
      ]}
    />
  );

  return (
    <ChartPanel
      data-testid="load-curve-panel"
      title={`15 分钟负荷曲线 — ${meter.name}（${unit}/15 分钟，${day}）`}
      extra={
        <DatePicker
          size="small"
          allowClear={false}
          value={dayjs(day)}
          onChange={(d) => d && onDay(d.format('YYYY-MM-DD'))}
        />
      }
      onExport={() => downloadCsv(`${meter.code}-${day}-15分钟用能`, toCsv(csvColumns, slots))}
      chart={
        <ChartBody error={error} what="15 分钟数据" loading={loading && !data} empty={slots.length === 0}>
          <Space wrap size={4} style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">
              当日合计 {total.toFixed(3)} {unit}（已知时段之和）；
            </Typography.Text>
            <Tag color="green">实测 {counts.ok} 个</Tag>
            <Tag color="orange">补记 {counts['gap-span']} 个</Tag>
            <Tag color="red">缺数 {counts.gap} 个</Tag>
            <Tag>未到 {counts.pending} 个</Tag>
            <Typography.Text type="secondary">
              折标系数 {data?.res.coefficient.value} {data?.res.coefficient.unit}
            </Typography.Text>
          </Space>
          <Chart option={option} height={320} data-testid="load-curve-chart" />
        </ChartBody>
      }
      table={table}
    />
  );
}

function slotEnd(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const end = h * 60 + m + 15;
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}
