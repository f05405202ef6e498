/**
 * The bank as the simulator talks to it: the sandbox app in process (Fastify inject, each request
 * from its own source address), or a running server over HTTP.
 */
import type { FastifyInstance } from 'fastify';

export interface BankRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Source address of the request. */
  ip: string;
}

export interface BankResponse {
  status: number;
  // Route answers are checked where they are used; the simulator is a client of a documented API.
  body: any;
}

export interface Bank {
  readonly mode: 'in-process' | 'http';
  call(req: BankRequest): Promise<BankResponse>;
}

const parse = (text: string): unknown => {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { code: 'NOT_JSON', message: text.slice(0, 200) };
  }
};

export function injectBank(app: FastifyInstance): Bank {
  return {
    mode: 'in-process',
    async call(req) {
      const res = await app.inject({
        method: req.method,
        url: req.url,
        headers: req.headers,
        remoteAddress: req.ip,
        ...(req.body !== undefined ? { payload: req.body as object } : {}),
      });
      return { status: res.statusCode, body: parse(res.body) };
    },
  };
}

/** `base` is the server root (e.g. http://127.0.0.1:8080); URLs are the `/api/…` paths. */
export function httpBank(base: string): Bank {
  const root = base.replace(/\/+$/, '');
  return {
    mode: 'http',
    async call(req) {
      const res = await fetch(root + req.url, {
        method: req.method,
        headers: {
          ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
          'x-forwarded-for': req.ip,
          ...req.headers,
        },
        body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
      });
      return { status: res.status, body: parse(await res.text()) };
    },
  };
}
