import { ApiError, type ExcelImportResult } from '@ecep/contract';
import { call } from '../api';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function failure(res: Response): Promise<ApiError> {
  const text = await res.text();
  let body: { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return new ApiError(
    res.status,
    body?.error?.code ?? `HTTP_${res.status}`,
    body?.error?.message ?? (res.statusText || text.slice(0, 200)),
    body?.error?.details,
  );
}

/** The file name a download offers: the RFC 5987 name (Chinese) if present, else the plain one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Downloads an .xlsx the API builds (template or export) with the session cookie and saves it. */
export function downloadXlsx(path: string, fallbackName: string, query?: Query): Promise<void> {
  return call(() => download(path, fallbackName, query));
}

async function download(path: string, fallbackName: string, query?: Query): Promise<void> {
  const res = await fetch(withQuery(path, query), {
    credentials: 'same-origin',
    headers: { accept: XLSX_MIME },
  });
  if (!res.ok) throw await failure(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export type ImportMode = 'all-or-nothing' | 'valid-rows';

/**
 * Uploads a filled workbook as the raw request body (the API's import routes read the .xlsx itself).
 * A refused file (400 EXCEL_IMPORT_INVALID) throws an ApiError whose `details` lists every row issue.
 */
export function uploadXlsx(path: string, file: Blob, mode: ImportMode): Promise<ExcelImportResult> {
  return call(() => upload(path, file, mode));
}

async function upload(path: string, file: Blob, mode: ImportMode): Promise<ExcelImportResult> {
  const res = await fetch(withQuery(path, { mode }), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': XLSX_MIME, accept: 'application/json' },
    body: file,
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as ExcelImportResult;
}

export interface ImportIssue {
  row: number;
  column: string;
  header: string;
  reason: string;
}

/** The row issues of a refused import (`details` of EXCEL_IMPORT_INVALID), or none. */
export function importIssuesOf(err: unknown): ImportIssue[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  return (err.details as Array<Record<string, unknown>>)
    .filter((d) => typeof d.reason === 'string')
    .map((d) => ({
      row: typeof d.row === 'number' ? d.row : 0,
      column: typeof d.column === 'string' ? d.column : '',
      header: typeof d.header === 'string' ? d.header : '',
      reason: String(d.reason),
    }));
}
