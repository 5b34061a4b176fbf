import type { MonitoringSource, SourceStatus } from '@ecep/contract';
import { Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../components/chart';
import { formatTime } from '../../lib/format';
import { STATUS_COLORS, STATUS_LABELS } from './monitoring-labels';

interface Point {
  value: [number, number];
  mn: string;
  source: MonitoringSource;
}

const ORDER: SourceStatus[] = ['online', 'offline', 'alarm'];

/**
 * A schematic map: sources placed by longitude and latitude (no map tiles are available offline), coloured by
 * status, with each city's name at the centre of its sources. Clicking a point opens the source.
 */
export function SourceMap({
  sources,
  onOpen,
}: {
  sources: readonly MonitoringSource[];
  onOpen: (mn: string) => void;
}) {
  const placed = useMemo(() => sources.filter((s) => s.longitude !== null && s.latitude !== null), [sources]);
  const option = useMemo<ChartOption>(() => {
    const cities = new Map<string, { name: string; lon: number; lat: number; n: number }>();
    for (const s of placed) {
      const key = s.cityCode ?? '';
      const c = cities.get(key) ?? { name: s.cityName ?? '未知', lon: 0, lat: 0, n: 0 };
      c.lon += s.longitude as number;
      c.lat += s.latitude as number;
      c.n++;
      cities.set(key, c);
    }
    return {
      grid: { left: 20, right: 20, top: 40, bottom: 20 },
      legend: { top: 0, data: ORDER.map((s) => STATUS_LABELS[s].text) },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const data = (p as { data?: Point }).data;
          if (!data?.source) return '';
          const s = data.source;
          return [
            `<b>${s.name}</b>`,
            s.enterpriseName ?? '',
            `${s.cityName ?? ''} · ${STATUS_LABELS[s.status].text}`,
            `最近数据：${s.lastDataTime ? formatTime(s.lastDataTime) : '无'}`,
          ].join('<br/>');
        },
      },
      // Longitude and latitude as plain axes; hidden, the points still keep their geography.
      xAxis: { type: 'value', scale: true, show: false },
      yAxis: { type: 'value', scale: true, show: false },
      series: [
        ...ORDER.map((status) => ({
          type: 'scatter' as const,
          name: STATUS_LABELS[status].text,
          symbolSize: status === 'alarm' ? 14 : 10,
          itemStyle: { color: STATUS_COLORS[status], opacity: 0.85 },
          data: placed
            .filter((s) => s.status === status)
            .map((s) => ({ value: [s.longitude as number, s.latitude as number], mn: s.mn, source: s })),
        })),
        {
          type: 'scatter' as const,
          name: '城市',
          symbolSize: 0,
          silent: true,
          tooltip: { show: false },
          label: { show: true, formatter: '{b}', color: '#555', fontSize: 13, fontWeight: 'bold' },
          data: [...cities.values()].map((c) => ({ name: c.name, value: [c.lon / c.n, c.lat / c.n] })),
        },
      ],
    } as ChartOption;
  }, [placed]);

  if (placed.length === 0) {
    return <Empty description="没有带经纬度的监测点位" />;
  }
  return (
    <>
      <Chart
        option={option}
        height={520}
        data-testid="source-map"
        onPointClick={(data) => {
          const mn = (data as Point | undefined)?.mn;
          if (mn) onOpen(mn);
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        示意图：按企业经纬度绘制，未叠加地图底图；
        {sources.length - placed.length > 0
          ? `${sources.length - placed.length} 个点位缺少经纬度未显示。`
          : '点击点位查看设备。'}
      </Typography.Text>
    </>
  );
}
