import type { AppDeps } from '../deps';
import {
  formatYuanText,
  instalmentPayment,
  partialPrepayment,
  payoffQuote,
  type PayoffQuote,
  type PrepaymentOption,
  type ScheduleRow,
} from '../domain';
import { AppError } from '../errors';
import { newId } from '../ids';
import { businessDate, isoTime } from '../time';
import type { Trx } from './idempotency';
import { insertSchedule, loadLoan, loanView, overdueOf, replaceUnpaidRows, type LoadedLoan } from './loan-book';

export type RepayKind = 'current' | 'overdue' | 'full' | 'partial';
export interface RepayInput {
  kind: RepayKind;
  /** partial: principal to prepay. */
  amountFen?: number;
  /** partial: keep the instalment and shorten the term, or keep the term and lower the instalment. */
  option?: PrepaymentOption;
  /** What the user saw; if the server's amount differs the repayment is refused (no surprise debits). */
  expectedAmountFen?: number;
}

interface Allocation {
  principalFen: number;
  interestFen: number;
  /** 罚息 on overdue principal. */
  penaltyFen: number;
  /** 复利 on overdue interest (stored with the penalty in `repayments.penalty_fen`). */
  compoundFen?: number;
  detail: Record<string, unknown>;
}

const amountOf = (a: Allocation) => a.principalFen + a.interestFen + a.penaltyFen + (a.compoundFen ?? 0);

function domainFailure(r: { ok: false; code: string; message: string }, field?: string): never {
  throw new AppError(409, r.code, r.message, field);
}

/** What a repayment of this kind costs today, and how it changes the loan (applied by `repay`). */
function plan(
  l: LoadedLoan,
  today: string,
  input: RepayInput,
): { alloc: Allocation; paysRows?: number; penalties?: number[]; newSchedule?: ScheduleRow[]; payoff?: PayoffQuote } {
  const unpaid = l.rows.slice(l.paidThrough);
  if (l.loan.status !== 'active' || unpaid.length === 0)
    throw new AppError(409, 'LOAN_NOT_ACTIVE', '该笔贷款已结清，无需还款');
  const overdue = overdueOf(l, today);
  const hasOverdue = overdue.rows.length > 0;
  switch (input.kind) {
    case 'current': {
      if (hasOverdue) throw new AppError(409, 'HAS_OVERDUE', '您有逾期未还的款项，请先归还逾期款项', 'kind');
      const row = unpaid[0];
      if (row.paymentFen === 0) {
        throw new AppError(
          409,
          'NOTHING_DUE',
          `延期期间无需还款，下一期还款日为 ${unpaid.find((r) => r.paymentFen > 0)?.dueDate ?? ''}`,
          'kind',
        );
      }
      // Before its due date this is an early repayment of the row's principal: interest only to
      // today, the rest of the period's interest (on the principal still owed) moves to the next row.
      const q = instalmentPayment(l.state, today, l.basis);
      if (!q.ok) domainFailure(q, 'kind');
      const { schedule, ...summary } = q.value;
      return {
        alloc: {
          principalFen: q.value.principalFen,
          interestFen: q.value.interestFen,
          penaltyFen: 0,
          detail: { periods: [row.period], ...summary },
        },
        paysRows: 1,
        newSchedule: q.value.early ? schedule.rows : undefined,
      };
    }
    case 'overdue': {
      if (!hasOverdue) throw new AppError(409, 'NOTHING_OVERDUE', '当前没有逾期款项', 'kind');
      const alloc: Allocation = {
        principalFen: overdue.rows.reduce((a, r) => a + r.overduePrincipalFen, 0),
        interestFen: overdue.rows.reduce((a, r) => a + r.overdueInterestFen, 0),
        penaltyFen: overdue.penaltyFen,
        compoundFen: overdue.compoundFen,
        detail: { periods: overdue.rows.map((r) => r.period), rows: overdue.rows, compoundFen: overdue.compoundFen },
      };
      return {
        alloc,
        paysRows: overdue.rows.length,
        penalties: overdue.rows.map((r) => r.penaltyFen + r.compoundFen),
      };
    }
    case 'full': {
      const q = payoffQuote(l.state, today, l.basis);
      if (!q.ok) domainFailure(q, 'kind');
      return {
        alloc: {
          principalFen: q.value.principalFen,
          interestFen: q.value.interestFen,
          penaltyFen: 0,
          detail: { ...q.value },
        },
        payoff: q.value,
      };
    }
    case 'partial': {
      if (input.amountFen === undefined)
        throw new AppError(400, 'VALIDATION', '部分提前还款须填写还款本金', 'amountFen');
      if (!input.option) throw new AppError(400, 'VALIDATION', '请选择缩短期限或减少月供', 'option');
      const r = partialPrepayment(l.state, {
        date: today,
        amountFen: input.amountFen,
        option: input.option,
        basis: l.basis,
      });
      if (!r.ok) domainFailure(r, 'amountFen');
      const { schedule, ...summary } = r.value;
      return {
        alloc: {
          principalFen: input.amountFen,
          interestFen: 0,
          penaltyFen: 0,
          detail: { ...summary, option: input.option },
        },
        newSchedule: schedule.rows,
      };
    }
  }
}

