import { ReloadOutlined } from '@ant-design/icons';
import { ApiError, type EnergyMeter, type MeterCompletenessDay } from '@ecep/contract';
import { Breadcrumb, Button, Card, Empty, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useReloadable } from '../../lib/use-reloadable';
import { energyNameZh, unitLabel } from '../reports/energy-options';
import { CompletenessPanel, CompletenessTag } from './completeness-panel';
import { type ConsumptionGranularity, ConsumptionPanel } from './consumption-panel';
import { energyApi } from './energy-api';
import { dayRange, type LoadSlot, lastKnownSlot, loadSlots, shanghaiDay } from './energy-model';
import { LoadCurvePanel } from './load-curve-panel';

const KIND_LABELS: Record<EnergyMeter['kind'], string> = {
  cumulative: '累计式（表底数）',
  interval: '时段量',
};

interface MeterToday {
  completeness: MeterCompletenessDay | null;
  last: LoadSlot | null;
}

interface Loaded {
  meters: EnergyMeter[];
  today: Record<string, MeterToday>;
  day: string;
}

/** 能耗在线监测 of one enterprise: meters, 15-min load curve, daily and monthly consumption, completeness. */
export function EnterpriseEnergyPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      try {
        const { items } = await energyApi.meters(id);
        const day = shanghaiDay(Date.now());
        const range = dayRange(day, day);
        const now = Date.now();
        // One small request pair per meter: an enterprise has a handful of meters.
        const perMeter = await Promise.all(
          items.map(async (m): Promise<[string, MeterToday]> => {
            const [c, q] = await Promise.all([
              energyApi.completeness(m.id, range).catch(() => null),
              energyApi.meterConsumption(m.id, { granularity: '15min', ...range }).catch(() => null),
            ]);
            return [
              m.id,
              {
                completeness: c?.days.find((d) => d.day === day) ?? null,
                last: q ? lastKnownSlot(loadSlots(day, q.items, now)) : null,
              },
            ];
          }),
        );
        if (!isCurrent()) return;
        setData({ meters: items, today: Object.fromEntries(perMeter), day });
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [id],
  );
  const reload = useReloadable(load);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const enterpriseName = data?.meters[0]?.enterpriseName;
  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[
        { title: '能源与双控' },
        { title: me.role === 'enterprise_user' ? '能耗双控' : <Link to="/energy">能耗双控</Link> },
        { title: enterpriseName ?? '企业能耗' },
      ]}
    />
  );

  if (error) {
    const denied = error instanceof ApiError && [400, 403, 404].includes(error.status);
    return (
      <>
        {crumbs}
        {denied ? (
          <Result
            status="404"
            title="企业不存在或不在您的管辖范围内"
            subTitle={errorText(error)}
            extra={<Link to="/energy">返回能耗双控</Link>}
          />
        ) : (
          <LoadErrorAlert what="能耗数据" error={error} onRetry={reload} />
        )}
      </>
    );
  }
  if (!data) {
    return (
      <>
        {crumbs}
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </>
    );
  }

  const { meters, today, day: todayDay } = data;
  const selected = meters.find((m) => m.id === params.get('meter')) ?? meters[0];
  const day = params.get('day') ?? todayDay;
  const granularity: ConsumptionGranularity = params.get('g') === 'month' ? 'month' : 'day';

  return (
    <>
      {crumbs}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          size="small"
          title={
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="enterprise-energy-title">
                {enterpriseName ?? '企业能耗'} · 能耗在线监测
              </Typography.Title>
              {meters.some((m) => m.isDemo) && <Tag color="gold">演示数据</Tag>}
            </Space>
          }
          extra={
            <Space>
              <Link to={`/enterprises/${id}`}>企业详情</Link>
              <Button size="small" icon={<ReloadOutlined />} onClick={reload} title="刷新" />
            </Space>
          }
        >
          {meters.length === 0 ? (
            <Empty description="本企业尚未登记能源计量器具" />
          ) : (
            <Table<EnergyMeter>
              data-testid="meters-table"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={meters}
              scroll={{ x: true }}
              rowSelection={{
                type: 'radio',
                selectedRowKeys: selected ? [selected.id] : [],
                onChange: (keys) => setParam('meter', String(keys[0] ?? '')),
              }}
              onRow={(m) => ({ onClick: () => setParam('meter', m.id), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: '编号',
                  dataIndex: 'code',
                  render: (c: string) => <span className="ecep-mono">{c}</span>,
                },
                {
                  title: '名称',
                  dataIndex: 'name',
                  render: (n: string, m) => (
                    <span>
                      {n} {!m.active && <Tag>已停用</Tag>}
                    </span>
                  ),
                },
                { title: '能源', dataIndex: 'energyCode', render: (c: string) => energyNameZh(c) },
                { title: '计量单位', dataIndex: 'unit', render: (u: string) => unitLabel(u) },
                { title: '类型', dataIndex: 'kind', render: (k: EnergyMeter['kind']) => KIND_LABELS[k] },
                { title: '倍率', dataIndex: 'multiplier', align: 'right' },
                {
                  title: '采集间隔',
                  dataIndex: 'expectedIntervalS',
                  align: 'right',
                  render: (s: number) => `${s / 60} 分钟`,
                },
                {
                  title: '最近 15 分钟用能量（今日）',
                  key: 'last',
                  align: 'right',
                  render: (_, m) => {
                    const last = today[m.id]?.last;
                    return last ? `${last.value} ${unitLabel(m.unit)}（${last.time} 起）` : '今日无数据';
                  },
                },
                {
                  title: '今日完整率（%）',
                  key: 'completeness',
                  render: (_, m) => {
                    const c = today[m.id]?.completeness;
                    return c ? <CompletenessTag day={c} /> : '—';
                  },
                },
              ]}
            />
          )}
        </Card>
        {selected && (
          <LoadCurvePanel
            meter={selected}
            day={day}
            onDay={(d) => setParam('day', d === todayDay ? undefined : d)}
          />
        )}
        {meters.length > 0 && (
          <ConsumptionPanel
            enterpriseId={id}
            granularity={granularity}
            onGranularity={(g) => setParam('g', g === 'day' ? undefined : g)}
          />
        )}
        {selected && <CompletenessPanel meter={selected} />}
      </Space>
    </>
  );
}
