import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from './app';
import { ManualClock, type Clock } from './clock';
import type { Db } from './db/connect';
import { inOneTransaction } from './db/one-transaction';
import { sandboxCode2Session } from './services/auth';
import type { PiiVault } from './pii/vault';
import type { RiskKey } from './risk/sdk-gate';
import { sandboxDevice, sealedPost } from './sandbox-client';

/** The demo login: WeChat login code (H5 sandbox) and the phone it is bound to. */
export const DEMO = { loginCode: 'demo', phone: '13800138000', name: '张三', idNumber: '110105198506150014' } as const;

const DAY = 86_400_000;

function must(r: LightMyRequestResponse, what: string) {
  if (r.statusCode !== 200) throw new Error(`seed: ${what} → ${r.statusCode} ${r.body}`);
  return r.json();
}

/**
 * Seeds the demo customer with loans in every state (settled, overdue, deferred, on time) by
 * replaying their history through the real API with a real SDK client on a moving clock: the data
 * is exactly what the product would have produced. All or nothing: the whole story runs in one
 * transaction, so a crash or failure mid-way leaves no trace and the next start seeds again.
 * Skipped when the complete demo customer already exists.
 */
export async function seedDemo(
  db: Db,
  riskKeys: RiskKey[],
  now: Date = new Date(),
  /** The risk engine's identity key of the app that will serve this data (its hashes must match). */
  identityKey?: string,
  /** The personal-data keys of the app that will serve this data (it must open what the seed seals). */
  pii?: PiiVault,
): Promise<boolean> {
  return inOneTransaction(db, async (trx) => {
    if (await demoIsComplete(trx)) return false;
    const clock = new ManualClock(now.getTime() - 150 * DAY);
    const app = await buildApp({
      db: trx,
      clock,
      riskKeys,
      identityKey,
      pii,
      logger: false,
      sessionTtlMs: 365 * DAY,
      rateLimits: { login: 1e6, sms: 1e6, applications: 1e6 },
      ruleSetSyncMs: 0,
    });
    try {
      await app.ready();
      await runStory(app, clock, now);
    } finally {
      await app.close();
    }
    return true;
  });
}

/** The story draws four loans. */
const DEMO_LOANS = 4;

/**
 * True when the demo customer is all there. A demo user without the story's loans is a half-made
 * one left by a crash before seeding ran in one transaction: it is set aside (its login freed, its
 * rows kept) so the story can run again under the demo login.
 */
async function demoIsComplete(db: Db): Promise<boolean> {
  const openid = sandboxCode2Session(DEMO.loginCode).openid;
  const user = await db.selectFrom('users').select('id').where('openid', '=', openid).executeTakeFirst();
  if (!user) return false;
  const loans = await db
    .selectFrom('loans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (Number(loans.n) >= DEMO_LOANS) return true;
  await db
    .updateTable('users')
    .set({ openid: `${openid}#half-made-${user.id}` })
    .where('id', '=', user.id)
    .execute();
  // Its resident ID is freed too: a resident ID is verified on one customer only (migration 005).
  await db.updateTable('customers').set({ id_number_reuse: 'set-aside' }).where('user_id', '=', user.id).execute();
  return false;
}

async function runStory(app: FastifyInstance, clock: ManualClock, now: Date) {
  const at = (daysAgo: number) => clock.set(now.getTime() - daysAgo * DAY);
  const login = must(
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: DEMO.loginCode } }),
    'login',
  );
  const auth = { authorization: `Bearer ${login.token}` };
  const key = (await app.inject({ url: '/api/risk/keys' })).json().keys[0];
  const device = await sandboxDevice(app, clock as Clock, key);
  const me = { auth, device };
  const post = async (url: string, payload: object) =>
    must(await app.inject({ method: 'POST', url, headers: auth, payload }), url);

  await post('/api/auth/sms', { phone: DEMO.phone, purpose: 'login' });
  const inbox = (await app.inject({ url: `/api/dev/sms/${DEMO.phone}` })).json().messages;
  await post('/api/auth/phone', { phone: DEMO.phone, smsCode: inbox[0].code });
  for (const purpose of [
    'personal_info',
    'risk_device',
    'credit_report',
    'biometric',
    'enterprise_credit',
    'tax',
    'invoice',
  ]) {
    await post('/api/consents', { purpose, version: '2026.1' });
  }
  await post('/api/customer/real-name', { name: DEMO.name, idNumber: DEMO.idNumber });
  await post('/api/customer/face', { passed: true });
  const enterprise = await post('/api/enterprises', {
    uscc: '91350100M000100Y43',
    name: '福州零接商贸有限公司',
    legalRepName: DEMO.name,
    registrationDate: '2018-04-16',
    industry: '批发和零售业',
    annualRevenueFen: 800_000_000,
    employees: 18,
  });
  const account = must(
    await sealedPost(app, me, '/api/accounts', 'account.change', {
      kind: 'card',
      accountNo: '6222021234567890128',
      holderName: DEMO.name,
      bankName: '零接银行',
    }),
    'account',
  ).account;

  const draw = async (amountFen: number, termMonths: number, method: string) => {
    const a = must(
      await sealedPost(app, me, '/api/applications', 'loan.apply', {
        enterpriseId: enterprise.id,
        amountFen,
        termMonths,
        method,
        purpose: 'WORKING_CAPITAL',
      }),
      'apply',
    );
    const c = await post('/api/contracts', { offerId: a.offer.id });
    await post('/api/auth/sms', { phone: DEMO.phone, purpose: 'contract.sign' });
    const code = (await app.inject({ url: `/api/dev/sms/${DEMO.phone}` }))
      .json()
      .messages.find((m: { purpose: string; used: boolean }) => m.purpose === 'contract.sign' && !m.used).code;
    must(await sealedPost(app, me, `/api/contracts/${c.id}/sign`, 'contract.sign', { smsCode: code }), 'sign');
    return must(
      await sealedPost(
        app,
        me,
        `/api/contracts/${c.id}/drawdowns`,
        'drawdown',
        { amountFen, accountId: account.id },
        { key: true },
      ),
      'drawdown',
    ).loan;
  };
  const payNext = async (loan: { id: string }) => {
    const l = (await app.inject({ url: `/api/loans/${loan.id}`, headers: auth })).json();
    clock.set(`${l.nextDue.dueDate}T02:00:00Z`);
    must(
      await sealedPost(app, me, `/api/loans/${loan.id}/repayments`, 'repay', { kind: 'current' }, { key: true }),
      'repay',
    );
  };

  at(150);
  const settled = await draw(5_000_000, 3, 'EQUAL_INSTALMENT');
  for (let i = 0; i < 3; i++) await payNext(settled);
  at(75);
  await draw(10_000_000, 12, 'EQUAL_INSTALMENT'); // never repaid: overdue today
  at(50);
  const deferred = await draw(8_000_000, 12, 'INTEREST_FIRST');
  at(40);
  const onTime = await draw(20_000_000, 12, 'EQUAL_PRINCIPAL');
  await payNext(deferred);
  clock.set(clock.now().getTime() + DAY);
  must(
    await sealedPost(
      app,
      me,
      `/api/loans/${deferred.id}/deferrals`,
      'deferral',
      { option: 'FULL_DEFERRAL', months: 3 },
      { key: true },
    ),
    'deferral',
  );
  await payNext(onTime);
  clock.set(now);
  device.destroy();
}
