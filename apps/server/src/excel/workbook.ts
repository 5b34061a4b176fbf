import ExcelJS from 'exceljs';
import { type ColumnSpec, columnLetter, type EnumOption, type RowOf, type SheetSpec } from './sheet-spec.js';

/** The MIME type of an .xlsx workbook; uploads arrive as the raw request body of this type. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const INSTRUCTIONS_SHEET = '填写说明';
const OPTIONS_SHEET = '代码表';
const EXAMPLE_NOTE = '示例行：上传时若未修改将被忽略，可删除 / example row, ignored when left unchanged';
const TEMPLATE_ROWS = 1000;

/** One problem of an uploaded sheet: sheet row (1-based), column letter, header text and the reason. */
export interface RowIssue {
  row: number;
  /** Column letter in the uploaded sheet (`C`), or '' when the problem is not of one column. */
  column: string;
  /** Header of the column (`产生量（吨）`), or '' when the problem is not of one column. */
  header: string;
  reason: string;
}

/** A parsed data row with the sheet row it came from. */
export interface ParsedRow<T> {
  row: number;
  values: T;
}

/** What {@link parseWorkbook} returns. `ok: false` when the file itself is unusable (not xlsx, headers missing). */
export type ParseResult<T> =
  | {
      ok: true;
      /** Rows whose every cell was well formed. */
      rows: ParsedRow<T>[];
      /** Cell problems of the other rows (one row may have several). */
      issues: RowIssue[];
      /** Data rows read (good + bad, blank and unchanged example rows not counted). */
      rowCount: number;
      /** Where a field sits in the uploaded sheet, for issues found later (by the service). */
      issueAt: (row: number, key: string, reason: string) => RowIssue;
    }
  | { ok: false; issues: RowIssue[] };

function optionList(c: ColumnSpec): readonly EnumOption[] {
  return c.kind === 'enum' ? c.options : [];
}

/** Plain text of a cell, whatever ExcelJS made of it (formula result, rich text, hyperlink, date). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v).trim();
}

function exampleText(c: ColumnSpec): string {
  if (c.example === undefined) return '';
  if (c.kind === 'boolean' && typeof c.example === 'boolean') return c.example ? '是' : '否';
  if (c.kind === 'enum') {
    const o = c.options.find((x) => x.code === c.example || x.label === c.example);
    return o?.label ?? String(c.example);
  }
  return String(c.example);
}

function kindNote(c: ColumnSpec): string {
  switch (c.kind) {
    case 'text':
      return c.maxLength ? `文本，至多 ${c.maxLength} 字` : '文本';
    case 'integer':
      return `整数${c.min !== undefined ? `，≥ ${c.min}` : ''}${c.max !== undefined ? `，≤ ${c.max}` : ''}`;
    case 'decimal':
      return `数字${c.min !== undefined ? `，≥ ${c.min}` : ''}`;
    case 'date':
      return '日期 YYYY-MM-DD';
    case 'enum':
      return `从下拉列表选择（见“${OPTIONS_SHEET}”）`;
    case 'boolean':
      return '是 / 否';
    case 'list':
      return '可填多项，用顿号“、”或逗号分隔';
  }
}

/**
 * Builds the workbook users download, fill and upload: an instructions sheet (each column with its format),
 * the data sheet (bold headers, `*` on required ones, one italic example row, drop-down lists for enumeration
 * columns) and a code sheet with the choices of every enumeration.
 *
 * @example
 * const buf = await buildTemplate(defineSheet({ sheetName: '项目', title: '重点项目导入模板', columns: [
 *   { key: 'name', header: '项目名称', kind: 'text', required: true, example: '示例项目' },
 * ] }));
 */
