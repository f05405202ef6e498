import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * A round-robin HTTP balancer on loopback, as a bank puts in front of several instances: each request
 * goes to the next upstream in turn, with the client's address passed on in X-Forwarded-For (the
 * instances trust 127.0.0.1 as their proxy). `served` counts what each upstream answered.
 */
export async function roundRobin(upstreams: readonly string[]) {
  let next = 0;
  const served = upstreams.map(() => 0);
  const server = http.createServer((req, res) => {
    const i = next++ % upstreams.length;
    served[i] += 1;
    const target = new URL(req.url ?? '/', upstreams[i]);
    const forwarded = req.headers['x-forwarded-for'] ?? req.socket.remoteAddress ?? '';
    const out = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host, 'x-forwarded-for': forwarded } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'UPSTREAM_UNREACHABLE' }));
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * An object with Fastify's `inject` signature that sends the request over real HTTP to `baseUrl`,
 * so the test flows written against one in-process app (server/test/flows.ts) drive a deployment.
 * `remoteAddress` becomes X-Forwarded-For, which the balancer passes on.
 */
export function httpInjector(baseUrl: string): FastifyInstance {
  const inject = async (opts: InjectOptions): Promise<LightMyRequestResponse> => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) if (v !== undefined) headers[k] = String(v);
    if (opts.remoteAddress) headers['x-forwarded-for'] = opts.remoteAddress;
    let body: string | undefined;
    if (opts.payload !== undefined) {
      body = typeof opts.payload === 'string' ? opts.payload : JSON.stringify(opts.payload);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(new URL(String(opts.url), baseUrl), { method: opts.method ?? 'GET', headers, body });
    const text = await res.text();
    const responseHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => (responseHeaders[k] = v));
    return {
      statusCode: res.status,
      statusMessage: res.statusText,
      headers: responseHeaders,
      body: text,
      payload: text,
      json: () => JSON.parse(text),
    } as unknown as LightMyRequestResponse;
  };
  return { inject } as unknown as FastifyInstance;
}
