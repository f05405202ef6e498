import { json, latestSms, startTestApp, TEST_NAME, type TestContext } from '../../test/helpers';
import { onboard, sealedPost, signedContract } from '../../test/flows';
import { riskKeys } from '../../test/risk-device';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-01T02:00:00Z'));

describe('contracts, accounts and drawdowns', () => {
  test('signing needs the SMS code sent to the bound phone', async () => {
    const u = await onboard(t.app, t.clock);
    const a = await sealedPost(t.app, u, '/api/applications', 'loan.apply', {
      enterpriseId: u.enterpriseId,
      amountFen: 5_000_000,
      termMonths: 6,
      method: 'EQUAL_PRINCIPAL',
      purpose: 'INVENTORY',
    });
    const c = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/contracts',
        headers: u.auth,
        payload: { offerId: json(a).offer.id },
      }),
    );
    expect(c).toMatchObject({
      status: 'pending',
      terms: { limitFen: 5_000_000, feesFen: 0, method: 'EQUAL_PRINCIPAL' },
    });
    const otherPhone = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sms',
      headers: u.auth,
      payload: { phone: '13700001111', purpose: 'contract.sign' },
    });
    expect(json(otherPhone).code).toBe('PHONE_NOT_BOUND');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/sms',
      headers: u.auth,
      payload: { phone: u.phone, purpose: 'contract.sign' },
    });
    const code = await latestSms(t.app, u.phone, 'contract.sign');
    const wrong = await sealedPost(t.app, u, `/api/contracts/${c.id}/sign`, 'contract.sign', {
      smsCode: code === '123456' ? '654321' : '123456',
    });
    expect(json(wrong).code).toBe('SMS_CODE_WRONG');
    const draw = await sealedPost(
      t.app,
      u,
      `/api/contracts/${c.id}/drawdowns`,
      'drawdown',
      { amountFen: 1_000_000, accountId: u.accountId },
      { key: true },
    );
    expect(json(draw).code).toBe('CONTRACT_NOT_SIGNED');
    const ok = await sealedPost(t.app, u, `/api/contracts/${c.id}/sign`, 'contract.sign', { smsCode: code });
    expect(json(ok)).toMatchObject({ status: 'signed' });
    expect(json(ok).signedAt).toMatch(/\+08:00$/);
  });

  test('drawdowns stay within the available limit', async () => {
    const u = await onboard(t.app, t.clock);
    const contractId = await signedContract(t.app, u, { amountFen: 5_000_000 });
    const first = await sealedPost(
      t.app,
      u,
      `/api/contracts/${contractId}/drawdowns`,
      'drawdown',
      { amountFen: 3_000_000, accountId: u.accountId },
      { key: true },
    );
    expect(first.statusCode).toBe(200);
    const over = await sealedPost(
      t.app,
      u,
      `/api/contracts/${contractId}/drawdowns`,
      'drawdown',
      { amountFen: 3_000_000, accountId: u.accountId },
      { key: true },
    );
    expect(over.statusCode).toBe(400);
    expect(json(over)).toMatchObject({ code: 'LOAN_AMOUNT_OVER_AVAILABLE', field: 'amountFen' });
    const rest = await sealedPost(
      t.app,
      u,
      `/api/contracts/${contractId}/drawdowns`,
      'drawdown',
      { amountFen: 2_000_000, accountId: u.accountId },
      { key: true },
    );
    expect(rest.statusCode).toBe(200);
    const loans = json(await t.app.inject({ url: '/api/loans', headers: u.auth })).items;
    expect(loans).toHaveLength(2);
  });

  test('an expired offer cannot be signed into a contract', async () => {
    const u = await onboard(t.app, t.clock);
    const a = await sealedPost(t.app, u, '/api/applications', 'loan.apply', {
      enterpriseId: u.enterpriseId,
      amountFen: 1_000_000,
      termMonths: 3,
      method: 'INTEREST_FIRST',
      purpose: 'PAYROLL',
    });
    t.clock.set('2026-03-09T02:00:00Z');
    const c = await t.app.inject({
      method: 'POST',
      url: '/api/contracts',
      headers: u.auth,
      payload: { offerId: json(a).offer.id },
    });
    expect(json(c).code).toBe('OFFER_EXPIRED');
  });

  test('accounts: Luhn failure is only a warning; the holder must be the borrower', async () => {
    const u = await onboard(t.app, t.clock);
    const add = (body: object) => sealedPost(t.app, u, '/api/accounts', 'account.change', body);
    const luhn = await add({
      kind: 'card',
      accountNo: '6222021234567890123',
      holderName: TEST_NAME,
      bankName: '零接银行',
    });
    expect(luhn.statusCode).toBe(200);
    expect(json(luhn).warnings.map((w: { code: string }) => w.code)).toEqual(['BANK_CARD_LUHN_WARNING']);
    expect(json(luhn).account.accountNo).toBe('***************0123');
    const other = await add({
      kind: 'card',
      accountNo: '6222021234567890128',
      holderName: '王五',
      bankName: '零接银行',
    });
    expect(json(other)).toMatchObject({ code: 'ACCOUNT_HOLDER_MISMATCH', field: 'holderName' });
    const corp = await add({
      kind: 'corporate',
      accountNo: '3501 0000 1234 5678',
      holderName: '福州零接商贸有限公司',
      bankName: '零接银行',
    });
    expect(corp.statusCode).toBe(200);
    const short = await add({ kind: 'card', accountNo: '1234', holderName: TEST_NAME, bankName: '零接银行' });
    expect(json(short)).toMatchObject({ code: 'BANK_CARD_LENGTH', field: 'accountNo' });
    const list = json(await t.app.inject({ url: '/api/accounts', headers: u.auth })).items;
    expect(list).toHaveLength(3);
  });
});
