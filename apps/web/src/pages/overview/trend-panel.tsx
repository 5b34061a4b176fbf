import { BarChartOutlined, DownloadOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import type { TrendPoint } from '../../lib/targets-api';
import { type ChartOption, SimpleChart } from './simple-chart';

const COLUMNS: CsvColumn<TrendPoint>[] = [
  { title: '年份', value: (p) => p.year },
  { title: '能源消费总量（万吨标准煤）', value: (p) => p.energyTotal10kTce },
  { title: 'GDP 增速（%，可比价）', value: (p) => p.gdpGrowthPct },
  { title: '能耗强度变化（%）', value: (p) => p.intensityChangePct },
  { title: 'SO₂ 排放量（万吨）', value: (p) => p.so2_10kT },
  { title: 'NOx 排放量（万吨）', value: (p) => p.nox_10kT },
];

const toNum = (v: string | null) => (v === null ? null : Number(v));

/** Ten years of energy use (bars) and intensity change (line), with a table view and CSV export. */
export function TrendPanel({ trend, regionName }: { trend: TrendPoint[]; regionName: string }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const hasData = trend.some((p) => p.energyTotal10kTce !== null || p.intensityChangePct !== null);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['能源消费总量', '能耗强度变化'] },
      grid: { left: 64, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: trend.map((p) => String(p.year)) },
      yAxis: [
        { type: 'value', name: '万吨标准煤' },
        { type: 'value', name: '%', splitLine: { show: false } },
      ],
      series: [
        {
          name: '能源消费总量',
          type: 'bar',
          data: trend.map((p) => toNum(p.energyTotal10kTce)),
          itemStyle: { color: '#6fb59b' },
          tooltip: { valueFormatter: (v: unknown) => (v === null ? '—' : `${v} 万吨标准煤`) },
        },
        {
          name: '能耗强度变化',
          type: 'line',
          yAxisIndex: 1,
          data: trend.map((p) => toNum(p.intensityChangePct)),
          itemStyle: { color: '#d4380d' },
          tooltip: { valueFormatter: (v: unknown) => (v === null ? '—' : `${v}%`) },
        },
      ],
    }),
    [trend],
  );
  const first = trend[0]?.year;
  const last = trend[trend.length - 1]?.year;
  return (
    <Card
      title={`${regionName}能源消费与强度趋势（${first ?? ''}–${last ?? ''} 年）`}
      extra={
        <Space>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', icon: <BarChartOutlined />, label: '图表' },
              { value: 'table', icon: <TableOutlined />, label: '表格' },
            ]}
          />
          <Button
            icon={<DownloadOutlined />}
            disabled={!hasData}
            onClick={() => downloadCsv(`趋势-${first}-${last}.csv`, toCsv(COLUMNS, trend))}
          >
            导出 CSV
          </Button>
        </Space>
      }
    >
      {!hasData ? (
        <Empty description="暂无统计数据（能源消费总量、GDP 指数）" />
      ) : view === 'chart' ? (
        <SimpleChart option={option} height={320} testId="trend-chart" />
      ) : (
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={trend}
          columns={COLUMNS.map((c, i) => ({
            title: c.title,
            key: c.title,
            align: i === 0 ? ('left' as const) : ('right' as const),
            render: (_: unknown, p: TrendPoint) => c.value(p) ?? '—',
          }))}
        />
      )}
    </Card>
  );
}
