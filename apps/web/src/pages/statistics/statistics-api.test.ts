import { ApiError } from '@ecep/contract';
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './statistics-api';

describe('statistics field errors', () => {
  it('maps each refused field to its first message', () => {
    const err = new ApiError(400, 'STATISTIC_INVALID', 'x', [
      { index: 0, field: 'priceBase', message: '须注明价格基年' },
      { index: 0, field: 'value', message: '应为数值' },
      { index: 0, field: 'value', message: 'second' },
    ]);
    expect(fieldErrorsOf(err)).toEqual({ priceBase: '须注明价格基年', value: '应为数值' });
  });

  it('gives nothing for errors without details', () => {
    expect(fieldErrorsOf(new Error('boom'))).toEqual({});
    expect(fieldErrorsOf(new ApiError(500, 'INTERNAL', 'x'))).toEqual({});
  });
});
