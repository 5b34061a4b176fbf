import { describe, expect, it } from 'vitest';
import { moveNeedsReason, toStageChange } from './stage-move';

describe('project stage moves', () => {
  it('asks for a reason when going back, terminating or reopening, not when moving forward', () => {
    expect(moveNeedsReason('reserve', 'started')).toBe(false);
    expect(moveNeedsReason('started', 'full_production')).toBe(false);
    expect(moveNeedsReason('operating', 'started')).toBe(true);
    expect(moveNeedsReason('started', 'terminated')).toBe(true);
    expect(moveNeedsReason('terminated', 'reserve')).toBe(true);
  });

  it('builds the stage change with the trimmed evidence and reason, leaving blanks out', () => {
    expect(
      toStageChange('started', { date: '2025-03-01', evidence: ' 开工令 2025-01 ', reason: '  ' }),
    ).toEqual({
      stage: 'started',
      date: '2025-03-01',
      evidence: '开工令 2025-01',
    });
    expect(toStageChange('terminated', { date: '2025-04-01', reason: '资金未落实' })).toEqual({
      stage: 'terminated',
      date: '2025-04-01',
      reason: '资金未落实',
    });
  });
});
