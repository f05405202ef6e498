import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as taro from '../../../test/mocks/taro';
import ConsentPage from '.';
import { getStorageSync, navigations, network, resetTaroMock } from '../../../test/mocks/taro';
import { consentChoices, saveConsent } from '../../services/consent';
import { setSessionToken } from '../../services/session';

const ok = (data: unknown = {}) => ({ statusCode: 200, data });

describe('ConsentPage (first run)', () => {
  beforeEach(async () => {
    await saveConsent({}); // the module keeps the last choices; start every test from "never asked"
    resetTaroMock();
    setSessionToken(null);
  });
  afterEach(() => jest.restoreAllMocks());

  it('ticks nothing for the user and explains every purpose', () => {
    render(<ConsentPage />);
    for (const p of ['personal_info', 'risk_device', 'credit_report', 'biometric']) {
      expect(screen.getByTestId(`consent-${p}-check`)).not.toBeChecked();
    }
    expect(screen.getByText('必选：线上放款必须经过风控核验，否则只能到网点办理。')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('consent-risk_device-details-toggle'));
    // The SDK's own signal declarations are listed, with their retention.
    expect(screen.getByTestId('risk-signals')).toHaveTextContent('识别模拟器、电脑端与设备农场');
    expect(screen.getByTestId('risk-signals')).toHaveTextContent('保存180天');
  });

  it('says before the owner starts that the credit-report query is required to apply, and why', () => {
    render(<ConsentPage />);
    const card = screen.getByTestId('consent-credit_report');
    expect(card).toHaveTextContent('必选');
    expect(card).not.toHaveTextContent('可选');
    expect(card).toHaveTextContent('信用贷款审批必须查询个人征信报告');
    expect(screen.getByTestId('consent-biometric')).toHaveTextContent('可选');
  });

  it('keeps “同意并继续” disabled until every required purpose is ticked', () => {
    render(<ConsentPage />);
    const accept = screen.getByTestId('consent-accept');
    expect(accept).toBeDisabled();
    expect(screen.getByTestId('consent-required-missing')).toHaveTextContent('请勾选标为“必选”的各项后继续');
    fireEvent.click(screen.getByTestId('consent-personal_info-check'));
    fireEvent.click(screen.getByTestId('consent-risk_device-check'));
    expect(accept).toBeDisabled();
    fireEvent.click(screen.getByTestId('consent-credit_report-check'));
    expect(accept).toBeEnabled();
    expect(screen.queryByTestId('consent-required-missing')).toBeNull();
  });

  it('before login (for=login): only the privacy notice is required, then back to the login page', async () => {
    const next = `/pages/login/index?redirect=${encodeURIComponent('/pages/me/index')}`;
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { for: 'login', next: encodeURIComponent(next) } });
    render(<ConsentPage />);
    expect(screen.getByTestId('consent-credit_report')).toHaveTextContent('可选');
    expect(screen.getByTestId('consent-accept')).toBeDisabled();
    fireEvent.click(screen.getByTestId('consent-personal_info-check'));
    fireEvent.click(screen.getByTestId('consent-accept'));
    await waitFor(() => expect(navigations).toEqual([{ kind: 'redirectTo', url: next }]));
    expect(consentChoices()).toEqual({ personal_info: true });
  });

  it('never continues to a target outside the app’s pages', async () => {
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { for: 'login', next: 'https://evil.example/' } });
    render(<ConsentPage />);
    fireEvent.click(screen.getByTestId('consent-personal_info-check'));
    fireEvent.click(screen.getByTestId('consent-accept'));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0].url).not.toContain('evil');
  });

  it('declining goes back and saves nothing', () => {
    const back = jest.spyOn(Taro, 'navigateBack');
    render(<ConsentPage />);
    fireEvent.click(screen.getByTestId('consent-personal_info-check'));
    fireEvent.click(screen.getByTestId('consent-decline'));
    expect(back).toHaveBeenCalledTimes(1);
    expect(getStorageSync('lj.consent')).toBe('');
    expect(network.requests).toEqual([]);
    expect(navigations).toEqual([]);
  });

  it('accepting saves the choices and continues to login, then real-name', async () => {
    render(<ConsentPage />);
    fireEvent.click(screen.getByTestId('consent-personal_info-check'));
    fireEvent.click(screen.getByTestId('consent-risk_device-check'));
    fireEvent.click(screen.getByTestId('consent-credit_report-check'));
    fireEvent.click(screen.getByTestId('consent-accept'));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0]).toEqual({
      kind: 'redirectTo',
      url: `/pages/login/index?redirect=${encodeURIComponent('/package-onboarding/real-name/index')}`,
    });
    expect(consentChoices()).toEqual({ personal_info: true, risk_device: true, credit_report: true });
    // Not signed in: nothing is sent to the bank's consent record yet (login does it).
    expect(network.requests.filter((r) => r.url.includes('/consents'))).toEqual([]);
  });
});

describe('ConsentPage (management)', () => {
  beforeEach(async () => {
    resetTaroMock();
    setSessionToken('session-1');
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { manage: '1' } });
    await saveConsent({ personal_info: true, risk_device: true });
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows the current state and withdraws one purpose at the bank and on the device', async () => {
    network.respond = (opts) => ok(opts.url.endsWith('/withdraw') ? { current: [], history: [] } : {});
    render(<ConsentPage />);
    expect(screen.getByTestId('consent-risk_device-state')).toHaveTextContent('已同意');
    expect(screen.getByTestId('consent-tax-state')).toHaveTextContent('未同意');
    fireEvent.click(screen.getByTestId('consent-risk_device-withdraw'));
    await waitFor(() => expect(screen.getByTestId('consent-message')).toHaveTextContent('已撤回：风控设备与行为数据'));
    expect(consentChoices()).toEqual({ personal_info: true, risk_device: false });
    expect(network.requests.map((r) => [r.method, r.url])).toContainEqual([
      'POST',
      '/api/consents/risk_device/withdraw',
    ]);
    expect(screen.getByTestId('consent-risk_device-state')).toHaveTextContent('未同意');
  });

  it('says in place when the bank could not record the change', async () => {
    network.respond = () => {
      throw new Error('offline');
    };
    render(<ConsentPage />);
    fireEvent.click(screen.getByTestId('consent-tax-grant'));
    await waitFor(() => expect(screen.getByTestId('consent-error')).toHaveTextContent('网络连接失败'));
    // The device choice stands (it is what the user asked for); the bank gets it on the next try.
    expect(consentChoices()?.tax).toBe(true);
  });
});
