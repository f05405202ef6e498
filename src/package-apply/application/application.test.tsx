import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import ApplicationPage from '.';
import { navigations, network, resetTaroMock, setStorageSync, getStorageSync } from '../../../test/mocks/taro';

// Sealing needs the SDK's crypto and a handshake; here only the header's presence matters.
jest.mock('../../services/risk', () => ({
  ...jest.requireActual('../../services/risk'),
  sealAction: async () => 'sealed-token',
}));
// The domain's reference loan is at 4.35 %: pin the indicative rate to it.
jest.mock('../shared/product', () => ({ INDICATIVE_ANNUAL_RATE: { bp: 435 } }));

const enterprise = { id: 'ent_1', name: '福州零接商贸有限公司', annualRevenueFen: 500_000_000 };

function bank(
  over: (url: string, method?: string) => { statusCode: number; data?: unknown } | undefined = () => undefined,
) {
  network.respond = (opts) => {
    const o = over(opts.url, opts.method);
    if (o) return o;
    if (opts.url.endsWith('/enterprises')) return { statusCode: 200, data: { items: [enterprise] } };
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
  };
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(`${testId}-input`), { target: { value } });

describe('ApplicationPage', () => {
  beforeEach(() => {
    resetTaroMock();
    bank();
  });

  it('shows where the user is and picks nothing for them', async () => {
    render(<ApplicationPage />);
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('第5步 / 共5步');
    await screen.findByTestId('amount-input');
    expect(screen.getByTestId('term-36')).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByTestId('method-EQUAL_INSTALMENT')).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByTestId('plan-waiting')).toBeInTheDocument();
  });

  it('previews the reference loan live: 100,000 yuan, 12 months, 4.35 %, 等额本息', async () => {
    render(<ApplicationPage />);
    await screen.findByTestId('amount-input');
    type('amount', '100000');
    fireEvent.click(screen.getByTestId('term-12'));
    fireEvent.click(screen.getByTestId('method-EQUAL_INSTALMENT'));
    expect(screen.getByTestId('plan-instalment')).toHaveTextContent('¥8,530.99');
    expect(screen.getByTestId('plan-total-interest')).toHaveTextContent('¥2,371.90');
    expect(screen.getByTestId('plan-apr')).toHaveTextContent('4.35%');
    expect(screen.getByText('年化利率（按实际占用本金计算）')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/IRR|ACT\/36/);
    expect(screen.getByTestId('plan-note')).toHaveTextContent('试算利率仅供参考，以审批结果为准');
    expect(screen.queryByTestId('schedule-row-12')).toBeNull();
    fireEvent.click(screen.getByTestId('plan-expand'));
    expect(screen.getByTestId('schedule-row-12-payment')).toHaveTextContent('¥8,531.01');
  });

  it('shows the validator message for an invalid amount in place', async () => {
    render(<ApplicationPage />);
    await screen.findByTestId('amount-input');
    type('amount', '100050');
    expect(screen.getByTestId('amount-error')).toHaveTextContent('借款金额须为100元的整数倍');
    type('amount', '500');
    expect(screen.getByTestId('amount-error')).toHaveTextContent('1,000元');
    type('amount', '12.345');
    expect(screen.getByTestId('amount-error')).toBeInTheDocument();
    expect(screen.getByTestId('plan-waiting')).toBeInTheDocument();
  });

  it('restores the draft after a restart and keeps it until submitted', async () => {
    setStorageSync(
      'lj.applyDraft',
      JSON.stringify({ amountText: '200000', termMonths: 24, method: 'EQUAL_PRINCIPAL', purpose: 'INVENTORY' }),
    );
    render(<ApplicationPage />);
    await screen.findByTestId('amount-input');
    expect(screen.getByTestId('draft-restored')).toBeInTheDocument();
    expect(screen.getByTestId('amount-input')).toHaveValue('200000');
    expect(screen.getByTestId('term-24')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('purpose-INVENTORY')).toHaveAttribute('aria-checked', 'true');
    type('amount', '300000');
    expect(JSON.parse(getStorageSync('lj.applyDraft') as string).amountText).toBe('300000');
  });

  it('asks for what is missing instead of submitting', async () => {
    render(<ApplicationPage />);
    await screen.findByTestId('amount-input');
    fireEvent.click(screen.getByTestId('submit'));
    expect(screen.getByTestId('amount-error')).toHaveTextContent('请输入借款金额');
    expect(screen.getByTestId('term-error')).toHaveTextContent('请选择借款期限');
    expect(screen.getByTestId('purpose-error')).toHaveTextContent('请选择借款用途');
    expect(network.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('submits with a risk token and an idempotency key, clears the draft and opens the decision', async () => {
    bank((url, method) =>
      method === 'POST' && url.endsWith('/applications')
        ? { statusCode: 200, data: { id: 'app_9', status: 'approved' } }
        : undefined,
    );
    render(<ApplicationPage />);
    await screen.findByTestId('amount-input');
    type('amount', '100000');
    fireEvent.click(screen.getByTestId('term-12'));
    fireEvent.click(screen.getByTestId('method-EQUAL_INSTALMENT'));
    fireEvent.click(screen.getByTestId('purpose-WORKING_CAPITAL'));
    fireEvent.click(screen.getByTestId('submit'));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0].url).toBe('/package-apply/decision/index?id=app_9');
    const post = network.requests.find((r) => r.method === 'POST');
    expect(post?.data).toEqual({
      enterpriseId: 'ent_1',
      amountFen: 10_000_000,
      termMonths: 12,
      method: 'EQUAL_INSTALMENT',
      purpose: 'WORKING_CAPITAL',
    });
    expect(post?.header?.['x-risk-token']).toBe('sealed-token');
    expect(post?.header?.['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(getStorageSync('lj.applyDraft')).toBe('');
  });

  it('shows a server field error next to its field', async () => {
    bank((url, method) =>
      method === 'POST' && url.endsWith('/applications')
        ? { statusCode: 400, data: { code: 'LOAN_AMOUNT_TOO_HIGH', message: '超过可申请额度', field: 'amountFen' } }
        : undefined,
    );
    setStorageSync(
      'lj.applyDraft',
      JSON.stringify({ amountText: '100000', termMonths: 12, method: 'EQUAL_INSTALMENT', purpose: 'PAYROLL' }),
    );
    render(<ApplicationPage />);
    await screen.findByTestId('amount-input');
    fireEvent.click(screen.getByTestId('submit'));
    // Generous waits: alone this takes ~0.1 s, but on a loaded CI worker it has overrun 1 s and 5 s
    // limits (the page also starts the real risk client's background collection in jsdom).
    expect(await screen.findByTestId('amount-error', {}, { timeout: 15_000 })).toHaveTextContent('超过可申请额度');
    expect(navigations).toHaveLength(0);
  }, 20_000);

  it('a field the form does not show (one enterprise: no choice) lands at the form level, not hidden', async () => {
    bank((url, method) =>
      method === 'POST' && url.endsWith('/applications')
        ? { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到该企业，请重新选择', field: 'enterpriseId' } }
        : undefined,
    );
    setStorageSync(
      'lj.applyDraft',
      JSON.stringify({ amountText: '100000', termMonths: 12, method: 'EQUAL_INSTALMENT', purpose: 'PAYROLL' }),
    );
    render(<ApplicationPage />);
    await screen.findByTestId('amount-input');
    fireEvent.click(screen.getByTestId('submit'));
    expect(await screen.findByTestId('form-error', {}, { timeout: 15_000 })).toHaveTextContent('未找到该企业');
  }, 20_000);

  it('refused for want of the credit-report authorisation: its Chinese name and one tap to grant it', async () => {
    bank((url, method) =>
      method === 'POST' && url.endsWith('/applications')
        ? {
            statusCode: 409,
            data: {
              code: 'CONSENT_REQUIRED',
              message: '请先同意相关授权（credit_report）后再继续',
              field: 'credit_report',
            },
          }
        : undefined,
    );
    setStorageSync(
      'lj.applyDraft',
      JSON.stringify({ amountText: '100000', termMonths: 12, method: 'EQUAL_INSTALMENT', purpose: 'PAYROLL' }),
    );
    render(<ApplicationPage />);
    await screen.findByTestId('amount-input');
    fireEvent.click(screen.getByTestId('submit'));
    const error = await screen.findByTestId('form-error', {}, { timeout: 15_000 });
    expect(error).toHaveTextContent('个人征信查询授权');
    expect(error.textContent).not.toMatch(/[a-z]+_[a-z]+/);
    fireEvent.click(screen.getByTestId('consent-required-action'));
    expect(navigations).toEqual([
      { kind: 'navigateTo', url: '/package-onboarding/authorisations/index?focus=credit_report' },
    ]);
  }, 20_000);

  it('without an enterprise: an empty state that leads to the enterprise form', async () => {
    bank((url) => (url.endsWith('/enterprises') ? { statusCode: 200, data: { items: [] } } : undefined));
    render(<ApplicationPage />);
    fireEvent.click(await screen.findByTestId('to-enterprise'));
    expect(navigations[0].url).toBe('/package-onboarding/enterprise/index');
  });
});
