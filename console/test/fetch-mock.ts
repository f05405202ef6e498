/**
 * A scripted bank for component tests: each route answers what the test says, every request is
 * recorded. Paths are matched without the query string; `*` matches one path segment.
 */
export interface Recorded {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

type Answer = { status?: number; body: unknown } | ((r: Recorded) => { status?: number; body: unknown });

export function mockBank(routes: Record<string, Answer>) {
  const requests: Recorded[] = [];
  const fetchMock = jest.fn(async (input: string, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const url = String(input);
    const rec: Recorded = {
      method,
      url,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    requests.push(rec);
    const path = url.split('?')[0];
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ');
      if (m !== method) return false;
      const re = new RegExp('^' + p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+') + '$');
      return re.test(path);
    });
    // The live stream never answers in component tests (the browser tests cover it).
    if (!key) return new Promise<Response>(() => undefined);
    const a = routes[key];
    const { status = 200, body } = typeof a === 'function' ? a(rec) : a;
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => body,
      text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
    } as Response;
  });
  Object.assign(globalThis, { fetch: fetchMock });
  return { requests, fetchMock };
}
