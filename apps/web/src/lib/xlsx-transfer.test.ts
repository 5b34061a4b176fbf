import { ApiError } from '@ecep/contract';
import { describe, expect, it } from 'vitest';
import { fileNameOf, importIssuesOf } from './xlsx-transfer';

describe('xlsx transfer helpers', () => {
  it('prefers the UTF-8 file name of a download and falls back to the plain one', () => {
    const both = `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent('工业固废台账.xlsx')}`;
    expect(fileNameOf(both, 'x.xlsx')).toBe('工业固废台账.xlsx');
    expect(fileNameOf('attachment; filename="ledger.xlsx"', 'x.xlsx')).toBe('ledger.xlsx');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
  });

  it('reads every row issue of a refused import and nothing from other errors', () => {
    const err = new ApiError(400, 'EXCEL_IMPORT_INVALID', '第 3 行 …', [
      { row: 3, column: 'F', header: '产生量（吨）', reason: '产生量 ≠ …' },
      { row: 0, column: '', header: '', reason: '文件中没有数据行' },
    ]);
    expect(importIssuesOf(err)).toEqual([
      { row: 3, column: 'F', header: '产生量（吨）', reason: '产生量 ≠ …' },
      { row: 0, column: '', header: '', reason: '文件中没有数据行' },
    ]);
    expect(importIssuesOf(new ApiError(400, 'LEDGER_BALANCE_MISMATCH', 'x', { field: 'a' }))).toEqual([]);
    expect(importIssuesOf(new Error('x'))).toEqual([]);
  });
});
