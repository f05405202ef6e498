import { previewPrepayment } from './prepayment-preview';
import { activeLoanDetail } from '../../components/servicing-data/fixtures';
import type { LoanDetail } from '../../components/servicing-data';

// The preview prices on the loan's own rows after a deferral (no request to the bank).
jest.mock('../../components/servicing-data', () => ({
  ...jest.requireActual('../../components/servicing-data'),
  businessToday: () => '2026-11-27',
}));

type Mark = 'deferredInterestFen' | 'carriedInterestFen';

/**
 * The fixture loan with `fen` more interest on the rows `which` picks — marked as `mark` when
 * `marked`, as the bank sends it, or unmarked, as a client that drops the field would see it.
 */
function loanWith(
  extra: object,
  which: (row: { period: number; status: string }) => boolean,
  fen: number,
  mark: Mark,
  marked: boolean,
): LoanDetail {
  return {
    ...activeLoanDetail,
    ...extra,
    schedule: activeLoanDetail.schedule.map((row) =>
      which(row)
        ? {
            ...row,
            interestFen: row.interestFen + fen,
            paymentFen: row.paymentFen + fen,
            ...(marked ? { [mark]: fen } : {}),
          }
        : row,
    ),
  } as unknown as LoanDetail;
}

/** The fixture loan after a 延期还本付息 whose deferred interest (2 × 5,000 fen) sits in rows 2 and 3. */
const deferredLoan = (marked: boolean) =>
  loanWith(
    { deferral: { option: 'FULL_DEFERRAL', months: 1 } },
    (row) => row.status !== 'paid',
    5_000,
    'deferredInterestFen',
    marked,
  );

/** The fixture loan with row 1 paid a week early: row 2 carries 3,000 fen of the rest of period 1. */
const paidEarlyLoan = (marked: boolean) =>
  loanWith({ accrualStart: '2026-11-10' }, (row) => row.period === 2, 3_000, 'carriedInterestFen', marked);

describe('previewPrepayment after a deferral', () => {
  it('keeps the deferred interest owed instead of counting it as saved', async () => {
    const preview = await previewPrepayment(deferredLoan(true), 1_000_000, 'LOWER_INSTALMENT');
    // Had the rows' deferred shares been dropped, the 10,000 fen would show as interest saved.
    const unmarked = await previewPrepayment(deferredLoan(false), 1_000_000, 'LOWER_INSTALMENT');
    expect(preview).toMatchObject({ deferredInterestFen: 10_000 });
    expect(unmarked).toMatchObject({ deferredInterestFen: 0 });
    expect((unmarked as { interestSavedFen: number }).interestSavedFen).toBe(
      (preview as { interestSavedFen: number }).interestSavedFen + 10_000,
    );
  });
});

describe('previewPrepayment after an instalment paid early', () => {
  it('keeps the carried rest of the period on the lower balance, as the bank does', async () => {
    const preview = await previewPrepayment(paidEarlyLoan(true), 1_000_000, 'LOWER_INSTALMENT');
    const unmarked = await previewPrepayment(paidEarlyLoan(false), 1_000_000, 'LOWER_INSTALMENT');
    // The fixture's two unpaid rows hold 3,333,334 of principal; kept: 3,000 × 2,333,334 / 3,333,334 =
    // 2,100.00 (one rounding with row 2's month). Without the mark the preview shows it as saved.
    const saved = (p: unknown) => (p as { interestSavedFen: number }).interestSavedFen;
    expect(Math.abs(saved(unmarked) - saved(preview) - 2_100)).toBeLessThanOrEqual(1);
  });
});
