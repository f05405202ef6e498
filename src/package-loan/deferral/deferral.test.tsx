import { render, screen, fireEvent, within } from '@testing-library/react';
import DeferralPage from '.';
import { network, resetTaroMock, type RequestOptions } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';
import { activeLoanDetail, deferralOptions } from '../../components/servicing-data/fixtures';

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('../../../test/mocks/taro');
  return { __esModule: true, ...actual, useRouter: () => ({ params: { id: 'L-active' } }) };
});
jest.mock('../../services/risk', () => ({
  sealAction: jest.fn(async (action: string) => `token-for-${action}`),
  resetRiskSession: jest.fn(),
  riskBehaviour: () => null,
}));
jest.mock('../../services/random-id', () => ({
  newIdempotencyKey: jest.fn(async () => 'deferral-key'),
  randomId: jest.fn(async () => 'deferral-key'),
}));

function bank(post: (req: RequestOptions) => { statusCode: number; data?: unknown }) {
  network.respond = (req) => {
    if (req.method === 'POST') return post(req);
    if (req.url.includes('/deferral-options')) return { statusCode: 200, data: deferralOptions };
    if (req.url.endsWith('/deferrals') || req.url.endsWith('/renewals'))
      return { statusCode: 200, data: { items: [] } };
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
  };
}

describe('DeferralPage (延期与续贷)', () => {
  beforeEach(() => {
    resetTaroMock();
    setSessionToken('demo-session');
  });

  it('shows the three options with their extra interest and new maturity, none pre-selected', async () => {
    bank(() => ({ statusCode: 500 }));
    render(<DeferralPage />);
    const options = await screen.findByTestId('deferral-options');
    expect(within(options).getAllByRole('radio')).toHaveLength(3);
    expect(screen.getByTestId('deferral-extra-INTEREST_ONLY')).toHaveTextContent('¥1,993.74');
    expect(screen.getByTestId('deferral-extra-RESPREAD')).toHaveTextContent('¥996.85');
    expect(screen.getByTestId('deferral-extra-FULL_DEFERRAL')).toHaveTextContent('¥2,027.11');
    expect(screen.getByTestId('deferral-maturity-RESPREAD')).toHaveTextContent('2028-01-17');
    expect(screen.getByTestId('deferral-option-FULL_DEFERRAL')).toHaveTextContent('正常计息、免收罚息');
    expect(screen.getByTestId('deferral-option-INTEREST_ONLY')).toHaveTextContent('2026-12-17 应还 ¥664.58');
    for (const r of within(options).getAllByRole('radio')) expect(r).toHaveAttribute('aria-checked', 'false');
    expect(network.requests[0].url).toBe('/api/loans/L-active/deferral-options?months=3');
    expect(screen.getByTestId('servicing-records')).toHaveTextContent('暂无延期或续贷申请');
  });

  it('asks for a choice, then submits it sealed with an idempotency key', async () => {
    bank(() => ({
      statusCode: 200,
      data: {
        deferral: {
          id: 'dfr_1',
          option: 'RESPREAD',
          months: 3,
          extraInterestFen: 99_685,
          status: 'applied',
          newMaturityDate: '2028-01-17',
          createdAt: '2026-11-26T10:00:00.000+08:00',
        },
        loan: activeLoanDetail,
      },
    }));
    render(<DeferralPage />);
    fireEvent.click(await screen.findByTestId('deferral-submit'));
    expect(screen.getByTestId('deferral-choose-error')).toHaveTextContent('请先选择一种延期方案');
    fireEvent.click(screen.getByTestId('deferral-option-RESPREAD'));
    fireEvent.click(screen.getByTestId('deferral-submit'));
    expect(await screen.findByTestId('deferral-success')).toHaveTextContent('新的到期日为 2028-01-17');
    const post = network.requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe('/api/loans/L-active/deferrals');
    expect(post?.data).toEqual({ option: 'RESPREAD', months: 3 });
    expect(post?.header).toMatchObject({ 'x-risk-token': 'token-for-deferral', 'idempotency-key': 'deferral-key' });
  });

  it('recomputes the options for another number of months', async () => {
    bank(() => ({ statusCode: 500 }));
    render(<DeferralPage />);
    await screen.findByTestId('deferral-options');
    fireEvent.click(screen.getByTestId('deferral-months-5'));
    await screen.findByTestId('deferral-options');
    expect(network.requests.map((r) => r.url)).toContain('/api/loans/L-active/deferral-options?months=5');
  });

  it('shows the renewal refusal in place', async () => {
    bank(() => ({ statusCode: 409, data: { code: 'RENEWAL_TOO_EARLY', message: '请在到期前 30 天内申请续贷' } }));
    render(<DeferralPage />);
    await screen.findByTestId('deferral-options');
    fireEvent.click(screen.getByTestId('renewal-term-6'));
    fireEvent.click(screen.getByTestId('renewal-submit'));
    expect(await screen.findByTestId('renewal-error')).toHaveTextContent('请在到期前 30 天内申请续贷');
  });
});
