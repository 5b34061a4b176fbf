import { ApiError } from '@ecep/contract';
import { describe, expect, it } from 'vitest';
import { hasCapacity, toUtilizerInput, utilizerFormErrors } from './utilizer-form';

const ENT = '0b0c0d0e-0000-4000-8000-000000000001';

describe('toUtilizerInput', () => {
  it('sends filled capacities as exact decimals and leaves blanks and empty texts out', () => {
    expect(
      toUtilizerInput({
        enterpriseId: ENT,
        capacities: { fly_ash: '300000', desulfurization_gypsum: '50000.5', red_mud: null, tailings: '' },
        products: ' 蒸压粉煤灰砖 ',
        certification: '',
        certifiedUntil: '2027-12-31',
      }),
    ).toEqual({
      enterpriseId: ENT,
      capacities: { fly_ash: '300000', desulfurization_gypsum: '50000.5' },
      products: '蒸压粉煤灰砖',
      certifiedUntil: '2027-12-31',
    });
  });

  it('sends no end date as null (valid without limit)', () => {
    expect(toUtilizerInput({ enterpriseId: ENT, capacities: { fly_ash: 1 } }).certifiedUntil).toBeNull();
  });

  it('knows whether any capacity is filled in', () => {
    expect(hasCapacity({ capacities: { fly_ash: null, red_mud: '' } })).toBe(false);
    expect(hasCapacity({ capacities: { red_mud: 0 } })).toBe(true);
  });
});

describe('utilizerFormErrors', () => {
  it('puts schema errors on the capacity of their waste type and on the date, translated', () => {
    const r = utilizerFormErrors(
      new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
        { path: 'body/capacities/fly_ash', message: 'must be >= 0' },
        { path: 'body/certifiedUntil', message: 'must match format "date"' },
      ]),
    );
    expect(r.fields.map((f) => f.name)).toEqual([['capacities', 'fly_ash'], ['certifiedUntil']]);
    expect(r.fields[0]?.errors[0]).toMatch(/^不能小于 0/);
    expect(r.general).toBeNull();
  });

  it('puts an unknown enterprise at the enterprise and an unknown waste type in general', () => {
    const notFound = utilizerFormErrors(new ApiError(404, 'ENTERPRISE_NOT_FOUND', '没有编号为 x 的企业'));
    expect(notFound.fields).toEqual([{ name: ['enterpriseId'], errors: ['没有编号为 x 的企业'] }]);
    const unknown = utilizerFormErrors(
      new ApiError(400, 'LEDGER_ENTRY_INVALID', 'capacities.glass: 未知的固废种类', {
        field: 'capacities.glass',
      }),
    );
    expect(unknown.fields).toEqual([]);
    expect(unknown.general).toMatch(/未知的固废种类/);
  });

  it('strips the field prefix of a business-rule message placed at its field', () => {
    const r = utilizerFormErrors(
      new ApiError(400, 'LEDGER_ENTRY_INVALID', 'capacities.fly_ash: 太大', { field: 'capacities.fly_ash' }),
    );
    expect(r.fields).toEqual([{ name: ['capacities', 'fly_ash'], errors: ['太大'] }]);
  });
});
