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
  /**
   * SDK action name (`loan.apply`, `repay`, …): an X-Risk-Token header is sealed for exactly this
   * request — method, path with its ids, body — so it cannot be replayed on another loan or contract.
   */
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

// The bank lost our protocol session, or it belongs to the customer who used this phone before
// (a risk session is bound to the first customer it acts for): one fresh handshake, then retry.
const RISK_SESSION_CODES = new Set(['SESSION_UNKNOWN', 'SESSION_EXPIRED', 'SESSION_CUSTOMER_MISMATCH']);

/** The filled path as the bank's router sees it (`/api/loans/L1/repayments`): what a token is bound to. */
function fillPath(path: string, params?: object): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (params as Record<string, unknown> | undefined)?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

function buildUrl(filled: string, query?: object): string {
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  // Paths in the OpenAPI document start with /api; LJ_API_BASE ends with /api.
  return `${LJ_API_BASE}${filled.replace(/^\/api/, '')}${qs ? `?${qs}` : ''}`;
}

const httpMethod = (method: Method) => (method === 'get' ? 'GET' : 'POST');

async function send(method: Method, url: string, body: unknown, headers: Record<string, string>) {
  try {
    const res = await Taro.request({ url, method: httpMethod(method), data: body, header: headers });
    return { status: res.statusCode, data: res.data as unknown };
  } catch {
    return { status: 0, data: undefined }; // network failure, timeout, domain not allowed
  }
}

// The bearer session the current risk session last sealed for. A risk session is bound to the first
// customer it acts for, so after a logout or an account switch the next seal starts a new one.
let riskSessionBearer: string | null = null;

function sealFor(action: string, method: 'GET' | 'POST', path: string, body: unknown, bearer: string | null) {
  if (riskSessionBearer !== null && bearer !== riskSessionBearer) resetRiskSession();
  riskSessionBearer = bearer;
  return sealAction(action, { method, path, body });
}

/**
 * Sealing needs a handshake with the bank: offline it fails before any request is sent, and that
 * failure must read as the network one ("网络…请重试"), not as a fault in what the owner typed. A
 * withdrawn consent (ConsentError) is a different state and is passed on as it is.
 */
function sealFailure(e: unknown): unknown {
  if (e instanceof ApiError || (e instanceof Error && e.name === 'ConsentError')) return e;
  return toApiError(0, undefined);
}

async function call<M extends Method, P extends ApiPath<M>>(
  method: M,
  path: P,
  opts: CallOptions<Operation<P, M>> = {},
): Promise<SuccessBody<Operation<P, M>>> {
  const filled = fillPath(path, opts.params);
  const url = buildUrl(filled, opts.query);
  const attempt = async () => {
    // A JSON content type with no body is refused by the bank ("请求内容不能为空"): only with a body.
    const headers: Record<string, string> = opts.body === undefined ? {} : { 'content-type': 'application/json' };
    const token = sessionToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    if (opts.stepUpCode) headers['x-step-up-code'] = opts.stepUpCode;
    if (opts.risk) {
      try {
        headers['x-risk-token'] = await sealFor(opts.risk, httpMethod(method), filled, opts.body, token);
      } catch (e) {
        if (!opts.riskOptional) throw sealFailure(e);
      }
    }
    return send(method, url, opts.body, headers);
  };
  let res = await attempt();
  const code = (res.data as { code?: string } | undefined)?.code;
  if (opts.risk && res.status === 403 && code && RISK_SESSION_CODES.has(code)) {
    resetRiskSession();
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
