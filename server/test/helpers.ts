import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildAppOptions } from '../src/app';
import { ManualClock } from '../src/clock';
import type { Db } from '../src/db/connect';
import type { RiskGate } from '../src/risk/gate';
import { createTestDb, dropTestDb } from './db';

// PGlite boots in a second or two per suite, longer when suites start in parallel.
if (typeof jest !== 'undefined') jest.setTimeout(60_000);

/** A valid resident ID of someone born 1985 (within the policy's age range). */
export const TEST_ID = '110105198506150014';
export const TEST_NAME = '张三';
export const TEST_USCC = '91350100M000100Y43';
export const TEST_CARD = '6222021234567890128';
/** The risk engine's identity key and a staff API key for every test app. */
export const TEST_IDENTITY_KEY = 'test-identity-key-0123456789abcdef';
export const TEST_STAFF_KEY = 'test-staff-key-0123456789';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  clock: ManualClock;
  close(): Promise<void>;
}

export async function startTestApp(
  opts: Partial<BuildAppOptions> & { risk?: RiskGate; now?: string } = {},
): Promise<TestContext> {
  const db = await createTestDb();
  const clock = new ManualClock(opts.now ?? '2026-03-01T02:00:00Z');
  // Tests move the clock by months: sessions must outlive that.
  const app = await buildApp({
    logger: false,
    sessionTtlMs: 3 * 365 * 86_400_000,
    rateLimits: { login: 1000, sms: 1000, applications: 1000 },
    identityKey: TEST_IDENTITY_KEY,
    staffKeys: [TEST_STAFF_KEY],
    ...opts,
    db,
    clock,
  });
  await app.ready();
  return {
    app,
    db,
    clock,
    async close() {
      await app.close();
      await dropTestDb(db);
    },
  };
}

// Tests read response fields freely; the assertions are the type check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function json<T = any>(res: LightMyRequestResponse): T {
  return res.json() as T;
}

/** A signed-in user with a token; `code` picks the sandbox identity. */
export async function signIn(app: FastifyInstance, code: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code } });
  if (res.statusCode !== 200) throw new Error(`login ${res.statusCode} ${res.body}`);
  const body = res.json();
  return {
    token: body.token as string,
    userId: body.user.id as string,
    auth: { authorization: `Bearer ${body.token}` },
  };
}

/** Reads the newest sandbox SMS code for a phone through the dev inbox route. */
export async function latestSms(app: FastifyInstance, phone: string, purpose = 'login'): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/dev/sms/${phone}` });
  const live = res.json().messages.find((m: { purpose: string; used: boolean }) => m.purpose === purpose && !m.used);
  return live?.code ?? '';
}
