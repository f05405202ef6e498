import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as taro from '../../../test/mocks/taro';
import AuthorisationsPage from '.';
import { network, resetTaroMock } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';
import { saveConsent } from '../../services/consent';

const state = (granted: string[]) => ({
  current: ['personal_info', 'risk_device', 'credit_report', 'biometric', 'enterprise_credit', 'tax', 'invoice'].map(
    (purpose) => ({ purpose, granted: granted.includes(purpose), version: null }),
  ),
  history: [],
});

describe('AuthorisationsPage', () => {
  beforeEach(async () => {
    resetTaroMock();
    setSessionToken('session-1');
    await saveConsent({ personal_info: true, risk_device: true });
    network.respond = (opts) =>
      opts.method === 'POST' ? { statusCode: 200, data: {} } : { statusCode: 200, data: state(['personal_info']) };
  });
  afterEach(() => jest.restoreAllMocks());

  it('says which authorisation a credit loan needs, and that the others are optional', async () => {
    render(<AuthorisationsPage />);
    await screen.findByTestId('auth-credit_report');
    expect(screen.getByTestId('auth-credit_report-need')).toHaveTextContent('必选');
    expect(screen.getByTestId('auth-credit_report')).toHaveTextContent('不授权将无法提交贷款申请');
    for (const p of ['enterprise_credit', 'tax', 'invoice'])
      expect(screen.getByTestId(`auth-${p}-need`)).toHaveTextContent('可选');
    expect(document.body.textContent).not.toMatch(/不授权的项目不会被查询。授权越全/); // the old, misleading intro
  });

  it('opened from a refused application: that authorisation first, granted in one tap, then back', async () => {
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { focus: 'credit_report' } });
    const back = jest.spyOn(Taro, 'navigateBack');
    render(<AuthorisationsPage />);
    expect(await screen.findByTestId('auth-focus')).toHaveTextContent('提交贷款申请前需要您授权：个人征信查询授权');
    const cards = screen
      .getAllByTestId(/^auth-[a-z_]+$/)
      .filter((el) => el.getAttribute('data-testid') !== 'auth-focus');
    expect(cards[0]).toHaveAttribute('data-testid', 'auth-credit_report');
    fireEvent.click(screen.getByTestId('auth-credit_report-grant'));
    await waitFor(() => expect(screen.getByTestId('auth-focus')).toHaveTextContent('已授权：个人征信查询授权'));
    expect(network.requests.find((r) => r.method === 'POST')?.data).toMatchObject({ purpose: 'credit_report' });
    fireEvent.click(screen.getByTestId('auth-back'));
    expect(back).toHaveBeenCalledTimes(1);
  });
});
