import { render, screen, fireEvent, waitFor, within } from '@testing-library/react';
import RepayPage from '.';
import { network, resetTaroMock, type RequestOptions } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';
import { sealAction } from '../../services/risk';
import {
  activeLoanDetail,
  activeRepaymentOptions,
  overdueLoan,
  overdueRepaymentOptions,
} from '../../components/servicing-data/fixtures';

let loanId = 'L-active';
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('../../../test/mocks/taro');
  return { __esModule: true, ...actual, useRouter: () => ({ params: { id: loanId } }) };
});
jest.mock('../../services/risk', () => ({
  sealAction: jest.fn(async (action: string) => `token-for-${action}`),
  resetRiskSession: jest.fn(),
  riskBehaviour: () => null,
}));
let keys = 0;
jest.mock('../../services/random-id', () => ({
  newIdempotencyKey: jest.fn(async () => `key-${++keys}`),
  randomId: jest.fn(async () => `key-${++keys}`),
}));

const repaid = {
  repayment: {
    id: 'rpy_1',
    kind: 'current',
    amountFen: 1_733_125,
    principalFen: 1_666_667,
    interestFen: 66_458,
    penaltyFen: 0,
    paidAt: '2026-11-26T10:00:00.000+08:00',
  },
  loan: {
    ...activeLoanDetail,
    outstandingPrincipalFen: 16_666_666,
    nextDue: { period: 3, dueDate: '2027-01-17', amountFen: 1_727_084 },
    schedule: activeLoanDetail.schedule.map((r) => (r.period <= 2 ? { ...r, status: 'paid' } : r)),
  },
};

type Bank = (req: RequestOptions) => { statusCode: number; data?: unknown } | Promise<never>;
function bank(options: unknown, loan: unknown, more: Bank = () => ({ statusCode: 404, data: {} })) {
  network.respond = (req) => {
    if (req.url.endsWith('/repayment-options')) return { statusCode: 200, data: options };
    if (req.method === 'GET' && /\/api\/loans\/[\w-]+$/.test(req.url)) return { statusCode: 200, data: loan };
    return more(req);
  };
}
const posts = (path: string) => network.requests.filter((r) => r.method === 'POST' && r.url.includes(path));

