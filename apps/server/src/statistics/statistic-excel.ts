import type { StatisticInput, StatisticValue } from '@ecep/contract';
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../lib/load-workbook.js';
import { STATISTIC_INDICATORS, STATISTIC_PERIODS, STATISTIC_STATUSES } from './indicators.js';

/** One column of the statistics sheet: header, the field it fills, and how a cell is read. */
const COLUMNS = [
  { header: '地区代码', field: 'regionCode', width: 12, required: true },
  { header: '地区名称', field: 'regionName', width: 12, required: false },
  { header: '年份', field: 'year', width: 8, required: true },
  { header: '期别', field: 'period', width: 8, required: false },
  { header: '指标代码', field: 'indicator', width: 34, required: true },
  { header: '指标名称', field: 'indicatorName', width: 26, required: false },
  { header: '数值', field: 'value', width: 14, required: true },
  { header: '单位', field: 'unit', width: 14, required: false },
  { header: '价格基年', field: 'priceBase', width: 10, required: false },
  { header: '状态', field: 'status', width: 12, required: false },
  { header: '来源', field: 'source', width: 28, required: true },
  { header: '备注', field: 'note', width: 24, required: false },
] as const;

const letter = (i: number) => String.fromCharCode(65 + i);
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface RowIssue {
  row: number;
  column: string;
  header: string;
  reason: string;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString();
  }
  return String(v).trim();
}

/** The workbook users download, fill and upload: an instructions sheet, the data sheet and the indicator list. */
export async function statisticTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECEP';
  const help = wb.addWorksheet('填写说明');
  const lines = [
    '地区统计数据导入模板（ECEP 节能环保监管平台）',
    '1. 在“数据”工作表中每行填写一个数值；第 2 行是示例，可删除。',
    '2. 地区代码为 GB/T 2260 六位代码；年份四位；期别 Y=全年、H1=上半年、Q1–Q4=季度（年初至本季累计），空白视为 Y。',
    '3. 指标代码见“指标目录”；数值按目录中的单位填写；单位列可留空，填写时须与目录一致。',
    '4. 可比价 GDP 等指标须填写价格基年（如 2005、2015）。状态：preliminary 初步数 / final 最终核实数 / revised 修订数。',
    '5. 上传时逐行校验；默认任何一行有误则整份文件不写入，并列出每个错误的行、列和原因。',
  ];
  lines.forEach((l, i) => {
    help.getCell(i + 1, 1).value = l;
  });
  help.getColumn(1).width = 110;
  help.getCell(1, 1).font = { bold: true, size: 13 };
  const ws = wb.addWorksheet('数据');
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    const cell = ws.getCell(1, i + 1);
    cell.value = c.required ? `${c.header}*` : c.header;
    cell.font = { bold: true };
  });
  ws.addRow([
    '140100',
    '太原市',
    2025,
    'Y',
    'energy_total_10k_tce',
    '能源消费总量',
    3200.5,
    '10k tce',
    '',
    'final',
    '示例：太原统计年鉴',
    '示例行，可删除',
  ]);
  ws.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };
  const list = (values: readonly string[]) => `"${values.join(',')}"`;
  for (let r = 2; r <= 2000; r++) {
    ws.getCell(r, 4).dataValidation = { type: 'list', allowBlank: true, formulae: [list(STATISTIC_PERIODS)] };
    ws.getCell(r, 10).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [list(STATISTIC_STATUSES)],
    };
    ws.getCell(r, 5).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`指标目录!$A$2:$A$${STATISTIC_INDICATORS.length + 1}`],
    };
  }
  const cat = wb.addWorksheet('指标目录');
  cat.addRow(['指标代码', '指标名称', '单位', '说明']).font = { bold: true };
  for (const i of STATISTIC_INDICATORS) cat.addRow([i.code, i.nameZh, i.unit, i.description]);
  cat.getColumn(1).width = 36;
  cat.getColumn(2).width = 28;
  cat.getColumn(3).width = 22;
  cat.getColumn(4).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reads the data sheet into statistics inputs, with the sheet row of each, or the problems of each row
 * (row number, column letter and header, reason). The example row is skipped when left in.
 */
export async function parseStatisticWorkbook(
  data: Buffer,
): Promise<
  | { ok: true; rows: Array<{ row: number; input: StatisticInput }>; issues: RowIssue[] }
  | { ok: false; issues: RowIssue[] }
