/**
 * Excel in and out, for any feature: describe a sheet once with {@link defineSheet}, then
 * - `buildTemplate(spec)` — the workbook to download (instructions, headers, example row, drop-down lists);
 * - `parseWorkbook(spec, buffer)` — typed rows plus `{ row, column, header, reason }` for every bad cell;
 * - `settleImport(parsed, mode, apply)` with `importTransaction` — all-or-nothing or valid-rows semantics;
 * - `exportWorkbook(spec, rows, { filters })` — a list in the same layout, with the filters applied written down;
 * - `registerXlsxParser`, `uploadedWorkbook`, `sendXlsx`, `ImportQuery` — the HTTP side (raw .xlsx body).
 */
export { ImportQuery, registerXlsxParser, sendXlsx, uploadedWorkbook } from './http.js';
export {
  type ImportApply,
  type ImportCommit,
  type ImportMode,
  type ImportOutcome,
  importError,
  importTransaction,
  settleImport,
} from './import.js';
export {
  type ColumnSpec,
  columnLetter,
  defineSheet,
  type EnumOption,
  type RowOf,
  type SheetSpec,
} from './sheet-spec.js';
export {
  buildTemplate,
  cellText,
  exportWorkbook,
  type ParsedRow,
  type ParseResult,
  parseWorkbook,
  type RowIssue,
  XLSX_MIME,
} from './workbook.js';
