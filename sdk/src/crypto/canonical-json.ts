/**
 * RFC 8785 JSON Canonicalization Scheme (JCS). The business body a token is bound to is hashed in
 * this form so that the app (which builds the body) and the bank backend (which receives it,
 * possibly re-serialised by a framework) agree on the bytes regardless of key order or number
 * formatting.
 *
 * - Object members sorted by their UTF-16 code units (JS default string sort), recursively.
 * - Numbers in ECMAScript `Number.prototype.toString` form (what RFC 8785 §3.2.2.3 specifies); -0 → 0;
 *   NaN/Infinity are not JSON and are rejected.
 * - Strings escaped like ECMAScript `JSON.stringify` (RFC 8785 §3.2.2.2); lone surrogates rejected (I-JSON).
 * - Like `JSON.stringify`: `toJSON()` is honoured, `undefined`/functions/symbols are omitted from objects
 *   and become `null` in arrays, so canonicalising what an app is about to send matches what is sent.
 */

export class CanonicalJsonError extends TypeError {
  constructor(message: string) {
    super(`canonical JSON: ${message}`);
    this.name = 'CanonicalJsonError';
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

function serializeString(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError('lone surrogate in string');
  return JSON.stringify(s);
}

function serializeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new CanonicalJsonError('NaN and Infinity are not JSON');
  return Object.is(n, -0) ? '0' : String(n);
}

function isOmitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function serialize(value: unknown, stack: object[]): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return serializeNumber(value);
    case 'string':
      return serializeString(value);
    case 'bigint':
      throw new CanonicalJsonError('BigInt is not JSON');
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`${typeof value} is not JSON`);
  }
  const obj = value as object;
  if (stack.includes(obj)) throw new CanonicalJsonError('circular structure');
  stack.push(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = '[' + obj.map((v) => (isOmitted(v) ? 'null' : serialize(v, stack))).join(',') + ']';
  } else {
    const rec = obj as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(rec).sort()) {
      const v = rec[key];
      if (isOmitted(v)) continue;
      parts.push(serializeString(key) + ':' + serialize(v, stack));
    }
    out = '{' + parts.join(',') + '}';
  }
  stack.pop();
  return out;
}

/** Returns the RFC 8785 canonical JSON text of `value`. Throws `CanonicalJsonError` for non-JSON input. */
export function canonicalJson(value: unknown): string {
  if (isOmitted(value)) throw new CanonicalJsonError('top-level value is not JSON');
  return serialize(value, []);
}
