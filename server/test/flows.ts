import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sealedPost as sealedInvoke } from '../src/sandbox-client';
import type { RiskClient } from '@lingjie/risk-sdk/virtual';
import type { Clock } from '../src/clock';
import { latestSms, signIn, TEST_CARD, TEST_ID, TEST_NAME, TEST_USCC } from './helpers';
import { newDevice } from './risk-device';

export interface User {
  token: string;
  userId: string;
  auth: { authorization: string };
  device: RiskClient;
  phone: string;
}

/** A POST with an action token sealed by the user's SDK client for exactly this body. */
export function sealedPost(
  app: FastifyInstance,
  u: User,
  url: string,
  action: string,
  body: object,
  opts: { key?: string | true } = {},
) {
  return sealedInvoke(app, u, url, action, body, opts);
}

let phoneSeq = 0;
/** Signed in, phone bound, every consent granted, real name + face, one enterprise, one card account. */
export async function onboard(app: FastifyInstance, clock: Clock, code = `wx-${randomUUID()}`) {
  const s = await signIn(app, code);
  const device = await newDevice(app, clock);
  const phone = `1390000${String(1000 + (phoneSeq++ % 9000)).padStart(4, '0')}`;
  const u: User = { ...s, device, phone };
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: u.auth, payload });
  const must = (r: LightMyRequestResponse) => {
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json();
  };
  must(await post('/api/auth/sms', { phone, purpose: 'login' }));
  must(await post('/api/auth/phone', { phone, smsCode: await latestSms(app, phone) }));
  for (const purpose of ['personal_info', 'risk_device', 'credit_report', 'biometric'])
    must(await post('/api/consents', { purpose, version: '2026.1' }));
  must(await post('/api/customer/real-name', { name: TEST_NAME, idNumber: TEST_ID }));
  must(await post('/api/customer/face', { passed: true }));
  const enterprise = must(
    await post('/api/enterprises', {
      uscc: TEST_USCC,
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
      accountNo: TEST_CARD,
      holderName: TEST_NAME,
      bankName: '零接银行',
    }),
  ).account;
  return { ...u, enterpriseId: enterprise.id as string, accountId: account.id as string };
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
    headers: u.auth,
    payload: { offerId: a.json().offer.id },
  });
  await app.inject({
    method: 'POST',
    url: '/api/auth/sms',
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
