import type { FastifyRequest } from 'fastify';
import type { RiskEngine } from '@lingjie/risk-sdk/engine';
import type { TokenClaim } from '@lingjie/risk-sdk/server';
import { AppError } from '../errors';
import { recordTokenFailure } from './token-failures';

export type VerifyResult =
  | { ok: true; header: Record<string, unknown>; payload: unknown; session: unknown; claim?: TokenClaim }
  | { ok: false; code: string; message: string };

/** The slice of the SDK's server module the bank uses: handshakes and token verification. */
export interface RiskGate {
  handshake(body: unknown): Promise<unknown>;
  verify(
    token: string,
    ctx: {
      /** The request received (method, path without query, parsed body): action tokens are bound to it. */
      request?: { method: string; path: string; body?: unknown };
      expectKind?: 'telemetry' | 'action';
      expectAction?: string;
      /** The logged-in customer: binds the token's risk session to them, refuses another's session. */
      customerId?: string;
      /** Hand back the nonce/sequence claim for the caller to commit with the token's effect (telemetry). */
      deferClaim?: boolean;
    },
  ): Promise<VerifyResult>;
  /** Public halves of the server keys, for configuring clients. */
  publicKeys(): Array<{ keyId: string; suite: string; publicKey: string; notAfter?: number }>;
}

/** Plain-language text per verifier reason code; the code itself is the stable contract. */
const REASONS_ZH: Record<string, string> = {
  MALFORMED: '安全校验信息格式不正确，请重试',
  SUITE_UNSUPPORTED: '安全组件版本过旧，请更新后重试',
  SESSION_UNKNOWN: '安全会话不存在，请重新进入页面后重试',
  SESSION_EXPIRED: '安全会话已过期，请重新进入页面后重试',
  MAC_INVALID: '请求内容校验失败，请重试',
  TS_SKEW: '设备时间与服务器相差过大，请校准时间后重试',
  REPLAY_NONCE: '该请求已提交过，请勿重复提交',
  SEQ_REWIND: '请求顺序异常，请重试',
  PAYLOAD_INVALID: '安全校验信息无法识别，请重试',
  BIZ_MISMATCH: '提交内容与安全校验不一致，请返回上一页重新提交',
  SESSION_CUSTOMER_MISMATCH: '安全会话属于另一个登录账号，请退出后重新登录本人账号再提交',
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified action token's header and payload, for underwriting. */
    riskToken?: { header: Record<string, unknown>; payload: unknown };
  }
}

/**
 * Verifies the `X-Risk-Token` header against the request exactly as received — method, path with
 * its resource ids (without the query), body (the SDK checks bizHash over all three) — and the
 * expected action; for a logged-in customer the token's risk session is bound to them (a session
 * bound to another customer is refused). Fails closed with the verifier's reason code, and
 * the engine counts the refusal (per IP, and per device when the claimed session is known).
 * `optional`: a request without any token goes on unverified (a repayment after the customer
 * withdrew device consent: paying back is always possible); returns whether a token was verified.
 */
export async function requireActionToken(
  deps: { risk: RiskGate; engine: RiskEngine },
  request: FastifyRequest,
  action: string,
  opts: { optional?: boolean } = {},
): Promise<boolean> {
  const token = request.headers['x-risk-token'];
  if (typeof token !== 'string' || token.length === 0) {
    if (opts.optional) return false;
    throw new AppError(428, 'RISK_TOKEN_REQUIRED', '缺少安全校验信息，请更新小程序后重试');
  }
  const r = await deps.risk.verify(token, {
    request: { method: request.method, path: pathOf(request.url), body: request.body },
    expectKind: 'action',
    expectAction: action,
    ...(request.userId ? { customerId: request.userId } : {}),
  });
  if (!r.ok) {
    await recordTokenFailure(deps.engine, request.log, { ip: request.ip, code: r.code, token });
    throw new AppError(403, r.code, REASONS_ZH[r.code] ?? '安全校验未通过，请重试');
  }
  request.riskToken = { header: r.header, payload: r.payload };
  return true;
}

/** The path as received, without the query string: what the client sealed (PROTOCOL.md §4.1). */
function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

export function riskReasonMessage(code: string): string {
  return REASONS_ZH[code] ?? '安全校验未通过，请重试';
}