describe('RepayPage (还款)', () => {
  beforeEach(() => {
    resetTaroMock();
    setSessionToken('demo-session');
    loanId = 'L-active';
    keys = 0;
    jest.clearAllMocks();
  });

  it('shows each overdue period with its penalty separately and the penalty rule', async () => {
    loanId = 'L-overdue';
    bank(overdueRepaymentOptions, { ...overdueLoan, schedule: [] });
    render(<RepayPage />);
    const breakdown = await screen.findByTestId('overdue-breakdown');
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('第1步 / 共2步');
    expect(within(breakdown).getByTestId('overdue-row-1')).toHaveTextContent('逾期45天');
    expect(within(breakdown).getByTestId('overdue-row-1')).toHaveTextContent('罚息¥66.62');
    expect(within(breakdown).getByTestId('overdue-total')).toHaveTextContent('¥17,149.40');
    expect(screen.getByTestId('penalty-rule')).toHaveTextContent('罚息 = 合同利率 × 1.5');
    expect(screen.getByTestId('repay-penalty')).toHaveTextContent('¥87.42');
    // The current instalment and early repayment say why they are not possible now.
    expect(screen.getByTestId('repay-kind-current')).toHaveTextContent('请先归还逾期款项');
    expect(screen.getByTestId('repay-submit')).toHaveTextContent('确认还款 ¥17,149.40');
  });

  it('checks the partial amount in place before asking the bank', async () => {
    bank(activeRepaymentOptions, activeLoanDetail);
    render(<RepayPage />);
    fireEvent.click(await screen.findByTestId('repay-kind-partial'));
    const input = screen.getByTestId('partial-amount-input');

    fireEvent.click(screen.getByTestId('partial-preview'));
    expect(screen.getByTestId('partial-amount-error')).toHaveTextContent('请输入提前还款本金');

    fireEvent.change(input, { target: { value: '12.345' } });
    fireEvent.click(screen.getByTestId('partial-preview'));
    expect(screen.getByTestId('partial-amount-error')).toHaveTextContent('金额格式不正确，最多保留两位小数');

    fireEvent.change(input, { target: { value: '183333.33' } });
    fireEvent.click(screen.getByTestId('partial-preview'));
    expect(screen.getByTestId('partial-amount-error')).toHaveTextContent(
      '部分提前还款金额须小于剩余本金；如需全部结清，请选择“全部提前还款”',
    );

    fireEvent.change(input, { target: { value: '50000' } });
    fireEvent.click(screen.getByTestId('partial-preview'));
    expect(screen.getByTestId('partial-option-error')).toHaveTextContent('请选择“缩短期限”或“减少月供”');
    expect(posts('/quotes/')).toHaveLength(0);
    expect(screen.getByTestId('repay-submit')).toBeDisabled();
  });

  it('previews the chosen option with the bank quote, then submits exactly that', async () => {
    bank(activeRepaymentOptions, activeLoanDetail, (req) =>
      req.url.endsWith('/quotes/prepayment')
        ? {
            statusCode: 200,
            data: {
              prepaidPrincipalFen: 5_000_000,
              accruedOnPrepaidFen: 5_438,
              newInstalmentFen: 1_715_000,
              remainingPeriods: 8,
              interestSavedFen: 175_812,
            },
          }
        : { statusCode: 200, data: { ...repaid, repayment: { ...repaid.repayment, kind: 'partial' } } },
    );
    render(<RepayPage />);
    fireEvent.click(await screen.findByTestId('repay-kind-partial'));
    fireEvent.change(screen.getByTestId('partial-amount-input'), { target: { value: '50000' } });
    fireEvent.click(screen.getByTestId('partial-option-SHORTEN_TERM'));
    fireEvent.click(screen.getByTestId('partial-preview'));

    expect(await screen.findByTestId('preview-instalment')).toHaveTextContent('¥17,150.00');
    expect(screen.getByTestId('preview-periods')).toHaveTextContent('8 期');
    expect(screen.getByTestId('preview-saved')).toHaveTextContent('¥1,758.12');
    expect(posts('/quotes/prepayment')[0].data).toMatchObject({
      amountFen: 5_000_000,
      option: 'SHORTEN_TERM',
      loan: { amountFen: 20_000_000, termMonths: 12, method: 'EQUAL_PRINCIPAL', paidThroughPeriod: 1 },
    });

    fireEvent.click(screen.getByTestId('repay-submit'));
    await screen.findByTestId('repay-success');
    expect(posts('/repayments')[0].data).toEqual({
      kind: 'partial',
      amountFen: 5_000_000,
      option: 'SHORTEN_TERM',
      expectedAmountFen: 5_000_000,
    });
  });

  it('seals the repayment with the risk SDK and reuses its idempotency key after a network failure', async () => {
    let attempts = 0;
    bank(activeRepaymentOptions, activeLoanDetail, () => {
      if (++attempts === 1) return Promise.reject(new Error('request:fail timeout'));
      return { statusCode: 200, data: repaid };
    });
    render(<RepayPage />);
    expect(await screen.findByTestId('repay-kind-current')).toHaveAttribute('data-selected', 'true');
    expect(screen.getByTestId('repay-kind-full')).toHaveAttribute('data-selected', 'false');

    fireEvent.click(screen.getByTestId('repay-submit'));
    expect(await screen.findByTestId('repay-error')).toHaveTextContent('网络连接失败，请检查网络后重试');
    expect(screen.getByTestId('repay-submit')).toHaveTextContent('重新提交');

    fireEvent.click(screen.getByTestId('repay-submit'));
    expect(await screen.findByTestId('repay-success')).toHaveTextContent('已还 ¥17,331.25');
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('第2步 / 共2步');
    expect(screen.getByTestId('repay-success-summary')).toHaveTextContent('下期还款：2027-01-17 应还 ¥17,270.84');

    const sent = posts('/api/loans/L-active/repayments');
    expect(sent).toHaveLength(2);
    expect(sent[0].data).toEqual({ kind: 'current', expectedAmountFen: 1_733_125 });
    expect(sent[0].header?.['x-risk-token']).toBe('token-for-repay');
    expect(sent[0].header?.['idempotency-key']).toBe('key-1');
    expect(sent[1].header?.['idempotency-key']).toBe('key-1');
    expect(sealAction).toHaveBeenCalledWith('repay', {
      method: 'POST',
      path: expect.stringMatching(/^\/api\/loans\/[^/]+\/repayments$/),
      body: { kind: 'current', expectedAmountFen: 1_733_125 },
    });
  });

  it('sends one repayment for a double tap', async () => {
    let release: () => void = () => undefined;
    bank(
      activeRepaymentOptions,
      activeLoanDetail,
      () => new Promise((resolve) => (release = () => resolve({ statusCode: 200, data: repaid }))) as never,
    );
    render(<RepayPage />);
    const submit = await screen.findByTestId('repay-submit');
    fireEvent.click(submit);
    fireEvent.click(submit);
    await waitFor(() => expect(posts('/repayments')).toHaveLength(1));
    release();
    await screen.findByTestId('repay-success');
    expect(posts('/repayments')).toHaveLength(1);
  });
});
