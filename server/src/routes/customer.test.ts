import { json, signIn, startTestApp, TEST_ID, TEST_NAME, TEST_USCC, type TestContext } from '../../test/helpers';
import { riskKeys } from '../../test/risk-device';

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

  test('no record yet → 404', async () => {
    const u = await consenting('cust-2');
    expect((await t.app.inject({ url: '/api/customer', headers: u.auth })).statusCode).toBe(404);
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
    await post(u, '/api/customer/real-name', { name: TEST_NAME, idNumber: TEST_ID });
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
    const r = await post(u, '/api/enterprises', enterprise);
    expect(r.statusCode).toBe(422);
    expect(json(r)).toMatchObject({ code: 'AUTHORISATION_REQUIRED', field: 'authorisationRef' });
    const ok = await post(u, '/api/enterprises', { ...enterprise, authorisationRef: 'AUTH-2026-0001' });
    expect(json(ok).applicantRole).toBe('authorised');
  });
});
