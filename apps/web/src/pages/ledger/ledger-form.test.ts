import { ApiError, type SolidWasteEntry } from '@ecep/contract';
import { describe, expect, it } from 'vitest';
import {
  entryToFormValues,
  fieldOf,
  ledgerFormErrors,
  toCorrectionPayload,
  toCreatePayload,
} from './ledger-form';

const entry: SolidWasteEntry = {
  id: '7f4f3a0e-0000-4000-8000-000000000001',
  enterpriseId: '7f4f3a0e-0000-4000-8000-0000000000e1',
  enterpriseName: '示例电厂',
  enterpriseCreditCode: '91140100000000000X',
  regionCode: '140105',
  wasteType: 'fly_ash',
  wasteTypeName: '粉煤灰',
  catalogCode: 'S02',
  periodType: 'month',
  period: '2025-03',
  version: 2,
  openingStockT: '500',
  generatedT: '100',
  utilizedT: '70',
  utilizedFromStockT: '10',
  routes: {
    buildingMaterialsT: '70',
    powerT: '0',
    backfillT: '0',
    roadBaseT: '0',
    landReclamationT: '0',
    otherUseT: '0',
  },
  disposedT: '10',
  storedT: '30',
  closingStockT: '520',
  note: '',
  reason: '更正产生量',
  recordedBy: 'enterprise',
  recordedAt: '2026-01-01T00:00:00.000Z',
  isDemo: false,
};

describe('ledger entry form mapping', () => {
  it('sends quantities as exact decimal strings and leaves blank stocks and routes out', () => {
    const body = toCreatePayload({
      enterpriseId: entry.enterpriseId,
      wasteType: 'fly_ash',
      period: '2025-04',
      openingStockT: null,
      generatedT: '1000.125',
      utilizedT: 800,
      utilizedFromStockT: '',
      routes: { buildingMaterialsT: '800', powerT: null },
      disposedT: '0',
      storedT: '200.125',
      closingStockT: undefined,
      note: '  ',
    });
    expect(body).toEqual({
      enterpriseId: entry.enterpriseId,
      wasteType: 'fly_ash',
      period: '2025-04',
      generatedT: '1000.125',
      utilizedT: '800',
      routes: { buildingMaterialsT: '800' },
      disposedT: '0',
      storedT: '200.125',
    });
  });

  it('starts a correction from the current numbers but lets the server recompute the closing stock', () => {
    const values = entryToFormValues(entry);
    expect(values.closingStockT).toBeNull();
    const body = toCorrectionPayload({ ...values, storedT: '40', generatedT: '110', reason: ' 漏记 ' }, 2);
    expect(body.baseVersion).toBe(2);
    expect(body.reason).toBe('漏记');
    expect(body.storedT).toBe('40');
    expect(body.openingStockT).toBe('500');
    expect('closingStockT' in body).toBe(false);
    expect(body.routes?.buildingMaterialsT).toBe('70');
  });
});

describe('ledger form errors', () => {
  it('maps server fields and schema paths to form fields', () => {
    expect(fieldOf('generatedT')).toBe('generatedT');
    expect(fieldOf('routes.powerT')).toEqual(['routes', 'powerT']);
    expect(fieldOf('body/routes/backfillT')).toEqual(['routes', 'backfillT']);
    expect(fieldOf('routes')).toBe('utilizedT');
    expect(fieldOf('body/period')).toBe('period');
    expect(fieldOf('somethingElse')).toBeNull();
  });

  it('puts a balance mismatch next to its field with the numbers that differ', () => {
    const err = new ApiError(400, 'LEDGER_BALANCE_MISMATCH', '产生量 100 t ≠ …', [
      {
        field: 'generatedT',
        message: '产生量 100 t ≠ … = 90 t（相差 10 t）',
        numbers: { generatedT: '100', accountedT: '90', differenceT: '10' },
      },
      {
        field: 'closingStockT',
        message: '期末贮存量 5 t ≠ …',
        numbers: { closingStockT: '5', expectedClosingStockT: '530', previousPeriod: '2025-02' },
      },
    ]);
    const mapped = ledgerFormErrors(err);
    expect(mapped.general).toBeNull();
    expect(mapped.fields.map((f) => f.name)).toEqual(['generatedT', 'closingStockT']);
    expect(mapped.problems[0]?.numbers).toEqual([
      { label: '产生量', value: '100 t' },
      { label: '利用 − 往年贮存 + 处置 + 贮存', value: '90 t' },
      { label: '相差', value: '10 t' },
    ]);
    expect(mapped.problems[1]?.numbers).toContainEqual({ label: '上期', value: '2025-02' });
  });

  it('shows what it cannot place as a general message', () => {
    const mapped = ledgerFormErrors(
      new ApiError(404, 'ENTERPRISE_NOT_FOUND', '没有编号为 x 的企业', { field: 'x' }),
    );
    expect(mapped.fields).toEqual([]);
    expect(mapped.general).toContain('ENTERPRISE_NOT_FOUND');
    expect(ledgerFormErrors(new Error('network down')).general).toBe('network down');
  });
});
