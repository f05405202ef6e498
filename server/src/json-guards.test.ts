import { inspectJson, JSON_BODY_LIMITS, jsonTextTooDeep } from './json-guards';
import { json, startTestApp, TEST_STAFF_KEY, type TestContext } from '../test/helpers';
import { riskKeys } from '../test/risk-device';

const deepText = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

describe('json guards (pure)', () => {
  test('the text scan counts nesting outside strings only', () => {
    expect(jsonTextTooDeep(deepText(32), 32)).toBe(false);
    expect(jsonTextTooDeep(deepText(33), 32)).toBe(true);
    expect(jsonTextTooDeep('[' + '"[[[[{{{{\\"[[["'.repeat(100) + ']', 2)).toBe(false);
    expect(jsonTextTooDeep('"\\\\"' + '['.repeat(5), 4)).toBe(true); // an escaped backslash ends the string
    // An escaped backslash then an escaped quote: the string goes on, so its brackets do not count.
    expect(jsonTextTooDeep('["\\\\\\"[[[[[", "x"]', 2)).toBe(false);
    expect(jsonTextTooDeep('["\\\\\\"", [[[1]]]]', 2)).toBe(true);
    expect(jsonTextTooDeep('"unterminated [[[[', 1)).toBe(false); // not deep; JSON.parse refuses it
  });

  test('inspectJson finds depth, prototype keys and unstorable text with their path', () => {
    expect(inspectJson({ a: [{ b: 'ok' }] }, 3)).toBeNull();
    expect(inspectJson({ a: [{ b: {} }] }, 3)).toEqual({ code: 'JSON_TOO_DEEP', path: 'a[0].b' });
    expect(inspectJson(JSON.parse('{"x":[1,{"__proto__":{}}]}'), 10)).toEqual({
      code: 'JSON_FORBIDDEN_KEY',
      path: 'x[1].__proto__',
      key: '__proto__',
    });
    expect(inspectJson({ constructor: { prototype: {} } }, 10)).toMatchObject({ key: 'constructor' });
    expect(inspectJson({ s: ['ok', 'a\u0000'] }, 10)).toEqual({ code: 'JSON_BAD_TEXT', path: 's[1]' });
    expect(inspectJson({ s: '\udc00x' }, 10)).toEqual({ code: 'JSON_BAD_TEXT', path: 's' });
    expect(inspectJson({ s: '\ud83d\ude00 好' }, 10)).toBeNull();
    // Any depth the parser produced is walked without recursion.
    expect(inspectJson(JSON.parse(deepText(200_000)), 32)).toMatchObject({ code: 'JSON_TOO_DEEP' });
  });
});

describe('json guards on the app', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp({ riskKeys });
  });
  afterAll(() => t.close());
  const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } });

  test('a body nested deeper than the limit is a 400 JSON_TOO_DEEP before it is parsed', async () => {
    for (const url of ['/api/auth/login', '/api/risk/handshake', '/api/quotes/schedule', '/api/staff-login']) {
      for (const body of [deepText(33), '['.repeat(500_000) + ']'.repeat(500_000)]) {
        const r = await post(url, body, { 'x-staff-key': TEST_STAFF_KEY });
        expect([url, r.statusCode]).toEqual([url, 400]);
        expect(json(r).code).toBe('JSON_TOO_DEEP');
        expect(json(r).message).toContain(`${JSON_BODY_LIMITS.maxDepth} 层`);
      }
    }
  });

  test('prototype keys anywhere are a 400 JSON_FORBIDDEN_KEY naming the field', async () => {
    for (const body of ['{"__proto__":{"admin":true}}', '{"code":"demo","x":{"constructor":{"prototype":{"a":1}}}}']) {
      const r = await post('/api/auth/login', body);
      expect(r.statusCode).toBe(400);
      expect(json(r)).toMatchObject({
        code: 'JSON_FORBIDDEN_KEY',
        field: expect.stringMatching(/__proto__|constructor/),
      });
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  test('U+0000 in any string is a 400 JSON_BAD_TEXT', async () => {
    const r = await post('/api/auth/login', JSON.stringify({ code: 'de\u0000mo' }));
    expect(r.statusCode).toBe(400);
    expect(json(r)).toMatchObject({ code: 'JSON_BAD_TEXT', field: 'code' });
  });

  test('a huge array: over the body limit 413 with the limit named, under it a 400 from the schema', async () => {
    const over = await post('/api/quotes/schedule', JSON.stringify({ a: new Array(600_000).fill(0) }));
    expect(over.statusCode).toBe(413);
    expect(json(over)).toMatchObject({ code: 'BODY_TOO_LARGE', message: expect.stringContaining('1 MB') });
    const under = await post('/api/quotes/schedule', JSON.stringify({ a: new Array(400_000).fill(0) }));
    expect(under.statusCode).toBe(400);
  });

  test('empty and malformed bodies keep their 400s', async () => {
    expect(json(await post('/api/auth/login', '')).code).toBe('VALIDATION');
    expect(json(await post('/api/auth/login', '{"a":')).code).toBe('MALFORMED_JSON');
    expect((await post('/api/auth/login', '{"code":"demo"}')).statusCode).toBe(200);
  });
});
