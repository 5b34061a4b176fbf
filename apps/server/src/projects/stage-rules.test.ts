import { describe, expect, it } from 'vitest';
import { stageChangeRefusal } from './stage-rules.js';

const today = '2025-06-30';

describe('project stage rules', () => {
  it('allows moving forward, also skipping a stage, on a date up to today', () => {
    expect(
      stageChangeRefusal(
        { stage: 'reserve', stageDate: null },
        { stage: 'started', date: '2025-03-01' },
        today,
      ),
    ).toBeNull();
    expect(
      stageChangeRefusal(
        { stage: 'started', stageDate: '2025-03-01' },
        { stage: 'full_production', date: today },
        today,
      ),
    ).toBeNull();
  });

  it('refuses a date in the future and one before the current stage', () => {
    expect(
      stageChangeRefusal(
        { stage: 'reserve', stageDate: null },
        { stage: 'started', date: '2025-07-01' },
        today,
      ),
    ).toContain('未来');
    expect(
      stageChangeRefusal(
        { stage: 'started', stageDate: '2025-03-01' },
        { stage: 'operating', date: '2025-02-28' },
        today,
      ),
    ).toContain('早于');
  });

  it('refuses going back without a reason and allows it with one', () => {
    const current = { stage: 'operating', stageDate: '2025-03-01' };
    expect(stageChangeRefusal(current, { stage: 'started', date: '2025-04-01' }, today)).toContain('回退');
    expect(
      stageChangeRefusal(current, { stage: 'started', date: '2025-04-01', reason: '  ' }, today),
    ).toContain('回退');
    expect(
      stageChangeRefusal(current, { stage: 'started', date: '2025-04-01', reason: '设备故障停产' }, today),
    ).toBeNull();
  });

  it('requires a reason to terminate and to reopen a terminated project, and refuses the same stage', () => {
    expect(
      stageChangeRefusal({ stage: 'started', stageDate: null }, { stage: 'terminated', date: today }, today),
    ).toContain('终止');
    expect(
      stageChangeRefusal(
        { stage: 'terminated', stageDate: '2025-01-01' },
        { stage: 'reserve', date: today },
        today,
      ),
    ).toContain('恢复');
    expect(
      stageChangeRefusal(
        { stage: 'terminated', stageDate: '2025-01-01' },
        { stage: 'reserve', date: today, reason: '重新立项' },
        today,
      ),
    ).toBeNull();
    expect(
      stageChangeRefusal({ stage: 'started', stageDate: null }, { stage: 'started', date: today }, today),
    ).toContain('已处于');
  });
});
