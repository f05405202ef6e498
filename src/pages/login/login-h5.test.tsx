import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { getStorageSync, network, resetTaroMock, type RequestOptions } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';
import { saveConsent } from '../../services/consent';
import LoginPage from '.';

const user = { id: 'u1', phone: null, realNameVerified: false, createdAt: '2026-01-01T00:00:00Z' };
const bank = (opts: RequestOptions) =>
  opts.url === '/api/auth/login'
    ? { statusCode: 200, data: { token: 'tok-1', expiresAt: '2026-12-01T00:00:00Z', user } }
    : { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
const codesSent = () => network.requests.map((r) => (r.data as { code: string }).code);

// The H5 build: Taro replaces process.env.TARO_ENV at build time; the page reads it when rendering.
const before = process.env.TARO_ENV;
beforeAll(() => {
  process.env.TARO_ENV = 'h5';
});
afterAll(() => {
  Object.assign(process.env, { TARO_ENV: before });
});

describe('LoginPage on H5 (sandbox)', () => {
  beforeEach(async () => {
    resetTaroMock();
    setSessionToken(null);
    network.respond = bank;
    await saveConsent({ personal_info: true });
  });

  it('a new visitor becomes a new customer: this browser’s own code, never the demo one, kept for later', async () => {
    render(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-wechat'));
    await waitFor(() => expect(screen.getByTestId('login-phone-step')).toBeInTheDocument());
    const [code] = codesSent();
    expect(code).toMatch(/^h5-[0-9a-f]{32}$/);
    expect(getStorageSync('lj.sandboxWechatCode')).toBe(code);
    // The sandbox hint says where codes are, in Chinese, without an API path.
    expect(screen.getByTestId('login-sms-sandbox')).toHaveTextContent('沙箱环境不发送真实短信');
    expect(document.body.textContent).not.toContain('/api/');
  });

  it('the same browser logs in as the same customer next time', async () => {
    const { unmount } = render(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-wechat'));
    await waitFor(() => expect(network.requests).toHaveLength(1));
    unmount();
    setSessionToken(null);
    render(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-wechat'));
    await waitFor(() => expect(network.requests).toHaveLength(2));
    const [first, second] = codesSent();
    expect(second).toBe(first);
  });

  it('the demo customer stays one tap away (使用演示账户)', async () => {
    render(<LoginPage />);
    expect(screen.getByTestId('login-sandbox-wechat')).toHaveTextContent('新客户');
    fireEvent.click(screen.getByTestId('login-demo'));
    await waitFor(() => expect(screen.getByTestId('login-phone-step')).toBeInTheDocument());
    expect(codesSent()).toEqual(['demo']);
  });
});
