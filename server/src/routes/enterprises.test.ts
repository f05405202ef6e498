import { onboard, sealedPost } from '../../test/flows';
import { json, startTestApp, TEST_NAME, type TestContext } from '../../test/helpers';
import { riskKeys } from '../../test/risk-device';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());

describe('a USCC held by another customer (issue 8 point 5)', () => {
  test('the claim needs the authorisation, is flagged, and the risk engine sends its applications to review (USCC_SHARED)', async () => {
    const holder = await onboard(t.app, t.clock);
    const claimant = await onboard(t.app, t.clock);
    const body = {
      uscc: holder.uscc,
      name: '福州零接商贸有限公司',
      legalRepName: TEST_NAME,
      registrationDate: '2019-05-20',
      industry: '批发零售',
      annualRevenueFen: 500_000_000,
      employees: 12,
    };
    const post = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/enterprises',
        headers: claimant.auth,
        payload,
        remoteAddress: claimant.ip,
      });
    expect(json(await post(body))).toMatchObject({ code: 'USCC_HELD_BY_OTHER', field: 'uscc' });
    const claimed = await post({ ...body, authorisationRef: 'AUTH-2026-0042' });
    expect(claimed.statusCode).toBe(200);

    const apply = (u: typeof holder, enterpriseId: string) =>
      sealedPost(t.app, u, '/api/applications', 'loan.apply', {
        enterpriseId,
        amountFen: 10_000_000,
        termMonths: 12,
        method: 'EQUAL_INSTALMENT',
        purpose: 'WORKING_CAPITAL',
      });
    const shared = json(await apply(claimant, json(claimed).id));
    expect(shared.status).toBe('review');
    expect(shared.decision.reasonCodes).toContain('USCC_SHARED');
    // The claimant's own enterprise and the holder are not touched by the flag.
    expect(json(await apply(claimant, claimant.enterpriseId)).decision.reasonCodes).not.toContain('USCC_SHARED');
    const own = json(await apply(holder, holder.enterpriseId));
    expect(own.status).toBe('approved');
    expect(own.decision.reasonCodes).not.toContain('USCC_SHARED');
  });
});
