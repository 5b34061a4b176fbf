import { describe, expect, it } from 'vitest';
import { canAllocate, regionPrefix, targetText, unitZh } from './targets-api';

describe('target text', () => {
  it('states an intensity cap with its unit, year and reduction', () => {
    expect(
      targetText({ targetYear: 2015, targetValue: '1.877', targetChangePct: '-16.00', unit: 'tce/10k yuan' }),
    ).toBe('2015年 ≤ 1.877 tce/万元（−16.00%）');
  });

  it('states a floor for a target that must rise', () => {
    expect(
      targetText({ targetYear: 2015, targetValue: '75', changePct: null, unit: '%', direction: 'at_least' }),
    ).toBe('2015年 ≥ 75 %');
  });

  it('states a reduction against the base when no value is given', () => {
    expect(
      targetText({ targetYear: 2025, targetValue: null, targetChangePct: '-14.50', unit: 'tce/10k yuan' }),
    ).toBe('2025年 较基期 −14.50%');
  });

  it('writes the plans’ units in Chinese', () => {
    expect(unitZh('10k t')).toBe('万t');
    expect(unitZh('t CO2/10k yuan')).toBe('t CO2/万元');
    expect(unitZh('10k mu')).toBe('万亩');
    expect(unitZh('100m yuan')).toBe('亿元');
  });
});

describe('who may edit an allocation', () => {
  it('lets province and city administrators allocate below a region of theirs only', () => {
    expect(canAllocate({ role: 'province_admin', regionCode: '140000' }, '140100')).toBe(true);
    expect(canAllocate({ role: 'city_admin', regionCode: '140100' }, '140100')).toBe(true);
    expect(canAllocate({ role: 'city_admin', regionCode: '140100' }, '140000')).toBe(false);
    expect(canAllocate({ role: 'city_admin', regionCode: '140100' }, '140200')).toBe(false);
    expect(canAllocate({ role: 'county_admin', regionCode: '140105' }, '140105')).toBe(false);
    expect(canAllocate({ role: 'auditor', regionCode: '140000' }, '140000')).toBe(false);
  });

  it('scopes by the prefix of province, city and county codes', () => {
    expect([
      regionPrefix('140000'),
      regionPrefix('140100'),
      regionPrefix('140105'),
      regionPrefix(null),
    ]).toEqual(['14', '1401', '140105', '']);
  });
});
