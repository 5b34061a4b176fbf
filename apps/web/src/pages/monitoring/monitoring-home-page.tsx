import { AlertOutlined, ApiOutlined, DisconnectOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  ApiError,
  INDUSTRY_SECTIONS,
  type LiveMeasurement,
  type MonitoringOverview,
  type MonitoringSource,
} from '@ecep/contract';
import {
  Badge,
  Button,
  Card,
  Col,
  Input,
  Result,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../auth/auth-context';
import { canReadGatewayStatus } from '../../auth/permissions';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { formatTime } from '../../lib/format';
import { useReloadable } from '../../lib/use-reloadable';
import { GatewayStatusCard } from './gateway-status-card';
import { LiveIndicator } from './live-indicator';
import { monitoringApi } from './monitoring-api';
import { ST_LABELS, STATUS_LABELS, standardLabel } from './monitoring-labels';
import { SourceMap } from './source-map';
import { useLiveStream } from './use-live-stream';
import { matchesFilters, NO_STANDARD, useSourceFilters } from './use-source-filters';

const REFRESH_MS = 60_000;

const columns: TableColumnsType<MonitoringSource> = [
  {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (s: MonitoringSource['status']) => (
      <Badge
        status={STATUS_LABELS[s].badge}
        text={<span data-testid="source-status">{STATUS_LABELS[s].text}</span>}
      />
    ),
  },
  {
    title: '监测点位（设备）',
    dataIndex: 'name',
    render: (name: string, s) => (
      <Space orientation="vertical" size={0}>
        <Link to={`/monitoring/devices/${encodeURIComponent(s.mn)}`} data-testid="source-link">
          {name}
        </Link>
        <Typography.Text type="secondary" className="ecep-mono" style={{ fontSize: 12 }}>
          {s.mn}
          {s.isDemo && ' [演示]'}
        </Typography.Text>
      </Space>
    ),
  },
  { title: '企业', dataIndex: 'enterpriseName', render: (v: string | null) => v ?? '—' },
  { title: '城市', dataIndex: 'cityName', width: 90, render: (v: string | null) => v ?? '—' },
  {
    title: '类型',
    dataIndex: 'st',
    width: 70,
    render: (st: string) => ST_LABELS[st] ?? st,
  },
  {
    title: '执行标准',
    dataIndex: 'standardProfile',
    render: (v: string | null) => standardLabel(v),
  },
  {
    title: '最近数据时间',
    dataIndex: 'lastDataTime',
    width: 170,
    render: (v: string | null) => <span data-testid="source-last-data">{v ? formatTime(v) : '无数据'}</span>,
  },
  {
    title: '未确认报警（条）',
    dataIndex: 'openAlarms',
    width: 130,
    align: 'right',
    render: (n: number, s) =>
      n > 0 ? <Link to={`/monitoring/alarms?mn=${encodeURIComponent(s.mn)}&ack=0`}>{n}</Link> : 0,
  },
];

const csvColumns: CsvColumn<MonitoringSource>[] = [
  { title: '状态', value: (s) => STATUS_LABELS[s.status].text },
  { title: '设备 MN', value: (s) => s.mn },
  { title: '监测点位', value: (s) => s.name },
  { title: '企业', value: (s) => s.enterpriseName },
  { title: '城市', value: (s) => s.cityName },
  { title: '行业', value: (s) => (s.industryCode ? `${s.industryCode} ${s.industryName ?? ''}` : '') },
  { title: '类型', value: (s) => ST_LABELS[s.st] ?? s.st },
  { title: '执行标准', value: (s) => standardLabel(s.standardProfile) },
  { title: '经度（°）', value: (s) => s.longitude },
  { title: '纬度（°）', value: (s) => s.latitude },
  { title: '最近数据时间（北京时间）', value: (s) => (s.lastDataTime ? formatTime(s.lastDataTime) : '') },
  { title: '未确认报警（条）', value: (s) => s.openAlarms },
];

/** 在线监测 › 监测总览: counters, the list (or map) of sources with their live status, filters in the URL. */
export function MonitoringHomePage() {
  const me = useMe();
  const navigate = useNavigate();
  const { filters, update, reset } = useSourceFilters();
  const [data, setData] = useState<MonitoringOverview | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);

  const load = useCallback(async (isCurrent: () => boolean) => {
    setLoading(true);
    try {
      const res = await monitoringApi.overview();
      if (!isCurrent()) return;
      setData(res);
      setError(null);
    } catch (err) {
      if (isCurrent()) setError(err);
    } finally {
      if (isCurrent()) setLoading(false);
    }
  }, []);
  // Statuses change with time (a silent device goes offline): read them again every minute.
  const reload = useReloadable(load, REFRESH_MS);

  // Pushed records mark their source online with a new data time at once.
  const stream = useLiveStream(undefined, (e: LiveMeasurement) => {
    setData((d) => {
      if (!d) return d;
      let changed = false;
      const items = d.items.map((s) => {
        if (s.mn !== e.mn) return s;
        if (s.lastDataTime && Date.parse(s.lastDataTime) >= Date.parse(e.dataTime) && s.online) return s;
        changed = true;
        return {
          ...s,
          online: true,
          lastDataTime: e.dataTime,
          lastPacketAt: e.receivedAt,
          status: s.openAlarms > 0 ? ('alarm' as const) : ('online' as const),
        };
      });
      if (!changed) return d;
      const online = items.filter((s) => s.online).length;
      return { ...d, items, counts: { ...d.counts, online, offline: items.length - online } };
    });
  });

  const all = data?.items ?? [];
  const population = useMemo(() => all.filter((s) => matchesFilters(s, filters, true)), [all, filters]);
  const shown = useMemo(() => population.filter((s) => matchesFilters(s, filters)), [population, filters]);
  const counts = useMemo(
    () => ({
      total: population.length,
      online: population.filter((s) => s.online).length,
      offline: population.filter((s) => !s.online).length,
      alarm: population.filter((s) => s.openAlarms > 0).length,
    }),
    [population],
  );
  const cityOptions = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of all) if (s.cityCode) m.set(s.cityCode, s.cityName ?? s.cityCode);
    return [...m].sort((a, b) => a[0].localeCompare(b[0])).map(([value, label]) => ({ value, label }));
  }, [all]);
  const industryOptions = useMemo(() => {
    const present = new Set(all.map((s) => s.industrySection).filter(Boolean));
    return INDUSTRY_SECTIONS.filter((s) => present.has(s.code)).map((s) => ({
      value: s.code,
      label: `${s.code} ${s.name}`,
    }));
  }, [all]);
  const standardOptions = useMemo(() => {
    const set = new Set(all.map((s) => s.standardProfile ?? NO_STANDARD));
    return [...set].sort().map((v) => ({ value: v, label: v === NO_STANDARD ? '未设置' : standardLabel(v) }));
  }, [all]);

  if (me.role === 'public' || (error instanceof ApiError && error.status === 403)) {
    return <Result status="403" title="无权查看在线监测" subTitle="您的角色不能查看污染源在线监测数据。" />;
  }

  const scope = me.role === 'enterprise_user' ? '本企业' : (me.regionName ?? '全国');
  const counter = (
    key: 'online' | 'offline' | 'alarm' | undefined,
    title: string,
    value: number,
    icon: React.ReactNode,
    color?: string,
  ) => (
    <Col xs={12} md={6}>
      <Card
        size="small"
        hoverable
        onClick={() => update({ status: key })}
        style={filters.status === key ? { borderColor: '#17795e' } : undefined}
        data-testid={`counter-${key ?? 'total'}`}
      >
        <Statistic title={title} value={value} suffix="个" prefix={icon} valueStyle={{ color }} />
      </Card>
    </Col>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {counter(undefined, '监测点位总数', counts.total, <ApiOutlined />)}
        {counter('online', '在线', counts.online, <Badge status="success" />, '#389e0d')}
        {counter('offline', '离线', counts.offline, <DisconnectOutlined />, '#8c8c8c')}
        {counter('alarm', '报警（有未确认报警）', counts.alarm, <AlertOutlined />, '#cf1322')}
      </Row>
      {canReadGatewayStatus(me) && <GatewayStatusCard />}
      <Card
        title={
          <Space wrap>
            监测总览
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              管辖范围：{scope}；在线 = 3 个上报周期内收到数据
              {data ? `；统计时间 ${formatTime(data.generatedAt)}` : ''}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            <LiveIndicator stream={stream} />
            <Segmented
              value={filters.view}
              onChange={(v) => update({ view: v as 'table' | 'map' })}
              options={[
                { value: 'table', label: '列表' },
                { value: 'map', label: '地图' },
              ]}
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                downloadCsv(
                  `监测点位-${formatTime(new Date().toISOString()).slice(0, 10)}`,
                  toCsv(csvColumns, shown),
                )
              }
            >
              导出 CSV
            </Button>
          </Space>
        }
      >
        <Space wrap size={[12, 12]} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="设备名称、MN 或企业"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 220 }}
          />
          {me.role !== 'enterprise_user' && (
            <Select
              allowClear
              placeholder="城市"
              value={filters.city}
              onChange={(city) => update({ city })}
              options={cityOptions}
              style={{ width: 140 }}
              data-testid="filter-city"
            />
          )}
          <Select
            allowClear
            placeholder="行业门类"
            value={filters.industry}
            onChange={(industry) => update({ industry })}
            options={industryOptions}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder="执行标准"
            value={filters.standard}
            onChange={(standard) => update({ standard })}
            options={standardOptions}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            placeholder="状态"
            value={filters.status}
            onChange={(status) => update({ status })}
            options={(['online', 'offline', 'alarm'] as const).map((s) => ({
              value: s,
              label: STATUS_LABELS[s].text,
            }))}
            style={{ width: 110 }}
          />
          <Button onClick={reset}>重置</Button>
        </Space>
        {error !== null && (
          <LoadErrorAlert what="监测点位" error={error} onRetry={reload} style={{ marginBottom: 16 }} />
        )}
        {filters.view === 'map' ? (
          <SourceMap
            sources={shown}
            onOpen={(mn) => navigate(`/monitoring/devices/${encodeURIComponent(mn)}`)}
          />
        ) : (
          <div data-testid="source-table">
            <Table<MonitoringSource>
              rowKey="mn"
              size="middle"
              columns={columns}
              dataSource={shown}
              loading={loading && !data}
              pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个监测点位` }}
            />
          </div>
        )}
      </Card>
    </Space>
  );
}
