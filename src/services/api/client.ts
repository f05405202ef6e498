import Taro from '@tarojs/taro';
import type { paths } from './schema';
import type { ApiPath, Method, Operation, PathParams, QueryParams, RequestBody, SuccessBody } from './types';
import { ApiError, toApiError } from './api-error';
import { sessionToken, setSessionToken } from '../session';
import { resetRiskSession, sealAction } from '../risk';

export interface CallOptions<O> {
  params?: PathParams<O>;
  query?: QueryParams<O>;
  body?: RequestBody<O>;
  /** SDK action name (`loan.apply`, `repay`, …): the body is sealed into an X-Risk-Token header. */
  risk?: string;
  /** Same key for every retry of one user action, so money moves once (see newIdempotencyKey). */
  idempotencyKey?: string;
  /**
   * Send without a token when none can be sealed (device consent withdrawn): a repayment is always
   * accepted by the bank, with or without one.
   */
  riskOptional?: boolean;
  /** The SMS code answering a RISK_STEP_UP on this action (header X-Step-Up-Code). */
  stepUpCode?: string;
}

const RISK_SESSION_CODES = new Set(['SESSION_UNKNOWN', 'SESSION_EXPIRED']);

function buildUrl(path: string, params?: object, query?: object): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (params as Record<string, unknown> | undefined)?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  // Paths in the OpenAPI document start with /api; LJ_API_BASE ends with /api.
  return `${LJ_API_BASE}${filled.replace(/^\/api/, '')}${qs ? `?${qs}` : ''}`;
}

async function send(method: Method, url: string, body: unknown, headers: Record<string, string>) {
  try {
    const res = await Taro.request({ url, method: method === 'get' ? 'GET' : 'POST', data: body, header: headers });
    return { status: res.statusCode, data: res.data as unknown };
  } catch {
    return { status: 0, data: undefined }; // network failure, timeout, domain not allowed
  }
}

async function call<M extends Method, P extends ApiPath<M>>(
  method: M,
  path: P,
  opts: CallOptions<Operation<P, M>> = {},
): Promise<SuccessBody<Operation<P, M>>> {
  const url = buildUrl(path, opts.params, opts.query);
  const attempt = async () => {
    // A JSON content type with no body is refused by the bank ("请求内容不能为空"): only with a body.
    const headers: Record<string, string> = opts.body === undefined ? {} : { 'content-type': 'application/json' };
    const token = sessionToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    if (opts.stepUpCode) headers['x-step-up-code'] = opts.stepUpCode;
    if (opts.risk) {
      try {
        headers['x-risk-token'] = await sealAction(opts.risk, opts.body ?? {});
      } catch (e) {
        if (!opts.riskOptional) throw e;
      }
    }
    return send(method, url, opts.body, headers);
  };
  let res = await attempt();
  const code = (res.data as { code?: string } | undefined)?.code;
  if (opts.risk && res.status === 403 && code && RISK_SESSION_CODES.has(code)) {
    resetRiskSession(); // the bank lost our protocol session: one fresh handshake, then retry
    res = await attempt();
  }
  if (res.status >= 200 && res.status < 300) return res.data as SuccessBody<Operation<P, M>>;
  if (res.status === 401) setSessionToken(null);
  throw toApiError(res.status, res.data);
}

/** The typed client of the sandbox bank: `api.get('/api/loans')`, `api.post('/api/applications', {...})`. */
export const api = {
  get: <P extends ApiPath<'get'>>(path: P, opts?: CallOptions<Operation<P, 'get'>>) => call('get', path, opts),
  post: <P extends ApiPath<'post'>>(path: P, opts?: CallOptions<Operation<P, 'post'>>) => call('post', path, opts),
};

export { ApiError };
export type { paths };
