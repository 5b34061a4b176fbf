import { describe, expect, it } from 'vitest';
import { expectCalcError } from './test-helpers.js';
import { intensityWarningLevel, totalWarningLevel, warningLevel } from './warning-level.js';

describe('intensityWarningLevel', () => {
  it('is level 1 (red) when intensity rose', () => {
    const r = intensityWarningLevel(0.76, -3);
    expect(r.level).toBe(1);
    expect(r.color).toBe('red');
    expect(r.labelZh).toBe('一级预警');
  });

  it('is level 2 (yellow) when intensity fell by less than required', () => {
    expect(intensityWarningLevel(-2.1, -3.0).level).toBe(2);
  });

  it('is level 2 when intensity did not change at all', () => {
    expect(intensityWarningLevel(0, -3).level).toBe(2);
    expect(intensityWarningLevel('0.00', 0).level).toBe(2);
  });

  it('is level 3 (green) when intensity fell by exactly the required rate', () => {
    expect(intensityWarningLevel(-3.0, -3.0).level).toBe(3);
  });

  it('is level 3 when intensity fell by more than required', () => {
    expect(intensityWarningLevel(-3.5, '-3').level).toBe(3);
  });

  it('explains which parts of the rule are inferred', () => {
    expect(intensityWarningLevel(0, -3).explain.notes?.join(' ')).toContain('Inferred');
  });

  it('puts exactly the seven provinces whose intensity rose in 2020 at level 1', () => {
    // 2020 bulletin (万元GDP能耗 ±%), with a uniform −3 % requirement for the fixture.
    const bulletin2020: Array<[string, number]> = [
      ['北京', -9.18],
      ['天津', -3.07],
      ['河北', -3.01],
      ['山西', -2.88],
      ['内蒙古', 6.89],
      ['辽宁', 3.96],
      ['吉林', -1.57],
      ['黑龙江', -1.7],
      ['上海', -6.64],
      ['江苏', -3.1],
      ['浙江', 6.34],
      ['安徽', 2.03],
      ['福建', -1.83],
      ['江西', -2.27],
      ['山东', -2.41],
      ['河南', 0.76],
      ['湖北', -1.17],
      ['湖南', -1.98],
      ['广东', -1.16],
      ['广西', 1.05],
      ['海南', -3.12],
      ['重庆', -3.88],
      ['四川', -1.79],
      ['贵州', -2.45],
      ['云南', 2.71],
      ['陕西', -1.89],
      ['甘肃', -0.2],
      ['青海', -3.47],
      ['宁夏', -0.16],
      ['新疆', -0.7],
    ];
    const red = bulletin2020
      .filter(([, change]) => intensityWarningLevel(change, -3).level === 1)
      .map(([n]) => n);
    expect(red).toEqual(['内蒙古', '辽宁', '浙江', '安徽', '河南', '广西', '云南']);
  });

  it('rejects a positive requirement, which is a sign mistake', () => {
    expectCalcError(() => intensityWarningLevel(-2, 3), 'CALC_INVALID_INPUT', '/requiredIntensityChangePct');
  });
});

describe('totalWarningLevel', () => {
  it('is level 1 when energy grew faster than the limit, and marks the rule inferred', () => {
    const r = totalWarningLevel({ energyGrowthPct: 3.7, energyGrowthLimitPct: 2.5 });
    expect(r.level).toBe(1);
    expect(r.inferred).toBe(true);
  });

  it('is level 3 when growth is within the limit and the whole period has elapsed', () => {
    expect(totalWarningLevel({ energyGrowthPct: 2.5, energyGrowthLimitPct: 2.5 }).level).toBe(3);
  });

  it('is level 2 when the increment exceeds the time share of the allowance but not the allowance', () => {
    const r = totalWarningLevel(
      { energyIncrementTce: 15, incrementAllowanceTce: 26.6 },
      { elapsedShare: 0.5 },
    );
    expect(r.level).toBe(2);
    expect(r.measure).toBe('increment');
  });

  it('keeps Pingxiang 2017 (+20.26 of 26.6 万tce a year) at level 3', () => {
    expect(totalWarningLevel({ energyIncrementTce: 20.26, incrementAllowanceTce: 26.6 }).level).toBe(3);
  });

  it('requires both halves of a pair', () => {
    expectCalcError(
      () => totalWarningLevel({ energyGrowthPct: 1 }),
      'CALC_INVALID_INPUT',
      '/energyGrowthLimitPct',
    );
    expectCalcError(
      () => totalWarningLevel({ incrementAllowanceTce: 1 }, undefined, '/regions/2'),
      'CALC_INVALID_INPUT',
      '/regions/2/energyIncrementTce',
    );
  });

  it('rejects growth and increment inputs together', () => {
    expectCalcError(
      () =>
        totalWarningLevel({
          energyGrowthPct: 1,
          energyGrowthLimitPct: 2,
          energyIncrementTce: 1,
          incrementAllowanceTce: 2,
        }),
      'CALC_INVALID_INPUT',
      '/energyIncrementTce',
    );
  });

  it('rejects an elapsed share outside (0, 1]', () => {
    const input = { energyGrowthPct: 1, energyGrowthLimitPct: 2 };
    expectCalcError(
      () => totalWarningLevel(input, { elapsedShare: 0 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/totalRule/elapsedShare',
    );
    expectCalcError(
      () => totalWarningLevel(input, { elapsedShare: 1.5 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/totalRule/elapsedShare',
    );
  });
});

describe('warningLevel', () => {
  it('gives the intensity level alone when no total inputs are present', () => {
    const r = warningLevel({ code: '140000', intensityChangePct: -2.1, requiredIntensityChangePct: -3.0 });
    expect(r.intensityLevel).toBe(2);
    expect(r.totalLevel).toBeUndefined();
    expect(r.totalInferred).toBeUndefined();
  });

  it('adds the inferred total level when its inputs are present', () => {
    const r = warningLevel({
      code: '620000',
      intensityChangePct: -0.2,
      requiredIntensityChangePct: -3.0,
      energyGrowthPct: 3.7,
      energyGrowthLimitPct: 2.5,
    });
    expect([r.intensityLevel, r.totalLevel, r.totalInferred]).toEqual([2, 1, true]);
  });

  it('names the field inside the region in errors', () => {
    expectCalcError(
      () =>
        warningLevel(
          { code: 'x', intensityChangePct: 'up', requiredIntensityChangePct: -3 },
          undefined,
          '/regions/4',
        ),
      'CALC_INVALID_INPUT',
      '/regions/4/intensityChangePct',
    );
  });
});
