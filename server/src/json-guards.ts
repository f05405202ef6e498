import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/**
 * Limits on every JSON request body (issue #8 point 4: the bank never answers 5xx to anything a
 * client can send). Size is Fastify's `bodyLimit` (per route where a route sets a lower one); depth
 * is checked on the raw text before parsing, because V8's JSON.parse takes about half a second on a
 * 1 MB body of nested brackets and `JSON.stringify` or Postgres `jsonb` later overflow their stack
 * on such a value. After parsing, keys that can reach an object's prototype and text that Postgres
 * cannot store (U+0000, unpaired surrogates) are refused, wherever they are nested.
 */
export const JSON_BODY_LIMITS = {
  /** Bytes; the app's Fastify `bodyLimit`. */
  maxBytes: 1_048_576,
  /** Nested objects/arrays; the deepest route body (a rule-set upload) needs 6. */
  maxDepth: 32,
} as const;

/** Keys refused anywhere in client JSON: they reach `Object.prototype` through a careless merge. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonProblem =
  | { code: 'JSON_TOO_DEEP'; path: string }
  | { code: 'JSON_FORBIDDEN_KEY'; path: string; key: string }
  | { code: 'JSON_BAD_TEXT'; path: string };

/** True when the JSON text nests objects/arrays deeper than `maxDepth` (string-aware, no parse). */
export function jsonTextTooDeep(text: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Skip the string: its closing quote is the next one not escaped (an odd run of backslashes
      // before it). indexOf, not a char loop: a body is mostly one long token string (≈ 20× faster).
      for (;;) {
        const q = text.indexOf('"', i + 1);
        if (q < 0) return false; // unterminated: JSON.parse refuses it next
        let slashes = 0;
        while (text.charCodeAt(q - 1 - slashes) === 92 /* \ */) slashes++;
        i = q;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return false;
}

// U+0000, or a surrogate not in a pair (in a `u` regex a proper pair is one code point, not \p{Cs}).
const BAD_TEXT = /\u0000|\p{Cs}/u;
const badText = (s: string) => BAD_TEXT.test(s);

interface Node {
  v: unknown;
  depth: number;
  parent: Node | null;
  key: string | number;
}

/** `a.b[2].c` for a node (built only when a problem is reported). */
function pathOf(n: Node | null, last?: string): string {
  const parts: string[] = last === undefined ? [] : [last];
  for (let at = n; at && at.parent; at = at.parent) parts.push(typeof at.key === 'number' ? `[${at.key}]` : at.key);
  return parts.reverse().join('.').replace(/\.\[/g, '[');
}

/**
 * The first problem in a parsed JSON value: nesting deeper than `maxDepth` (the value itself is
 * depth 0, its members depth 1, …), a forbidden key, or text Postgres cannot store. Iterative, so
 * any depth the parser produced is walked without touching the call stack.
 */
export function inspectJson(value: unknown, maxDepth: number): JsonProblem | null {
  const stack: Node[] = [{ v: value, depth: 0, parent: null, key: '' }];
  while (stack.length) {
    const n = stack.pop()!;
    const v = n.v;
    // Only the root can be a string here: members that are strings are checked where they are found.
    if (typeof v === 'string') {
      if (badText(v)) return { code: 'JSON_BAD_TEXT', path: pathOf(n) };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (n.depth >= maxDepth) return { code: 'JSON_TOO_DEEP', path: pathOf(n) };
    const depth = n.depth + 1;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        // Strings are checked in place: no node per element of a long list.
        if (typeof item === 'string') {
          if (badText(item)) return { code: 'JSON_BAD_TEXT', path: pathOf(n, `[${i}]`) };
        } else if (item && typeof item === 'object') stack.push({ v: item, depth, parent: n, key: i });
      }
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return { code: 'JSON_FORBIDDEN_KEY', path: pathOf(n, key), key };
      if (badText(key)) return { code: 'JSON_BAD_TEXT', path: pathOf(n, key) };
      const item = (v as Record<string, unknown>)[key];
      if (typeof item === 'string') {
        if (badText(item)) return { code: 'JSON_BAD_TEXT', path: pathOf(n, key) };
      } else if (item && typeof item === 'object') stack.push({ v: item, depth, parent: n, key });
    }
  }
  return null;
}

const sizeText = (bytes: number) =>
  bytes >= 1_048_576 ? `${+(bytes / 1_048_576).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;

/** The client-facing error for a problem found in a request body. */
export function jsonProblemError(p: JsonProblem, maxDepth: number): AppError {
  switch (p.code) {
    case 'JSON_TOO_DEEP':
      return new AppError(400, p.code, `请求内容嵌套超过 ${maxDepth} 层，请检查提交的数据后重试`, p.path || undefined);
    case 'JSON_FORBIDDEN_KEY':
      return new AppError(400, p.code, `请求内容包含不允许的字段名“${p.key}”，请删除该字段后重试`, p.path);
    case 'JSON_BAD_TEXT':
      return new AppError(
        400,
        p.code,
        '请求内容含有无法保存的字符（空字符 \\u0000 或不成对的代理项），请删除后重试',
        p.path || undefined,
      );
  }
}

export function bodyTooLarge(limit: number): AppError {
  return new AppError(413, 'BODY_TOO_LARGE', `请求内容超过 ${sizeText(limit)} 上限，请精简后重试`);
}

/**
 * Installs the guards on `app` (call before the routes are registered): a declared Content-Length
 * above the route's body limit is a 413 before anything is read, and `application/json` bodies go
 * through the depth scan, the parser and `inspectJson`. Errors are 4xx `{code, message, field?}`.
 */
export function registerJsonGuards(app: FastifyInstance, limits = JSON_BODY_LIMITS): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const declared = Number(request.headers['content-length']);
    const limit = request.routeOptions.bodyLimit ?? limits.maxBytes;
    if (Number.isFinite(declared) && declared > limit) throw bodyTooLarge(limit);
  });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    const body = text as string;
    if (body.length === 0) return done(new AppError(400, 'VALIDATION', '请求内容不能为空，请以 JSON 格式提交'));
    if (jsonTextTooDeep(body, limits.maxDepth))
      return done(jsonProblemError({ code: 'JSON_TOO_DEEP', path: '' }, limits.maxDepth));
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return done(new AppError(400, 'MALFORMED_JSON', '请求内容不是合法的 JSON，请检查格式后重试'));
    }
    const problem = inspectJson(parsed, limits.maxDepth);
    if (problem) return done(jsonProblemError(problem, limits.maxDepth));
    done(null, parsed);
  });
}
