import { json, signIn, startTestApp, TEST_ID, TEST_NAME, TEST_USCC, type TestContext } from '../../test/helpers';
import { riskKeys } from '../../test/risk-device';
import { testIdentity } from '../../test/identities';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());

async function consenting(code: string) {
  const u = await signIn(t.app, code);
  for (const purpose of ['personal_info', 'biometric']) {
    await t.app.inject({
      method: 'POST',
      url: '/api/consents',
      headers: u.auth,
      payload: { purpose, version: '2026.1' },
    });
  }
  return u;
}
const post = (u: { auth: object }, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: u.auth as Record<string, string>, payload });

describe('customer real-name', () => {
  test('validated with the shared resident-ID validator; the record is masked and locked', async () => {
    const u = await consenting('cust-1');
    const bad = await post(u, '/api/customer/real-name', { name: TEST_NAME, idNumber: '110105198506150015' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ code: 'ID_CHECKSUM', field: 'idNumber' });
    const badName = await post(u, '/api/customer/real-name', { name: 'x1', idNumber: TEST_ID });
    expect(json(badName)).toMatchObject({ code: 'NAME_INVALID', field: 'name' });
    const ok = await post(u, '/api/customer/real-name', { name: TEST_NAME, idNumber: TEST_ID });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ name: TEST_NAME, idNumber: '110**************4', faceVerified: false });
    expect(ok.body).not.toContain(TEST_ID);
    const change = await post(u, '/api/customer/real-name', { name: '李四', idNumber: '440306199001011236' });
    expect(json(change).code).toBe('REAL_NAME_LOCKED');
    const face = await post(u, '/api/customer/face', { passed: true });
    expect(json(face).faceVerified).toBe(true);
    const me = json(await t.app.inject({ url: '/api/me', headers: u.auth }));
    expect(me.realNameVerified).toBe(true);
  });

  test('no record yet → 200 with null (a normal state for a new customer, not an error)', async () => {
    const u = await consenting('cust-2');
    const r = await t.app.inject({ url: '/api/customer', headers: u.auth });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toBeNull();
  });
});

describe('enterprises', () => {
  const enterprise = {
    uscc: TEST_USCC,
    name: '福州零接商贸有限公司',
    legalRepName: TEST_NAME,
    registrationDate: '2019-05-20',
    industry: '批发零售',
    annualRevenueFen: 500_000_000,
    employees: 12,
  };

  test('USCC checked with the shared validator; the applicant is the legal representative', async () => {
    const u = await consenting('ent-1');
    const early = await post(u, '/api/enterprises', enterprise);
    expect(json(early).code).toBe('REAL_NAME_REQUIRED');
    await post(u, '/api/customer/real-name', { name: TEST_NAME, idNumber: testIdentity(41).idNumber });
    const bad = await post(u, '/api/enterprises', { ...enterprise, uscc: '91350100M000100Y44' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).field).toBe('uscc');
    const future = await post(u, '/api/enterprises', { ...enterprise, registrationDate: '2030-01-01' });
    expect(json(future)).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'registrationDate' });
    const ok = await post(u, '/api/enterprises', enterprise);
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ uscc: TEST_USCC, applicantRole: 'legal_rep', annualRevenueFen: 500_000_000 });
    const dup = await post(u, '/api/enterprises', enterprise);
    expect(json(dup).code).toBe('ENTERPRISE_EXISTS');
    const list = json(await t.app.inject({ url: '/api/enterprises', headers: u.auth }));
    expect(list.items).toHaveLength(1);
    const one = await t.app.inject({ url: `/api/enterprises/${json(ok).id}`, headers: u.auth });
    expect(json(one).name).toBe(enterprise.name);
  });

  test("someone else applying needs the legal representative's authorisation", async () => {
    const u = await consenting('ent-2');
    await post(u, '/api/customer/real-name', { name: '李四', idNumber: '440306199001011236' });
    const own = { ...enterprise, uscc: testIdentity(42).uscc };
    const r = await post(u, '/api/enterprises', own);
    expect(r.statusCode).toBe(422);
    expect(json(r)).toMatchObject({ code: 'AUTHORISATION_REQUIRED', field: 'authorisationRef' });
    const ok = await post(u, '/api/enterprises', { ...own, authorisationRef: 'AUTH-2026-0001' });
    expect(json(ok).applicantRole).toBe('authorised');
  });
});

describe('identity reuse (issue 8 point 5)', () => {
  test('a resident ID verified on one account is a 409 on a second one, naming 人工服务; the owner is untouched', async () => {
    const id = testIdentity(43).idNumber;
    const owner = await consenting('reuse-owner');
    expect((await post(owner, '/api/customer/real-name', { name: TEST_NAME, idNumber: id })).statusCode).toBe(200);
    const other = await consenting('reuse-other');
    const r = await post(other, '/api/customer/real-name', { name: TEST_NAME, idNumber: id });
    expect(r.statusCode).toBe(409);
    expect(json(r)).toMatchObject({ code: 'ID_NUMBER_IN_USE', field: 'idNumber' });
    expect(json(r).message).toContain('人工服务');
    expect(r.body).not.toContain(id);
    expect((await t.app.inject({ url: '/api/customer', headers: other.auth })).body).not.toContain('verifiedAt');
    // The owner repeating their own verification is still the idempotent 200.
    expect((await post(owner, '/api/customer/real-name', { name: TEST_NAME, idNumber: id })).statusCode).toBe(200);
  });

  test('two accounts verifying one resident ID at once: one 200, one 409, never a 500', async () => {
    const id = testIdentity(44).idNumber;
    const a = await consenting('race-a');
    const b = await consenting('race-b');
    const codes = (
      await Promise.all([a, b].map((u) => post(u, '/api/customer/real-name', { name: TEST_NAME, idNumber: id })))
    )
      .map((r) => r.statusCode)
      .sort();
    expect(codes).toEqual([200, 409]);
  });

  test('a USCC another customer holds needs the authorisation even from a same-named legal representative, and is flagged', async () => {
    const uscc = testIdentity(45).uscc;
    const body = {
      uscc,
      name: '福州零接商贸有限公司',
      legalRepName: TEST_NAME,
      registrationDate: '2019-05-20',
      industry: '批发零售',
      annualRevenueFen: 500_000_000,
      employees: 12,
    };
    const holder = await consenting('uscc-holder');
    await post(holder, '/api/customer/real-name', { name: TEST_NAME, idNumber: testIdentity(46).idNumber });
    expect((await post(holder, '/api/enterprises', body)).statusCode).toBe(200);
    const claimant = await consenting('uscc-claimant');
    await post(claimant, '/api/customer/real-name', { name: TEST_NAME, idNumber: testIdentity(47).idNumber });
    const refused = await post(claimant, '/api/enterprises', body);
    expect(refused.statusCode).toBe(422);
    expect(json(refused)).toMatchObject({ code: 'USCC_HELD_BY_OTHER', field: 'uscc' });
    expect(json(refused).message).toContain('授权书');
    const ok = await post(claimant, '/api/enterprises', { ...body, authorisationRef: 'AUTH-2026-0002' });
    expect(ok.statusCode).toBe(200);
    const rows = await t.db
      .selectFrom('enterprises')
      .select(['user_id', 'claimed_while_held', 'authorisation_ref'])
      .where('uscc', '=', uscc)
      .orderBy('created_at')
      .execute();
    expect(rows.map((r) => [r.user_id, r.claimed_while_held, r.authorisation_ref])).toEqual([
      [holder.userId, false, null],
      [claimant.userId, true, 'AUTH-2026-0002'],
    ]);
  });
});
