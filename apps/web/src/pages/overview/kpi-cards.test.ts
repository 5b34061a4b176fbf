import { describe, expect, it } from 'vitest';
import type { PlanSummary, TargetEvaluation } from '../../lib/targets-api';
import { groupByPlan } from './kpi-cards';

const kpi = (planId: string, code: string, status: TargetEvaluation['status'], targetYear: number) =>
  ({ planId, code, name: code, status, targetYear, baseYear: targetYear - 5 }) as TargetEvaluation;
const plan = (id: string, from: number, to: number) =>
  ({ id, title: `规划 ${id}`, period: { from, to }, isDemo: id === 'demo' }) as PlanSummary;

describe('grouping the overview’s targets by plan', () => {
  it('puts the plan in force for the year first and splits measurable targets from the rest', () => {
    const groups = groupByPlan(
      [
        kpi('old', 'energy_intensity', 'achieved', 2015),
        kpi('demo', 'energy_intensity', 'behind', 2025),
        kpi('demo', 'parks', 'no_source', 2025),
      ],
      [plan('old', 2011, 2015), plan('demo', 2021, 2025)],
      2024,
    );
    expect(groups.map((g) => g.planId)).toEqual(['demo', 'old']);
    expect(groups[0]).toMatchObject({ title: '规划 demo', inForce: true, isDemo: true });
    expect(groups[0]?.measured.map((k) => k.code)).toEqual(['energy_intensity']);
    expect(groups[0]?.unmeasured.map((k) => k.code)).toEqual(['parks']);
    expect(groups[1]?.inForce).toBe(false);
  });

  it('ranks plans with nothing measurable after those with measurable targets', () => {
    const groups = groupByPlan(
      [kpi('a', 'x', 'no_source', 2020), kpi('b', 'y', 'achieved', 2015)],
      [plan('a', 2016, 2020), plan('b', 2011, 2015)],
      2030,
    );
    expect(groups.map((g) => g.planId)).toEqual(['b', 'a']);
  });

  it('falls back to the plan id and the targets’ years when the plan list is not loaded', () => {
    const [g] = groupByPlan([kpi('p', 'x', 'on_track', 2025)], [], 2023);
    expect(g).toMatchObject({ title: 'p', inForce: true, targetYear: 2025 });
  });
});
