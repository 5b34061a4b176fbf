import { BarChartOutlined, DownloadOutlined, TableOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import {
  getEvaluations,
  getPlan,
  type PlanDetail,
  TARGET_STATUS_COLORS,
  type TargetEvaluation,
  targetText,
  unitZh,
} from '../../lib/targets-api';
import { useRegionNames } from '../../lib/use-region-names';
import { useReloadable } from '../../lib/use-reloadable';
import { TargetExplainDrawer } from '../overview/kpi-cards';
import { type ChartOption, SimpleChart } from '../overview/simple-chart';
import { AllocationView } from './allocation-view';
import { docTargets } from './plan-document';
import { TargetHistoryCard } from './target-history-card';

const COLUMNS: CsvColumn<TargetEvaluation>[] = [
  { title: '数据年度', value: (e) => e.asOfYear },
  { title: '实际值', value: (e) => e.actualValue },
  { title: '单位', value: (e) => unitZh(e.unit) },
  { title: '较基期（%）', value: (e) => e.actualChangePct },
  { title: '完成进度（%）', value: (e) => e.completionPct },
  { title: '序时进度要求（%）', value: (e) => e.requiredPct },
  { title: '状态', value: (e) => e.statusZh },
];

/** One target: progress year by year (completion against the time-elapsed requirement), every number explained. */
export function TargetDetailPage() {
  const { planId = '', code = '' } = useParams();
  const [params] = useSearchParams();
  const me = useMe();
  const scope = params.get('scope') ?? '140000';
  const targetYearParam = Number(params.get('ty')) || null;
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [series, setSeries] = useState<TargetEvaluation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [open, setOpen] = useState<TargetEvaluation | null>(null);
  const [evalYears, setEvalYears] = useState<{ years: number[]; latest: number } | null>(null);
  const regionName = useRegionNames([scope]);

  const matches = useCallback(
    (e: { code: string; targetYear: number | null }) =>
      e.code === code && (targetYearParam === null || e.targetYear === targetYearParam),
    [code, targetYearParam],
  );

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setSeries(null);
      setEvalYears(null);
      try {
        const [p, latest] = await Promise.all([getPlan(planId), getEvaluations({ planId, region: scope })]);
        if (!isCurrent()) return;
        setPlan(p);
        const current = latest.items.find(matches);
        if (!current) {
          setSeries([]);
          return;
        }
        const from = (current.baseYear ?? current.targetYear - 5) + 1;
        const to = Math.min(current.targetYear, latest.year);
        const years = [];
        for (let y = from; y <= to; y++) years.push(y);
        setEvalYears({ years: [...years].reverse(), latest: latest.year });
        const all = await Promise.all(years.map((y) => getEvaluations({ planId, region: scope, year: y })));
        if (!isCurrent()) return;
        // Each evaluation uses the latest data up to its year; keep one point per year of data.
        const byYear = new Map<number, TargetEvaluation>();
        for (const r of all) {
          const e = r.items.find(matches);
          if (e?.asOfYear != null) byYear.set(e.asOfYear, e);
        }
        setSeries([...byYear.values()].sort((a, b) => (a.asOfYear ?? 0) - (b.asOfYear ?? 0)));
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [planId, scope, matches],
  );
  useReloadable(load);

  const docTarget = plan
    ? docTargets(plan.document).find(
        (t) =>
          t.code === code &&
          t.scope === scope &&
          (targetYearParam === null || t.targetYear === targetYearParam),
      )
    : undefined;
  const last = series && series.length > 0 ? series[series.length - 1] : undefined;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null ? '—' : `${v}%`) },
      legend: { top: 0, data: ['完成进度', '序时进度要求'] },
      grid: { left: 56, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: (series ?? []).map((e) => String(e.asOfYear)) },
      yAxis: { type: 'value', name: '%' },
      series: [
        {
          name: '完成进度',
          type: 'bar',
          data: (series ?? []).map((e) => (e.completionPct === null ? null : Number(e.completionPct))),
          itemStyle: { color: '#17795e' },
        },
        {
          name: '序时进度要求',
          type: 'line',
          data: (series ?? []).map((e) => (e.requiredPct === null ? null : Number(e.requiredPct))),
          itemStyle: { color: '#d4380d' },
        },
      ],
    }),
    [series],
  );

  const title = docTarget?.name ?? last?.name ?? code;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/targets">目标考核</Link> },
          { title: <Link to={`/targets/plans/${encodeURIComponent(planId)}`}>{plan?.title ?? planId}</Link> },
          { title },
        ]}
      />
      {error !== null && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`加载失败：${errorText(error)}`} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Tag>{regionName(scope)}</Tag>
          {last && <Tag color={TARGET_STATUS_COLORS[last.status]}>{last.statusZh}</Tag>}
        </Space>
        {docTarget && (
          <Descriptions
            size="small"
            bordered
            style={{ marginTop: 16 }}
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'base',
                label: '基期',
                children:
                  docTarget.baseYear !== null
                    ? `${docTarget.baseYear}年 ${docTarget.baseValue ?? ''} ${docTarget.baseValue ? unitZh(docTarget.unit) : ''}`
                    : '—',
              },
              {
                key: 'target',
                label: '目标',
                children:
                  docTarget.targetYear !== null
                    ? targetText({ ...docTarget, targetYear: docTarget.targetYear })
                    : '—',
              },
              {
                key: 'annual',
                label: '年均',
                children: docTarget.annualChangePct ? `${docTarget.annualChangePct}%` : '—',
              },
              { key: 'price', label: '价格基期', children: docTarget.priceBase ?? '—' },
              { key: 'src', label: '原文', span: 2, children: `“${docTarget.sourceText}”` },
              ...(docTarget.inconsistencyNote
                ? [{ key: 'inc', label: '原文不一致', span: 2, children: docTarget.inconsistencyNote }]
                : []),
            ]}
          />
        )}
      </Card>
      <Card
        title="逐年进度：完成进度与序时进度要求"
        style={{ marginBottom: 16 }}
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
              disabled={!series || series.length === 0}
              onClick={() => downloadCsv(`${code}-${scope}-进度.csv`, toCsv(COLUMNS, series ?? []))}
            >
              导出 CSV
            </Button>
          </Space>
        }
      >
        {series === null ? (
          <Skeleton active />
        ) : series.length === 0 ? (
          <Empty description="此目标暂无可评价的统计数据（或没有统计口径）" />
        ) : view === 'chart' ? (
          <SimpleChart option={option} height={300} />
        ) : null}
        {series && series.length > 0 && (
          <Table<TargetEvaluation>
            style={{ marginTop: view === 'chart' ? 16 : 0 }}
            size="small"
            rowKey={(e) => String(e.asOfYear)}
            dataSource={series}
            pagination={false}
            rowClassName={() => 'ecep-clickable-row'}
            onRow={(e) => ({ onClick: () => setOpen(e) })}
            columns={[
              { title: '数据年度', dataIndex: 'asOfYear', width: 90 },
              {
                title: `实际值（${last ? unitZh(last.unit) : ''}）`,
                dataIndex: 'actualValue',
                align: 'right',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: '较基期（%）',
                dataIndex: 'actualChangePct',
                align: 'right',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: '完成进度（%）',
                dataIndex: 'completionPct',
                align: 'right',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: '序时要求（%）',
                dataIndex: 'requiredPct',
                align: 'right',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: '状态',
                render: (_: unknown, e) => <Tag color={TARGET_STATUS_COLORS[e.status]}>{e.statusZh}</Tag>,
              },
              {
                title: '',
                width: 90,
                render: () => (
                  <Button type="link" size="small">
                    计算说明
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      {me.role !== 'enterprise_user' && evalYears && (
        <TargetHistoryCard
          planId={planId}
          region={scope}
          years={
            evalYears.years.includes(evalYears.latest)
              ? evalYears.years
              : [evalYears.latest, ...evalYears.years]
          }
          defaultYear={evalYears.latest}
          matches={matches}
        />
      )}
      {me.role !== 'enterprise_user' && (
        <Card title="目标分解到下级及一致性检查">
          <AllocationView
            planId={planId}
            targetCode={code}
            parent={scope}
            unit={last?.unit ?? docTarget?.unit}
          />
        </Card>
      )}
      <TargetExplainDrawer kpi={open} onClose={() => setOpen(null)} />
    </>
  );
}
