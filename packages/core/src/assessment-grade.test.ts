import { describe, expect, it } from 'vitest';
import { assessmentGrade } from './assessment-grade.js';
import { expectCalcError } from './test-helpers.js';

const grade = (score: number | string, intensityTargetMet = true) =>
  assessmentGrade({ score, intensityTargetMet }).grade;

describe('assessmentGrade', () => {
  it('grades 93 with the target met as 完成', () => {
    const r = assessmentGrade({ score: 93, intensityTargetMet: true });
    expect([r.grade, r.label, r.vetoed]).toEqual(['completed', '完成', false]);
  });

  it('grades exactly 95 as 超额完成 and 94.99 as 完成', () => {
    expect(grade(95)).toBe('exceeded');
    expect(grade('94.99')).toBe('completed');
  });

  it('grades exactly 80 as 完成 and 79.99 as 基本完成', () => {
    expect(grade(80)).toBe('completed');
    expect(grade(79.99)).toBe('basically-completed');
  });

  it('grades exactly 60 as 基本完成 and 59.99 as 未完成', () => {
    expect(grade(60)).toBe('basically-completed');
    expect(grade(59.99)).toBe('not-completed');
  });

  it('grades a missed intensity target as 未完成 whatever the score (veto)', () => {
    const r = assessmentGrade({ score: 100, intensityTargetMet: false });
    expect([r.grade, r.label, r.vetoed]).toEqual(['not-completed', '未完成', true]);
    expect(r.explain.notes?.join(' ')).toContain('Vetoed');
  });

  it('rejects a negative score', () => {
    expectCalcError(() => grade(-1), 'CALC_IMPOSSIBLE_VALUE', '/score');
  });

  it('rejects a target flag that is not a boolean', () => {
    expectCalcError(
      () => assessmentGrade({ score: 90, intensityTargetMet: 'yes' as unknown as boolean }),
      'CALC_INVALID_INPUT',
      '/intensityTargetMet',
    );
  });
});
