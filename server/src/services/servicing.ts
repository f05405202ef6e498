import type { AppDeps } from '../deps';
import { buildSchedule, deferral, formatYuanText, type DeferralPlan, type LoanState } from '../domain';
import { AppError } from '../errors';
import { newId } from '../ids';
import { addDays, businessDate, isoTime } from '../time';
import type { Trx } from './idempotency';
import { insertSchedule, loadLoan, loanView, overdueOf, replaceUnpaidRows, type LoadedLoan } from './loan-book';
import { scheduleRowsView } from './money-views';
import { addNotice } from './notices';

/** Deferral policy (2020 延期还本付息 package): at most 6 months, once per loan, no overdue. */
export const DEFERRAL_POLICY = { maxDeferralMonths: 6 } as const;
/** Renewal (无还本续贷): asked for within 30 days before maturity, with only the final row left. */
export const RENEWAL_WINDOW_DAYS = 30;

export type DeferralOption = 'INTEREST_ONLY' | 'RESPREAD' | 'FULL_DEFERRAL';
const LABEL: Record<DeferralOption, string> = {
  INTEREST_ONLY: '延期还本（期间只付利息）',
  RESPREAD: '延长期限（剩余本金重新分摊）',
  FULL_DEFERRAL: '延期还本付息（正常计息、免收罚息）',
};

function planOf(option: DeferralOption, months: number, state: LoanState): DeferralPlan {
  if (option === 'RESPREAD')
    return { kind: 'RESPREAD', newRemainingTerm: state.rows.length - state.paidThroughPeriod + months };
  // 延期还本付息: the interest of the paused months is spread evenly over the instalments after the
  // deferral (as the option says on screen), not added to the first one — a deferral is relief, and
  // one instalment carrying months of interest is the payment shock it is meant to avoid.
  if (option === 'FULL_DEFERRAL') return { kind: option, months, deferredInterest: 'SPREAD' };
  return { kind: option, months };
}

/** Once per loan: the one already applied, said with its date so the owner knows why. */
function alreadyDeferred(l: LoadedLoan): AppError | null {
  if (!l.deferral) return null;
  const on = isoTime(l.deferral.created_at).slice(0, 10);
  return new AppError(
    409,
    'DEFERRAL_ALREADY_USED',
    `本笔贷款已于 ${on} 办理过延期（${LABEL[l.deferral.option as DeferralOption] ?? '延期'}，${l.deferral.months}个月），每笔贷款只能延期一次；如仍有困难，可在到期前申请无还本续贷或联系人工服务`,
  );
}

function assertServiceable(l: LoadedLoan, today: string) {
  if (l.loan.status !== 'active') throw new AppError(409, 'LOAN_NOT_ACTIVE', '该笔贷款已结清或已续贷');
  if (overdueOf(l, today).rows.length) {
    throw new AppError(409, 'HAS_OVERDUE', '您有逾期未还的款项，请先归还逾期款项');
  }
}

/** The effect of a deferral option on a loan state, without applying it. */
function preview(state: LoanState, option: DeferralOption, months: number) {
  const r = deferral(state, planOf(option, months, state), DEFERRAL_POLICY);
  if (!r.ok) throw new AppError(409, r.code, r.message, 'months');
  return {
    option,
    label: LABEL[option],
    months,
    extraInterestFen: r.value.extraInterestFen,
    deferredInterestFen: r.value.deferredInterestFen,
    newMaturityDate: r.value.newMaturityDate,
    penaltyWaived: true,
    rows: scheduleRowsView(r.value.schedule).filter((x) => x.period > state.paidThroughPeriod),
    schedule: r.value.schedule,
  };
}

/**
 * All three options side by side (the Deferral screen and the deferral quote). With `blocked`, each
 * is listed as unavailable with that reason (the screen shows why instead of offering it).
 */
export function allDeferralOptions(state: LoanState, months: number, blocked?: AppError | null) {
  const options = (['INTEREST_ONLY', 'RESPREAD', 'FULL_DEFERRAL'] as const).map((o) => {
    try {
      if (blocked) throw blocked;
      const { schedule: _applied, ...rest } = preview(state, o, months);
      return { available: true, ...rest };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return { available: false, option: o, label: LABEL[o], months, code: e.code, message: e.message };
    }
  });
  return { policy: { maxDeferralMonths: DEFERRAL_POLICY.maxDeferralMonths, oncePerLoan: true }, options };
}

export async function deferralOptions(deps: AppDeps, userId: string, loanId: string, months: number) {
  const l = await loadLoan(deps.db, deps.clock, userId, loanId);
  assertServiceable(l, businessDate(deps.clock.now()));
  return allDeferralOptions(l.state, months, alreadyDeferred(l));
}

