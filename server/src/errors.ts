import type { FastifyError, FastifyInstance } from 'fastify';
import { DB_RETRY_AFTER_S, DB_UNAVAILABLE, isDbUnavailable } from './db/resilience';
import { validationMessageZh } from './validation-messages';

/** Every error a client can reach: a 4xx, a stable machine code, a zh-CN message, the field if any. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The risk engine decision behind a risk answer (RISK_STEP_UP / RISK_HELD / RISK_BLOCKED). */
    readonly decisionId?: string,
    /** Every problem found in a submitted document (a rule-set file), when there are several. */
    readonly problems?: string[],
  ) {
    super(message);
  }
}

export const notFound = (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在`);
export const conflict = (code: string, message: string, field?: string) => new AppError(409, code, message, field);
export const badRequest = (code: string, message: string, field?: string) => new AppError(400, code, message, field);

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  decisionId?: string;
  problems?: string[];
}

/** JSON-pointer-ish path of the failing field from an ajv error, e.g. "/amountFen" → "amountFen". */
function validationField(err: FastifyError): string | undefined {
  const first = err.validation?.[0];
  if (!first) return undefined;
  const params = first.params as Record<string, unknown>;
  const base = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  const path = [base, extra].filter(Boolean).join('.');
  return path || err.validationContext;
}

function validationMessage(err: FastifyError, field: string | undefined, routeUrl: string | undefined): string {
  // A malformed header is the app's fault, not the owner's: nothing on screen to fix.
  if (err.validationContext === 'headers') return '请求头格式不正确，请刷新页面后重试';
  return validationMessageZh(err.validation?.[0], field, routeUrl);
}

/**
 * Maps everything to `{code, message, field?}`. Client input (validation, bad JSON, wrong content
 * type, oversize body) is a 4xx; only a genuine server fault is a 500, and it is logged.
 */
export function registerErrorHandling(app: FastifyInstance, spaFallback?: (url: string) => boolean): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      const body: ErrorBody = { code: err.code, message: err.message };
      if (err.field) body.field = err.field;
      if (err.decisionId) body.decisionId = err.decisionId;
      if (err.problems) body.problems = err.problems;
      return reply.status(err.statusCode).send(body);
    }
    const fe = err as FastifyError;
    // The shared domain throws DomainError only for inputs it cannot compute with (an impossible
    // date, a malformed rate): on a request path that is the client's input, hence a 400.
    if (fe.name === 'DomainError' && typeof fe.code === 'string') {
      return reply.status(400).send({ code: fe.code, message: fe.message });
    }
    if (fe.validation) {
      const field = validationField(fe);
      const body: ErrorBody = { code: 'VALIDATION', message: validationMessage(fe, field, request.routeOptions.url) };
      if (field) body.field = field;
      return reply.status(400).send(body);
    }
    const status = fe.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    }
    if (status >= 400 && status < 500) {
      const known: Record<string, ErrorBody> = {
        FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以 JSON 格式提交' },
        FST_ERR_CTP_BODY_TOO_LARGE: { code: 'BODY_TOO_LARGE', message: '请求内容过大' },
        FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION', message: '请求内容不能为空' },
        FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', message: '请求内容不是合法的 JSON' },
      };
      const mapped = known[fe.code] ?? { code: 'BAD_REQUEST', message: '请求无法处理，请检查后重试' };
      if (fe.code === undefined && fe instanceof SyntaxError) mapped.code = 'MALFORMED_JSON';
      return reply.status(status).send(mapped);
    }
    // The database restarting, failing over or dropping connections is not a server fault: the
    // request can be retried in a moment (the pool reconnects by itself), so a 503, never a 500.
    if (isDbUnavailable(err)) {
      request.log.warn({ code: (err as { code?: string }).code, reason: err.message }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', String(DB_RETRY_AFTER_S))
        .send({ ...DB_UNAVAILABLE });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' });
  });

  app.setNotFoundHandler((request, reply) => {
    // The H5 app routes on the client: an unknown non-API GET gets its index.html.
    if (request.method === 'GET' && spaFallback?.(request.url)) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
  });
}

/** The shared error response schema, referenced by every route's 4xx responses in the OpenAPI document. */
export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    field: { type: 'string' },
    decisionId: { type: 'string', description: 'risk engine decision behind RISK_STEP_UP / RISK_HELD / RISK_BLOCKED' },
    problems: { type: 'array', items: { type: 'string' }, description: 'every problem in a refused document' },
  },
} as const;
