import { type AssessmentGradeResult, assessmentGrade } from './assessment-grade.js';
import { CalcError, pointer } from './calc-error.js';
import { Dec, type Decimal, type DecimalInput, plain } from './decimal.js';
import type { Explain } from './explain.js';
import { nonNegative } from './guards.js';

/** One line of a scoring sheet: a target indicator (节能目标) or a measure (节能措施). */
export interface ScoringSheetItem {
  id: string;
  titleZh: string;
  group: 'target' | 'measure';
  maxPoints: number;
  /** Extra points allowed above maxPoints (e.g. +3 per 10 % over-achievement, max +9). */
  bonusMaxPoints?: number;
  /** A score below this is a veto (否决): the grade is 未完成 whatever the total. */
  vetoBelowPoints?: number;
}

export interface ScoringSheet {
  id: string;
  titleZh: string;
  source: string;
  items: readonly ScoringSheetItem[];
}

/**
 * The national 11th-FYP template (国发〔2007〕36号): 40 target points (veto, +9 bonus for
 * over-achievement as in county sheets) and 60 measure points. Provinces split the measures further.
 *
 * @example
 * nationalScoringSheet2007.items.map((i) => i.maxPoints); // [40, 60]
 */
export const nationalScoringSheet2007: ScoringSheet = {
  id: 'guofa-2007-36',
  titleZh: '单位GDP能耗考核体系 (节能目标 40 + 节能措施 60)',
  source: '国发〔2007〕36号 单位GDP能耗考核体系实施方案; bonus per county sheet (lawyee 17064108)',
  items: [
    {
      id: 'intensity-target',
      titleZh: '节能目标完成指标 (100 % of target = 40; 90 % = 36; …; < 50 % = 0)',
      group: 'target',
      maxPoints: 40,
      bonusMaxPoints: 9,
      vetoBelowPoints: 40,
    },
    { id: 'measures', titleZh: '节能措施落实', group: 'measure', maxPoints: 60 },
  ],
};

/**
 * Built-in sheets by id.
 *
 * @example
 * scoringSheets['guofa-2007-36'] === nationalScoringSheet2007; // true
 */
export const scoringSheets: Readonly<Record<string, ScoringSheet>> = {
  [nationalScoringSheet2007.id]: nationalScoringSheet2007,
};

export interface ScoredItem {
  id: string;
  titleZh: string;
  group: 'target' | 'measure';
  score: Decimal;
  maxPoints: number;
  vetoed: boolean;
}

export interface ScoringSheetResult {
  totalScore: Decimal;
  targetScore: Decimal;
  measureScore: Decimal;
  items: ScoredItem[];
  grade: AssessmentGradeResult['grade'];
  label: string;
  labelEn: string;
  vetoed: boolean;
  explain: Explain;
}

/**
 * Checks a sheet definition; paths point into `/sheet`.
 *
 * @example
 * validateScoringSheet(nationalScoringSheet2007); // ok; a duplicate item id throws CALC_INVALID_INPUT
 */
export function validateScoringSheet(sheet: ScoringSheet, path = '/sheet'): void {
  if (!Array.isArray(sheet.items) || sheet.items.length === 0) {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      'expected a sheet with at least one item',
      pointer(path, 'items'),
    );
  }
  const seen = new Set<string>();
  sheet.items.forEach((item, i) => {
    const p = pointer(pointer(path, 'items'), i);
    if (typeof item.id !== 'string' || item.id === '' || seen.has(item.id)) {
      throw new CalcError('CALC_INVALID_INPUT', 'expected a unique, non-empty item id', pointer(p, 'id'));
    }
    seen.add(item.id);
    if (item.group !== 'target' && item.group !== 'measure') {
      throw new CalcError('CALC_INVALID_INPUT', 'expected group "target" or "measure"', pointer(p, 'group'));
    }
    for (const key of ['maxPoints', 'bonusMaxPoints', 'vetoBelowPoints'] as const) {
      const v = item[key];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
        throw new CalcError('CALC_INVALID_INPUT', `expected ${key} to be a number ≥ 0`, pointer(p, key));
      }
    }
  });
}

/**
 * Scores a sheet: sums item scores, checks each against its maximum (+ bonus), applies veto items,
 * and grades the total with {@link assessmentGrade}.
 *
 * @throws {CalcError} CALC_INVALID_INPUT for a missing or unknown item score; CALC_IMPOSSIBLE_VALUE for a score out of range.
 * @example
 * scoreSheet(nationalScoringSheet2007, { 'intensity-target': 40, measures: 52 }).grade; // 'completed' (92)
 */
export function scoreSheet(
  sheet: ScoringSheet,
  scores: Readonly<Record<string, DecimalInput>>,
  path = '/scores',
): ScoringSheetResult {
  validateScoringSheet(sheet);
  for (const id of Object.keys(scores)) {
    if (!sheet.items.some((item) => item.id === id)) {
      throw new CalcError(
        'CALC_INVALID_INPUT',
        `no item "${id}" in sheet ${sheet.id}; expected one of ${sheet.items.map((i) => i.id).join(', ')}`,
        pointer(path, id),
      );
    }
  }
  const items = sheet.items.map((item): ScoredItem => {
    const p = pointer(path, item.id);
    const raw = Object.hasOwn(scores, item.id) ? scores[item.id] : undefined;
    if (raw === undefined) {
      throw new CalcError(
        'CALC_INVALID_INPUT',
        `expected a score for item "${item.id}" (${item.titleZh})`,
        p,
      );
    }
    const score = nonNegative(raw, p, `score of ${item.id}`);
    const max = item.maxPoints + (item.bonusMaxPoints ?? 0);
    if (score.gt(max)) {
      throw new CalcError(
        'CALC_IMPOSSIBLE_VALUE',
        `item "${item.id}" allows at most ${max} points, got ${score.toFixed()}`,
        p,
      );
    }
    const vetoed = item.vetoBelowPoints !== undefined && score.lt(item.vetoBelowPoints);
    return {
      id: item.id,
      titleZh: item.titleZh,
      group: item.group,
      score,
      maxPoints: item.maxPoints,
      vetoed,
    };
  });
  const sum = (group?: 'target' | 'measure') =>
    items
      .filter((i) => group === undefined || i.group === group)
      .reduce((acc, i) => acc.plus(i.score), new Dec(0));
  const totalScore = sum();
  const vetoed = items.some((i) => i.vetoed);
  const graded = assessmentGrade({ score: totalScore, intensityTargetMet: !vetoed });
  return {
    totalScore,
    targetScore: sum('target'),
    measureScore: sum('measure'),
    items,
    grade: graded.grade,
    label: graded.label,
    labelEn: graded.labelEn,
    vetoed,
    explain: {
      formula: `totalScore = Σ item scores; ${graded.explain.formula}`,
      inputs: Object.fromEntries(items.map((i) => [i.id, plain(i.score)])),
      notes: [
        `Sheet ${sheet.id}: ${sheet.titleZh}. Source: ${sheet.source}.`,
        ...items.filter((i) => i.vetoed).map((i) => `Veto: ${i.id} scored below its veto threshold.`),
      ],
    },
  };
}