/** Applies a deferral to the schedule (auto-approved within policy) and records it. */
export async function requestDeferral(
  deps: AppDeps,
  trx: Trx,
  userId: string,
  loanId: string,
  option: DeferralOption,
  months: number,
) {
  const now = deps.clock.now();
  const l = await loadLoan(trx, deps.clock, userId, loanId, { lock: true });
  assertServiceable(l, businessDate(now));
  const used = await trx
    .selectFrom('deferrals')
    .select('id')
    .where('loan_id', '=', loanId)
    .where('status', '=', 'applied')
    .executeTakeFirst();
  if (used) throw alreadyDeferred(l) ?? new AppError(409, 'DEFERRAL_ALREADY_USED', '每笔贷款只能申请一次延期');
  const p = preview(l.state, option, months);
  await replaceUnpaidRows(trx, loanId, l.paidThrough, p.schedule.rows);
  const row = await trx
    .insertInto('deferrals')
    .values({
      id: newId('dfr'),
      loan_id: loanId,
      user_id: userId,
      option,
      months,
      extra_interest_fen: p.extraInterestFen,
      status: 'applied',
      detail: JSON.stringify({ newMaturityDate: p.newMaturityDate, deferredInterestFen: p.deferredInterestFen }),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await addNotice(
    trx,
    deps.clock,
    userId,
    'servicing',
    row.id,
    '延期申请已生效',
    `${LABEL[option]}已生效，新的到期日为 ${p.newMaturityDate}，延期期间正常计息、免收罚息。`,
  );
  return { deferral: deferralView(row), loan: loanView(await loadLoan(trx, deps.clock, userId, loanId), deps.clock) };
}

export function deferralView(d: {
  id: string;
  option: string;
  months: number;
  extra_interest_fen: number;
  status: string;
  detail: unknown;
  created_at: Date;
}) {
  return {
    id: d.id,
    option: d.option,
    months: d.months,
    extraInterestFen: Number(d.extra_interest_fen),
    status: d.status,
    ...(d.detail as object),
    createdAt: isoTime(d.created_at),
  };
}

/**
 * 无还本续贷: the principal due at maturity rolls into a new loan on the same contract terms,
 * starting on the old maturity date; the old loan keeps its final interest due, so it settles
 * when that is paid. Auto-approved within policy (final row only, within 30 days, no overdue).
 */
export async function requestRenewal(deps: AppDeps, trx: Trx, userId: string, loanId: string, termMonths: number) {
  const now = deps.clock.now();
  const today = businessDate(now);
  const l = await loadLoan(trx, deps.clock, userId, loanId, { lock: true });
  assertServiceable(l, today);
  const last = l.rows[l.rows.length - 1];
  if (l.paidThrough !== l.rows.length - 1)
    throw new AppError(409, 'RENEWAL_NOT_YET', '续贷需在最后一期前申请，请先归还此前各期款项');
  if (today < addDays(last.dueDate, -RENEWAL_WINDOW_DAYS))
    throw new AppError(409, 'RENEWAL_TOO_EARLY', `请在到期前 ${RENEWAL_WINDOW_DAYS} 天内申请续贷`);
  if (last.principalFen === 0) throw new AppError(409, 'RENEWAL_NOTHING_TO_RENEW', '到期无应还本金，无需续贷');
  const renewedFen = last.principalFen;
  await trx
    .updateTable('instalments')
    .set({ principal_fen: 0, balance_fen: 0 })
    .where('loan_id', '=', loanId)
    .where('seq', '=', last.period)
    .execute();

  const newId_ = newId('lon');
  const schedule = buildSchedule(l.state.method, {
    principalFen: renewedFen,
    annualRate: l.loan.annual_rate,
    termMonths,
    startDate: last.dueDate,
  });
  await trx
    .insertInto('loans')
    .values({
      id: newId_,
      user_id: userId,
      contract_id: l.loan.contract_id,
      account_id: l.loan.account_id,
      principal_fen: renewedFen,
      annual_rate: l.loan.annual_rate,
      term_months: termMonths,
      method: l.loan.method,
      day_count: l.loan.day_count,
      start_date: last.dueDate,
      status: 'active',
      renewed_from: loanId,
      created_at: now,
      settled_at: null,
    })
    .execute();
  await insertSchedule(trx, newId_, schedule.rows);
  const row = await trx
    .insertInto('renewals')
    .values({
      id: newId('rnw'),
      loan_id: loanId,
      user_id: userId,
      new_loan_id: newId_,
      term_months: termMonths,
      status: 'approved',
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await addNotice(
    trx,
    deps.clock,
    userId,
    'servicing',
    row.id,
    '续贷已生效',
    `到期本金 ${formatYuanText(renewedFen)}已无还本续贷 ${termMonths} 个月，到期日仍需支付最后一期利息。`,
  );
  return {
    renewal: renewalView(row),
    loan: loanView(await loadLoan(trx, deps.clock, userId, loanId), deps.clock),
    newLoan: loanView(await loadLoan(trx, deps.clock, userId, newId_), deps.clock),
  };
}

export function renewalView(r: {
  id: string;
  loan_id: string;
  new_loan_id: string | null;
  term_months: number;
  status: string;
  created_at: Date;
}) {
  return {
    id: r.id,
    loanId: r.loan_id,
    newLoanId: r.new_loan_id,
    termMonths: r.term_months,
    status: r.status,
    createdAt: isoTime(r.created_at),
  };
}
