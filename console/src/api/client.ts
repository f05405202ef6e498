import type { paths } from './schema';
import type { ApiPath, Body, Method, Params, Query, Result } from './types';
import { currentSession, setSession } from '../auth/session';
import { zhCN } from '../locale/zh-CN';

/** A refused call: the bank's stable code, its zh-CN message, the field and every problem it named. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface CallOptions<P extends keyof paths, M extends Method> {
  params?: Params<P, M>;
  query?: Query<P, M>;
  body?: Body<P, M>;
  signal?: AbortSignal;
}

/** `/api/staff/risk/decisions/{id}` + params + query → a URL on this origin. */
export function buildUrl(path: string, params?: object, query?: object): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = (params as Record<string, unknown> | undefined)?.[name];
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(v));
  });
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const q = qs.toString();
  return q ? `${filled}?${q}` : filled;
}

export function authHeaders(): Record<string, string> {
  const s = currentSession();
  return s ? { authorization: `Bearer ${s.token}` } : {};
}

async function toError(res: Response): Promise<ApiError> {
  if (res.status >= 500) return new ApiError(res.status, 'SERVER', zhCN.app.server);
  let b: { code?: unknown; message?: unknown; field?: unknown; problems?: unknown } = {};
  try {
    b = (await res.json()) as typeof b;
  } catch {
    // not JSON: keep the defaults
  }
  // Our session ended (expired, idle, revoked): back to the login page.
  if (res.status === 401 && currentSession()) setSession(null);
  return new ApiError(
    res.status,
    typeof b.code === 'string' ? b.code : `HTTP_${res.status}`,
    typeof b.message === 'string' ? b.message : zhCN.app.error,
    typeof b.field === 'string' ? b.field : undefined,
    Array.isArray(b.problems) ? b.problems.map(String) : [],
  );
}

export async function request(method: Method, url: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: method.toUpperCase(),
      headers: { ...authHeaders(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', zhCN.app.network);
  }
  if (!res.ok) throw await toError(res);
  return res;
}

async function call<M extends Method, P extends ApiPath<M>>(method: M, path: P, opts: CallOptions<P, M> = {}) {
  const res = await request(method, buildUrl(path as string, opts.params, opts.query), opts.body, opts.signal);
  return (await res.json()) as Result<P, M>;
}

/** The typed client of the bank's API: `api.get('/api/staff/rules')`, `api.post('/api/staff-login', {body})`. */
export const api = {
  get: <P extends ApiPath<'get'>>(path: P, opts?: CallOptions<P, 'get'>) => call('get', path, opts),
  post: <P extends ApiPath<'post'>>(path: P, opts?: CallOptions<P, 'post'>) => call('post', path, opts),
  /** A route that answers text (the simulator's HTML report). */
  async text<P extends ApiPath<'get'>>(path: P, opts?: CallOptions<P, 'get'>): Promise<string> {
    return (await request('get', buildUrl(path as string, opts?.params, opts?.query))).text();
  },
};
