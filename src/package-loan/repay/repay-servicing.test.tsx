import { render, screen, fireEvent, within, cleanup } from '@testing-library/react';
import RepayPage from '.';
import { getStorageSync, network, resetTaroMock, setStorageSync } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';
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
jest.mock('../../services/random-id', () => ({
  newIdempotencyKey: jest.fn(async () => 'key-1'),
  randomId: jest.fn(async () => 'key-1'),
}));

function bank(options: unknown, loan: unknown) {
  network.respond = (req) => {
    if (req.url.endsWith('/repayment-options')) return { statusCode: 200, data: options };
    if (req.method === 'GET' && /\/api\/loans\/[\w-]+$/.test(req.url)) return { statusCode: 200, data: loan };
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
  };
}

// 归还本期 before its due date, as the bank prices it (instalmentPayment): period 2 of the fixture
// loan (principal 16,666.67), 10 days into the period: interest to today only, the rest carried.
const earlyOptions = {
  ...activeRepaymentOptions,
  current: {
    available: true,
    amountFen: 1_689_021,
    principalFen: 1_666_667,
    interestFen: 22_354,
    penaltyFen: 0,
    detail: {
      periods: [2],
      early: true,
      dueDate: '2026-12-17',
      days: 10,
      carriedInterestFen: 41_021,
      interestSavedFen: 3_083,
    },
  },
};

describe('RepayPage: money and servicing (issue #9 points 2, 13, 15)', () => {
  beforeEach(() => {
    resetTaroMock();
    setSessionToken('demo-session');
    loanId = 'L-active';
  });

  it('says on screen what 归还本期 does before the due date, with the interest to today and what is carried', async () => {
    bank(earlyOptions, activeLoanDetail);
    render(<RepayPage />);
    const card = await screen.findByTestId('repay-kind-current');
    expect(screen.getByTestId('repay-current-rule')).toHaveTextContent('还款日前归还，利息只计到还款当天');
    const early = within(card).getByTestId('repay-current-early');
    expect(early).toHaveTextContent('还款日（2026-12-17）前归还本期');
    expect(early).toHaveTextContent('利息只计到今天（10天）');
    expect(early).toHaveTextContent('¥410.21');
    expect(within(card).getByTestId('repay-current-saved')).toHaveTextContent('¥30.83');
    expect(within(card).getByTestId('repay-total')).toHaveTextContent('¥16,890.21');
    // Early repayment stays open after the instalment: the full and partial cards are selectable.
    expect(screen.getByTestId('repay-kind-full')).toHaveAttribute('aria-disabled', 'false');
    expect(screen.getByTestId('repay-kind-partial')).toHaveAttribute('aria-disabled', 'false');
  });

  it('keeps the chosen option and the typed partial amount across a reload', async () => {
    bank(activeRepaymentOptions, activeLoanDetail);
    render(<RepayPage />);
    fireEvent.click(await screen.findByTestId('repay-kind-partial'));
    fireEvent.change(screen.getByTestId('partial-amount-input'), { target: { value: '50000' } });
    fireEvent.click(screen.getByTestId('partial-option-LOWER_INSTALMENT'));
    expect(JSON.parse(getStorageSync('lj.repayDraft.L-active') as string)).toEqual({
      kind: 'partial',
      partialAmountText: '50000',
      partialOption: 'LOWER_INSTALMENT',
    });

    cleanup(); // the page is gone (reload); storage stays
    render(<RepayPage />);
    expect(await screen.findByTestId('repay-kind-partial')).toHaveAttribute('data-selected', 'true');
    expect(screen.getByTestId('partial-amount-input')).toHaveValue('50000');
    expect(screen.getByTestId('partial-option-LOWER_INSTALMENT')).toHaveAttribute('data-selected', 'true');
  });

  it('ignores a kept choice that is no longer available (the bank decides what is possible)', async () => {
    loanId = 'L-overdue';
    bank(overdueRepaymentOptions, { ...overdueLoan, schedule: [] });
    render(<RepayPage />);
    fireEvent.click(await screen.findByTestId('repay-kind-overdue'));
    cleanup();
    // A stale draft asks for early full repayment, which is not possible while overdue.
    bank(overdueRepaymentOptions, { ...overdueLoan, schedule: [] });
    setStorageSync(
      'lj.repayDraft.L-overdue',
      JSON.stringify({ kind: 'full', partialAmountText: '', partialOption: null }),
    );
    render(<RepayPage />);
    expect(await screen.findByTestId('repay-kind-overdue')).toHaveAttribute('data-selected', 'true');
    expect(screen.getByTestId('repay-kind-full')).toHaveAttribute('data-selected', 'false');
  });

  it('shows 复利 on overdue interest next to 罚息, per period and in the total, with its rule', async () => {
    loanId = 'L-overdue';
    // Row 1: 36,250 interest × 0.06525 × 45 / 360 = 295.66 → 296 fen; row 2: 33,289 × 0.06525 × 14 / 360 = 84.47 → 84.
    const rows = overdueLoan.overdue.rows.map((r, i) => ({ ...r, compoundFen: i === 0 ? 296 : 84 }));
    const options = {
      ...overdueRepaymentOptions,
      overdue: {
        ...overdueRepaymentOptions.overdue,
        amountFen: 1_714_940 + 380,
        compoundFen: 380,
        detail: { periods: [1, 2], rows, compoundFen: 380 },
      },
    };
    bank(options, { ...overdueLoan, schedule: [] });
    render(<RepayPage />);
    const breakdown = await screen.findByTestId('overdue-breakdown');
    expect(within(breakdown).getByTestId('overdue-compound-1')).toHaveTextContent('¥2.96');
    expect(within(breakdown).getByTestId('overdue-compound-2')).toHaveTextContent('¥0.84');
    expect(screen.getByTestId('compound-rule')).toHaveTextContent('银发〔2003〕251号');
    expect(screen.getByTestId('repay-compound')).toHaveTextContent('¥3.80');
    expect(screen.getByTestId('repay-submit')).toHaveTextContent('确认还款 ¥17,153.20');
  });
});
