import { ExcelImportResult } from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import type { Access } from '../auth/access.js';
import { principalOf } from '../auth/auth.plugin.js';
import type { Principal } from '../auth/principal.js';
import {
  type ImportCommit,
  ImportQuery,
  type ParsedRow,
  parseWorkbook,
  type RowIssue,
  type RowOf,
  registerXlsxParser,
  type SheetSpec,
  sendXlsx,
  settleImport,
  uploadedWorkbook,
} from '../excel/index.js';

const IMPORT_DESCRIPTION =
  'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet. mode=all-or-nothing (default) or valid-rows.';

interface XlsxRouteDoc {
  url: string;
  access: Access;
  tags: string[];
  summary: string;
}

/** `GET` of a workbook template, sent as `asciiName` (and `zhName` for browsers that read RFC 5987). */
export function registerXlsxTemplateRoute(
  app: FastifyInstance,
  route: XlsxRouteDoc & { build: () => Promise<Buffer>; asciiName: string; zhName: string },
): void {
  app.get(
    route.url,
    { config: { access: route.access }, schema: { tags: route.tags, summary: route.summary } },
    async (_request, reply) => sendXlsx(reply, await route.build(), route.asciiName, route.zhName),
  );
}

/** Writes the parsed rows of an upload for the caller, as `settleImport` asks (see `ImportApply`). */
export type XlsxRowsApply<S extends SheetSpec> = (
  p: Principal,
  rows: ParsedRow<RowOf<S>>[],
  commit: ImportCommit,
  issueAt: (row: number, key: string, reason: string) => RowIssue,
) => Promise<{ written: number; issues: RowIssue[] }>;

/**
 * `POST` of a filled template as the raw .xlsx body (`?mode=all-or-nothing|valid-rows`), answered with
 * `ExcelImportResult`. Registered in its own encapsulated scope so that its body parser stays local.
 */
export function registerXlsxImportRoute<S extends SheetSpec>(
  app: FastifyInstance,
  route: XlsxRouteDoc & { description?: string; sheet: S; apply: XlsxRowsApply<S> },
): void {
  app.register(async (scope) => {
    registerXlsxParser(scope);
    scope.post(
      route.url,
      {
        config: { access: route.access },
        schema: {
          tags: route.tags,
          summary: route.summary,
          description: route.description ?? IMPORT_DESCRIPTION,
          querystring: ImportQuery,
          response: { 200: ExcelImportResult },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const { body, mode } = uploadedWorkbook(request);
        const parsed = await parseWorkbook(route.sheet, body);
        if (!parsed.ok) return settleImport(parsed, mode, async () => ({ written: 0, issues: [] }));
        return settleImport(parsed, mode, (rows, commit) => route.apply(p, rows, commit, parsed.issueAt));
      },
    );
  });
}
