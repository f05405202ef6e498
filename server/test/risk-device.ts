import type { FastifyInstance } from 'fastify';
import { generateServerKeyPair } from '@lingjie/risk-sdk/server';
import type { Clock } from '../src/clock';
import { sandboxDevice } from '../src/sandbox-client';

/** One server key for the whole test run. */
export const TEST_KEY = generateServerKeyPair({ keyId: 'ljr1-test-0001' });
export const riskKeys = [{ keyId: TEST_KEY.keyId, privateKey: TEST_KEY.privateKey }];

/** A real SDK client on a virtual phone talking to the app under test. */
export function newDevice(app: FastifyInstance, clock: Clock, profile: Record<string, unknown> = {}) {
  return sandboxDevice(app, clock, TEST_KEY, profile);
}
