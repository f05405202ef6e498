import { createRiskServer, HandshakeRejectedError } from '@lingjie/risk-sdk/server';
import { AppError } from '../errors';
import type { RiskGate, VerifyResult } from './gate';
import type { RiskStore } from './sql-risk-store';

export interface RiskKey {
  keyId: string;
  privateKey: string;
  notAfter?: number;
  /** Suite of the key (`LJR1` default, or `LJG1`); see loadRiskKeys / RISK_SUITES. */
  suite?: string;
}

const HANDSHAKE_ZH: Record<string, string> = {
  MALFORMED: '安全握手请求格式不正确',
  SUITE_UNSUPPORTED: '安全组件版本不受支持，请更新小程序',
  KEY_UNKNOWN: '安全密钥未配置，请更新小程序',
  KEY_RETIRED: '安全密钥已停用，请更新小程序',
};

/** The SDK's server module (handshake + verifier) on the given store, as the bank's risk gate. */
export function createSdkRiskGate(opts: { keys: RiskKey[]; store: RiskStore; clock: () => number }): RiskGate {
  const server = createRiskServer(opts);
  return {
    async handshake(body) {
      try {
        return await server.handshake(body);
      } catch (e) {
        // A refused handshake is the client's problem (stale app, bad key id): a 400 with the SDK's code.
        if (e instanceof HandshakeRejectedError)
          throw new AppError(400, e.code, HANDSHAKE_ZH[e.code] ?? '安全握手失败');
        throw e;
      }
    },
    verify: (token, ctx) => server.verify(token, ctx) as Promise<VerifyResult>,
    publicKeys: () => server.publicKeys(),
  };
}
