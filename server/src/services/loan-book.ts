import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../clock';
import type { Database, InstalmentsTable, LoansTable } from '../db/types';
import {
  buildSchedule,
  makeSchedule,
  overdueSummary,
  positionOf,
  type AmortisingMethod,
  type DayCountBasis,
  type LoanState,
  type ScheduleRow,
} from '../domain';
import { notFound } from '../errors';
import { businessDate, isoTime } from '../time';
import { aprOf, OVERDUE_POLICY } from './money-views';

type Q = Kysely<Database>;
type LoanRow = Selectable<LoansTable>;
type InstalmentRow = Selectable<InstalmentsTable>;

/** A loan as stored plus its schedule in the shared domain's shape, ready for the servicing math. */
export interface LoadedLoan {
  loan: LoanRow;
  instalments: InstalmentRow[];
  rows: ScheduleRow[];
  /** Rows 1..paidThrough are paid (servicing keeps paid rows a prefix). */
  paidThrough: number;
  state: LoanState;
  basis: DayCountBasis;
  /** The deferral applied to this loan, if any (shown on My loans). */
  deferral: { option: string; months: number; created_at: Date } | null;
}

export async function loadLoan(
  q: Q,
  clock: Clock,
  userId: string,
  loanId: string,
  opts: { lock?: boolean } = {},
): Promise<LoadedLoan> {
  let sel = q.selectFrom('loans').selectAll().where('id', '=', loanId).where('user_id', '=', userId);
  // Row lock: concurrent repayments / deferrals on one loan run one after another (PostgreSQL).
  if (opts.lock) sel = sel.forUpdate();
  const loan = await sel.executeTakeFirst();
  if (!loan) throw notFound('贷款');
  await settleEmptyRows(q, clock, loanId);
  const instalments = await q
    .selectFrom('instalments')
    .selectAll()
    .where('loan_id', '=', loanId)
    .orderBy('seq')
    .execute();
  const rows: ScheduleRow[] = instalments.map((i) => ({
    period: i.seq,
    dueDate: i.due_date,
    principalFen: Number(i.principal_fen),
    interestFen: Number(i.interest_fen),
    paymentFen: Number(i.principal_fen) + Number(i.interest_fen),
    balanceFen: Number(i.balance_fen),
    // The parts of the interest carried into a row (deferred, accrued on prepaid principal, the rest
    // of an early-paid period): a payoff, a partial prepayment or a deferral must neither drop nor
    // re-price them (src/domain/owed-interest.ts).
    ...(Number(i.deferred_interest_fen) ? { deferredInterestFen: Number(i.deferred_interest_fen) } : {}),
    ...(Number(i.carried_accrued_fen) ? { carriedAccruedFen: Number(i.carried_accrued_fen) } : {}),
    ...(Number(i.carried_interest_fen) ? { carriedInterestFen: Number(i.carried_interest_fen) } : {}),
  }));
  const paidThrough = instalments.filter((i) => i.status === 'paid').length;
  // Interest runs from the day the last instalment was paid when that was before its due date
  // (归还本期 early); the domain ignores a later day (a row paid on or after its due date).
  const lastPaid = paidThrough > 0 ? instalments[paidThrough - 1] : undefined;
  const accrualStart = lastPaid?.paid_at ? businessDate(lastPaid.paid_at) : undefined;
  const deferral =
    (await q
      .selectFrom('deferrals')
      .select(['option', 'months', 'created_at'])
      .where('loan_id', '=', loanId)
      .where('status', '=', 'applied')
      .executeTakeFirst()) ?? null;
  const state: LoanState = {
    method: loan.method as AmortisingMethod,
    annualRate: loan.annual_rate,
    startDate: loan.start_date,
    rows,
    paidThroughPeriod: paidThrough,
    accrualStart,
  };
  return { loan, instalments, rows, paidThrough, state, basis: loan.day_count as DayCountBasis, deferral };
}

/**
 * Rows with nothing to pay (the paused months of a full deferral) settle by themselves once their
 * due date has come: the borrower owes nothing, so they must neither block the next instalment nor
 * show as overdue. Idempotent; runs whenever a loan is loaded.
 */
async function settleEmptyRows(q: Q, clock: Clock, loanId: string) {
  await q
    .updateTable('instalments')
    .set({ status: 'paid', paid_at: clock.now() })
    .where('loan_id', '=', loanId)
    .where('status', '=', 'due')
    .where('principal_fen', '=', 0)
    .where('interest_fen', '=', 0)
    .where('due_date', '<=', businessDate(clock.now()))
    .execute();
}

type RowInput = Pick<
  ScheduleRow,
  | 'period'
  | 'dueDate'
  | 'principalFen'
  | 'interestFen'
  | 'balanceFen'
  | 'deferredInterestFen'
  | 'carriedAccruedFen'
  | 'carriedInterestFen'
