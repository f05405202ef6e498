import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import LoginPage from '.';
import { network, navigations, resetTaroMock, type RequestOptions } from '../../../test/mocks/taro';
import { sessionToken, setSessionToken } from '../../services/session';
import { validateMobile } from '../../domain';
import { saveConsent } from '../../services/consent';

const user = { id: 'u1', phone: null, realNameVerified: false, createdAt: '2026-01-01T00:00:00Z' };

function bank(opts: RequestOptions) {
  if (opts.url === '/api/auth/login')
    return { statusCode: 200, data: { token: 'tok-1', expiresAt: '2026-12-01T00:00:00Z', user } };
  if (opts.url === '/api/auth/sms') return { statusCode: 200, data: { sent: true, expiresAt: '2026-12-01T00:00:00Z' } };
  if (opts.url === '/api/auth/phone') {
    const body = opts.data as { smsCode: string };
    return body.smsCode === '123456'
      ? { statusCode: 200, data: { ...user, phone: '138****8000' } }
      : { statusCode: 400, data: { code: 'SMS_CODE_WRONG', message: '验证码不正确，请重新输入', field: 'smsCode' } };
  }
  if (opts.url === '/api/consents') return { statusCode: 200, data: {} };
  return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(`${testId}-input`), { target: { value } });

describe('LoginPage', () => {
  beforeEach(async () => {
    resetTaroMock();
    setSessionToken(null);
    network.respond = bank;
    await saveConsent({ personal_info: true }); // the privacy notice was agreed to (see the next block)
  });

  async function wechatLogin() {
    render(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-wechat'));
    await waitFor(() => expect(screen.getByTestId('login-phone-step')).toBeInTheDocument());
  }

  it('shows which of the two login steps the visitor is on (issue #9 point 19)', async () => {
    render(<LoginPage />);
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('登录 · 第1步 / 共2步');
    fireEvent.click(screen.getByTestId('login-wechat'));
    await waitFor(() => expect(screen.getByTestId('step-indicator')).toHaveTextContent('登录 · 第2步 / 共2步'));
  });

  it('logs in with WeChat first, keeping the bank session', async () => {
    await wechatLogin();
    expect(network.requests[0]).toMatchObject({ url: '/api/auth/login', method: 'POST' });
    expect(sessionToken()).toBe('tok-1');
  });

  it('shows the mobile validator message in place and sends nothing', async () => {
    await wechatLogin();
    type('login-phone', '12345678901');
    fireEvent.click(screen.getByTestId('login-send-sms'));
    const expected = validateMobile('12345678901');
    if (expected.ok) throw new Error('test number must be invalid');
    expect(screen.getByTestId('login-phone-error')).toHaveTextContent(expected.message);
    expect(network.requests.map((r) => r.url)).not.toContain('/api/auth/sms');
  });

  it('sends the code, shows the bank’s field error in place, then continues', async () => {
    await wechatLogin();
    type('login-phone', '13800138000');
    fireEvent.click(screen.getByTestId('login-send-sms'));
    await waitFor(() => expect(screen.getByTestId('login-sms-sent')).toHaveTextContent('138****8000'));
    expect(screen.getByTestId('login-send-sms')).toBeDisabled(); // the quiet 60 s wait
    type('login-sms', '000000');
    fireEvent.click(screen.getByTestId('login-confirm'));
    await waitFor(() => expect(screen.getByTestId('login-sms-error')).toHaveTextContent('验证码不正确，请重新输入'));
    type('login-sms', '123456');
    fireEvent.click(screen.getByTestId('login-confirm'));
    await waitFor(() => expect(navigations).toEqual([{ kind: 'switchTab', url: '/pages/index/index' }]));
  });
});

describe('LoginPage before the privacy notice', () => {
  beforeEach(async () => {
    resetTaroMock();
    setSessionToken(null);
    network.respond = bank;
    await saveConsent({}); // never agreed
  });

  it('sends the visitor to the notice first, coming back to this login (and its redirect) after', async () => {
    render(<LoginPage />);
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0]).toEqual({
      kind: 'redirectTo',
      url: `/pages/consent/index?for=login&next=${encodeURIComponent('/pages/login/index')}`,
    });
    // No login, phone or code field is offered, and nothing reached the bank.
    expect(screen.queryByTestId('login-wechat')).toBeNull();
    expect(screen.queryByTestId('login-phone-input')).toBeNull();
    expect(screen.getByTestId('login-to-consent')).toBeInTheDocument();
    expect(network.requests).toEqual([]);
  });
});
