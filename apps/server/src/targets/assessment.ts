import type { AssessmentRow } from '@ecep/contract';
import {
  Dec,
  type Decimal,
  formatGbt8170,
  nationalScoringSheet2007,
  scoreSheet,
  targetPoints,
} from '@ecep/core';

export interface AssessmentInput {
  regionCode: string;
  regionName: string;
  year: number;
  /** Actual year-on-year intensity change, %; null when data is missing. */
  intensityChangePct: Decimal | null;
  /** Required change, % (negative). */
  requiredChangePct: Decimal | null;
  /** 节能措施 points entered by the province (0–60), null while not entered. */
  measurePoints: Decimal | null;
}

/**
 * Year-end assessment of one region on the 2007 national sheet: target points from the completion of the
 * annual intensity target (veto when below 100 %), measure points as entered, graded by the total.
 */
export function assessRegion(a: AssessmentInput): AssessmentRow {
  const row: AssessmentRow = {
    regionCode: a.regionCode,
    regionName: a.regionName,
    year: a.year,
    intensityChangePct: a.intensityChangePct ? formatGbt8170(a.intensityChangePct, 2) : null,
    requiredChangePct: a.requiredChangePct ? formatGbt8170(a.requiredChangePct, 2) : null,
    completionPct: null,
    targetPoints: null,
    measurePoints: a.measurePoints ? a.measurePoints.toFixed() : null,
    totalScore: null,
    grade: null,
    gradeZh: '缺少数据',
    vetoed: null,
    explain: null,
  };
  if (!a.intensityChangePct || !a.requiredChangePct || a.requiredChangePct.gte(0)) return row;
  // A rise is 0 % completion; a reduction counts as its share of the required reduction.
  const completion = a.intensityChangePct.gte(0)
    ? new Dec(0)
    : a.intensityChangePct.div(a.requiredChangePct).times(100);
  const tp = targetPoints(completion);
  row.completionPct = formatGbt8170(completion, 2);
  row.targetPoints = tp.points.toFixed();
  if (!a.measurePoints) {
    return { ...row, gradeZh: '待录入措施得分', vetoed: tp.points.lt(40), explain: tp.explain };
  }
  const sheet = scoreSheet(nationalScoringSheet2007, {
    'intensity-target': tp.points,
    measures: a.measurePoints,
  });
  return {
    ...row,
    totalScore: sheet.totalScore.toFixed(),
    grade: sheet.grade,
    gradeZh: sheet.label,
    vetoed: sheet.vetoed,
    explain: {
      formula: `completion = actual change ÷ required change × 100; ${tp.explain.formula}; ${sheet.explain.formula}`,
      inputs: { completionPct: completion.toFixed(4), ...sheet.explain.inputs },
      notes: [...(tp.explain.notes ?? []), ...(sheet.explain.notes ?? [])],
    },
  };
}