/** Applies one repayment inside the caller's transaction (which holds the idempotency key). */
export async function repay(deps: AppDeps, trx: Trx, userId: string, loanId: string, input: RepayInput) {
  const now = deps.clock.now();
  const today = businessDate(now);
  const l = await loadLoan(trx, deps.clock, userId, loanId, { lock: true });
  const p = plan(l, today, input);
  const amountFen = amountOf(p.alloc);
  if (input.expectedAmountFen !== undefined && input.expectedAmountFen !== amountFen) {
    throw new AppError(
      409,
      'AMOUNT_CHANGED',
      `应还金额已更新为 ${formatYuanText(amountFen)}，请确认后重新提交`,
      'expectedAmountFen',
    );
  }

  if (p.paysRows) {
    const penalties = p.penalties;
    // An instalment paid early is re-priced and the next row takes the carried interest.
    const rows = p.newSchedule ?? l.rows;
    if (rows !== l.rows) await replaceUnpaidRows(trx, loanId, l.paidThrough, rows);
    for (let k = 0; k < p.paysRows; k++) {
      const row = rows[l.paidThrough + k];
      await trx
        .updateTable('instalments')
        .set({
          status: 'paid',
          paid_at: now,
          paid_principal_fen: row.principalFen,
          paid_interest_fen: row.interestFen,
          paid_penalty_fen: penalties?.[k] ?? 0,
        })
        .where('loan_id', '=', loanId)
        .where('seq', '=', row.period)
        .execute();
    }
  } else if (p.payoff) {
    // The schedule records what happened: the unpaid rows give way to one settled payoff row.
    const period = l.paidThrough + 1;
    await trx.deleteFrom('instalments').where('loan_id', '=', loanId).where('seq', '>', l.paidThrough).execute();
    await insertSchedule(trx, loanId, [
      { period, dueDate: today, principalFen: p.payoff.principalFen, interestFen: p.payoff.interestFen, balanceFen: 0 },
    ]);
    await trx
      .updateTable('instalments')
      .set({
        status: 'paid',
        paid_at: now,
        paid_principal_fen: p.payoff.principalFen,
        paid_interest_fen: p.payoff.interestFen,
      })
      .where('loan_id', '=', loanId)
      .where('seq', '=', period)
      .execute();
  } else if (p.newSchedule) {
    await replaceUnpaidRows(trx, loanId, l.paidThrough, p.newSchedule);
  }

  const remaining = await trx
    .selectFrom('instalments')
    .select('seq')
    .where('loan_id', '=', loanId)
    .where('status', '=', 'due')
    .executeTakeFirst();
  if (!remaining)
    await trx.updateTable('loans').set({ status: 'settled', settled_at: now }).where('id', '=', loanId).execute();

  const rec = await trx
    .insertInto('repayments')
    .values({
      id: newId('rpy'),
      loan_id: loanId,
      user_id: userId,
      kind: input.kind,
      amount_fen: amountFen,
      principal_fen: p.alloc.principalFen,
      interest_fen: p.alloc.interestFen,
      penalty_fen: p.alloc.penaltyFen + (p.alloc.compoundFen ?? 0),
      detail: JSON.stringify(p.alloc.detail),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { repayment: repaymentView(rec), loan: loanView(await loadLoan(trx, deps.clock, userId, loanId), deps.clock) };
}

/** The amount each kind would take today, without moving money (the Repay screen). */
export function repaymentOptions(l: LoadedLoan, today: string) {
  const out: Record<string, unknown> = {};
  for (const kind of ['current', 'overdue', 'full'] as const) {
    try {
      const p = plan(l, today, { kind });
      out[kind] = { available: true, amountFen: amountOf(p.alloc), compoundFen: 0, ...p.alloc };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out[kind] = { available: false, code: e.code, message: e.message };
    }
  }
  return out;
}

export function repaymentView(r: {
  id: string;
  kind: string;
  amount_fen: number;
  principal_fen: number;
  interest_fen: number;
  penalty_fen: number;
  detail: unknown;
  created_at: Date;
}) {
  return {
    id: r.id,
    kind: r.kind,
    amountFen: Number(r.amount_fen),
    principalFen: Number(r.principal_fen),
    interestFen: Number(r.interest_fen),
    penaltyFen: Number(r.penalty_fen),
    detail: r.detail,
    paidAt: isoTime(r.created_at),
  };
}
