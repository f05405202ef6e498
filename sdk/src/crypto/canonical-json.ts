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
/** Anything JSON escapes, or a surrogate: the one test that lets almost every string skip the rest. */
const SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;

function serializeString(s: string): string {
  if (!SPECIAL.test(s)) return '"' + s + '"';
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError('lone surrogate in string');
  return JSON.stringify(s);
}

function isOmitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** Keys in UTF-16 code-unit order, as `Array.prototype.sort` orders strings (keys are unique). */
function sortedKeys(o: object): string[] {
  const k = Object.keys(o);
  if (k.length > 16) return k.sort();
  // Insertion sort: several times faster than `sort()` on the handful of keys a payload object has.
  for (let i = 1; i < k.length; i++) {
    const x = k[i];
    let j = i - 1;
    for (; j >= 0 && k[j] > x; j--) k[j + 1] = k[j];
    k[j + 1] = x;
  }
  return k;
}

// One pass of string concatenation (no per-level arrays, joins or sort callbacks): this runs on
// every sealed payload, so it is on the seal's hot path.
function serialize(value: unknown, stack: object[]): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return serializeString(value);
    case 'number':
      if (!isFinite(value)) throw new CanonicalJsonError('NaN and Infinity are not JSON');
      return value === 0 ? '0' : String(value); // -0 → 0
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`${typeof value === 'bigint' ? 'BigInt' : typeof value} is not JSON`);
  }
  const obj = value as Record<string, unknown>;
  if (stack.includes(obj)) throw new CanonicalJsonError('circular structure');
  stack.push(obj);
  let out = '';
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      const v: unknown = obj[i];
      out += (i ? ',' : '') + (isOmitted(v) ? 'null' : serialize(v, stack));
    }
    out = '[' + out + ']';
  } else {
    for (const key of sortedKeys(obj)) {
      const v = obj[key];
      if (!isOmitted(v)) out += (out ? ',' : '') + serializeString(key) + ':' + serialize(v, stack);
    }
    out = '{' + out + '}';
  }
  stack.pop();
  return out;
}

/** Returns the RFC 8785 canonical JSON text of `value`. Throws `CanonicalJsonError` for non-JSON input. */
export function canonicalJson(value: unknown): string {
  if (isOmitted(value)) throw new CanonicalJsonError('top-level value is not JSON');
  return serialize(value, []);
}
