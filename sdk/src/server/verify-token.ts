/**
 * The token verification pipeline, in the order PROTOCOL.md §5 fixes:
 *   parse → version & suite allow-list → session lookup & expiry → constant-time MAC check →
 *   timestamp window → nonce unseen → seq > last → decrypt → payload schema → request binding (bizHash)
 *   → customer binding.
 * Nothing from the token is trusted, and nothing is decrypted, before the MAC check passes.
 *
 * Written against the `CipherSuite` interface only (no node:crypto here), so the same pipeline runs
 * with the Node suite in production and with the crypto-js suite in the client-side vector tests.
 */
import type { SuiteRegistry } from '../protocol/suite';
import { PROTOCOL_VERSION, type TokenKind } from '../protocol/constants';
import { ReasonCode } from '../protocol/reason-codes';
import { decodePayload, parseToken, type TokenHeader } from '../protocol/token';
import type { ClaimOutcome, RiskStore, TokenClaim } from './store';
import { jsCodec, type BinaryCodec } from '../protocol/codec';
import { constantTimeEqual, constantTimeEqualString } from '../crypto/constant-time';
import { bizHash, type BoundRequest } from '../crypto/biz-hash';

/** What the caller knows about the request the token arrived with. */
export interface VerifyContext {
  /**
   * The request actually received: its method, its path as received without the query string
   * (`/api/loans/L-1/repay`), and its parsed JSON body (omit `body` when the request had none).
   * Required for action tokens, which are bound to it; must be absent for telemetry tokens.
   */
  request?: BoundRequest;
  /** Refuse (BIZ_MISMATCH) unless the token is of this kind. */
  expectKind?: TokenKind;
  /** Refuse (BIZ_MISMATCH) unless the token was sealed for this action, e.g. `loan.apply`. */
  expectAction?: string;
  /**
   * The logged-in customer the request acts for. The token's session is bound to the first customer
   * it is verified for; a session bound to another customer is refused (SESSION_CUSTOMER_MISMATCH).
   * Omit before login (telemetry, the login itself): an unbound session stays usable.
   */
  customerId?: string;
  /**
   * Deferred claim (PROTOCOL.md §5): skip steps 6–7 here and hand the token's nonce and sequence
   * number back as `claim`, for the caller to record — with `RiskStore.commitToken`'s semantics —
   * in the same commit as the token's effect (the bank's telemetry ingest stores a token's events
   * and its claim in one statement: one commit per request, and a token whose events failed to
   * commit was not consumed, so the device's resend is accepted). Every other step runs. The caller
   * MUST NOT act on the token unless that claim answers `'ok'`. Not allowed with `customerId`: the
   * customer binding is a write that only a claimed token may make.
   */
  deferClaim?: boolean;
}

/** Session facts returned on success (no key material). */
export interface SessionSummary {
  id: string;
  keyId: string;
  createdAt: number;
  expiresAt: number;
  /** The customer the session is bound to (after this verification), or null. */
  customerId: string | null;
}

export type VerifyResult =
  | {
      ok: true;
      /** Authenticated header. */
      header: TokenHeader;
      /** Decrypted SDK payload. */
      payload: unknown;
      /** Raw device clock at sealing (a signal; compare with header.ts for clock tampering). */
      deviceTime: number;
      session: SessionSummary;
      /** Only with `deferClaim`: the claim the caller must commit before acting on the token. */
      claim?: TokenClaim;
    }
  | {
      ok: false;
      code: ReasonCode;
      message: string;
      /** Present only for failures after the MAC check (TS_SKEW onwards): the header is then authentic, so the failure can be attributed to its session. */
      header?: TokenHeader;
    };

/** Whether the server static key a session was made with may still be used. */
export type KeyStatus = 'active' | 'retired';

export interface TokenVerifierOptions {
  /** Suite implementations, looked up by the header's suite name. */
  suites: SuiteRegistry;
  /** Suite names accepted; others fail with SUITE_UNSUPPORTED before any lookup. */
  allowedSuites: readonly string[];
  /** Sessions, nonces and sequence numbers. */
  store: RiskStore;
  /** Server time, Unix ms. */
  clock: () => number;
  /** Allowed |header.ts − server time|, ms. */
  skewMs: number;
  /** Status of a key id at `now`; unknown key ids count as retired. Also gives the key's suite. */
  keyStatus: (keyId: string, now: number) => { status: KeyStatus; suite: string } | null;
  /** Extra payload schema check; return an error message to refuse with PAYLOAD_INVALID. */
  validatePayload?: (payload: unknown, header: TokenHeader) => string | null;
  /** Byte/text conversions; default platform-neutral JS, the Node server passes native ones. */
  codec?: BinaryCodec;
}

function fail(code: ReasonCode, message: string, authenticHeader?: TokenHeader): VerifyResult {
  return authenticHeader ? { ok: false, code, message, header: authenticHeader } : { ok: false, code, message };
}

