import { ReloadOutlined } from '@ant-design/icons';
import type { HourlyList } from '@ecep/contract';
import { Button, Segmented, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { Chart, type ChartOption } from '../../components/chart';
import { ChartBody } from '../../components/chart-body';
import { ChartPanel } from '../../components/chart-panel';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import { useApiData } from '../../lib/use-api-data';
import { formatValue } from './format-value';
import { monitoringApi } from './monitoring-api';
import type { FactorNames } from './use-factors';

type HourFactor = HourlyList['items'][number]['factors'][string];
interface HourRow extends HourFactor {
  hour: string;
}

const SPANS = [
  { value: 24, label: '24 小时' },
  { value: 72, label: '3 天' },
  { value: 168, label: '7 天' },
];

const yesNoValid = (valid: boolean) => (valid ? '有效' : '无效');
const hourLabel = (iso: string) => dayjs(iso).format('MM-DD HH:00');
const n = (v: number | null) => formatValue(v);

/**
 * 小时数据 of one device: a chart of one factor's hourly average (and O2-corrected average) with the limit
 * as a line and invalid hours marked, a table view and a CSV export.
 */
export function HourlyPanel({
  mn,
  factors,
  focusHour,
  factor: wantedFactor,
  onFactor,
}: {
  mn: string;
  factors: FactorNames;
  /** An hour to centre on and mark (from an alarm link). */
  focusHour?: string;
  factor?: string;
  onFactor: (code: string) => void;
}) {
  const [spanH, setSpanH] = useState(24);
  const fetcher = useCallback(() => {
    const focus = focusHour ? dayjs(focusHour) : null;
    const to = focus ? focus.add(12, 'hour').startOf('hour') : dayjs().add(1, 'hour').startOf('hour');
    const from = focus ? focus.subtract(12, 'hour').startOf('hour') : to.subtract(spanH, 'hour');
    return monitoringApi.hourly(mn, { from: from.toISOString(), to: to.toISOString() });
  }, [mn, spanH, focusHour]);
  const { data, loading, error, reload } = useApiData(fetcher);

  const codes = useMemo(() => {
    const set = new Set<string>();
    for (const item of data?.items ?? []) for (const c of Object.keys(item.factors)) set.add(c);
    return [...set].sort();
  }, [data]);
  const factor =
    wantedFactor && codes.includes(wantedFactor)
      ? wantedFactor
      : (codes.find((c) => c === 'a21026' || c === 'w01018') ?? codes[0]);
  const unit = factor ? factors.unit(factor) : '';
  const rows = useMemo<HourRow[]>(
    () =>
      factor
        ? (data?.items ?? []).flatMap((i) => {
            const f = i.factors[factor];
            return f ? [{ hour: i.hour, ...f }] : [];
          })
        : [],
    [data, factor],
  );
  const limit = rows.find((r) => r.limit !== null)?.limit ?? null;
  const hasCorrected = rows.some((r) => r.correctedAvg !== null);

  const option = useMemo<ChartOption>(() => {
    const labels = rows.map((r) => hourLabel(r.hour));
    const limitItems =
      limit === null
        ? []
        : [
            {
              yAxis: limit,
              lineStyle: { color: '#f5222d', type: 'dashed' as const },
              label: { formatter: `限值 ${limit} ${unit}`, position: 'insideEndTop' as const },
            },
          ];
    const focusItems = focusHour
      ? [{ xAxis: hourLabel(focusHour), lineStyle: { color: '#fa8c16' }, label: { formatter: '报警时段' } }]
      : [];
    const markLine = (data: object[]) => (data.length > 0 ? { symbol: 'none', data } : undefined);
    return {
      grid: { left: 56, right: 24, top: 40, bottom: 56 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) =>
          typeof v === 'number' ? `${formatValue(v)} ${unit}` : String(v ?? '—'),
      },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: unit, scale: true },
      series: [
        {
          type: 'line',
          name: `小时均值（${unit}）`,
          data: rows.map((r) => r.avg),
          showSymbol: rows.length < 80,
          // The limit applies to the corrected value where the standard has a reference O2.
          markLine: markLine(hasCorrected ? focusItems : [...limitItems, ...focusItems]),
        },
        ...(hasCorrected
          ? [
              {
                type: 'line' as const,
                name: `折算小时均值（${unit}）`,
                data: rows.map((r) => r.correctedAvg),
                showSymbol: rows.length < 80,
                markLine: markLine(limitItems),
              },
            ]
          : []),
        {
          type: 'scatter',
          name: '无效小时',
          symbol: 'diamond',
          symbolSize: 10,
          itemStyle: { color: '#8c8c8c' },
          data: rows.map((r) => (r.valid ? null : ((hasCorrected ? r.correctedAvg : r.avg) ?? 0))),
        },
      ],
    } as ChartOption;
  }, [rows, limit, unit, hasCorrected, focusHour]);

  const csvColumns: CsvColumn<HourRow>[] = [
    { title: '小时（北京时间）', value: (r) => dayjs(r.hour).format('YYYY-MM-DD HH:00') },
    { title: `小时均值（${unit}）`, value: (r) => r.avg },
    { title: `折算小时均值（${unit}）`, value: (r) => r.correctedAvg },
    { title: `最小值（${unit}）`, value: (r) => r.min },
    { title: `最大值（${unit}）`, value: (r) => r.max },
    { title: '有效分钟数（分钟）', value: (r) => r.validMinutes },
    { title: '收到分钟数（分钟）', value: (r) => r.receivedMinutes },
    { title: '有效性', value: (r) => yesNoValid(r.valid) },
    { title: `限值（${unit}）`, value: (r) => r.limit },
    { title: '是否超标', value: (r) => (r.exceeds === null ? '—' : r.exceeds ? '超标' : '达标') },
    { title: '排放量（kg/小时）', value: (r) => r.loadKg },
  ];

  const table = (
    <Table<HourRow>
      rowKey="hour"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 24 }}
      rowClassName={(r) =>
        focusHour && Date.parse(r.hour) === Date.parse(focusHour) ? 'ant-table-row-selected' : ''
      }
      columns={[
        { title: '小时', dataIndex: 'hour', render: (h: string) => dayjs(h).format('YYYY-MM-DD HH:00') },
        { title: `小时均值（${unit}）`, dataIndex: 'avg', align: 'right', render: n },
        { title: `折算均值（${unit}）`, dataIndex: 'correctedAvg', align: 'right', render: n },
        {
          title: `最小 / 最大（${unit}）`,
          key: 'mm',
          align: 'right',
          render: (_, r) => `${n(r.min)} / ${n(r.max)}`,
        },
        {
          title: '有效 / 收到（分钟）',
          key: 'min',
          align: 'right',
          render: (_, r) => `${r.validMinutes} / ${r.receivedMinutes}`,
        },
        {
          title: '有效性',
          dataIndex: 'valid',
          render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{yesNoValid(v)}</Tag>,
        },
        {
          title: `限值（${unit}）`,
          dataIndex: 'limit',
          align: 'right',
          render: (v: number | null, r) => (
            <span>
              {n(v)}
              {r.exceeds && (
                <Tag color="red" style={{ marginLeft: 4 }}>
                  超标
                </Tag>
              )}
            </span>
          ),
        },
        { title: '排放量（kg）', dataIndex: 'loadKg', align: 'right', render: n },
      ]}
    />
  );

  return (
    <ChartPanel
      data-testid="hourly-panel"
      title={`小时数据${factor ? ` — ${factors.name(factor)}（${unit}，小时均值）` : ''}`}
      extra={
        <Space wrap>
          <Select
            size="small"
            value={factor}
            onChange={onFactor}
            options={codes.map((c) => ({ value: c, label: `${factors.name(c)} ${c}` }))}
            style={{ width: 180 }}
            placeholder="监测因子"
          />
          {!focusHour && (
            <Segmented size="small" value={spanH} onChange={(v) => setSpanH(v as number)} options={SPANS} />
          )}
          <Button size="small" icon={<ReloadOutlined />} onClick={reload} title="刷新" />
        </Space>
      }
      onExport={() => downloadCsv(`${mn}-${factor ?? ''}-小时数据`, toCsv(csvColumns, rows))}
      chart={
        <ChartBody
          error={error}
          what="小时数据"
          loading={loading && !data}
          empty={rows.length === 0}
          emptyText="该时段没有小时数据（整点后约 1 分钟生成）"
        >
          <Chart option={option} height={340} data-testid="hourly-chart" />
        </ChartBody>
      }
      table={table}
    />
  );
}
