import { partialPrepayment, type AmortisingMethod, type ScheduleRow } from '../../domain';
import { api } from '../../services/api/client';
import { ApiError } from '../../services/api/api-error';
import { businessToday, deferralOf, paidThroughOf, scheduleOf, type LoanDetail } from '../../components/servicing-data';
import type { PrepaymentPreview, PrepayOption } from './repay-types';

/**
 * The effect of a partial prepayment today. The bank's quote route prices a loan from its contract
 * terms, which is exact for a loan whose schedule is unchanged; after a deferral, or after an
 * instalment paid before its due date (interest then runs from that day, `accrualStart`), the
 * schedule is no longer the contract's, so the same shared domain function runs on the loan's
 * actual rows instead (it is the function the bank itself applies on submit).
 */
export async function previewPrepayment(
  loan: LoanDetail,
  amountFen: number,
  option: PrepayOption,
): Promise<PrepaymentPreview> {
  const date = businessToday();
  const paidThroughPeriod = paidThroughOf(loan);
  const schedule = scheduleOf(loan);
  const lastPaidDue = paidThroughPeriod > 0 ? schedule[paidThroughPeriod - 1]?.dueDate : loan.startDate;
  const accrualStart = (loan as { accrualStart?: string }).accrualStart;
  const paidEarly = accrualStart !== undefined && lastPaidDue !== undefined && accrualStart < lastPaidDue;
  if (!deferralOf(loan) && !paidEarly) {
    return (await api.post('/api/quotes/prepayment', {
      body: {
        loan: {
          amountFen: loan.principalFen,
          termMonths: loan.termMonths,
          method: loan.method as AmortisingMethod,
          annualRate: loan.annualRate,
          startDate: loan.startDate,
          paidThroughPeriod,
        },
        date,
        amountFen,
        option,
        dayCount: loan.dayCount === 'ACT/365' ? 'ACT/365' : 'ACT/360',
      },
    })) as unknown as PrepaymentPreview;
  }
  const rows: ScheduleRow[] = schedule.map((r) => ({
    period: r.period,
    dueDate: r.dueDate,
    principalFen: r.principalFen,
    interestFen: r.interestFen,
    paymentFen: r.paymentFen,
    balanceFen: r.balanceFen,
    // The interest carried into a row (deferred, accrued on prepaid principal, the rest of an
    // early-paid period): without them the preview would count a deferral's interest as saved, or
    // re-price the carried days differently from the bank.
    deferredInterestFen: r.deferredInterestFen,
    carriedAccruedFen: r.carriedAccruedFen,
    carriedInterestFen: r.carriedInterestFen,
  }));
  const r = partialPrepayment(
    {
      method: loan.method as AmortisingMethod,
      annualRate: loan.annualRate,
      startDate: loan.startDate,
      rows,
      paidThroughPeriod,
      accrualStart,
    },
    { date, amountFen, option, basis: loan.dayCount === 'ACT/365' ? 'ACT/365' : 'ACT/360' },
  );
  if (!r.ok) throw new ApiError(422, r.code, r.message, 'amountFen');
  const { schedule: _schedule, ...summary } = r.value;
  return summary;
}
