// Bank answers for the servicing screens' tests, copied from the sandbox's seeded demo customer
// (GET /api/loans, /api/loans/{id}, repayment-options, deferral-options), so the tests exercise
// the screens with the real shapes.
import type { LoanSummary } from '.';

const base = {
  contractId: 'ctr_1',
  annualRate: '0.0435',
  apr: '0.043500',
  aprPercent: '4.35%',
  aprBasis: '按IRR计算（年化）',
  dayCount: 'ACT/360',
  rateType: '单利',
  renewedFrom: null,
  deferral: null,
  settledAt: null,
};

const noOverdue = { periods: 0, totalFen: 0, penaltyFen: 0, rows: [] };

export const activeLoan = {
  ...base,
  id: 'L-active',
  status: 'active',
  principalFen: 20_000_000,
  outstandingPrincipalFen: 18_333_333,
  termMonths: 12,
  method: 'EQUAL_PRINCIPAL',
  startDate: '2026-10-17',
  maturityDate: '2027-10-17',
  nextDue: { period: 2, dueDate: '2026-12-17', amountFen: 1_733_125 },
  overdue: noOverdue,
} satisfies LoanSummary;

export const overdueLoan = {
  ...base,
  id: 'L-overdue',
  status: 'overdue',
  principalFen: 10_000_000,
  outstandingPrincipalFen: 10_000_000,
  termMonths: 12,
  method: 'EQUAL_INSTALMENT',
  startDate: '2026-09-12',
  maturityDate: '2027-09-12',
  nextDue: { period: 1, dueDate: '2026-10-12', amountFen: 853_099 },
  overdue: {
    periods: 2,
    totalFen: 1_714_940,
    penaltyFen: 8_742,
    rows: [
      {
        period: 1,
        dueDate: '2026-10-12',
        overduePrincipalFen: 816_849,
        overdueInterestFen: 36_250,
        overdueDays: 45,
        penaltyFen: 6_662,
      },
      {
        period: 2,
        dueDate: '2026-11-12',
        overduePrincipalFen: 819_810,
        overdueInterestFen: 33_289,
        overdueDays: 14,
        penaltyFen: 2_080,
      },
    ],
  },
} satisfies LoanSummary;

export const settledLoan = {
  ...base,
  id: 'L-settled',
  status: 'settled',
  principalFen: 5_000_000,
  outstandingPrincipalFen: 0,
  termMonths: 3,
  method: 'EQUAL_INSTALMENT',
  startDate: '2026-06-29',
  maturityDate: '2026-09-29',
  nextDue: null,
  overdue: noOverdue,
  settledAt: '2026-09-29T10:00:00.000+08:00',
} satisfies LoanSummary;

/** The active loan with its schedule: period 1 paid, the rest due. */
export const activeLoanDetail = {
  ...activeLoan,
  schedule: [
    {
      period: 1,
      dueDate: '2026-11-17',
      principalFen: 1_666_667,
      interestFen: 72_500,
      paymentFen: 1_739_167,
      balanceFen: 18_333_333,
      status: 'paid',
    },
    {
      period: 2,
      dueDate: '2026-12-17',
      principalFen: 1_666_667,
      interestFen: 66_458,
      paymentFen: 1_733_125,
      balanceFen: 16_666_666,
      status: 'due',
    },
    {
      period: 3,
      dueDate: '2027-01-17',
      principalFen: 1_666_667,
      interestFen: 60_417,
      paymentFen: 1_727_084,
      balanceFen: 14_999_999,
      status: 'due',
    },
  ],
};

export const activeRepaymentOptions = {
  current: {
    available: true,
    amountFen: 1_733_125,
    principalFen: 1_666_667,
    interestFen: 66_458,
    penaltyFen: 0,
    detail: { periods: [2] },
  },
  overdue: { available: false, code: 'NOTHING_OVERDUE', message: '当前没有逾期款项' },
  full: {
    available: true,
    amountFen: 18_353_270,
    principalFen: 18_333_333,
    interestFen: 19_937,
    penaltyFen: 0,
    detail: { days: 9, interestSavedFen: 378_813 },
  },
};

export const overdueRepaymentOptions = {
  current: { available: false, code: 'HAS_OVERDUE', message: '您有逾期未还的款项，请先归还逾期款项' },
  overdue: {
    available: true,
    amountFen: 1_714_940,
    principalFen: 1_636_659,
    interestFen: 69_539,
    penaltyFen: 8_742,
    detail: { periods: [1, 2], rows: overdueLoan.overdue.rows },
  },
  full: { available: false, code: 'PREPAY_HAS_OVERDUE', message: '该日期前有未还的到期款项，请先归还逾期/到期款项' },
};

const row = (period: number, dueDate: string, paymentFen: number) => ({
  period,
  dueDate,
  principalFen: 0,
  interestFen: paymentFen,
  paymentFen,
  balanceFen: 18_333_333,
});

export const deferralOptions = {
  policy: { maxDeferralMonths: 6, oncePerLoan: true },
  options: [
    {
      available: true,
      option: 'INTEREST_ONLY',
      label: '延期还本（期间只付利息）',
      months: 3,
      extraInterestFen: 199_374,
      deferredInterestFen: 0,
      newMaturityDate: '2028-01-17',
      penaltyWaived: true,
      rows: [row(2, '2026-12-17', 66_458), row(3, '2027-01-17', 66_458)],
    },
    {
      available: true,
      option: 'RESPREAD',
      label: '延长期限（剩余本金重新分摊）',
      months: 3,
      extraInterestFen: 99_685,
      deferredInterestFen: 0,
      newMaturityDate: '2028-01-17',
      penaltyWaived: true,
      rows: [row(2, '2026-12-17', 1_375_982)],
    },
    {
      available: true,
      option: 'FULL_DEFERRAL',
      label: '延期还本付息（正常计息、免收罚息）',
      months: 3,
      extraInterestFen: 202_711,
      deferredInterestFen: 199_374,
      newMaturityDate: '2028-01-17',
      penaltyWaived: true,
      rows: [row(2, '2026-12-17', 0)],
    },
  ],
};
