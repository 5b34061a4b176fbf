import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.js';
import type { ImportMode } from './import.js';
import { XLSX_MIME } from './workbook.js';

/**
 * Uploads arrive as the raw request body with `Content-Type: application/vnd.openxmlformats-officedocument.
 * spreadsheetml.sheet` (no multipart, no base64). Call this inside an encapsulated plugin
 * (`app.register(async (scope) => { registerXlsxParser(scope); scope.post(…) })`) so that features do not
 * clash over the content type.
 */
export function registerXlsxParser(scope: FastifyInstance, bodyLimit = 20 * 1024 * 1024): void {
  scope.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit }, (_req, body, done) =>
    done(null, body),
  );
}

/** Query string of every import route. */
export const ImportQuery = Type.Object({
  mode: Type.Optional(
    Type.Union([Type.Literal('all-or-nothing'), Type.Literal('valid-rows')], {
      description:
        'all-or-nothing (default): nothing written if any row is wrong (400 with every row error); valid-rows: write the good rows, report the bad',
    }),
  ),
});

/** The uploaded workbook of a request, or EXCEL_IMPORT_INVALID when the body is not an .xlsx upload. */
export function uploadedWorkbook(request: FastifyRequest): { body: Buffer; mode: ImportMode } {
  if (!Buffer.isBuffer(request.body)) {
    throw new AppError(
      'EXCEL_IMPORT_INVALID',
      `请以 Content-Type: ${XLSX_MIME} 上传 .xlsx 文件本身 / upload the file as the body`,
      [],
    );
  }
  return { body: request.body, mode: (request.query as { mode?: ImportMode }).mode ?? 'all-or-nothing' };
}

/** Sends a workbook as a download named `asciiName` (and `zhName` for browsers that read RFC 5987). */
export function sendXlsx(reply: FastifyReply, data: Buffer, asciiName: string, zhName: string): FastifyReply {
  return reply
    .header('content-type', XLSX_MIME)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(zhName)}`,
    )
    .send(data);
}
