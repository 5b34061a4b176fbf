import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { settleImport } from './import.js';
import { defineSheet } from './sheet-spec.js';
import { buildTemplate, exportWorkbook, parseWorkbook } from './workbook.js';

const spec = defineSheet({
  sheetName: '数据',
  title: '测试导入模板',
  columns: [
    { key: 'name', header: '名称', kind: 'text', required: true, maxLength: 10, example: '示例' },
    { key: 'massT', header: '数量（吨）', kind: 'decimal', required: true, min: 0, example: 12.5 },
    { key: 'year', header: '年份', kind: 'integer', min: 2000, max: 2100, example: 2024 },
    {
      key: 'type',
      header: '类别',
      kind: 'enum',
      required: true,
      options: [
        { code: 'coal_gangue', label: '煤矸石' },
        { code: 'fly_ash', label: '粉煤灰' },
      ],
      example: 'fly_ash',
    },
    { key: 'day', header: '日期', kind: 'date' },
    { key: 'units', header: '单位', kind: 'list' },
    { key: 'certified', header: '认定', kind: 'boolean' },
  ],
});

async function fill(template: Buffer, rows: ExcelJS.CellValue[][], startRow = 3): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('数据');
  if (!ws) throw new Error('no data sheet');
  rows.forEach((r, i) => {
    ws.getRow(startRow + i).values = r;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Excel sheet helpers', () => {
  it('builds a template with starred required headers, an example row, drop-down lists and instructions', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplate(spec)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('数据');
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      '名称*',
      '数量（吨）*',
      '年份',
      '类别*',
      '日期',
      '单位',
      '认定',
    ]);
    expect(ws?.getCell('D2').value).toBe('粉煤灰');
    expect(ws?.getCell('A2').note).toBeTruthy();
    expect(ws?.getCell('D5').dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'代码表'!$A$2:$A$3"],
    });
    expect(ws?.getCell('G5').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(wb.getWorksheet('代码表')?.getColumn(1).values).toEqual([undefined, '类别', '煤矸石', '粉煤灰']);
    const help = wb.getWorksheet('填写说明')?.getColumn(1).values.join('\n') ?? '';
    expect(help).toContain('B 数量（吨）（必填）：数字，≥ 0');
  });

  it('parses good rows into typed values and skips the untouched example row and blank rows', async () => {
    const template = await buildTemplate(spec);
    const body = await fill(template, [
      ['甲', 1000.25, 2025, '煤矸石', new Date(Date.UTC(2025, 2, 1)), '省工信厅、省发改委', '是'],
      [],
      ['乙', '7', '', 'fly_ash', '2025/4/9', '', 'N'],
    ]);
    const parsed = await parseWorkbook(spec, body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.issues).toEqual([]);
    expect(parsed.rowCount).toBe(2);
    expect(parsed.rows).toEqual([
      {
        row: 3,
        values: {
          name: '甲',
          massT: '1000.25',
          year: 2025,
          type: 'coal_gangue',
          day: '2025-03-01',
          units: ['省工信厅', '省发改委'],
          certified: true,
        },
      },
      {
        row: 5,
        values: {
          name: '乙',
          massT: '7',
          year: null,
          type: 'fly_ash',
          day: '2025-04-09',
          units: [],
          certified: false,
        },
      },
    ]);
  });

  it('reports every bad cell with its row, column letter, header and reason', async () => {
    const body = await fill(await buildTemplate(spec), [
      ['名称太长了超过十个字的名称', -1, 1999, '赤泥', '2025-02-30', '', '也许'],
      ['', 'abc', 2024.5, '煤矸石', '', '', ''],
    ]);
    const parsed = await parseWorkbook(spec, body);
    if (!parsed.ok) throw new Error('expected a readable file');
    expect(parsed.rows).toEqual([]);
    expect(parsed.issues.map((i) => `${i.row}${i.column}:${i.header}`)).toEqual([
      '3A:名称',
      '3B:数量（吨）',
      '3C:年份',
      '3D:类别',
      '3E:日期',
      '3G:认定',
      '4A:名称',
      '4B:数量（吨）',
      '4C:年份',
    ]);
    expect(parsed.issues[3]?.reason).toContain('煤矸石/粉煤灰');
  });

  it('finds columns by header text when the user reordered them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['类别', '数量（吨）', '名称']);
    ws.addRow(['粉煤灰', 'x', '丙']);
    const parsed = await parseWorkbook(spec, Buffer.from(await wb.xlsx.writeBuffer()));
    if (!parsed.ok) throw new Error('expected a readable file');
    expect(parsed.issues).toEqual([
      { row: 2, column: 'B', header: '数量（吨）', reason: expect.stringContaining('应为数字') },
    ]);
    expect(parsed.issueAt(2, 'name', 'x').column).toBe('C');
  });

  it('refuses a file that is not a workbook or lacks a required column', async () => {
    const notXlsx = await parseWorkbook(spec, Buffer.from('hello'));
    expect(notXlsx.ok).toBe(false);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('数据').addRow(['名称', '年份']);
    const missing = await parseWorkbook(spec, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(missing).toMatchObject({
      ok: false,
      issues: [
        { row: 1, header: '数量（吨）' },
        { row: 1, header: '类别' },
      ],
    });
  });

  it('exports rows in the template layout so that the export parses back to the same values', async () => {
    const rows = [
      {
        name: '甲',
        massT: '1000.25',
        year: 2025,
        type: 'coal_gangue',
        day: '2025-03-01',
        units: ['A', 'B'],
        certified: true,
        status: '已核',
      },
    ];
    const out = await exportWorkbook(spec, rows, {
      filters: { 年份: 2025, 类别: undefined },
      extraColumns: [{ header: '状态', value: (r) => r.status }],
    });
    const parsed = await parseWorkbook(spec, out);
    if (!parsed.ok) throw new Error('expected a readable file');
    const { status: _status, ...expected } = rows[0] as (typeof rows)[number];
    expect(parsed.rows.map((r) => r.values)).toEqual([expected]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    expect(wb.getWorksheet('数据')?.getCell('H2').value).toBe('已核');
    expect(wb.getWorksheet('筛选条件')?.getRow(2).values).toEqual([undefined, '年份', '2025']);
  });

  it('settles all-or-nothing by checking everything and writing nothing when a row is wrong', async () => {
    const body = await fill(await buildTemplate(spec), [
      ['甲', 1, 2025, '煤矸石'],
      ['乙', 'x', 2025, '煤矸石'],
      ['丙', 3, 2025, '煤矸石'],
    ]);
    const parsed = await parseWorkbook(spec, body);
    const commits: string[] = [];
    const apply = async (rows: Array<{ row: number; values: { name: string } }>, commit: string) => {
      commits.push(commit);
      const bad = rows.filter((r) => r.values.name === '丙');
      const issues = bad.map((r) => ({ row: r.row, column: 'A', header: '名称', reason: '重复' }));
      return { written: commit === 'none' ? 0 : rows.length - bad.length, issues };
    };
    const refused = await settleImport(parsed, 'all-or-nothing', apply).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('EXCEL_IMPORT_INVALID');
    expect((refused as AppError).details).toMatchObject([{ row: 4 }, { row: 5 }]);
    expect(commits).toEqual(['none']);
    const accepted = await settleImport(parsed, 'valid-rows', apply);
    expect(accepted).toMatchObject({ written: 1, rejected: 2, rows: 3 });
    expect(commits).toEqual(['none', 'valid']);
  });
});
