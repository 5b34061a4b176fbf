import {
  Card,
  Col,
  Collapse,
  Descriptions,
  Drawer,
  Empty,
  Progress,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  listPlans,
  type PlanSummary,
  TARGET_STATUS_COLORS,
  type TargetEvaluation,
  targetText,
  unitZh,
} from '../../lib/targets-api';
import { ExplainCard } from '../calc/explain-card';

const pct = (v: string | null) => (v === null ? '—' : `${v}%`);

/** Everything behind one evaluation: target, actual, progress and the formula with its inputs. */
export function TargetExplainDrawer({ kpi, onClose }: { kpi: TargetEvaluation | null; onClose: () => void }) {
  return (
    <Drawer open={kpi !== null} onClose={onClose} size="large" title={kpi ? `${kpi.name} · 计算说明` : ''}>
      {kpi && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'plan', label: '规划', children: kpi.planId },
              {
                key: 'base',
                label: '基期',
                children:
                  kpi.baseYear !== null
                    ? `${kpi.baseYear}年${kpi.baseValue !== null ? ` ${kpi.baseValue} ${unitZh(kpi.unit)}` : ''}`
                    : '—',
              },
              { key: 'target', label: '目标', children: targetText(kpi) },
              {
                key: 'actual',
                label: '实际',
                children:
                  kpi.asOfYear !== null
                    ? `${kpi.asOfYear}年 ${kpi.actualValue ?? '—'} ${unitZh(kpi.unit)}${
                        kpi.actualChangePct !== null ? `（较基期 ${kpi.actualChangePct}%）` : ''
                      }`
                    : '暂无数据',
              },
              { key: 'completion', label: '完成进度', children: pct(kpi.completionPct) },
              { key: 'required', label: '序时进度要求', children: pct(kpi.requiredPct) },
              {
                key: 'status',
                label: '状态',
                children: <Tag color={TARGET_STATUS_COLORS[kpi.status]}>{kpi.statusZh}</Tag>,
              },
              ...(kpi.missing.length
                ? [{ key: 'missing', label: '缺少的数据', children: kpi.missing.join('；') }]
                : []),
            ]}
          />
          {kpi.explain ? (
            <ExplainCard path={kpi.code} explain={kpi.explain} />
          ) : (
            <Empty description="此目标暂无计算说明（缺少统计口径或数据）" />
          )}
        </Space>
      )}
    </Drawer>
  );
}

function KpiCard({ k, onOpen }: { k: TargetEvaluation; onOpen: (k: TargetEvaluation) => void }) {
  const completion = k.completionPct === null ? null : Number(k.completionPct);
  return (
    <Card
      hoverable
      size="small"
      onClick={() => onOpen(k)}
      data-testid="overview-kpi"
      title={<span title={k.name}>{k.name}</span>}
      extra={<Tag color={TARGET_STATUS_COLORS[k.status]}>{k.statusZh}</Tag>}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        目标：{targetText(k)}
      </Typography.Text>
      <div style={{ margin: '8px 0', fontSize: 20, fontWeight: 600 }} className="ecep-mono">
        {k.actualValue ?? (k.actualChangePct !== null ? `${k.actualChangePct}%` : '—')}
        <span style={{ fontSize: 12, fontWeight: 'normal', marginLeft: 4 }}>
          {k.actualValue !== null ? unitZh(k.unit) : ''}
        </span>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {k.asOfYear !== null ? `截至 ${k.asOfYear} 年` : '暂无实际数据'}
        {k.actualChangePct !== null && ` · 较基期 ${k.actualChangePct}%`}
      </Typography.Text>
      <Progress
        percent={completion === null ? 0 : Math.max(0, Math.min(100, completion))}
        format={() => (completion === null ? '—' : `${k.completionPct}%`)}
        status={k.status === 'missed' || k.status === 'behind' ? 'exception' : 'normal'}
        size="small"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        完成进度 {pct(k.completionPct)} · 序时要求 {pct(k.requiredPct)}
      </Typography.Text>
    </Card>
  );
}

