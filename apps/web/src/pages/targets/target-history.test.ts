import { describe, expect, it } from 'vitest';
import type { HistoryEntry, TargetEvaluation } from '../../lib/targets-api';
import { chartNumber, evaluationHistoryKeys, historyVersions } from './target-history';

const ev = (code: string, targetYear: number, completionPct: string | null): TargetEvaluation =>
  ({
    code,
    targetYear,
    completionPct,
    actualChangePct: '-9.01',
    actualValue: null,
    status: 'behind',
    statusZh: '进度滞后',
  }) as unknown as TargetEvaluation;
const snap = (computedAt: string, result: unknown, digest = computedAt): HistoryEntry => ({
  computedAt,
  digest,
  result,
});
const isIntensity2025 = (e: TargetEvaluation) => e.code === 'energy_intensity' && e.targetYear === 2025;

describe('historyVersions', () => {
  it('merges the keys oldest first and makes a version only when this target’s result changed', () => {
    const own = [
      snap('2026-03-02T10:00:00+08:00', [ev('energy_intensity', 2025, '70.00')]),
      snap('2026-03-01T10:00:00+08:00', [ev('energy_intensity', 2025, '60.24')]),
    ];
    const all = [
      // the same result as the plan's own key: not a new version
      snap('2026-03-01T11:00:00+08:00', [ev('energy_intensity', 2025, '60.24'), ev('so2', 2025, '1')]),
      // another target changed only
      snap('2026-03-01T12:00:00+08:00', [ev('energy_intensity', 2025, '60.24'), ev('so2', 2025, '2')]),
    ];
    const v = historyVersions([own, all], isIntensity2025);
    expect(v.map((x) => [x.version, x.evaluation.completionPct, x.computedAt])).toEqual([
      [1, '60.24', '2026-03-01T10:00:00+08:00'],
      [2, '70.00', '2026-03-02T10:00:00+08:00'],
    ]);
    expect(v[0]?.computedBy).toBeNull();
  });

  it('skips snapshots without the target and results that are not lists', () => {
    const v = historyVersions(
      [
        [
          snap('2026-01-01T00:00:00+08:00', [ev('energy_intensity', 2020, '1')]),
          snap('2026-01-02T00:00:00+08:00', { rows: [] }),
        ],
      ],
      isIntensity2025,
    );
    expect(v).toEqual([]);
  });

  it('keeps who computed a result when the server says', () => {
    const v = historyVersions(
      [
        [
          {
            ...snap('2026-01-01T00:00:00+08:00', [ev('energy_intensity', 2025, '1')]),
            computedBy: 'province',
          },
        ],
      ],
      isIntensity2025,
    );
    expect(v[0]?.computedBy).toBe('province');
  });
});

describe('evaluationHistoryKeys and chartNumber', () => {
  it('names the plan’s own key and the all-plans key of a region and year', () => {
    expect(evaluationHistoryKeys('140000', 'demo', 2025)).toEqual(['140000/demo/2025', '140000/*/2025']);
  });

  it('turns decimal strings into numbers and blanks into gaps', () => {
    expect([chartNumber('-9.01'), chartNumber(null), chartNumber(''), chartNumber('n/a')]).toEqual([
      -9.01,
      null,
      null,
      null,
    ]);
  });
});