export async function buildTemplate(spec: SheetSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECEP';
  const help = wb.addWorksheet(INSTRUCTIONS_SHEET);
  const lines = [
    `${spec.title}（ECEP 节能环保监管平台）`,
    `1. 在“${spec.sheetName}”工作表中每行填写一条记录；第 2 行是示例（灰色斜体），未修改时上传会被忽略，也可删除。`,
    '2. 带 * 的列必填；列的顺序可调整，但表头文字不可修改。',
    '3. 上传时逐行校验，错误按“行、列、原因”列出；默认任何一行有误则整份文件不写入（mode=all-or-nothing），也可选择只写入正确的行（mode=valid-rows）。',
    ...(spec.instructions ?? []),
    '',
    '各列说明：',
    ...spec.columns.map(
      (c, i) =>
        `${columnLetter(i + 1)} ${c.header}${c.required ? '（必填）' : ''}：${kindNote(c)}${c.note ? `；${c.note}` : ''}`,
    ),
  ];
  lines.forEach((l, i) => {
    help.getCell(i + 1, 1).value = l;
  });
  help.getColumn(1).width = 120;
  help.getCell(1, 1).font = { bold: true, size: 13 };

  const ws = wb.addWorksheet(spec.sheetName);
  const enumColumns = spec.columns.filter((c) => c.kind === 'enum');
  const opts = enumColumns.length ? wb.addWorksheet(OPTIONS_SHEET) : undefined;
  const ranges = new Map<string, string>();
  enumColumns.forEach((c, j) => {
    if (!opts) return;
    const col = j + 1;
    opts.getCell(1, col).value = c.header;
    opts.getCell(1, col).font = { bold: true };
    opts.getColumn(col).width = Math.max(14, c.header.length * 2 + 2);
    optionList(c).forEach((o, k) => {
      opts.getCell(k + 2, col).value = o.label;
    });
    const letter = columnLetter(col);
    ranges.set(c.key, `'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${optionList(c).length + 1}`);
  });

  spec.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? Math.max(10, c.header.length * 2 + 4);
    // Text cells stay text: Excel would otherwise turn 2025-03 into a date or drop a code's leading zeros.
    if (c.kind === 'text' || c.kind === 'list') ws.getColumn(i + 1).numFmt = '@';
    const cell = ws.getCell(1, i + 1);
    cell.value = c.required ? `${c.header}*` : c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  if (spec.columns.some((c) => c.example !== undefined)) {
    spec.columns.forEach((c, i) => {
      const text = exampleText(c);
      if (text === '') return;
      ws.getCell(2, i + 1).value = c.kind === 'integer' || c.kind === 'decimal' ? Number(text) : text;
    });
    ws.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };
    ws.getCell(2, 1).note = EXAMPLE_NOTE;
  }
  spec.columns.forEach((c, i) => {
    const range = ranges.get(c.key);
    const formulae = range !== undefined ? [range] : c.kind === 'boolean' ? ['"是,否"'] : undefined;
    if (!formulae) return;
    for (let r = 2; r <= TEMPLATE_ROWS; r++) {
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉列表中选择 / choose from the list`,
        formulae,
      };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Reads one cell against its column; `value` is undefined when the cell is wrong (reason says why). */
function readCell(
  c: ColumnSpec,
  raw: ExcelJS.CellValue,
): { value: unknown; reason?: undefined } | { value?: undefined; reason: string } {
  const text =
    raw instanceof Date
      ? `${raw.getUTCFullYear()}-${pad2(raw.getUTCMonth() + 1)}-${pad2(raw.getUTCDate())}`
      : cellText(raw);
  if (text === '') {
    if (c.required) return { reason: `“${c.header}”必填 / required` };
    return { value: c.kind === 'list' ? [] : null };
  }
  switch (c.kind) {
    case 'text': {
      if (c.maxLength !== undefined && text.length > c.maxLength)
        return { reason: `超过 ${c.maxLength} 字（${text.length} 字）/ longer than ${c.maxLength}` };
      if (c.pattern && !c.pattern.regex.test(text))
        return { reason: `应为${c.pattern.expected}，收到“${text}” / expected ${c.pattern.expected}` };
      return { value: text };
    }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : Number(text);
      if (!/^-?\d+(\.0+)?$/.test(typeof raw === 'number' ? String(raw) : text) || !Number.isSafeInteger(n))
        return { reason: `应为整数，收到“${text}” / expected a whole number` };
      if (c.min !== undefined && n < c.min)
        return { reason: `应不小于 ${c.min}，收到 ${n} / below ${c.min}` };
      if (c.max !== undefined && n > c.max)
        return { reason: `应不大于 ${c.max}，收到 ${n} / above ${c.max}` };
      return { value: n };
    }
    case 'decimal': {
      // Numbers typed in Excel come as JS numbers; their shortest form is what the user typed.
      const s = typeof raw === 'number' ? String(raw) : text.replace(/,/g, '');
      if (!/^-?\d+(\.\d+)?$/.test(s)) return { reason: `应为数字，收到“${text}” / expected a number` };
      if (c.min !== undefined && Number(s) < c.min)
        return { reason: `应不小于 ${c.min}，收到 ${s} / must be ≥ ${c.min}` };
      return { value: s.replace(/^(-?)0+(?=\d)/, '$1') };
    }
    case 'date': {
      if (raw instanceof Date) {
        // Excel stores dates without a zone; ExcelJS reads them as UTC midnight.
        return {
          value: `${raw.getUTCFullYear()}-${pad2(raw.getUTCMonth() + 1)}-${pad2(raw.getUTCDate())}`,
        };
      }
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
      if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3])))
        return { reason: `应为日期 YYYY-MM-DD，收到“${text}” / expected a date` };
      return { value: `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}` };
    }
    case 'enum': {
      const o = c.options.find((x) => x.label === text || x.code === text);
      if (!o)
        return {
          reason: `应为 ${c.options.map((x) => x.label).join('/')} 之一，收到“${text}” / not one of the choices`,
        };
      return { value: o.code };
    }
    case 'boolean': {
      if (['是', 'true', 'TRUE', 'Y', 'y', '1'].includes(text)) return { value: true };
      if (['否', 'false', 'FALSE', 'N', 'n', '0'].includes(text)) return { value: false };
      return { reason: `应为“是”或“否”，收到“${text}” / expected 是 or 否` };
    }
    case 'list':
      return {
        value: text
          .split(/[、,，;；\n]/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
  }
}

/**
 * Reads the data sheet of an uploaded workbook against `spec`. Headers are found by their text (a trailing `*`
 * is ignored), so reordered columns still read; blank rows and an unchanged example row are skipped. Every bad
 * cell is reported with its sheet row, column letter, header and reason.
 *
 * @example
 * const parsed = await parseWorkbook(spec, body);
 * if (parsed.ok && parsed.issues.length === 0) save(parsed.rows.map((r) => r.values));
 */
export async function parseWorkbook<S extends SheetSpec>(
  spec: S,
  data: Buffer,
): Promise<ParseResult<RowOf<S>>> {
  const wb = new ExcelJS.Workbook();
  const fileIssue = (reason: string): ParseResult<RowOf<S>> => ({
    ok: false,
    issues: [{ row: 0, column: '', header: '', reason }],
  });
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return fileIssue('不是有效的 Excel（.xlsx）文件 / not an .xlsx workbook');
  }
  const ws =
    wb.getWorksheet(spec.sheetName) ??
    wb.worksheets.find((w) => w.name !== INSTRUCTIONS_SHEET && w.name !== OPTIONS_SHEET);
  if (!ws) return fileIssue(`找不到“${spec.sheetName}”工作表 / no data sheet`);

  const headerCol = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    headerCol.set(cellText(cell.value).replace(/\s*\*$/, ''), col);
  });
  const missing = spec.columns.filter((c) => c.required && !headerCol.has(c.header));
  if (missing.length) {
    return {
      ok: false,
      issues: missing.map((c) => ({
        row: 1,
        column: '',
        header: c.header,
        reason: `缺少列“${c.header}” / missing column`,
      })),
    };
  }
  const where = (key: string): { column: string; header: string } => {
    const c = spec.columns.find((x) => x.key === key);
    const col = c ? headerCol.get(c.header) : undefined;
    return { column: col ? columnLetter(col) : '', header: c?.header ?? '' };
  };
  const issueAt = (row: number, key: string, reason: string): RowIssue => ({ row, ...where(key), reason });

  const examples = spec.columns.map(exampleText);
  const maxRows = spec.maxRows ?? 10_000;
  const rows: ParsedRow<RowOf<S>>[] = [];
  const issues: RowIssue[] = [];
  let rowCount = 0;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const raws = spec.columns.map((c) => {
      const col = headerCol.get(c.header);
      return col ? row.getCell(col).value : null;
    });
    const texts = raws.map((v) => (v instanceof Date ? v.toISOString() : cellText(v)));
    if (texts.every((t) => t === '')) continue;
    if (
      r === 2 &&
      texts.every(
        (t, i) => t === examples[i] || (t !== '' && Number(t) === Number(examples[i]) && examples[i] !== ''),
      )
    )
      continue;
    rowCount++;
    if (rowCount > maxRows) {
      return fileIssue(`超过 ${maxRows} 行，请拆分文件 / more than ${maxRows} rows`);
    }
    const values: Record<string, unknown> = {};
    let bad = false;
    spec.columns.forEach((c, i) => {
      const read = readCell(c, raws[i] ?? null);
      if (read.reason !== undefined) {
        bad = true;
        issues.push(issueAt(r, c.key, read.reason));
      } else values[c.key] = read.value;
    });
    if (!bad) rows.push({ row: r, values: values as RowOf<S> });
  }
  return { ok: true, rows, issues, rowCount, issueAt };
}

function exportCell(c: ColumnSpec, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  switch (c.kind) {
    case 'enum':
      return c.options.find((o) => o.code === v)?.label ?? String(v);
    case 'boolean':
      return v ? '是' : '否';
    case 'list':
      return Array.isArray(v) ? v.join('、') : String(v);
    case 'decimal':
    case 'integer': {
      const n = Number(v);
      return Number.isFinite(n) ? n : String(v);
    }
    default:
      return String(v);
  }
}

/**
 * Writes a list as a workbook in the layout of `spec` (so an export can be edited and imported again), plus a
 * `筛选条件` sheet naming the filters the list was made with, and any `extraColumns` (read-only computed values
 * such as a status or a rate) to the right of the spec's columns.
 *
 * @example
 * await exportWorkbook(spec, rows, { filters: { 年份: '2024' }, extraColumns: [{ header: '状态', value: (r) => r.status }] });
 */
export async function exportWorkbook<T extends object>(
  spec: SheetSpec,
  rows: readonly T[],
  options: {
    filters?: Record<string, string | number | boolean | null | undefined>;
    extraColumns?: ReadonlyArray<{ header: string; width?: number; value: (row: T) => ExcelJS.CellValue }>;
  } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECEP';
  const ws = wb.addWorksheet(spec.sheetName);
  const extra = options.extraColumns ?? [];
  spec.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? Math.max(10, c.header.length * 2 + 4);
    ws.getCell(1, i + 1).value = c.header;
    ws.getCell(1, i + 1).font = { bold: true };
  });
  extra.forEach((x, j) => {
    const col = spec.columns.length + j + 1;
    ws.getColumn(col).width = x.width ?? Math.max(10, x.header.length * 2 + 4);
    ws.getCell(1, col).value = x.header;
    ws.getCell(1, col).font = { bold: true, color: { argb: 'FF666666' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    const rec = r as Record<string, unknown>;
    ws.addRow([...spec.columns.map((c) => exportCell(c, rec[c.key])), ...extra.map((x) => x.value(r))]);
  }
  const f = wb.addWorksheet('筛选条件');
  f.getColumn(1).width = 20;
  f.getColumn(2).width = 50;
  f.addRow([spec.title.replace(/导入模板$/, ''), `共 ${rows.length} 行`]).font = { bold: true };
  const filters = Object.entries(options.filters ?? {}).filter(
    ([, v]) => v !== undefined && v !== null && v !== '',
  );
  if (filters.length === 0) f.addRow(['筛选条件', '无（全部可见记录）']);
  for (const [k, v] of filters) f.addRow([k, String(v)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
