import type { ConsumptionItem, EnergyMeter, EnergyPeriodTotal } from '@ecep/contract';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  completenessLevel,
  countSlots,
  dayRange,
  energyColumns,
  groupMetersByEnterprise,
  lastKnownSlot,
  loadSlots,
  monthRange,
  shanghaiDay,
} from './energy-model';

const item = (time: string, value: string | null, marks: string[] = []): ConsumptionItem => ({
  periodStart: `2026-11-24T${time}:00+08:00`,
  period: `2026-11-24T${time}`,
  consumptionPhysical: value,
  unit: 'kWh',
  energyTce: value === null ? null : '0.1000',
  slotsExpected: 1,
  slotsWithConsumption: value === null ? 0 : 1,
  complete: value !== null && !marks.includes('gap-span'),
  gap: value === null || marks.includes('gap-span'),
  marks,
});

const meter = (enterpriseId: string, enterpriseName: string, energyCode: string, active = true) =>
  ({ enterpriseId, enterpriseName, regionCode: '140105', energyCode, active }) as EnergyMeter;

describe('Shanghai dates', () => {
  it('puts an instant after 16:00 UTC on the next Shanghai day', () => {
    expect(shanghaiDay(Date.parse('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(shanghaiDay(Date.parse('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
  });

  it('moves days and months across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('ends a day range at the midnight after the last day, in Shanghai time', () => {
    expect(dayRange('2026-11-01', '2026-11-30')).toEqual({
      from: '2026-11-01T00:00:00+08:00',
      to: '2026-12-01T00:00:00+08:00',
    });
    expect(monthRange('2026-01', '2026-12').to).toBe('2027-01-01T00:00:00+08:00');
  });
});

describe('loadSlots', () => {
  const endOfDay = Date.parse('2026-11-25T00:00:00+08:00');

  it('gives the 96 quarter hours of the day, labelled in Shanghai time', () => {
    const slots = loadSlots('2026-11-24', [], endOfDay);
    expect(slots).toHaveLength(96);
    expect(slots[0]?.time).toBe('00:00');
    expect(slots[41]?.time).toBe('10:15');
    expect(slots[95]?.time).toBe('23:45');
  });

  it('marks a slot without consumption as a gap and a resumed slot as carrying the gap span', () => {
    const slots = loadSlots(
      '2026-11-24',
      [item('10:00', '5.5'), item('10:15', null, ['gap']), item('10:30', '12', ['gap-span'])],
      endOfDay,
    );
    expect(slots[40]).toMatchObject({ state: 'ok', value: 5.5 });
    expect(slots[41]).toMatchObject({ state: 'gap', value: null });
    expect(slots[42]).toMatchObject({ state: 'gap-span', value: 12 });
  });

  it('counts ended slots the answer left out as gaps but slots not yet ended as pending', () => {
    const now = Date.parse('2026-11-24T10:20:00+08:00');
    const slots = loadSlots('2026-11-24', [item('10:00', '5')], now);
    expect(slots[39]?.state).toBe('gap');
    expect(slots[40]?.state).toBe('ok');
    // 10:15–10:30 is still running at 10:20.
    expect(slots[41]?.state).toBe('pending');
    expect(countSlots(slots)).toEqual({ ok: 1, 'gap-span': 0, gap: 40, pending: 55 });
  });

  it('keeps reset and rollover marks on an otherwise measured slot', () => {
    const slots = loadSlots('2026-11-24', [item('00:00', '3', ['reset'])], endOfDay);
    expect(slots[0]).toMatchObject({ state: 'ok', marks: ['reset'] });
  });

  it('finds the latest slot with a known consumption', () => {
    const slots = loadSlots(
      '2026-11-24',
      [item('01:00', '1'), item('02:00', '2'), item('02:15', null)],
      endOfDay,
    );
    expect(lastKnownSlot(slots)?.time).toBe('02:00');
    expect(lastKnownSlot(loadSlots('2026-11-24', [], endOfDay))).toBeNull();
  });
});

describe('completenessLevel', () => {
  it('tells a passing day, a failed closed day and today still filling apart', () => {
    expect(completenessLevel({ ok: true, closed: true })).toBe('ok');
    expect(completenessLevel({ ok: true, closed: false })).toBe('ok');
    expect(completenessLevel({ ok: false, closed: true })).toBe('low');
    expect(completenessLevel({ ok: false, closed: false })).toBe('open');
  });
});

describe('groupMetersByEnterprise', () => {
  it('counts meters, active meters and distinct energies per enterprise', () => {
    const groups = groupMetersByEnterprise([
      meter('b', '乙化工', 'electricity'),
      meter('a', '甲焦化', 'raw-coal'),
      meter('b', '乙化工', 'natural-gas', false),
      meter('b', '乙化工', 'electricity'),
    ]);
    // 甲 (jiǎ) sorts before 乙 (yǐ) in Chinese order.
    expect(groups.map((g) => g.enterpriseId)).toEqual(['a', 'b']);
    const b = groups.find((g) => g.enterpriseId === 'b');
    expect(b).toMatchObject({ meters: 3, activeMeters: 2, energyCodes: ['electricity', 'natural-gas'] });
  });
});

describe('energyColumns', () => {
  const period = (name: string, energies: Array<[string, string, string]>): EnergyPeriodTotal => ({
    period: name,
    byEnergy: energies.map(([energyCode, nameZh, unit]) => ({
      energyCode,
      nameZh,
      unit,
      consumptionPhysical: '1.000',
      energyTce: '0.1000',
    })),
    totalTce: '0.1000',
    complete: true,
    explain: { formula: 'Σ', inputs: {} },
  });

  it('lists each energy and unit once across periods, even when a period lacks some', () => {
    const cols = energyColumns([
      period('2026-10', [['raw-coal', '原煤', 't']]),
      period('2026-11', [
        ['electricity', '电力', 'kWh'],
        ['raw-coal', '原煤', 't'],
      ]),
    ]);
    expect(cols.map((c) => c.key)).toEqual(['electricity|kWh', 'raw-coal|t']);
  });

  it('keeps one energy metered in two units as two columns', () => {
    const cols = energyColumns([
      period('2026-11', [
        ['heat', '热力', 'GJ'],
        ['heat', '热力', 'MJ'],
      ]),
    ]);
    expect(cols.map((c) => c.unit)).toEqual(['GJ', 'MJ']);
  });
});
