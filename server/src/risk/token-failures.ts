import type { FastifyBaseLogger } from 'fastify';
import type { RiskEngine } from '@lingjie/risk-sdk/engine';

/** A protocol session id: base64url of 16 bytes (sdk/PROTOCOL.md). */
const SID = /^[A-Za-z0-9_-]{22}$/;

/**
 * The `sid` claimed by a token's header, read without trusting it (the token was refused, so its
 * MAC may be bad): only a well-formed id is returned. It merely lets the engine count failures per
 * device as well as per IP; a forger who names someone else's session adds to a counter, no more.
 */
export function claimedSessionId(token: string): string | undefined {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot > 2048) return undefined;
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8')) as unknown;
    const sid = (header as { sid?: unknown } | null)?.sid;
    return typeof sid === 'string' && SID.test(sid) ? sid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tells the engine the verifier refused a token. Never fails the request: the client gets the
 * verifier's answer whether or not the count could be written.
 */
export async function recordTokenFailure(
  engine: RiskEngine,
  log: FastifyBaseLogger,
  f: { ip: string; code: string; token: string },
): Promise<void> {
  try {
    const sessionId = claimedSessionId(f.token);
    await engine.recordTokenFailure({ ip: f.ip, code: f.code, ...(sessionId ? { sessionId } : {}) });
  } catch (err) {
    log.warn({ err, code: f.code }, 'could not record a token failure');
  }
}
