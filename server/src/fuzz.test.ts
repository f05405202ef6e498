import fc from 'fast-check';
import { json, startTestApp, TEST_STAFF_KEY, type TestContext } from '../test/helpers';
import { drawnLoan, onboard, type Onboarded } from '../test/flows';
import { riskKeys } from '../test/risk-device';

// Every route in the OpenAPI document, hit with malformed bodies, wrong types, huge values, odd path
// parameters, garbage tokens and missing auth: the server may refuse, but never with a 5xx.
let t: TestContext;
let u: Onboarded;
let loanId: string;
type Op = { method: string; path: string; body?: Schema; params: Schema[] };
type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  items?: Schema;
  name?: string;
  in?: string;
  schema?: Schema;
};
const ops: Op[] = [];
const seen = new Map<number, number>();

beforeAll(async () => {
  t = await startTestApp({ riskKeys });
  u = await onboard(t.app, t.clock);
  loanId = (await drawnLoan(t.app, u)).id;
  const doc = json(await t.app.inject({ url: '/openapi.json' }));
  for (const [path, item] of Object.entries<
    Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; parameters?: Schema[] }>
  >(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        body: op.requestBody?.content['application/json']?.schema,
        params: op.parameters ?? [],
      });
    }
  }
});
afterAll(() => t.close());

// The fuzzer must really reach the handlers: some requests succeed, most are refused.
afterAll(() => {
  expect(seen.get(200) ?? 0).toBeGreaterThan(20);
  expect(seen.get(400) ?? 0).toBeGreaterThan(1000);
  expect(seen.get(401) ?? 0).toBeGreaterThan(100);
  if (process.env.FUZZ_VERBOSE) console.log(Object.fromEntries(seen));
});

/** A plausible value for a schema (first union branch, minimum numbers), as a base to break. */
function sample(s: Schema | undefined): unknown {
  if (!s) return {};
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return sample(s.anyOf[0]);
  switch (s.type) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v)]));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    default:
      return 'x';
  }
}

const NASTY: unknown[] = [
  null,
  -1,
  0,
  1.5,
  2 ** 53,
  1e308,
  -1e308,
  '',
  'x'.repeat(70_000),
  '\u0000\ud800',
  true,
  [],
  {},
  [1, 2],
  { $ne: 1 },
  '1; drop table loans;--',
  '2026-02-30',
];

function urlFor(path: string, pick: (name: string) => string): string {
  return (
    '/api' + path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pick(name)))
  );
}
const realParam = (name: string) =>
  name === 'id'
    ? loanId
    : name === 'purpose'
      ? 'personal_info'
      : name === 'phone'
        ? '13800138000'
        : name === 'channel'
          ? 'organic'
          : 'x';

