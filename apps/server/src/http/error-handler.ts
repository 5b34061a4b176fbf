import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

interface AjvIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword?: string;
}

/** Turns an ajv issue into `{ path, message }` with the field named, e.g. `body/creditCode`. */
function describeIssue(context: string, issue: AjvIssue): { path: string; message: string } {
  let path = `${context}${issue.instancePath ?? ''}`;
  const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
  if (typeof extra === 'string') path = `${path}/${extra}`;
  let message = issue.message ?? 'is invalid';
  if (issue.keyword === 'additionalProperties') message = 'is not a known field';
  return { path, message };
}

/** One error shape for the whole API: `{ error: { code, message, details } }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
    if (fe.validation) {
      const details = fe.validation.map((i) => describeIssue(fe.validationContext ?? 'body', i));
      const first = details[0];
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: first
            ? `请求字段不合法 / invalid field ${first.path}: ${first.message}`
            : 'invalid request',
          details,
        },
      });
    }
    if (fe.statusCode === 413) {
      return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: fe.message } });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors (bad JSON, wrong content type…) keep their status and message.
      return reply
        .status(fe.statusCode)
        .send({ error: { code: 'VALIDATION_FAILED', message: `请求不合法 / bad request: ${fe.message}` } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: '服务器内部错误 / internal error' } });
  });
}
