import type { AddressInfo } from 'node:net';
import { json, startTestApp, TEST_STAFF_KEY, type TestContext } from '../../test/helpers';
import { onboard, sealedPost, type Onboarded } from '../../test/flows';
import { riskKeys } from '../../test/risk-device';
import { readDecisions, seedTestStaff, staffSignIn } from '../../test/staff';

type Headers = Record<string, string>;

describe('decisions in the console: live stream, people and device behind a decision', () => {
  let t: TestContext;
  let base: string;
  let analyst: Headers;
  let supervisor: Headers;
  let u1: Onboarded;
  let u2: Onboarded;
  const apply = (u: Onboarded) =>
    sealedPost(t.app, u, '/api/applications', 'loan.apply', {
      enterpriseId: u.enterpriseId,
      amountFen: 10_000_000,
      termMonths: 12,
      method: 'EQUAL_INSTALMENT',
      purpose: 'WORKING_CAPITAL',
    });

  beforeAll(async () => {
    t = await startTestApp({ riskKeys });
    await seedTestStaff(t.db, t.clock);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    analyst = (await staffSignIn(t.app, t.clock, 'analyst')).headers;
    supervisor = (await staffSignIn(t.app, t.clock, 'supervisor')).headers;
    u1 = await onboard(t.app, t.clock);
    u2 = await onboard(t.app, t.clock);
  });
  afterAll(() => t.close());

  test('the stream sends each decision as it is made, filtered; it needs a credential and the event-stream type', async () => {
    const res = await fetch(`${base}/api/staff/stream/decisions?kind=application`, {
      headers: { ...analyst, accept: 'text/event-stream' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = readDecisions(res.body as ReadableStream<Uint8Array>, 1);
    await apply(u1);
    const [row] = await events;
    expect(row).toMatchObject({
      kind: 'application',
      action: 'loan.apply',
      outcome: 'approve',
      ruleSet: { id: 'loan.apply' },
    });
    expect(row.decisionId).toEqual(expect.any(String));

    const plain = await t.app.inject({ url: '/api/staff/stream/decisions', headers: analyst });
    expect([plain.statusCode, json(plain).code]).toEqual([406, 'NOT_ACCEPTABLE']);
    const anon = await fetch(`${base}/api/staff/stream/decisions`, { headers: { accept: 'text/event-stream' } });
    expect(anon.status).toBe(401);
    const bad = await t.app.inject({
      url: '/api/staff/stream/decisions?outcome=maybe',
      headers: { ...analyst, accept: 'text/event-stream' },
    });
    expect(bad.statusCode).toBe(400);
  });

  test("a decision's context: the customer masked, the application, the device with every identity seen on it", async () => {
    // u2 applies from u1's phone: the device now links two identities. Switching accounts starts a
    // new risk session (the app does it; a session stays bound to the customer who first used it).
    u1.device.resetSession();
    const a = json(await apply({ ...u2, device: u1.device }));
    expect(a.id).toEqual(expect.any(String));
    const decisions = json(
      await t.app.inject({ url: '/api/staff/risk/decisions?action=loan.apply&limit=1', headers: analyst }),
    );
    const id = decisions.items[0].decisionId;
    const ctx = json(await t.app.inject({ url: `/api/staff/decisions/${id}/context`, headers: analyst }));
    expect(ctx.application).toMatchObject({ id: a.id, status: a.status });
    expect(ctx.customer).toMatchObject({ userId: u2.userId, name: '张*', masked: true });
    expect(ctx.customer.idNumber).toMatch(/^\d{3}\*+[\dX]$/);
    expect(ctx.device.identities.map((i: { userId: string }) => i.userId).sort()).toEqual(
      [u1.userId, u2.userId].sort(),
    );
    expect(JSON.stringify(ctx)).not.toContain(u2.phone);
    expect(JSON.stringify(ctx)).not.toContain(u2.idNumber);
  });

  test('revealing a customer needs a supervisor and a reason, and is audited', async () => {
    const url = `/api/staff/customers/${u2.userId}/reveal`;
    expect(
      (await t.app.inject({ method: 'POST', url, headers: analyst, payload: { reason: '核实' } })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url,
          headers: { 'x-staff-key': TEST_STAFF_KEY },
          payload: { reason: '核实' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'POST', url, headers: supervisor, payload: {} })).statusCode).toBe(400);
    const ok = json(
      await t.app.inject({ method: 'POST', url, headers: supervisor, payload: { reason: '客户来电核实身份' } }),
    );
    expect(ok).toMatchObject({
      userId: u2.userId,
      name: '张三',
      idNumber: u2.idNumber,
      phone: u2.phone,
      masked: false,
    });
    const audit = json(await t.app.inject({ url: '/api/staff/audit?action=customer.reveal', headers: analyst })).items;
    expect(audit[0]).toMatchObject({
      actor: 'staff:supervisor',
      outcome: 'ok',
      target: u2.userId,
      reason: '客户来电核实身份',
    });
  });
});
