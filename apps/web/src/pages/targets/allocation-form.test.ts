import { ApiError } from '@ecep/contract';
import { describe, expect, it } from 'vitest';
import type { AllocationItem } from '../../lib/targets-api';
import { allocationFormErrors, rowsOf, toAllocationInput } from './allocation-form';

const item = (
  regionCode: string,
  changePct: string | null,
  extra: Partial<AllocationItem> = {},
): AllocationItem => ({
  regionCode,
  regionName: regionCode,
  version: 1,
  changePct,
  targetValue: null,
  weightValue: null,
  weightBasis: null,
  note: '',
  enteredBy: 'province',
  enteredAt: '2026-01-01T00:00:00+08:00',
  ...extra,
});
const base = { planId: 'p', targetCode: 'energy_intensity', parentCode: '140000', level: 'region' as const };

describe('toAllocationInput', () => {
  it('sends only the rows that are new or changed, remembering which form row each came from', () => {
    const current = [item('140100', '-14.5'), item('140200', '-13.0')];
    const rows = [...rowsOf(current), { regionCode: '140300', changePct: -15, note: ' 新增 ' }];
    rows[1] = { ...rows[1], changePct: -13.5 };
    const { body, rowOf } = toAllocationInput(base, rows, current);
    expect(body.items).toEqual([
      { regionCode: '140200', changePct: -13.5 },
      { regionCode: '140300', changePct: -15, note: '新增' },
    ]);
    expect(rowOf).toEqual([1, 2]);
    expect(body.parentCode).toBe('140000');
  });

  it('sends nothing when every row is as it was (decimal strings equal to the numbers typed)', () => {
    const current = [item('140100', '-14.50', { weightValue: '1200', weightBasis: 'energy', note: 'x' })];
    const rows = [
      {
        regionCode: '140100',
        changePct: -14.5,
        weightValue: 1200,
        weightBasis: 'energy' as const,
        note: 'x',
      },
    ];
    expect(toAllocationInput(base, rows, current).body.items).toEqual([]);
  });

  it('gives a weight its basis, energy unless chosen otherwise', () => {
    const { body } = toAllocationInput(
      base,
      [{ regionCode: '140100', targetValue: 800, weightValue: 5 }],
      [],
    );
    expect(body.items[0]).toEqual({
      regionCode: '140100',
      targetValue: 800,
      weightValue: 5,
      weightBasis: 'energy',
    });
  });
});

describe('allocationFormErrors', () => {
  it('puts the allocation rules’ complaints on the row and field they name', () => {
    const err = new ApiError(400, 'ALLOCATION_INVALID', '第 1 项 regionCode: …', [
      { index: 0, field: 'regionCode', message: '999999 不是 140000 的下级行政区' },
      { index: 1, field: 'changePct', message: '须给出降低率 changePct 或目标值 targetValue' },
    ]);
    const r = allocationFormErrors(err, [2, 4]);
    expect(r.fields).toEqual([
      { name: ['items', 2, 'regionCode'], errors: ['999999 不是 140000 的下级行政区'] },
      { name: ['items', 4, 'changePct'], errors: ['须给出降低率 changePct 或目标值 targetValue'] },
    ]);
    expect(r.general).toBeNull();
  });

  it('puts schema errors under body/items on their row, translated, and keeps the rest general', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', '请求字段不合法', [
      { path: 'body/items/0/changePct', message: 'must be <= 100' },
      { path: 'body/planId', message: 'must be string' },
    ]);
    const r = allocationFormErrors(err, [3]);
    expect(r.fields).toHaveLength(1);
    expect(r.fields[0]?.name).toEqual(['items', 3, 'changePct']);
    expect(r.fields[0]?.errors[0]).toMatch(/^不能大于 100/);
    expect(r.general).toMatch(/VALIDATION_FAILED/);
  });

  it('keeps an error without details general', () => {
    const r = allocationFormErrors(new ApiError(403, 'REGION_OUT_OF_SCOPE', '140000 不在您的管辖范围'), []);
    expect(r.fields).toEqual([]);
    expect(r.general).toMatch(/不在您的管辖范围/);
  });
});