export function createTokenVerifier(
  o: TokenVerifierOptions,
): (token: string, ctx?: VerifyContext) => Promise<VerifyResult> {
  const codec = o.codec ?? jsCodec;
  return async function verify(token, ctx = {}) {
    if (ctx.deferClaim && ctx.customerId !== undefined)
      throw new TypeError('verify: deferClaim cannot be combined with customerId (binding needs a claimed token)');
    // 1. parse
    const parsed = parseToken(token, codec);
    if (!parsed.ok) return fail(ReasonCode.MALFORMED, parsed.message);
    const { header, signedText, iv, ciphertext, mac } = parsed.token;

    // 2. version and suite allow-list
    if (header.v !== PROTOCOL_VERSION)
      return fail(ReasonCode.SUITE_UNSUPPORTED, `protocol version ${header.v} not supported`);
    const suite = o.allowedSuites.includes(header.suite) ? o.suites.get(header.suite) : undefined;
    if (!suite) return fail(ReasonCode.SUITE_UNSUPPORTED, `suite ${header.suite} not allowed`);
    if (
      iv.length !== suite.ivLength ||
      mac.length !== suite.macLength ||
      ciphertext.length === 0 ||
      ciphertext.length % suite.blockLength !== 0
    ) {
      return fail(ReasonCode.MALFORMED, 'part sizes do not match the suite');
    }

    // 3. session lookup and expiry
    const now = o.clock();
    const session = await o.store.getSession(header.sid);
    if (!session) return fail(ReasonCode.SESSION_UNKNOWN, 'no such session');
    if (now >= session.expiresAt) return fail(ReasonCode.SESSION_EXPIRED, 'session expired');
    const key = o.keyStatus(session.keyId, now);
    if (!key || key.status !== 'active') return fail(ReasonCode.SESSION_EXPIRED, 'session key retired');
    if (key.suite !== suite.name)
      return fail(ReasonCode.SUITE_UNSUPPORTED, 'token suite differs from the session suite');

    // 4. MAC, constant time, over the exact transmitted characters
    const macKey = codec.base64UrlDecode(session.macKey);
    if (!constantTimeEqual(suite.mac(macKey, codec.asciiBytes(signedText)), mac))
      return fail(ReasonCode.MAC_INVALID, 'MAC does not match');

    // 5. timestamp window (the header is authentic from here on)
    if (Math.abs(header.ts - now) > o.skewMs)
      return fail(ReasonCode.TS_SKEW, `timestamp off by ${header.ts - now} ms`, header);

    // 6 + 7. nonce unseen, seq strictly increasing: one atomic store operation. The nonce is kept
    // for as long as the timestamp window could still accept the token. Deferred: the caller's.
    const claim: TokenClaim = {
      sessionId: session.id,
      nonce: header.nonce,
      seq: header.seq,
      keepUntil: header.ts + o.skewMs,
    };
    if (!ctx.deferClaim) {
      const committed = await o.store.commitToken(claim.sessionId, claim.nonce, claim.seq, claim.keepUntil);
      const refused = claimRefusal(committed, header);
      if (refused) return refused;
    }

    // 8. decrypt
    let plaintext: Uint8Array;
    try {
      plaintext = suite.decrypt(codec.base64UrlDecode(session.encKey), iv, ciphertext);
    } catch {
      return fail(ReasonCode.PAYLOAD_INVALID, 'ciphertext does not decrypt', header);
    }

    // 9. payload schema
    const envelope = decodePayload(plaintext, codec);
    if (typeof envelope === 'string') return fail(ReasonCode.PAYLOAD_INVALID, envelope, header);
    const schemaError = o.validatePayload?.(envelope.p, header) ?? null;
    if (schemaError) return fail(ReasonCode.PAYLOAD_INVALID, schemaError, header);

    // 10. binding to the request: kind/action the endpoint expects, then method + path + body
    if (ctx.expectKind !== undefined && header.kind !== ctx.expectKind)
      return fail(ReasonCode.BIZ_MISMATCH, `token kind ${header.kind}, expected ${ctx.expectKind}`, header);
    if (ctx.expectAction !== undefined && header.act !== ctx.expectAction)
      return fail(ReasonCode.BIZ_MISMATCH, `token action ${header.act}, expected ${ctx.expectAction}`, header);
    if (ctx.request !== undefined || header.bh !== null) {
      if (ctx.request === undefined)
        return fail(ReasonCode.BIZ_MISMATCH, 'token is bound to a request but none was given', header);
      if (header.bh === null) return fail(ReasonCode.BIZ_MISMATCH, 'token is not bound to any request', header);
      let expected: string;
      try {
        expected = bizHash(ctx.request, suite.hash);
      } catch (err) {
        return fail(ReasonCode.BIZ_MISMATCH, `request is not canonicalisable: ${(err as Error).message}`, header);
      }
      // One code for any part: the hash covers method, path and body together, so which one differs
      // is unknowable (and would only teach an attacker which edit was noticed).
      if (!constantTimeEqualString(expected, header.bh))
        return fail(ReasonCode.BIZ_MISMATCH, 'bizHash does not match the request (method, path or body)', header);
    }

    // 11. customer binding: last, so only a token that passed every other check binds the session
    let customerId = session.customerId ?? null;
    if (ctx.customerId !== undefined) {
      if (typeof ctx.customerId !== 'string' || ctx.customerId.length === 0 || ctx.customerId.length > 128)
        throw new TypeError('verify: customerId must be a non-empty string of at most 128 characters');
      if ((await o.store.bindCustomer(session.id, ctx.customerId)) !== 'ok')
        return fail(ReasonCode.SESSION_CUSTOMER_MISMATCH, 'risk session is bound to another customer', header);
      customerId = ctx.customerId;
    }

    return {
      ok: true,
      header,
      payload: envelope.p,
      deviceTime: envelope.dt,
      session: {
        id: session.id,
        keyId: session.keyId,
        createdAt: session.createdAt,
        expiresAt: session.expiresAt,
        customerId,
      },
      ...(ctx.deferClaim ? { claim } : {}),
    };
  };
}

/** The failure a refused claim answers (steps 6–7), or null for 'ok'. */
function claimRefusal(outcome: ClaimOutcome, header: TokenHeader): VerifyResult | null {
  if (outcome === 'REPLAY_NONCE') return fail(ReasonCode.REPLAY_NONCE, 'nonce already used', header);
  if (outcome === 'SEQ_REWIND')
    return fail(ReasonCode.SEQ_REWIND, `seq ${header.seq} not greater than last accepted`, header);
  return null;
}
