import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { ManualClock } from './clock';
import { createTestDb, dropTestDb, secondConnection } from '../test/db';
import { drawnLoan, onboard, sealedPost, signedContract, type Onboarded } from '../test/flows';
import { json, TEST_IDENTITY_KEY, TEST_STAFF_KEY } from '../test/helpers';
import { newDevice, riskKeys } from '../test/risk-device';
import { httpInjector, roundRobin } from '../test/round-robin';
import { readDecisions, seedTestStaff, staffSignIn } from '../test/staff';

jest.setTimeout(180_000);

/*
 * Two bank instances on one database behind a round-robin balancer on loopback, as a bank runs them
 * (issue 11 point 4). Every request crosses real HTTP; a customer's requests land on both instances
 * in turn. On PostgreSQL (TEST_DATABASE_URL) each instance has its own connection pool, so nothing
 * is shared but the database; on PGlite (single-process) they share one database handle and the
 * test still shows that no per-instance memory (session caches, idempotency queues, engine state)
 * decides an outcome. With TEST_REDIS_URL the engine's hot state is in one Redis shared by both.
 */
const staff = { 'x-staff-key': TEST_STAFF_KEY };
const redisUrl = process.env.TEST_REDIS_URL;
const redisPrefix = `lingjie:test:${randomUUID()}:`;
const clock = new ManualClock('2026-03-02T02:00:00Z');
let closeAll: () => Promise<void>;
let instances: FastifyInstance[];
let balancer: Awaited<ReturnType<typeof roundRobin>>;
/** Through the balancer, direct to instance A, direct to instance B. */
let rr: FastifyInstance;
let viaA: FastifyInstance;
let viaB: FastifyInstance;
let urls: string[];
let db: Awaited<ReturnType<typeof createTestDb>>;

beforeAll(async () => {
  db = await createTestDb();
  const second = await secondConnection(db);
  const instance = (handle: typeof db | typeof second.db) =>
    buildApp({
      db: handle,
      clock,
      riskKeys,
      logger: false,
      identityKey: TEST_IDENTITY_KEY,
      staffKeys: [TEST_STAFF_KEY],
      sessionTtlMs: 3 * 365 * 86_400_000,
      rateLimits: { login: 1000, sms: 1000, applications: 1000 },
      // Behind the balancer: the customer's address comes in X-Forwarded-For from 127.0.0.1.
      trustProxy: '127.0.0.1',
      // With TEST_REDIS_URL (CI) the engine's windows and channel buckets are in one Redis, shared
      // by both instances under this run's own prefix (keys outlive a run by wall clock).
      ...(redisUrl ? { redisUrl, redisPrefix } : {}),
    });
  instances = [await instance(db), await instance(second.db)];
  urls = await Promise.all(instances.map((a) => a.listen({ port: 0, host: '127.0.0.1' })));
  balancer = await roundRobin(urls);
  rr = httpInjector(balancer.url);
  [viaA, viaB] = urls.map(httpInjector);
  closeAll = async () => {
    await balancer.close();
    await Promise.all(instances.map((a) => a.close()));
    await second.close();
    await dropTestDb(db);
  };
});
afterAll(() => closeAll?.());

/** A customer onboarded through the balancer whose phone reports launch channel `channel`. */
async function customerOn(channel: string): Promise<Onboarded> {
  const u = await onboard(rr, clock);
  return { ...u, device: await newDevice(rr, clock, { launch: { scene: 1001, channel } }) };
}

const application = (u: Onboarded) => ({
  enterpriseId: u.enterpriseId,
  amountFen: 10_000_000,
  termMonths: 12,
  method: 'EQUAL_INSTALMENT',
  purpose: 'WORKING_CAPITAL',
});

async function latestDecision(action: string) {
  const list = json(await viaA.inject({ url: `/api/staff/risk/decisions?action=${action}`, headers: staff }));
  return json(await viaB.inject({ url: `/api/staff/risk/decisions/${list.items[0].decisionId}`, headers: staff }));
}

test('a customer goes from sign-in to repayment with requests landing on both instances', async () => {
  const before = [...balancer.served];
  const u = await onboard(rr, clock);
  const loan = await drawnLoan(rr, u, 5_000_000);
  clock.set('2026-04-02T02:00:00Z');
  const pay = await sealedPost(rr, u, `/api/loans/${loan.id}/repayments`, 'repay', { kind: 'current' }, { key: true });
  expect(pay.statusCode).toBe(200);
  expect(json(pay).repayment.amountFen).toBe(loan.schedule[0].paymentFen);
  // Both instances took a real share of the journey.
  const share = balancer.served.map((n, i) => n - before[i]);
  expect(Math.min(...share)).toBeGreaterThanOrEqual(5);
});

