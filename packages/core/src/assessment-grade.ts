import { CalcError } from './calc-error.js';
import { type DecimalInput, plain } from './decimal.js';
import type { Explain } from './explain.js';
import { nonNegative } from './guards.js';

export type AssessmentGrade = 'exceeded' | 'completed' | 'basically-completed' | 'not-completed';

/**
 * Chinese and English labels of the four grades of 节能目标责任评价考核.
 *
 * @example
 * assessmentGradeLabels['basically-completed'].zh; // '基本完成'
 */
export const assessmentGradeLabels: Readonly<Record<AssessmentGrade, { zh: string; en: string }>> = {
  exceeded: { zh: '超额完成', en: 'exceeded' },
  completed: { zh: '完成', en: 'completed' },
  'basically-completed': { zh: '基本完成', en: 'basically completed' },
  'not-completed': { zh: '未完成', en: 'not completed' },
};

export interface AssessmentGradeResult {
  grade: AssessmentGrade;
  label: string;
  labelEn: string;
  /** True when the grade is 未完成 because the intensity target was missed (否决). */
  vetoed: boolean;
  explain: Explain;
}

/**
 * Assessment grade from a 100-point score: ≥ 95 超额完成, ≥ 80 完成, ≥ 60 基本完成, else 未完成;
 * a region that missed its intensity target is 未完成 whatever the score (veto, 国发〔2007〕36号).
 *
 * @throws {CalcError} CALC_IMPOSSIBLE_VALUE for a negative score.
 * @example
 * assessmentGrade({ score: 93, intensityTargetMet: true }).grade;  // 'completed'
 * assessmentGrade({ score: 98, intensityTargetMet: false }).grade; // 'not-completed'
 */
export function assessmentGrade(input: {
  score: DecimalInput;
  intensityTargetMet: boolean;
}): AssessmentGradeResult {
  const score = nonNegative(input.score, '/score', 'score');
  if (typeof input.intensityTargetMet !== 'boolean') {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      'expected intensityTargetMet to be true or false',
      '/intensityTargetMet',
    );
  }
  const vetoed = !input.intensityTargetMet;
  let grade: AssessmentGrade;
  if (vetoed) grade = 'not-completed';
  else if (score.gte(95)) grade = 'exceeded';
  else if (score.gte(80)) grade = 'completed';
  else if (score.gte(60)) grade = 'basically-completed';
  else grade = 'not-completed';
  const label = assessmentGradeLabels[grade];
  return {
    grade,
    label: label.zh,
    labelEn: label.en,
    vetoed,
    explain: {
      formula:
        'intensity target missed → 未完成 (veto); else score ≥ 95 超额完成, ≥ 80 完成, ≥ 60 基本完成, < 60 未完成',
      inputs: { score: plain(score), intensityTargetMet: String(input.intensityTargetMet) },
      notes: [
        'Source: 国发〔2007〕36号 单位GDP能耗考核体系实施方案 (target indicators are a veto, 否决性指标).',
        ...(vetoed ? ['Vetoed: the intensity target was missed, so the score does not matter.'] : []),
      ],
    },
  };
}
