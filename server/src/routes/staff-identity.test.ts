import { onboard, sealedPost } from '../../test/flows';
import { json, signIn, startTestApp, TEST_NAME, TEST_STAFF_KEY, type TestContext } from '../../test/helpers';
import { testIdentity } from '../../test/identities';
import { riskKeys } from '../../test/risk-device';
import { seedTestStaff, staffSignIn } from '../../test/staff';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
  await seedTestStaff(t.db, t.clock);
});
afterAll(() => t.close());

async function consenting(code: string) {
  const u = await signIn(t.app, code);
  await t.app.inject({
    method: 'POST',
    url: '/api/consents',
    headers: u.auth,
    payload: { purpose: 'personal_info', version: '2026.1' },
  });
  return u;
}

describe('identity reuse through 人工服务: a supervisor releases a resident ID (issue 8 point 5)', () => {
  test('A holds X, B is refused; a supervisor releases X on A with a reason; B verifies X; audited, A told, old record kept', async () => {
    const id = testIdentity(61).idNumber;
    const a = await consenting('release-a');
    const b = await consenting('release-b');
    const realName = (u: { auth: Record<string, string> }) =>
      t.app.inject({
        method: 'POST',
        url: '/api/customer/real-name',
        headers: u.auth,
        payload: { name: TEST_NAME, idNumber: id },
      });
    expect((await realName(a)).statusCode).toBe(200);
    expect(json(await realName(b)).code).toBe('ID_NUMBER_IN_USE');

    const url = `/api/staff/customers/${a.userId}/release-identity`;
    const analyst = (await staffSignIn(t.app, t.clock, 'analyst')).headers;
    const supervisor = (await staffSignIn(t.app, t.clock, 'supervisor')).headers;
    const release = (headers: Record<string, string>, payload: object) =>
      t.app.inject({ method: 'POST', url, headers, payload });
    const reason = '人工服务核实本人，换绑新微信账户';
    const refused = await release(analyst, { reason });
    expect(refused.statusCode).toBe(403);
    expect(json(refused).code).toBe('STAFF_FORBIDDEN');
    expect((await release({ 'x-staff-key': TEST_STAFF_KEY }, { reason })).statusCode).toBe(403);
    expect((await release(supervisor, {})).statusCode).toBe(400);
    // Refused attempts changed nothing: B is still refused.
    expect((await realName(b)).statusCode).toBe(409);

    const ok = await release(supervisor, { reason });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ userId: a.userId, idNumberReuse: 'released', name: '张*' });
    expect(ok.body).not.toContain(id);
    expect(json(await release(supervisor, { reason })).code).toBe('ID_NUMBER_NOT_HELD');

    const verified = await realName(b);
    expect(verified.statusCode).toBe(200);
    expect(verified.body).not.toContain(id);

    // A's record stays (sealed, masked) for audit, outside the unique index; B holds the ID now.
    const rows = await t.db
      .selectFrom('customers')
      .select(['user_id', 'id_number_reuse', 'id_number_bidx'])
      .where('user_id', 'in', [a.userId, b.userId])
      .execute();
    const byUser = new Map(rows.map((r) => [r.user_id, r]));
    expect(byUser.get(a.userId)?.id_number_reuse).toBe('released');
    expect(byUser.get(b.userId)?.id_number_reuse).toBeNull();
    expect(byUser.get(a.userId)?.id_number_bidx).toBe(byUser.get(b.userId)?.id_number_bidx);
    const aView = json(await t.app.inject({ url: '/api/customer', headers: a.auth }));
    expect(aView.idNumber).toMatch(/^\d{3}\*+[\dX]$/);

    const notices = json(await t.app.inject({ url: '/api/notices', headers: a.auth })).items as Array<{
      title: string;
      body: string;
    }>;
    const told = notices.find((n) => n.title === '实名身份证号已释放');
    expect(told?.body).toContain('投诉与人工服务');
    expect(told?.body).not.toContain(id);

    const audit = json(
      await t.app.inject({ url: '/api/staff/audit?action=customer.release_identity', headers: analyst }),
    ).items as Array<Record<string, unknown>>;
    expect(audit.find((r) => r.outcome === 'ok')).toMatchObject({
      actor: 'staff:supervisor',
      target: a.userId,
      reason,
    });
    expect(audit.some((r) => r.outcome === 'denied' && r.actor === 'staff:analyst')).toBe(true);
  });

  test('an unknown or unverified customer is a 404, never a 500', async () => {
    const supervisor = (await staffSignIn(t.app, t.clock, 'supervisor')).headers;
    const u = await consenting('release-none');
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/staff/customers/${u.userId}/release-identity`,
      headers: supervisor,
      payload: { reason: '核实' },
    });
    expect(r.statusCode).toBe(404);
  });

  test('the account an identity was released from can no longer apply for a loan', async () => {
    const supervisor = (await staffSignIn(t.app, t.clock, 'supervisor')).headers;
    const u = await onboard(t.app, t.clock);
    const apply = () =>
      sealedPost(t.app, u, '/api/applications', 'loan.apply', {
        enterpriseId: u.enterpriseId,
        amountFen: 10_000_000,
        termMonths: 12,
        method: 'EQUAL_INSTALMENT',
        purpose: 'WORKING_CAPITAL',
      });
    const released = await t.app.inject({
      method: 'POST',
      url: `/api/staff/customers/${u.userId}/release-identity`,
      headers: supervisor,
      payload: { reason: '客户来电核实：身份证转至新账户' },
    });
    expect(released.statusCode).toBe(200);
    const r = await apply();
    expect(r.statusCode).toBe(409);
    expect(json(r).code).toBe('IDENTITY_RELEASED');
  });
});
