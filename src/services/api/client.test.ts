import { api, ApiError } from './client';
import { network, resetTaroMock } from '../../../test/mocks/taro';
import { sessionToken, setSessionToken } from '../session';
import { resetRiskSession, sealAction } from '../risk';

jest.mock('../risk', () => ({
  sealAction: jest.fn(async (action: string) => `token-for-${action}`),
  resetRiskSession: jest.fn(),
}));

describe('api client', () => {
  beforeEach(() => {
    resetTaroMock();
    setSessionToken(null);
    jest.clearAllMocks();
  });

  it('fills path parameters and sends the bearer session', async () => {
    setSessionToken('s3cr3t-session');
    network.respond = () => ({ statusCode: 200, data: { id: 'L1' } });
    const loan = await api.get('/api/loans/{id}', { params: { id: 'L 1' } });
    expect(loan).toEqual({ id: 'L1' });
    expect(network.requests[0]).toMatchObject({
      url: '/api/loans/L%201',
      method: 'GET',
      header: { authorization: 'Bearer s3cr3t-session' },
    });
  });

  it('seals method, path with its ids and body into X-Risk-Token and sends the idempotency key', async () => {
    network.respond = () => ({ statusCode: 200, data: {} });
    const body = { kind: 'current' as const };
    await api.post('/api/loans/{id}/repayments', { params: { id: 'L1' }, body, risk: 'repay', idempotencyKey: 'k-1' });
    expect(sealAction).toHaveBeenCalledWith('repay', { method: 'POST', path: '/api/loans/L1/repayments', body });
    expect(network.requests[0].header).toMatchObject({ 'x-risk-token': 'token-for-repay', 'idempotency-key': 'k-1' });
    expect(network.requests[0].data).toBe(body);
  });

  it('re-handshakes once when the bank lost the risk session, then succeeds', async () => {
    let calls = 0;
    network.respond = () =>
      ++calls === 1
        ? { statusCode: 403, data: { code: 'SESSION_UNKNOWN', message: '安全会话已失效' } }
        : { statusCode: 200, data: { ok: true } };
    await expect(
      api.post('/api/loans/{id}/repayments', { params: { id: 'L1' }, body: { kind: 'current' }, risk: 'repay' }),
    ).resolves.toEqual({ ok: true });
    expect(resetRiskSession).toHaveBeenCalledTimes(1);
    expect(sealAction).toHaveBeenCalledTimes(2);
  });

  it('a new risk session after a logout or account switch; a session of another customer is replaced once', async () => {
    network.respond = () => ({ statusCode: 200, data: {} });
    const repay = () =>
      api.post('/api/loans/{id}/repayments', { params: { id: 'L1' }, body: { kind: 'current' }, risk: 'repay' });
    setSessionToken('customer-a');
    await repay();
    await repay();
    expect(resetRiskSession).not.toHaveBeenCalled();
    setSessionToken(null); // logout
    setSessionToken('customer-b'); // another customer logs in on this phone
    await repay();
    expect(resetRiskSession).toHaveBeenCalledTimes(1);
    let calls = 0;
    network.respond = () =>
      ++calls === 1
        ? { statusCode: 403, data: { code: 'SESSION_CUSTOMER_MISMATCH', message: '安全会话属于另一个登录账号' } }
        : { statusCode: 200, data: { ok: true } };
    await expect(repay()).resolves.toEqual({ ok: true });
    expect(resetRiskSession).toHaveBeenCalledTimes(2);
  });

  it('turns a 4xx into an ApiError with the server code, zh-CN message and field', async () => {
    network.respond = () => ({
      statusCode: 400,
      data: { code: 'ID_CHECK_DIGIT', message: '身份证号校验位不正确，请核对最后一位', field: 'idNumber' },
    });
    const error = await api.post('/api/customer/real-name', { body: { name: '张三', idNumber: 'x' } }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'ID_CHECK_DIGIT', field: 'idNumber' });
    expect(error.message).toBe('身份证号校验位不正确，请核对最后一位');
  });

  it('signs the user out on 401 and says to log in again', async () => {
    setSessionToken('expired');
    network.respond = () => ({ statusCode: 401, data: { code: 'UNAUTHENTICATED', message: 'x' } });
    await expect(api.get('/api/loans')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '登录已过期，请重新登录',
    });
    expect(sessionToken()).toBeNull();
  });

  it('never shows a server error text, and says what to do on network failure', async () => {
    network.respond = () => ({ statusCode: 500, data: { message: 'stack trace here' } });
    await expect(api.get('/api/loans')).rejects.toMatchObject({
      code: 'SERVER',
      message: expect.stringContaining('稍后再试'),
    });
    network.respond = () => {
      throw new Error('request:fail timeout');
    };
    await expect(api.get('/api/loans')).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining('检查网络'),
    });
  });

  it('sends a JSON content type only with a body (the bank refuses an empty JSON request)', async () => {
    network.respond = () => ({ statusCode: 200, data: { ok: true } });
    await api.post('/api/auth/logout');
    expect(network.requests[0].header).not.toHaveProperty('content-type');
    await api.post('/api/auth/sms', { body: { phone: '13800138000', purpose: 'login' } });
    expect(network.requests[1].header).toMatchObject({ 'content-type': 'application/json' });
  });

  it('a repayment goes without a token when none can be sealed (consent withdrawn); other actions do not', async () => {
    // What the SDK throws when the risk-data consent is withdrawn (its ConsentError).
    const withdrawn = Object.assign(new Error('consent is withdrawn'), { name: 'ConsentError' });
    jest.mocked(sealAction).mockRejectedValueOnce(withdrawn).mockRejectedValueOnce(withdrawn);
    network.respond = () => ({ statusCode: 200, data: { ok: true } });
    const body = { kind: 'current' as const };
    await api.post('/api/loans/{id}/repayments', { params: { id: 'L1' }, body, risk: 'repay', riskOptional: true });
    expect(network.requests[0].header).not.toHaveProperty('x-risk-token');
    await expect(
      api.post('/api/loans/{id}/deferrals', {
        params: { id: 'L1' },
        body: { option: 'INTEREST_ONLY', months: 3 },
        risk: 'deferral',
      }),
    ).rejects.toThrow('consent is withdrawn');
    expect(network.requests).toHaveLength(1);
  });

  it('sends the step-up code and keeps the decision id of a risk answer', async () => {
    network.respond = () => ({
      statusCode: 428,
      data: { code: 'RISK_STEP_UP', message: '需要短信验证', decisionId: 'dec_1' },
    });
    const error = await api
      .post('/api/loans/{id}/repayments', {
        params: { id: 'L1' },
        body: { kind: 'current' },
        risk: 'repay',
        stepUpCode: '123456',
      })
      .catch((e) => e);
    expect(network.requests[0].header).toMatchObject({ 'x-step-up-code': '123456' });
    expect(error).toMatchObject({ status: 428, code: 'RISK_STEP_UP', decisionId: 'dec_1' });
  });
});
