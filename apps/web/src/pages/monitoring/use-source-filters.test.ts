import type { MonitoringSource } from '@ecep/contract';
import { describe, expect, it } from 'vitest';
import { matchesFilters, NO_STANDARD, type SourceFilters } from './use-source-filters';

const source = (over: Partial<MonitoringSource>): MonitoringSource => ({
  mn: 'M1',
  name: '1号炉废气排放口',
  st: '31',
  disabled: false,
  isDemo: false,
  enterpriseId: 'e1',
  enterpriseName: '太原焦化有限公司',
  regionCode: '140105',
  cityCode: '140100',
  cityName: '太原市',
  industryCode: '25',
  industryName: '石油、煤炭及其他燃料加工业',
  industrySection: 'C',
  longitude: 112.5,
  latitude: 37.8,
  standardProfile: 'GB13223-2011-ultra-low',
  expectedIntervalS: 60,
  connected: true,
  online: true,
  lastPacketAt: null,
  lastDataTime: null,
  openAlarms: 0,
  status: 'online',
  ...over,
});
const none: SourceFilters = {
  city: undefined,
  industry: undefined,
  standard: undefined,
  status: undefined,
  q: '',
  view: 'table',
};

describe('source filters', () => {
  it('matches a city, an industry section or division, a standard and a search text', () => {
    const s = source({});
    expect(matchesFilters(s, { ...none, city: '140100' })).toBe(true);
    expect(matchesFilters(s, { ...none, city: '140200' })).toBe(false);
    expect(matchesFilters(s, { ...none, industry: 'C' })).toBe(true);
    expect(matchesFilters(s, { ...none, industry: '25' })).toBe(true);
    expect(matchesFilters(s, { ...none, industry: 'D' })).toBe(false);
    expect(matchesFilters(s, { ...none, standard: 'GB8978-1996-grade-1' })).toBe(false);
    expect(matchesFilters(s, { ...none, q: '焦化' })).toBe(true);
    expect(matchesFilters(s, { ...none, q: 'm1' })).toBe(true);
    expect(matchesFilters(s, { ...none, q: '电厂' })).toBe(false);
  });

  it('filters by status unless counting the population the counters describe', () => {
    const offline = source({ online: false, status: 'offline' });
    expect(matchesFilters(offline, { ...none, status: 'online' })).toBe(false);
    expect(matchesFilters(offline, { ...none, status: 'online' }, true)).toBe(true);
  });

  it('matches a source without a standard by the 未设置 option only', () => {
    const unset = source({ standardProfile: null });
    expect(matchesFilters(unset, { ...none, standard: NO_STANDARD })).toBe(true);
    expect(matchesFilters(unset, { ...none, standard: 'GB13223-2011-ultra-low' })).toBe(false);
    expect(matchesFilters(source({}), { ...none, standard: NO_STANDARD })).toBe(false);
  });
});
