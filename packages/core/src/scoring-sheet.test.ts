import { describe, expect, it } from 'vitest';
import { nationalScoringSheet2007, type ScoringSheet, scoreSheet } from './scoring-sheet.js';
import { expectCalcError } from './test-helpers.js';

/** The 12th-FYP target part: both met 60, progress only 55, annual only 40, neither 0 and veto. */
const sheet12thFyp: ScoringSheet = {
  id: '12th-fyp',
  titleZh: '十二五 节能目标责任评价考核',
  source: 'm.1wenmi.com/doc/98133',
  items: [
    { id: 'target', titleZh: '节能目标', group: 'target', maxPoints: 60, vetoBelowPoints: 40 },
    { id: 'measures', titleZh: '节能措施', group: 'measure', maxPoints: 40 },
  ],
};

describe('scoreSheet', () => {
  it('adds target and measure points and grades the total', () => {
    const r = scoreSheet(nationalScoringSheet2007, { 'intensity-target': 40, measures: 55 });
    expect(r.totalScore.toFixed()).toBe('95');
    expect(r.targetScore.toFixed()).toBe('40');
    expect(r.measureScore.toFixed()).toBe('55');
    expect([r.grade, r.label]).toEqual(['exceeded', '超额完成']);
  });

  it('counts over-achievement bonus points up to their maximum', () => {
    expect(
      scoreSheet(nationalScoringSheet2007, { 'intensity-target': 49, measures: 40 }).totalScore.toFixed(),
    ).toBe('89');
  });

  it('vetoes a sheet whose target item scored below its threshold, whatever the total', () => {
    const r = scoreSheet(nationalScoringSheet2007, { 'intensity-target': 36, measures: 60 });
    expect(r.totalScore.toFixed()).toBe('96');
    expect([r.grade, r.vetoed]).toEqual(['not-completed', true]);
  });

  it('follows the 12th-FYP sheet: annual target met but progress missed is not a veto', () => {
    expect(scoreSheet(sheet12thFyp, { target: 40, measures: 40 }).grade).toBe('completed');
    expect(scoreSheet(sheet12thFyp, { target: 0, measures: 40 }).grade).toBe('not-completed');
  });

  it('rejects a score above the item maximum plus bonus', () => {
    expectCalcError(
      () => scoreSheet(nationalScoringSheet2007, { 'intensity-target': 50, measures: 60 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/scores/intensity-target',
    );
  });

  it('rejects a missing score and a score for an item the sheet does not have', () => {
    expectCalcError(
      () => scoreSheet(nationalScoringSheet2007, { measures: 60 }),
      'CALC_INVALID_INPUT',
      '/scores/intensity-target',
    );
    expectCalcError(
      () => scoreSheet(nationalScoringSheet2007, { 'intensity-target': 40, measures: 60, bonus: 1 }),
      'CALC_INVALID_INPUT',
      '/scores/bonus',
    );
  });

  it('rejects a sheet with duplicate item ids', () => {
    const bad: ScoringSheet = {
      ...sheet12thFyp,
      items: [sheet12thFyp.items[0]!, { ...sheet12thFyp.items[1]!, id: 'target' }],
    };
    expectCalcError(() => scoreSheet(bad, { target: 1 }), 'CALC_INVALID_INPUT', '/sheet/items/1/id');
  });
});
