import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { ParsedRow, ParseResult, RowIssue } from './workbook.js';

/**
 * `all-or-nothing` (default): nothing is written when any row is wrong, and the answer is 400 with every row's
 * problems. `valid-rows`: the user accepted explicitly that the good rows are written and the bad ones reported.
 */
export type ImportMode = 'all-or-nothing' | 'valid-rows';

/** What an import answers. */
export interface ImportOutcome {
  mode: ImportMode;
  /** Data rows in the file. */
  rows: number;
  /** Records written. */
  written: number;
  /** Rows not written because they had problems. */
  rejected: number;
  issues: RowIssue[];
}

/** How {@link ImportApply} must finish: keep every valid row, keep them only if all are valid, or keep none. */
export type ImportCommit = 'valid' | 'all' | 'none';

/**
 * Validates and writes the parsed rows in sheet order inside ONE transaction, returning the problems found
 * (row, column, reason; use `ParseResult.issueAt`). Use {@link importTransaction} to honour `commit`.
 */
export type ImportApply<T> = (
  rows: ParsedRow<T>[],
  commit: ImportCommit,
) => Promise<{ written: number; issues: RowIssue[] }>;

class RollbackImport extends Error {
  constructor(readonly issues: RowIssue[]) {
    super('import rolled back');
  }
}

/**
 * Runs `fn` in a transaction and keeps its writes according to `commit`: `valid` always, `all` only when `fn`
 * found no issue, `none` never (a dry run that still reports every issue, so a file is checked in one pass).
 *
 * @example
 * return importTransaction(db, commit, async (trx) => {
 *   const issues: RowIssue[] = []; let written = 0;
 *   for (const r of rows) { … issues.push(parsed.issueAt(r.row, 'generatedT', '…')) or write and written++ }
 *   return { written, issues };
 * });
 */
export async function importTransaction(
  db: Kysely<Database>,
  commit: ImportCommit,
  fn: (trx: Transaction<Database>) => Promise<{ written: number; issues: RowIssue[] }>,
): Promise<{ written: number; issues: RowIssue[] }> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await fn(trx);
      if (commit === 'none' || (commit === 'all' && result.issues.length > 0))
        throw new RollbackImport(result.issues);
      return result;
    });
  } catch (e) {
    if (e instanceof RollbackImport) return { written: 0, issues: e.issues };
    throw e;
  }
}

const byRow = (a: RowIssue, b: RowIssue) => a.row - b.row || a.column.localeCompare(b.column);

/** Builds the error of a rejected file: the first problem in the message, every problem in `details`. */
export function importError(issues: RowIssue[], written = 0): AppError {
  const sorted = [...issues].sort(byRow);
  const first = sorted[0];
  const where = first
    ? first.row === 0
      ? first.reason
      : `第 ${first.row} 行${first.column ? ` ${first.column} 列（${first.header}）` : ''}：${first.reason}`
    : '文件无效';
  const tail = written === 0 ? '未写入任何数据 / nothing was written' : `已写入 ${written} 条`;
  return new AppError('EXCEL_IMPORT_INVALID', `${where}；共 ${sorted.length} 处错误，${tail}`, sorted);
}

/**
 * Settles an upload with the requested mode: rejects an unusable file, checks every row (parse problems and
 * the feature's own rules) and writes nothing in `all-or-nothing` mode unless all rows are good, or writes the
 * good rows in `valid-rows` mode and reports the others.
 *
 * @throws {AppError} EXCEL_IMPORT_INVALID (400) with every issue in `details` when the file is refused.
 */
export async function settleImport<T>(
  parsed: ParseResult<T>,
  mode: ImportMode,
  apply: ImportApply<T>,
): Promise<ImportOutcome> {
  if (!parsed.ok) throw importError(parsed.issues);
  if (parsed.rowCount === 0)
    throw importError([{ row: 0, column: '', header: '', reason: '文件中没有数据行 / no data rows' }]);
  if (mode === 'all-or-nothing') {
    const result = await apply(parsed.rows, parsed.issues.length ? 'none' : 'all');
    const issues = [...parsed.issues, ...result.issues];
    if (issues.length) throw importError(issues);
    return { mode, rows: parsed.rowCount, written: result.written, rejected: 0, issues: [] };
  }
  const result = await apply(parsed.rows, 'valid');
  const issues = [...parsed.issues, ...result.issues].sort(byRow);
  return {
    mode,
    rows: parsed.rowCount,
    written: result.written,
    rejected: new Set(issues.map((i) => i.row)).size,
    issues,
  };
}