>;

export async function insertSchedule(q: Q, loanId: string, rows: readonly RowInput[]) {
  if (!rows.length) return;
  await q
    .insertInto('instalments')
    .values(
      rows.map((r) => ({
        loan_id: loanId,
        seq: r.period,
        due_date: r.dueDate,
        principal_fen: r.principalFen,
        interest_fen: r.interestFen,
        deferred_interest_fen: r.deferredInterestFen ?? 0,
        carried_accrued_fen: r.carriedAccruedFen ?? 0,
        carried_interest_fen: r.carriedInterestFen ?? 0,
        balance_fen: r.balanceFen,
        status: 'due',
        paid_at: null,
      })),
    )
    .execute();
}

/** Replaces every row after `paidThrough` with the rows of a re-computed schedule. */
export async function replaceUnpaidRows(q: Q, loanId: string, paidThrough: number, schedule: readonly RowInput[]) {
  await q.deleteFrom('instalments').where('loan_id', '=', loanId).where('seq', '>', paidThrough).execute();
  await insertSchedule(
    q,
    loanId,
    schedule.filter((r) => r.period > paidThrough),
  );
}

/** The overdue rows today with 罚息 and (per OVERDUE_POLICY) 复利: one computation for views and repayment. */
export function overdueOf(l: LoadedLoan, today: string) {
  return overdueSummary(l.rows, l.paidThrough, today, l.loan.annual_rate, l.basis, OVERDUE_POLICY);
}

export function loanStatus(l: LoadedLoan, today: string): 'active' | 'overdue' | 'settled' | 'renewed' {
  if (l.loan.status !== 'active') return l.loan.status as 'settled' | 'renewed';
  const next = l.rows[l.paidThrough];
  return next && next.dueDate < today ? 'overdue' : 'active';
}

export function loanView(l: LoadedLoan, clock: Clock, detail = true) {
  const today = businessDate(clock.now());
  const unpaid = l.rows.slice(l.paidThrough);
  const overdue = overdueOf(l, today);
  // The next instalment with something to pay (paused deferral months show in the schedule only).
  const next = unpaid.find((r) => r.paymentFen > 0);
  const principal = Number(l.loan.principal_fen);
  const current = makeSchedule(l.state.method, l.rows);
  // The APR shown is the contract's: the schedule as drawn, whatever servicing did to it since.
  const contractSchedule = buildSchedule(l.state.method, {
    principalFen: principal,
    annualRate: l.loan.annual_rate,
    termMonths: l.loan.term_months,
    startDate: l.loan.start_date,
  });
  return {
    id: l.loan.id,
    contractId: l.loan.contract_id,
    accountId: l.loan.account_id,
    status: loanStatus(l, today),
    principalFen: principal,
    outstandingPrincipalFen: unpaid.reduce((a, r) => a + r.principalFen, 0),
    annualRate: l.loan.annual_rate,
    rateType: '单利',
    ...aprOf(principal, contractSchedule),
    termMonths: l.loan.term_months,
    method: l.loan.method,
    dayCount: l.loan.day_count,
    startDate: l.loan.start_date,
    maturityDate: l.rows.length ? l.rows[l.rows.length - 1].dueDate : l.loan.start_date,
    renewedFrom: l.loan.renewed_from,
    deferral: l.deferral
      ? { option: l.deferral.option, months: l.deferral.months, appliedAt: isoTime(l.deferral.created_at) }
      : null,
    nextDue: next ? { period: next.period, dueDate: next.dueDate, amountFen: next.paymentFen } : null,
    overdue: {
      periods: overdue.rows.length,
      totalFen: overdue.totalFen,
      penaltyFen: overdue.penaltyFen,
      compoundFen: overdue.compoundFen,
      rows: overdue.rows,
    },
    /** Interest on the outstanding principal runs from this day (after an instalment paid early, that day). */
    accrualStart: positionOf(l.state)?.accrualStart ?? l.loan.start_date,
    createdAt: isoTime(l.loan.created_at),
    settledAt: l.loan.settled_at ? isoTime(l.loan.settled_at) : null,
    ...(detail
      ? {
          schedule: l.instalments.map((i, k) => ({
            ...l.rows[k],
            status: i.status === 'paid' ? 'paid' : l.rows[k].dueDate < today ? 'overdue' : 'due',
            paidPrincipalFen: Number(i.paid_principal_fen),
            paidInterestFen: Number(i.paid_interest_fen),
            paidPenaltyFen: Number(i.paid_penalty_fen),
            paidAt: i.paid_at ? isoTime(i.paid_at) : null,
          })),
          totals: current.totals,
        }
      : {}),
  };
}