async function call(
  op: Op,
  opts: { url: string; payload?: unknown; headers?: Record<string, string>; rawBody?: string },
) {
  const res = await t.app.inject({
    method: op.method as 'GET',
    url: opts.url,
    headers: {
      ...(opts.rawBody !== undefined || opts.payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    payload: opts.rawBody ?? (opts.payload === undefined ? undefined : JSON.stringify(opts.payload)),
  });
  seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
  if (res.statusCode >= 500)
    throw new Error(
      `${op.method} ${opts.url} → ${res.statusCode} ${res.body.slice(0, 300)} (body ${String(opts.rawBody ?? JSON.stringify(opts.payload)).slice(0, 200)})`,
    );
  if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
    const b = res.json();
    if (typeof b.code !== 'string' || typeof b.message !== 'string')
      throw new Error(`error without {code, message}: ${opts.url} ${res.body}`);
  }
  return res;
}

describe('fuzz every documented route', () => {
  test('the OpenAPI document lists the resources', () => {
    const paths = new Set(ops.map((o) => o.path));
    for (const p of [
      '/api/auth/login',
      '/api/consents',
      '/api/customer/real-name',
      '/api/enterprises',
      '/api/quotes/schedule',
      '/api/applications',
      '/api/contracts/{id}/sign',
      '/api/contracts/{id}/drawdowns',
      '/api/loans/{id}/repayments',
      '/api/loans/{id}/deferrals',
      '/api/loans/{id}/renewals',
      '/api/notices',
      '/api/risk/handshake',
      '/api/risk/telemetry',
      '/api/accounts',
      '/api/risk/step-up/sms',
      '/api/staff/risk/channels',
      '/api/staff/risk/channels/{channel}/lockdown',
      '/api/staff/risk/decisions/{id}',
    ]) {
      expect(paths).toContain(p);
    }
    expect(ops.length).toBeGreaterThan(35);
  });

  test('missing or bogus auth, malformed JSON, wrong types and huge values never give a 5xx', async () => {
    const headerSets: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer ' + 'A'.repeat(43) },
      { authorization: 'Basic Zm9vOmJhcg==' },
      // The customer's session, and the staff key so the staff routes reach their handlers too.
      { ...u.auth, 'x-staff-key': TEST_STAFF_KEY },
      { ...u.auth, 'x-risk-token': 'a.b.c.d', 'idempotency-key': 'fuzz-key-0001', 'x-step-up-code': '12345x' },
      { ...u.auth, 'x-risk-token': 'x'.repeat(60_000), 'idempotency-key': '!' },
    ];
    for (const op of ops) {
      const base = sample(op.body);
      for (const headers of headerSets) {
        await call(op, { url: urlFor(op.path, realParam), headers, payload: op.body ? base : undefined });
        if (op.method === 'GET') continue;
        for (const raw of [
          '{',
          '[]',
          'null',
          '"str"',
          '123',
          '{"a":',
          '\u00ff\u00fe',
          '{"__proto__":{"x":1}}',
          '{"a":1,"a":2}',
        ]) {
          await call(op, { url: urlFor(op.path, realParam), headers, rawBody: raw });
        }
        if (base && typeof base === 'object' && !Array.isArray(base)) {
          for (const key of Object.keys(base)) {
            for (const v of NASTY)
              await call(op, { url: urlFor(op.path, realParam), headers, payload: { ...base, [key]: v } });
          }
          await call(op, { url: urlFor(op.path, realParam), headers, payload: { ...base, extra: 1 } });
          const deep: Record<string, unknown> = {};
          let cur = deep;
          for (let i = 0; i < 200; i++) cur = (cur.a = {}) as Record<string, unknown>;
          await call(op, { url: urlFor(op.path, realParam), headers, payload: { ...base, ...deep } });
        }
      }
    }
  }, 600_000);

  // Issue #8 point 4: depth, size and prototype keys are refused on every JSON route, with the
  // guards' codes (json-guards.ts), whether or not the caller is signed in.
  test('deep nesting, huge arrays and prototype keys on every JSON route are a 4xx', async () => {
    const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    const cases: Array<{ raw: string; status: number; code: string }> = [
      { raw: deep(33), status: 400, code: 'JSON_TOO_DEEP' },
      { raw: '['.repeat(100_000) + ']'.repeat(100_000), status: 400, code: 'JSON_TOO_DEEP' },
      { raw: JSON.stringify({ a: new Array(600_000).fill(0) }), status: 413, code: 'BODY_TOO_LARGE' },
      { raw: '{"__proto__":{"isAdmin":true}}', status: 400, code: 'JSON_FORBIDDEN_KEY' },
      { raw: '{"x":{"constructor":{"prototype":{"isAdmin":true}}}}', status: 400, code: 'JSON_FORBIDDEN_KEY' },
      { raw: '{"x":"a\\u0000b"}', status: 400, code: 'JSON_BAD_TEXT' },
    ];
    const posts = ops.filter((o) => o.method !== 'GET' && o.body);
    expect(posts.length).toBeGreaterThan(20);
    for (const op of posts) {
      for (const c of cases) {
        for (const headers of [{}, { ...u.auth, 'x-staff-key': TEST_STAFF_KEY }]) {
          const res = await call(op, { url: urlFor(op.path, realParam), headers, rawBody: c.raw });
          // Rate limits (429) and the staff credential (401/403) are checked before a body is read.
          if (res.statusCode === 429 || ([401, 403].includes(res.statusCode) && op.path.includes('/staff'))) continue;
          expect([op.path, res.statusCode, res.json().code]).toEqual([op.path, c.status, c.code]);
        }
      }
      // A huge array under the body limit is the schema's 400 (or an auth answer), never a 5xx.
      await call(op, {
        url: urlFor(op.path, realParam),
        headers: u.auth,
        rawBody: JSON.stringify({ ...(sample(op.body) as object), extra: new Array(400_000).fill(0) }),
      });
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  }, 600_000);

  test('odd path parameters and query strings never give a 5xx', async () => {
    const odd = [
      '',
      'x',
      'lon_AAAAAAAAAAAAAAAA',
      '../../etc/passwd',
      '%00',
      'é'.repeat(300),
      '1'.repeat(5000),
      'usr_' + '-'.repeat(16),
    ];
    for (const op of ops.filter((o) => o.path.includes('{'))) {
      for (const v of odd) {
        await call(op, {
          url: urlFor(op.path, () => v),
          headers: { ...u.auth, 'x-staff-key': TEST_STAFF_KEY },
          payload: op.body ? sample(op.body) : undefined,
        });
      }
    }
    const staffLists = [
      '/api/staff/risk/decisions',
      '/api/staff/risk/alerts',
      '/api/staff/risk/channels/organic/series',
    ];
    for (const q of [
      '?since=x',
      '?since=2026-02-30T00:00:00Z',
      '?from=1e308&to=-1',
      '?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z',
      '?limit=0',
      '?limit=99999',
      '?limit=1&before=' + 'z'.repeat(64),
      '?outcome=maybe',
      '?until=2026-03-01T00:00:00%2B08:00&since=2026-03-02T00:00:00%2B08:00',
      '?channel=' + 'é'.repeat(100),
      '?hours=0',
      '?status=pending&limit=5',
    ]) {
      for (const path of [...staffLists, '/api/staff/risk/channels', '/api/staff/risk/holds']) {
        await call(
          { method: 'GET', path: '', params: [] },
          { url: path + q, headers: { 'x-staff-key': TEST_STAFF_KEY } },
        );
      }
    }
    for (const q of [
      '?date=2026-02-30',
      '?date=x',
      '?months=0',
      '?months=999',
      '?months=-1',
      '?date[]=1',
      '?a=' + 'b'.repeat(5000),
    ]) {
      await call({ method: 'GET', path: '', params: [] }, { url: `/api/loans/${loanId}/payoff${q}`, headers: u.auth });
      await call(
        { method: 'GET', path: '', params: [] },
        { url: `/api/loans/${loanId}/deferral-options${q}`, headers: u.auth },
      );
    }
  });

  test('random JSON values as bodies (fast-check) never give a 5xx', async () => {
    const posts = ops.filter((o) => o.method !== 'GET');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...posts), fc.jsonValue(), fc.boolean(), async (op, body, authed) => {
        await call(op, { url: urlFor(op.path, realParam), headers: authed ? u.auth : {}, payload: body });
      }),
      { numRuns: 400 },
    );
  });
});
