import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { currentSession, setSession } from '../auth/session';
import { mockBank } from '../../test/fetch-mock';
import { LoginPage } from './login';

const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('LoginPage', () => {
  afterEach(() => setSession(null));

  test('sends username, password and TOTP; keeps the session and moves on', async () => {
    const bank = mockBank({
      'POST /api/staff-login': {
        body: {
          token: 'tok-0123456789abcdefghij',
          expiresAt: '2026-03-10T22:00:00.000+08:00',
          idleMinutes: 30,
          staff: {
            actor: 'staff:supervisor',
            kind: 'session',
            role: 'supervisor',
            username: 'supervisor',
            displayName: '主管',
            permissions: ['rules.change'],
          },
        },
      },
    });
    const done = jest.fn();
    render(<LoginPage onDone={done} />);
    fill('login-username', 'supervisor');
    fill('login-password', 'secret');
    fill('login-totp', '123456');
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(bank.requests[0]).toMatchObject({
      method: 'POST',
      url: '/api/staff-login',
      body: { username: 'supervisor', password: 'secret', totp: '123456' },
    });
    expect(currentSession()?.staff.role).toBe('supervisor');
  });

  test("shows the bank's refusal and a malformed code in place", async () => {
    mockBank({
      'POST /api/staff-login': {
        status: 401,
        body: { code: 'STAFF_LOGIN_FAILED', message: '用户名、密码或动态验证码不正确' },
      },
    });
    render(<LoginPage onDone={jest.fn()} />);
    fill('login-username', 'analyst');
    fill('login-password', 'x');
    fill('login-totp', '12ab');
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('动态码为 6 位数字')).toBeInTheDocument();
    fill('login-totp', '654321');
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('用户名、密码或动态验证码不正确');
    expect(currentSession()).toBeNull();
  });
});
