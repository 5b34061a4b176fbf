import {
  ApiError,
  type Device,
  type DeviceSettings,
  type DeviceStatus,
  type LiveMeasurement,
} from '@ecep/contract';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth/auth-context';
import { isAdmin } from '../../auth/permissions';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { formatTime } from '../../lib/format';
import { useReloadable } from '../../lib/use-reloadable';
import { DailyPanel } from './daily-panel';
import { HourlyPanel } from './hourly-panel';
import { LiveIndicator } from './live-indicator';
import { type LatestRecord, LiveValuesCard } from './live-values-card';
import { monitoringApi } from './monitoring-api';
import { ST_LABELS } from './monitoring-labels';
import { PacketsPanel } from './packets-panel';
import { RatesPanel } from './rates-panel';
import { SettingsCard } from './settings-card';
import { useFactors } from './use-factors';
import { useLiveStream } from './use-live-stream';

/** CNs whose records the live card shows: minute data and real-time data. */
const LIVE_CNS = new Set(['2051', '2011']);

interface Loaded {
  device: Device;
  status: DeviceStatus;
  settings: DeviceSettings;
  latest: LatestRecord | null;
}

/** 在线监测 › one source: live values pushed by SSE, hourly chart, daily table, rates and settings. */
export function DevicePage() {
  const { mn = '' } = useParams();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const factors = useFactors();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      try {
        const now = dayjs();
        const [device, status, settings, recent] = await Promise.all([
          monitoringApi.device(mn),
          monitoringApi.status(mn),
          monitoringApi.settings(mn),
          monitoringApi.data(mn, {
            from: now.subtract(30, 'minute').toISOString(),
            to: now.add(1, 'minute').toISOString(),
          }),
        ]);
        if (!isCurrent()) return;
        const last = recent.items.at(-1);
        setData({ device, status, settings, latest: last ? { cn: '2051', ...last } : null });
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [mn],
  );
  const reload = useReloadable(load);

  const stream = useLiveStream(mn, (e: LiveMeasurement) => {
    if (!LIVE_CNS.has(e.cn)) return;
    setData((d) => {
      if (!d) return d;
      // A resent older record must not replace a newer one on screen.
      if (d.latest && Date.parse(d.latest.dataTime) > Date.parse(e.dataTime)) return d;
      return {
        ...d,
        latest: { cn: e.cn, dataTime: e.dataTime, receivedAt: e.receivedAt, values: e.values },
        status: { ...d.status, lastPacketAt: e.receivedAt },
      };
    });
  });

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[
        { title: '在线监测' },
        { title: <Link to="/monitoring">监测总览</Link> },
        { title: data?.device.name ?? mn },
      ]}
    />
  );

  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return (
      <>
        {crumbs}
        <Result
          status={error.status === 404 ? '404' : '403'}
          title={error.status === 404 ? '没有这台设备' : '无权查看'}
          subTitle={`MN ${mn} 不存在或不在您的管辖范围内。`}
          extra={<Link to="/monitoring">返回监测总览</Link>}
        />
      </>
    );
  }
  if (!data) {
    return (
      <>
        {crumbs}
        {error !== null ? (
          <LoadErrorAlert what="设备" error={error} onRetry={reload} />
        ) : (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        )}
      </>
    );
  }

  const { device, status, settings, latest } = data;
  const factorCodes = Object.keys(latest?.values ?? settings.limits ?? {}).sort();
  const focusHour = params.get('hour') ?? undefined;
  return (
    <>
      {crumbs}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap align="center" style={{ marginBottom: 8 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="device-title">
              {device.name}
            </Typography.Title>
            {device.isDemo && <Tag color="gold">演示数据</Tag>}
            {device.disabled && <Tag>已停用</Tag>}
            <Tag color={status.online ? 'green' : 'default'}>{status.online ? '已连接' : '未连接'}</Tag>
          </Space>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="MN">
              <span className="ecep-mono">{device.mn}</span>
            </Descriptions.Item>
            <Descriptions.Item label="企业">
              {device.enterpriseId ? (
                <Link to={`/enterprises/${device.enterpriseId}`}>{device.enterpriseName}</Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="类型">
              {ST_LABELS[device.st] ?? ''}（ST {device.st}）
            </Descriptions.Item>
            <Descriptions.Item label="最近接收">
              {status.lastPacketAt ? formatTime(status.lastPacketAt) : '从未'}
            </Descriptions.Item>
            <Descriptions.Item label="连接">
              {status.connection
                ? `${status.connection.remote}，自 ${formatTime(status.connection.since)}`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="报警">
              <Link to={`/monitoring/alarms?mn=${encodeURIComponent(device.mn)}`}>查看本设备报警</Link>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <LiveValuesCard
          latest={latest}
          factors={factors}
          limits={settings.limits ?? {}}
          extra={<LiveIndicator stream={stream} />}
        />
        <HourlyPanel
          mn={mn}
          factors={factors}
          focusHour={focusHour}
          factor={params.get('factor') ?? undefined}
          onFactor={(code) => setParam('factor', code)}
        />
        {focusHour && (
          <Alert
            type="info"
            showIcon
            title={`正在查看报警时段 ${formatTime(focusHour)} 前后 12 小时`}
            action={
              <Button size="small" onClick={() => setParam('hour', undefined)}>
                返回近期数据
              </Button>
            }
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <DailyPanel mn={mn} factors={factors} factor={params.get('factor') ?? undefined} />
          </Col>
          <Col xs={24} xl={10}>
            <RatesPanel mn={mn} />
          </Col>
        </Row>
        <PacketsPanel mn={mn} />
        <SettingsCard
          mn={mn}
          settings={settings}
          factors={factors}
          factorCodes={factorCodes}
          canEdit={isAdmin(me.role)}
          onSaved={(s) => setData((d) => (d ? { ...d, settings: s } : d))}
        />
      </Space>
    </>
  );
}