/** The targets without a statistic to measure them: listed compactly, each still opens its explanation. */
function UnmeasuredList({
  items,
  onOpen,
}: {
  items: TargetEvaluation[];
  onOpen: (k: TargetEvaluation) => void;
}) {
  return (
    <Table<TargetEvaluation>
      size="small"
      rowKey={(k) => `${k.planId}/${k.code}/${k.regionCode}`}
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
      rowClassName={() => 'ecep-clickable-row'}
      onRow={(k) => ({ onClick: () => onOpen(k) })}
      columns={[
        { title: '目标', dataIndex: 'name' },
        { title: '目标值', render: (_: unknown, k) => targetText(k) },
        {
          title: '状态',
          width: 140,
          render: (_: unknown, k) => <Tag color={TARGET_STATUS_COLORS[k.status]}>{k.statusZh}</Tag>,
        },
      ]}
    />
  );
}

interface PlanGroup {
  planId: string;
  title: string;
  isDemo: boolean;
  inForce: boolean;
  targetYear: number;
  measured: TargetEvaluation[];
  unmeasured: TargetEvaluation[];
}

/** Targets grouped by plan: the plans in force for `year` first, then the latest ones. */
export function groupByPlan(kpis: TargetEvaluation[], plans: PlanSummary[], year: number): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  for (const k of kpis) {
    let g = groups.get(k.planId);
    if (!g) {
      const plan = plans.find((p) => p.id === k.planId);
      const period = (plan?.period ?? null) as { from?: number; to?: number } | null;
      const from = period?.from ?? k.baseYear ?? k.targetYear;
      const to = period?.to ?? k.targetYear;
      g = {
        planId: k.planId,
        title: plan?.title ?? k.planId,
        isDemo: plan?.isDemo ?? false,
        inForce: from <= year && year <= to,
        targetYear: to,
        measured: [],
        unmeasured: [],
      };
      groups.set(k.planId, g);
    }
    (k.status === 'no_source' ? g.unmeasured : g.measured).push(k);
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(b.inForce) - Number(a.inForce) ||
      Number(b.measured.length > 0) - Number(a.measured.length > 0) ||
      b.targetYear - a.targetYear,
  );
}

/** One card per measurable target, grouped by plan; the targets no statistic measures are listed below. */
export function KpiCards({ kpis, year }: { kpis: TargetEvaluation[]; year: number }) {
  const [open, setOpen] = useState<TargetEvaluation | null>(null);
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  useEffect(() => {
    let alive = true;
    listPlans()
      .then((r) => alive && setPlans(r.items))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  const groups = useMemo(() => groupByPlan(kpis, plans, year), [kpis, plans, year]);
  if (kpis.length === 0) {
    return (
      <Card>
        <Empty description="尚未载入规划目标（plans/*.yaml），或本地区没有适用的目标" />
      </Card>
    );
  }
  return (
    <>
      <Collapse
        defaultActiveKey={groups.filter((g, i) => g.inForce || i === 0).map((g) => g.planId)}
        items={groups.map((g) => ({
          key: g.planId,
          label: (
            <Space wrap>
              <Typography.Text strong>{g.title}</Typography.Text>
              {g.isDemo && <Tag color="gold">演示数据</Tag>}
              {g.inForce && <Tag color="green">{year} 年在期</Tag>}
              <Typography.Text type="secondary">
                可评价 {g.measured.length} 项
                {g.unmeasured.length > 0 && `，暂无统计口径 ${g.unmeasured.length} 项`}
              </Typography.Text>
            </Space>
          ),
          children: (
            <>
              {g.measured.length > 0 && (
                <Row gutter={[16, 16]}>
                  {g.measured.map((k) => (
                    <Col key={`${k.code}/${k.regionCode}/${k.name}`} xs={24} sm={12} lg={8} xxl={6}>
                      <KpiCard k={k} onOpen={setOpen} />
                    </Col>
                  ))}
                </Row>
              )}
              {g.unmeasured.length > 0 && (
                <Collapse
                  ghost
                  style={{ marginTop: g.measured.length ? 8 : 0 }}
                  items={[
                    {
                      key: 'u',
                      label: `暂无统计口径的目标（${g.unmeasured.length} 项，只列出目标）`,
                      children: <UnmeasuredList items={g.unmeasured} onOpen={setOpen} />,
                    },
                  ]}
                />
              )}
            </>
          ),
        }))}
      />
      <TargetExplainDrawer kpi={open} onClose={() => setOpen(null)} />
    </>
  );
}
