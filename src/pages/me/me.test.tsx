import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import MePage from '.';
import { getStorageSync, resetTaroMock, navigations, network } from '../../../test/mocks/taro';
import { setElderMode } from '../../services/elder-mode';
import { sessionToken, setSessionToken } from '../../services/session';

const notice = (id: string, read: boolean, broadcast = false) => ({
  id,
  kind: 'due_soon',
  title: 'T',
  body: 'B',
  createdAt: '2026-11-01T00:00:00.000Z',
  read,
  broadcast,
});

describe('MePage', () => {
  beforeEach(() => {
    resetTaroMock();
    setElderMode(false);
    setSessionToken(null);
  });

  it('turns elder mode on and remembers it', () => {
    render(<MePage />);
    expect(screen.getByTestId('page-me')).not.toHaveClass('lj-elder');
    fireEvent.click(screen.getByTestId('elder-switch'));
    expect(screen.getByTestId('page-me')).toHaveClass('lj-elder');
    expect(getStorageSync('lj.elderMode')).toBe('1');
  });

  it('opens consent management', () => {
    render(<MePage />);
    fireEvent.click(screen.getByText('隐私与授权管理'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/consent/index?manage=1' }]);
  });

  it('offers login when signed out, coming back here afterwards', () => {
    render(<MePage />);
    fireEvent.click(screen.getByTestId('me-login'));
    expect(navigations).toEqual([
      { kind: 'navigateTo', url: `/pages/login/index?redirect=${encodeURIComponent('/pages/me/index')}` },
    ]);
    expect(network.requests).toEqual([]);
  });

  it('shows the masked phone, real-name status and unread count, and logs out', async () => {
    setSessionToken('session-1');
    network.respond = (opts) => {
      if (opts.url === '/api/me')
        return {
          statusCode: 200,
          data: { id: 'u1', phone: '138****8000', realNameVerified: true, createdAt: '2026-01-01T00:00:00Z' },
        };
      if (opts.url === '/api/notices')
        return { statusCode: 200, data: { items: [notice('a', false), notice('b', true), notice('c', false, true)] } };
      return { statusCode: 200, data: { ok: true } };
    };
    render(<MePage />);
    await waitFor(() => expect(screen.getByTestId('me-phone')).toHaveTextContent('手机号 138****8000'));
    expect(screen.getByTestId('me-real-name')).toHaveTextContent('已实名');
    // Broadcast notices have no read state of their own, so only one counts.
    await waitFor(() => expect(screen.getByTestId('me-unread')).toHaveTextContent('1条未读'));
    fireEvent.click(screen.getByTestId('me-logout'));
    await waitFor(() => expect(screen.getByTestId('me-signed-out')).toBeInTheDocument());
    expect(sessionToken()).toBeNull();
    expect(network.requests.map((r) => r.url)).toContain('/api/auth/logout');
  });
});
