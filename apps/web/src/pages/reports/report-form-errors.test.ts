import { ApiError } from '@ecep/contract';
import { describe, expect, it } from 'vitest';
import { fieldPathOf, reportFormErrors } from './report-form-errors';

describe('reportFormErrors', () => {
  it('places a stock imbalance from the business rules on the closing stock of its row', () => {
    const err = new ApiError(400, 'REPORT_INVALID', '报表数据不平衡', [
      { index: 1, field: 'energy/1/closingStock', message: 'stock does not balance' },
    ]);
    const r = reportFormErrors(err);
    expect(r.fields).toEqual([{ name: ['energy', 1, 'closingStock'], errors: ['stock does not balance'] }]);
    expect(r.general).toBeNull();
  });

  it('places schema errors under body/content on the matching form field, translated', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
      { path: 'body/content/energy/0/purchased', message: 'must be >= 0' },
      { path: 'body/period', message: 'must match pattern "^[0-9]{4}$"' },
    ]);
    const r = reportFormErrors(err);
    expect(r.fields.map((f) => f.name)).toEqual([['energy', 0, 'purchased'], ['period']]);
    expect(r.fields[0]?.errors[0]).toMatch(/^不能小于 0/);
    expect(r.fields[1]?.errors[0]).toMatch(/^格式不正确/);
  });

  it('maps the engine’s own input names to the energy and amount columns', () => {
    expect(
      reportFormErrors(
        new ApiError(400, 'REPORT_INVALID', 'x', [{ field: 'energy/2/energy', message: 'unknown energy' }]),
      ).fields[0]?.name,
    ).toEqual(['energy', 2, 'energyCode']);
    expect(
      reportFormErrors(
        new ApiError(400, 'REPORT_INVALID', 'x', [{ field: 'energy/0/amount', message: 'bad' }]),
      ).fields[0]?.name,
    ).toEqual(['energy', 0, 'consumed']);
  });

  it('keeps an error that names no field of the form as a general message', () => {
    const err = new ApiError(409, 'REPORT_EXISTS', '该企业 2025 的报表已存在', { id: '7' });
    const r = reportFormErrors(err);
    expect(r.fields).toEqual([]);
    expect(r.general).toContain('REPORT_EXISTS');
  });

  it('shows a plain exception as a general message', () => {
    expect(reportFormErrors(new Error('network down'))).toEqual({ fields: [], general: 'network down' });
  });

  it('reads numeric path segments as list indexes', () => {
    expect(fieldPathOf('body/content/products/3/output')).toEqual(['products', 3, 'output']);
  });
});