test('a token accepted by one instance is refused by the other (replay), in both directions', async () => {
  const u = await onboard(rr, clock);
  for (const [first, second] of [
    [viaA, viaB],
    [viaB, viaA],
  ]) {
    const body = { kind: 'card', accountNo: '6222021234567890128', holderName: '张三', bankName: '零接银行' };
    const headers = {
      ...u.auth,
      'x-risk-token': await u.device.seal('account.change', { method: 'POST', path: '/api/accounts', body }),
    };
    const send = (to: FastifyInstance) =>
      to.inject({ method: 'POST', url: '/api/accounts', headers, payload: body, remoteAddress: u.ip });
    expect((await send(first)).statusCode).toBe(200);
    const replay = await send(second);
    expect(replay.statusCode).toBe(403);
    expect(json(replay).code).toBe('REPLAY_NONCE');
  }
});

test('velocity and the channel surge count applications from both instances', async () => {
  const channel = `rr-${randomUUID().slice(0, 8)}`;
  const u = await customerOn(channel);
  const targets = [viaA, viaB, viaA, viaB];
  for (const to of targets) {
    clock.set(clock.now().getTime() + 60_000);
    const r = await sealedPost(to, u, '/api/applications', 'loan.apply', application(u));
    expect(r.statusCode).toBe(200);
  }
  // The fourth decision (taken on B) counted the three before it, two of which A decided.
  const last = await latestDecision('loan.apply');
  expect(last.features).toMatchObject({ 'ctx.channel': channel, 'velocity.identityApps24h': 4 });
  // Each instance reads the channel's buckets with all four applications in them.
  for (const to of [viaA, viaB]) {
    const series = json(await to.inject({ url: `/api/staff/risk/channels/${channel}/series`, headers: staff }));
    const total = series.items.reduce((n: number, b: { applications: number }) => n + b.applications, 0);
    expect(total).toBe(targets.length);
  }
});

test('a lockdown set on one instance is honoured by the other, and so is its lift', async () => {
  const channel = `rr-${randomUUID().slice(0, 8)}`;
  const u = await customerOn(channel);
  const lock = await viaA.inject({
    method: 'POST',
    url: `/api/staff/risk/channels/${channel}/lockdown`,
    headers: staff,
    payload: { mode: 'reject', reason: '渠道申请量激增，疑似撸口子团伙' },
  });
  expect(lock.statusCode).toBe(200);
  clock.set(clock.now().getTime() + 60_000);
  const locked = json(await sealedPost(viaB, u, '/api/applications', 'loan.apply', application(u)));
  expect(locked.status).toBe('rejected');
  expect(locked.decision.reasonCodes).toContain('CHANNEL_LOCKDOWN');

  const lift = await viaB.inject({
    method: 'POST',
    url: `/api/staff/risk/channels/${channel}/lift`,
    headers: staff,
    payload: { reason: '核查完毕' },
  });
  expect(json(lift).lifted).toHaveLength(1);
  clock.set(clock.now().getTime() + 60_000);
  const after = json(await sealedPost(viaA, u, '/api/applications', 'loan.apply', application(u)));
  expect(after.decision.reasonCodes).not.toContain('CHANNEL_LOCKDOWN');
});

test('one drawdown sent to both instances at once with one Idempotency-Key moves money once', async () => {
  const u = await onboard(rr, clock);
  const contractId = await signedContract(rr, u, { amountFen: 3_000_000 });
  const key = randomUUID();
  const url = `/api/contracts/${contractId}/drawdowns`;
  const body = { amountFen: 3_000_000, accountId: u.accountId };
  // Each copy carries its own token (a client retrying seals afresh); only the key is shared.
  const [a, b] = await Promise.all([viaA, viaB].map((to) => sealedPost(to, u, url, 'drawdown', body, { key })));
  expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
  expect(json(a).loan.id).toBe(json(b).loan.id);
  expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']]).toContain('true');
  const loans = await db.selectFrom('loans').select('id').where('contract_id', '=', contractId).execute();
  expect(loans).toHaveLength(1);
});

// PGlite is one process: a bank on it runs one instance, and there is nothing to relay.
(process.env.TEST_DATABASE_URL ? test : test.skip)(
  'a console streaming from one instance sees the decisions made on the other (LISTEN/NOTIFY relay)',
  async () => {
    await seedTestStaff(db, clock);
    const analyst = (await staffSignIn(viaA, clock, 'analyst')).headers;
    const channel = `rr-${randomUUID().slice(0, 8)}`;
    const u = await customerOn(channel);
    const res = await fetch(`${urls[0]}/api/staff/stream/decisions?channel=${channel}`, {
      headers: { ...analyst, accept: 'text/event-stream' },
    });
    expect(res.status).toBe(200);
    const events = readDecisions(res.body as ReadableStream<Uint8Array>, 2);
    const made: string[] = [];
    for (const to of [viaB, viaA]) {
      clock.set(clock.now().getTime() + 60_000);
      expect((await sealedPost(to, u, '/api/applications', 'loan.apply', application(u))).statusCode).toBe(200);
      made.push((await latestDecision('loan.apply')).decisionId);
    }
    const rows = await events;
    // B's decision arrives through the relay, A's from A itself; each once, in the order made.
    expect(rows.map((r) => r.decisionId)).toEqual(made);
    expect(rows.every((r) => r.channel === channel && r.action === 'loan.apply')).toBe(true);
  },
);
