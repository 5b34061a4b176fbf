import type { ReportContent } from '@ecep/contract';
import { energyCoefficients } from '@ecep/core';
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../lib/load-workbook.js';

export interface ReportRowIssue {
  sheet: string;
  row: number;
  column: string;
  header: string;
  reason: string;
}

const ENERGY_COLUMNS = [
  { header: '能源代码', key: 'energyCode', required: true },
  { header: '能源名称', key: 'name', required: false },
  { header: '计量单位', key: 'unit', required: true },
  { header: '期初库存', key: 'openingStock', required: false },
  { header: '购进量', key: 'purchased', required: true },
  { header: '消费量', key: 'consumed', required: true },
  { header: '外供量', key: 'outputToOthers', required: false },
  { header: '期末库存', key: 'closingStock', required: false },
] as const;
const PRODUCT_COLUMNS = [
  { header: '产品名称', key: 'name', required: true },
  { header: '计量单位', key: 'unit', required: true },
  { header: '产量', key: 'output', required: true },
] as const;

const letter = (i: number) => String.fromCharCode(65 + i);

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v) return text(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v).trim();
}

/** The 能源利用状况 workbook: energy rows, products and the output value, with the energy code list. */
export async function reportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const energy = wb.addWorksheet('能源');
  energy.addRow(ENERGY_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header))).font = { bold: true };
  energy.addRow(['raw-coal', '原煤', 't', 5000, 120000, 118000, 0, 7000]);
  energy.addRow(['electricity', '电力', '10^4 kWh', '', 3600, 3600, '', '']);
  energy.columns.forEach((c) => {
    c.width = 14;
  });
  const products = wb.addWorksheet('产品');
  products.addRow(PRODUCT_COLUMNS.map((c) => `${c.header}*`)).font = { bold: true };
  products.addRow(['焦炭', 't', 80000]);
  const other = wb.addWorksheet('产值');
  other.addRow(['工业总产值（可比价，万元）', 96000]);
  other.addRow(['备注', '']);
  const codes = wb.addWorksheet('能源代码');
  codes.addRow(['能源代码', '名称', '折标系数单位']).font = { bold: true };
  for (const e of energyCoefficients) codes.addRow([e.code, e.nameZh, e.unit]);
  codes.getColumn(1).width = 28;
  codes.getColumn(2).width = 20;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function numberCell(raw: string): number | null {
  if (raw === '') return null;
  return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
}

/** Reads a filled report workbook; every wrong cell is reported with sheet, row, column and reason. */
export async function parseReportWorkbook(
  data: Buffer,
): Promise<{ ok: true; content: ReportContent } | { ok: false; issues: ReportRowIssue[] }> {
  const wb = await loadWorkbook(data);
  if (!wb) {
    return {
      ok: false,
      issues: [
        { sheet: '', row: 0, column: '', header: '', reason: '不是有效的 .xlsx 文件 / not a workbook' },
      ],
    };
  }
  const issues: ReportRowIssue[] = [];
  const energySheet = wb.getWorksheet('能源');
  if (!energySheet)
    return {
      ok: false,
      issues: [{ sheet: '能源', row: 0, column: '', header: '', reason: '缺少“能源”工作表' }],
    };
  const known = new Set(energyCoefficients.map((e) => e.code));
  const energy: ReportContent['energy'] = [];
  energySheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = ENERGY_COLUMNS.map((_, i) => text(row.getCell(i + 1).value));
    if (cells.every((c) => c === '')) return;
    const before = issues.length;
    const problem = (i: number, reason: string) =>
      issues.push({
        sheet: '能源',
        row: n,
        column: letter(i),
        header: ENERGY_COLUMNS[i]?.header ?? '',
        reason,
      });
    ENERGY_COLUMNS.forEach((c, i) => {
      if (c.required && cells[i] === '') problem(i, `“${c.header}”必填`);
    });
    if (cells[0] && !known.has(cells[0])) problem(0, `未知能源代码“${cells[0]}”，见“能源代码”工作表`);
    const nums = cells.map((c, i) => (i >= 3 ? numberCell(c) : null));
    nums.forEach((v, i) => {
      if (v !== null && (Number.isNaN(v) || v < 0)) problem(i, `应为不小于 0 的数字，收到“${cells[i]}”`);
    });
    if (issues.length > before) return;
    const opt = (i: number) => (nums[i] === null ? undefined : (nums[i] as number));
    energy.push({
      energyCode: cells[0] as string,
      unit: cells[2] as string,
      purchased: nums[4] as number,
      consumed: nums[5] as number,
      ...(opt(3) !== undefined ? { openingStock: opt(3) } : {}),
      ...(opt(6) !== undefined ? { outputToOthers: opt(6) } : {}),
      ...(opt(7) !== undefined ? { closingStock: opt(7) } : {}),
    });
  });
  if (energy.length === 0 && issues.length === 0)
    issues.push({ sheet: '能源', row: 2, column: 'A', header: '能源代码', reason: '至少填写一种能源' });
  const products: NonNullable<ReportContent['products']> = [];
  wb.getWorksheet('产品')?.eachRow((row, n) => {
    if (n === 1) return;
    const cells = PRODUCT_COLUMNS.map((_, i) => text(row.getCell(i + 1).value));
    if (cells.every((c) => c === '')) return;
    const output = numberCell(cells[2] as string);
    if (!cells[0] || !cells[1]) {
      issues.push({
        sheet: '产品',
        row: n,
        column: cells[0] ? 'B' : 'A',
        header: cells[0] ? '计量单位' : '产品名称',
        reason: '必填',
      });
    } else if (output === null || Number.isNaN(output) || output <= 0) {
      issues.push({
        sheet: '产品',
        row: n,
        column: 'C',
        header: '产量',
        reason: `应为大于 0 的数字，收到“${cells[2]}”`,
      });
    } else products.push({ name: cells[0], unit: cells[1], output });
  });
  const valueCell = text(wb.getWorksheet('产值')?.getCell(1, 2).value ?? null);
  const outputValue = numberCell(valueCell);
  if (outputValue !== null && (Number.isNaN(outputValue) || outputValue <= 0)) {
    issues.push({
      sheet: '产值',
      row: 1,
      column: 'B',
      header: '工业总产值',
      reason: `应为大于 0 的数字，收到“${valueCell}”`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const note = text(wb.getWorksheet('产值')?.getCell(2, 2).value ?? null);
  return {
    ok: true,
    content: {
      energy,
      ...(products.length ? { products } : {}),
      ...(outputValue ? { outputValue10kYuan: outputValue } : {}),
      ...(note ? { note } : {}),
    },
  };
}
