import { previewPrepayment } from './prepayment-preview';
import { activeLoanDetail } from '../../components/servicing-data/fixtures';
import type { LoanDetail } from '../../components/servicing-data';

// The preview prices on the loan's own rows after a deferral (no request to the bank).
jest.mock('../../components/servicing-data', () => ({
  ...jest.requireActual('../../components/servicing-data'),
  businessToday: () => '2026-11-27',
}));

/** The fixture loan after a 延期还本付息 whose deferred interest (2 × 5,000 fen) sits in rows 2 and 3. */
function deferredLoan(marked: boolean): LoanDetail {
  return {
    ...activeLoanDetail,
    deferral: { option: 'FULL_DEFERRAL', months: 1 },
    schedule: activeLoanDetail.schedule.map((row) =>
      row.status === 'paid'
        ? row
        : {
            ...row,
            interestFen: row.interestFen + 5_000,
            paymentFen: row.paymentFen + 5_000,
            ...(marked ? { deferredInterestFen: 5_000 } : {}),
          },
    ),
  } as unknown as LoanDetail;
}

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
