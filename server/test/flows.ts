import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sealedPost as sealedInvoke } from '../src/sandbox-client';
import type { RiskClient } from '@lingjie/risk-sdk/virtual';
import type { Clock } from '../src/clock';
import { latestSms, signIn, TEST_NAME } from './helpers';
import { testIdentity } from './identities';
import { newDevice } from './risk-device';

export interface User {
  token: string;
  userId: string;
  auth: { authorization: string };
  device: RiskClient;
  phone: string;
  /** Where this user's requests come from (each user has their own address). */
  ip: string;
}

/**
 * A POST with an action token sealed by the user's SDK client for exactly this body. When the risk
 * engine asks for an SMS check (428 RISK_STEP_UP) it answers like the app: asks for the code, reads
 * it from the sandbox inbox and resubmits (same Idempotency-Key, fresh token) — unless `stepUp:
 * false`, for tests that look at the 428 itself.
 */
export async function sealedPost(
  app: FastifyInstance,
  u: User,
  url: string,
  action: string,
  body: object,
  opts: { key?: string | true; stepUp?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const key = opts.key === true ? randomUUID() : opts.key;
  const first = await sealedInvoke(app, u, url, action, body, { key });
  if (first.statusCode !== 428 || first.json().code !== 'RISK_STEP_UP' || opts.stepUp === false) return first;
  await app.inject({
    method: 'POST',
    url: '/api/risk/step-up/sms',
    headers: u.auth,
    remoteAddress: u.ip,
    payload: { decisionId: first.json().decisionId },
  });
  const code = await latestSms(app, u.phone, 'risk.step_up');
  return sealedInvoke(app, u, url, action, body, { key, headers: { 'x-step-up-code': code } });
}

let userSeq = 0;
/**
 * Signed in, phone bound, every consent granted, real name + face, one enterprise, one card account;
 * with their own resident ID, USCC, card, phone and IP address (test/identities.ts).
 */
export async function onboard(app: FastifyInstance, clock: Clock, code = `wx-${randomUUID()}`) {
  const n = ++userSeq;
  const id = testIdentity(n);
  const s = await signIn(app, code);
  const device = await newDevice(app, clock);
  const phone = `1390000${String(1000 + (n % 9000)).padStart(4, '0')}`;
  const u: User = { ...s, device, phone, ip: id.ip };
  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: u.auth, payload, remoteAddress: u.ip });
  const must = (r: LightMyRequestResponse) => {
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json();
  };
  must(await post('/api/auth/sms', { phone, purpose: 'login' }));
  must(await post('/api/auth/phone', { phone, smsCode: await latestSms(app, phone) }));
  for (const purpose of ['personal_info', 'risk_device', 'credit_report', 'biometric'])
    must(await post('/api/consents', { purpose, version: '2026.1' }));
  must(await post('/api/customer/real-name', { name: TEST_NAME, idNumber: id.idNumber }));
  must(await post('/api/customer/face', { passed: true }));
  const enterprise = must(
    await post('/api/enterprises', {
      uscc: id.uscc,
      name: '福州零接商贸有限公司',
      legalRepName: TEST_NAME,
      registrationDate: '2019-05-20',
      industry: '批发零售',
      annualRevenueFen: 500_000_000,
      employees: 12,
    }),
  );
  const account = must(
    await sealedPost(app, u, '/api/accounts', 'account.change', {
      kind: 'card',
      accountNo: id.cardNo,
      holderName: TEST_NAME,
      bankName: '零接银行',
    }),
  ).account;
  return { ...u, ...id, enterpriseId: enterprise.id as string, accountId: account.id as string };
}

export type Onboarded = Awaited<ReturnType<typeof onboard>>;

/** Apply → approved offer → contract → SMS → signed. Returns the contract id. */
export async function signedContract(
  app: FastifyInstance,
  u: Onboarded,
  apply: Partial<{ amountFen: number; termMonths: number; method: string }> = {},
) {
  const body = {
    enterpriseId: u.enterpriseId,
    amountFen: 10_000_000,
    termMonths: 12,
    method: 'EQUAL_INSTALMENT',
    purpose: 'WORKING_CAPITAL',
    ...apply,
  };
  const a = await sealedPost(app, u, '/api/applications', 'loan.apply', body);
  if (a.statusCode !== 200 || a.json().status !== 'approved') throw new Error(`apply ${a.statusCode} ${a.body}`);
  const c = await app.inject({
    method: 'POST',
    url: '/api/contracts',
    remoteAddress: u.ip,
    headers: u.auth,
    payload: { offerId: a.json().offer.id },
  });
  await app.inject({
    method: 'POST',
    url: '/api/auth/sms',
    remoteAddress: u.ip,
    headers: u.auth,
    payload: { phone: u.phone, purpose: 'contract.sign' },
  });
  const smsCode = await latestSms(app, u.phone, 'contract.sign');
  const s = await sealedPost(app, u, `/api/contracts/${c.json().id}/sign`, 'contract.sign', { smsCode });
  if (s.statusCode !== 200) throw new Error(`sign ${s.statusCode} ${s.body}`);
  return c.json().id as string;
}

/** A loan drawn today on a fresh signed contract. */
export async function drawnLoan(
  app: FastifyInstance,
  u: Onboarded,
  amountFen = 10_000_000,
  apply: Parameters<typeof signedContract>[2] = {},
) {
  const contractId = await signedContract(app, u, { amountFen, ...apply });
  const d = await sealedPost(
    app,
    u,
    `/api/contracts/${contractId}/drawdowns`,
    'drawdown',
    { amountFen, accountId: u.accountId },
    { key: true },
  );
  if (d.statusCode !== 200) throw new Error(`drawdown ${d.statusCode} ${d.body}`);
  return d.json().loan;
}