> {
  const wb = await loadWorkbook(data);
  if (!wb) {
    return {
      ok: false,
      issues: [
        { row: 0, column: '', header: '', reason: '不是有效的 Excel（.xlsx）文件 / not an .xlsx workbook' },
      ],
    };
  }
  const ws =
    wb.getWorksheet('数据') ?? wb.worksheets.find((w) => w.name !== '填写说明' && w.name !== '指标目录');
  if (!ws)
    return {
      ok: false,
      issues: [{ row: 0, column: '', header: '', reason: '找不到“数据”工作表 / no data sheet' }],
    };
  const headerIndex = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headerIndex.set(cellText(cell.value).replace(/\*$/, ''), col));
  const missingHeaders = COLUMNS.filter((c) => c.required && !headerIndex.has(c.header));
  if (missingHeaders.length) {
    return {
      ok: false,
      issues: missingHeaders.map((c) => ({
        row: 1,
        column: '',
        header: c.header,
        reason: `缺少列“${c.header}” / missing column`,
      })),
    };
  }
  const rows: Array<{ row: number; input: StatisticInput }> = [];
  const issues: RowIssue[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (field: (typeof COLUMNS)[number]['field']) => {
      const c = COLUMNS.find((x) => x.field === field);
      const col = c ? headerIndex.get(c.header) : undefined;
      return {
        text: col ? cellText(row.getCell(col).value) : '',
        column: col ? letter(col - 1) : '',
        header: c?.header ?? field,
      };
    };
    const values = COLUMNS.map((c) => get(c.field).text);
    if (values.every((v) => v === '')) return;
    if (get('note').text === '示例行，可删除') return;
    const problem = (field: (typeof COLUMNS)[number]['field'], reason: string) => {
      const g = get(field);
      issues.push({ row: rowNumber, column: g.column, header: g.header, reason });
    };
    const before = issues.length;
    for (const c of COLUMNS)
      if (c.required && get(c.field).text === '') problem(c.field, `“${c.header}”必填 / required`);
    const region = get('regionCode').text;
    if (region && !/^\d{6}$/.test(region)) problem('regionCode', `应为六位行政区划代码，收到“${region}”`);
    const year = Number(get('year').text);
    if (get('year').text && !(Number.isInteger(year) && year >= 1990 && year <= 2100))
      problem('year', `应为 1990–2100 的年份，收到“${get('year').text}”`);
    const value = get('value').text;
    if (value && !/^-?\d+(\.\d+)?$/.test(value)) problem('value', `应为数字，收到“${value}”`);
    const period = get('period').text || 'Y';
    if (!(STATISTIC_PERIODS as readonly string[]).includes(period))
      problem('period', `期别应为 ${STATISTIC_PERIODS.join('/')}，收到“${period}”`);
    const status = get('status').text;
    if (status && !(STATISTIC_STATUSES as readonly string[]).includes(status))
      problem('status', `状态应为 ${STATISTIC_STATUSES.join('/')}，收到“${status}”`);
    const priceBase = get('priceBase').text;
    if (priceBase && !/^\d{4}$/.test(priceBase))
      problem('priceBase', `价格基年应为四位年份，收到“${priceBase}”`);
    if (issues.length > before) return;
    rows.push({
      row: rowNumber,
      input: {
        regionCode: region,
        year,
        period: period as StatisticInput['period'],
        indicator: get('indicator').text,
        value,
        source: get('source').text,
        ...(get('unit').text ? { unit: get('unit').text } : {}),
        ...(priceBase ? { priceBase } : {}),
        ...(status ? { status: status as StatisticInput['status'] } : {}),
        ...(get('note').text ? { note: get('note').text } : {}),
      },
    });
  });
  return { ok: true, rows, issues };
}

/** Maps a service issue (item index and field) back to the sheet row and column. */
export function issueAtRow(row: number, field: string, reason: string): RowIssue {
  const i = COLUMNS.findIndex((c) => c.field === field);
  return {
    row,
    column: i >= 0 ? letter(i) : '',
    header: i >= 0 ? (COLUMNS[i]?.header ?? field) : field,
    reason,
  };
}

/** Current values as a workbook in the same layout as the template, so an export can be edited and re-imported. */
export async function statisticExport(items: StatisticValue[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    ws.getCell(1, i + 1).value = c.header;
    ws.getCell(1, i + 1).font = { bold: true };
  });
  for (const v of items) {
    ws.addRow([
      v.regionCode,
      v.regionName,
      v.year,
      v.period,
      v.indicator,
      v.indicatorName,
      Number(v.value),
      v.unit,
      v.priceBase ?? '',
      v.status,
      v.source,
      v.note,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
