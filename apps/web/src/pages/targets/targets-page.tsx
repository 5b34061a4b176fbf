import { Button, Card, Empty, Select, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth/auth-context';
import { getBarometer, getPlan, listPlans, type PlanDetail, type PlanSummary } from '../../lib/targets-api';
import { AllocationView } from './allocation-view';
import { AssessmentTab } from './assessment-tab';
import { PlanList } from './plan-list';
import { RankingTab, YEAR_OPTIONS } from './ranking-tab';

const TABS = ['plans', 'ranking', 'assessment', 'allocations'] as const;
type Tab = (typeof TABS)[number];

/** 目标分解: pick a plan and one of its targets for the caller's level, then see the parts and the check. */
function AllocationTab({ parent }: { parent: string }) {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [planId, setPlanId] = useState<string | undefined>();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [target, setTarget] = useState<string | undefined>();
  useEffect(() => {
    listPlans()
      .then((r) => setPlans(r.items))
      .catch(() => setPlans([]));
  }, []);
  useEffect(() => {
    setPlan(null);
    setTarget(undefined);
    if (!planId) return;
    let alive = true;
    getPlan(planId)
      .then((p) => alive && setPlan(p))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [planId]);
  const targets = (plan?.targets ?? []).filter((t) => t.scopeCode === parent);
  const codes = [...new Map(targets.map((t) => [t.code, t])).values()];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 420 }}
          placeholder="选择规划"
          value={planId}
          onChange={setPlanId}
          options={plans.map((p) => ({ value: p.id, label: p.title }))}
        />
        <Select
          style={{ width: 320 }}
          placeholder="选择目标"
          value={target}
          onChange={setTarget}
          disabled={!plan}
          showSearch={{ optionFilterProp: 'label' }}
          options={codes.map((t) => ({ value: t.code, label: t.name }))}
        />
      </Space>
      {planId && target ? (
        <AllocationView
          planId={planId}
          targetCode={target}
          parent={parent}
          unit={codes.find((t) => t.code === target)?.unit}
        />
      ) : (
        <Empty description="选择规划和目标，查看分解到下级的目标及一致性检查" />
      )}
    </>
  );
}

/** 目标考核: plans and their targets, the city ranking, year-end assessment and target allocation. */
export function TargetsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const gov = me.role !== 'enterprise_user' && me.role !== 'public';
  const tabParam = params.get('tab') as Tab | null;
  const tab: Tab = tabParam && TABS.includes(tabParam) && (gov || tabParam === 'plans') ? tabParam : 'plans';
  const yearParam = Number(params.get('year'));
  const [latestYear, setLatestYear] = useState<number | null>(null);
  const year = Number.isInteger(yearParam) && yearParam >= 1990 ? yearParam : (latestYear ?? undefined);

  // The assessment needs a year: the latest with province statistics, as the barometer reports it.
  useEffect(() => {
    if (!gov || latestYear !== null) return;
    getBarometer({})
      .then((b) => setLatestYear(b.year))
      .catch(() => setLatestYear(new Date().getFullYear() - 1));
  }, [gov, latestYear]);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const onYear = (y: number) => set({ year: String(y) });
  const parent = me.regionCode && me.role !== 'auditor' ? me.regionCode : '140000';

  const items = [{ key: 'plans', label: '规划与目标', children: <PlanList /> }];
  if (gov) {
    items.push(
      { key: 'ranking', label: '城市排名（晴雨表）', children: <RankingTab year={year} onYear={onYear} /> },
      {
        key: 'assessment',
        label: '年度考核',
        children: year ? (
          <AssessmentTab year={year} onYear={onYear} />
        ) : (
          <Empty description="正在确定年度…" />
        ),
      },
      { key: 'allocations', label: '目标分解', children: <AllocationTab parent={parent} /> },
    );
  }

  return (
    <Card
      title={
        <Space>
          目标考核
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            节能目标责任评价考核
          </Typography.Text>
        </Space>
      }
      extra={
        gov && (
          <Space>
            <Select
              style={{ width: 120 }}
              value={year}
              placeholder="年度"
              onChange={onYear}
              options={YEAR_OPTIONS}
              aria-label="公报年度"
            />
            <Button onClick={() => year && navigate(`/targets/bulletin/${year}`)} disabled={!year}>
              查看公报
            </Button>
          </Space>
        )
      }
    >
      <Tabs activeKey={tab} onChange={(k) => set({ tab: k === 'plans' ? undefined : k })} items={items} />
    </Card>
  );
}
