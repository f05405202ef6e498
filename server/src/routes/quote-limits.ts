import {
  addDays,
  CREDIT_LOAN_PRODUCT,
  Dec,
  formatYuanText,
  positionOf,
  validateLoanAmount,
  type LoanState,
} from '../domain';
import { AppError } from '../errors';
import { isCalendarDate } from '../time';

/**
 * The product's limits as the public quote routes enforce them: a quote is a promise of terms, so
 * it is never given for a loan the bank would not make (a 1-billion-yuan, 1-month loan). Each refusal
 * names the field in Chinese, the allowed range and what to do.
 */
export const QUOTE_LIMITS = {
  minFen: CREDIT_LOAN_PRODUCT.minLimitFen,
  maxFen: CREDIT_LOAN_PRODUCT.maxLimitFen,
  stepFen: CREDIT_LOAN_PRODUCT.stepFen,
  termMonths: CREDIT_LOAN_PRODUCT.termMonths as readonly number[],
  /** Annual simple rate above 0 and at most 24 % (the ceiling Chinese lenders commit their APR to). */
  maxAnnualRate: '0.24',
  /** A quoted loan starts within this many days before or after today. */
  startWindowDays: { before: 3 * 366 + 190, after: 90 },
} as const;

const bad = (code: string, message: string, field: string) => new AppError(400, code, message, field);
const RATE_FORMAT = /^0?\.\d{1,8}$/;

/** A new loan's amount: the product's range and step (the application's own check). */
export function checkNewLoanAmount(amountFen: number, field = 'amountFen') {
  const r = validateLoanAmount(amountFen, QUOTE_LIMITS);
  if (!r.ok)
    throw bad(
      r.code,
      `${r.message}（可借 ${range()}，须为${formatYuanText(QUOTE_LIMITS.stepFen)}的整数倍），请调整借款金额后重新试算`,
      field,
    );
}

/** An existing loan's principal (a renewal can be any amount): at most the product's maximum. */
export function checkLoanPrincipal(amountFen: number, field: string) {
  if (!Number.isSafeInteger(amountFen) || amountFen < 1 || amountFen > QUOTE_LIMITS.maxFen)
    throw bad(
      'QUOTE_PRINCIPAL_OUT_OF_RANGE',
      `贷款本金须在 0.01 元至 ${formatYuanText(QUOTE_LIMITS.maxFen)} 之间，请填写合同上的借款金额`,
      field,
    );
}

function range() {
  return `${formatYuanText(QUOTE_LIMITS.minFen)}至${formatYuanText(QUOTE_LIMITS.maxFen)}`;
}

export function checkTerm(termMonths: number, field = 'termMonths') {
  if (!QUOTE_LIMITS.termMonths.includes(termMonths))
    throw bad(
      'LOAN_TERM_INVALID',
      `借款期限只能选择 ${QUOTE_LIMITS.termMonths.join('/')} 个月，请从中选择一个期限`,
      field,
    );
}

export function checkRate(rate: string, field = 'annualRate') {
  const pct = `0.01%至${new Dec(QUOTE_LIMITS.maxAnnualRate).times(100).toString()}%`;
  if (!RATE_FORMAT.test(rate))
    throw bad('RATE_BAD_FORMAT', `年利率格式不正确：请填写小数，如 4.35% 填 0.0435（允许 ${pct}）`, field);
  const r = new Dec(rate);
  if (r.lte(0) || r.gt(QUOTE_LIMITS.maxAnnualRate))
    throw bad('RATE_OUT_OF_RANGE', `年利率须在 ${pct} 之间，请按审批或合同上的年利率填写`, field);
}

/** A real calendar date, or a 400 that names the field. */
export function checkDate(value: string, label: string, field: string) {
  if (!isCalendarDate(value))
    throw bad('DATE_INVALID', `${label}不是有效日期：请按“年-月-日”填写，如 2026-03-15`, field);
}

/** A loan's start (value) date: a real date, not years in the past nor far in the future. */
export function checkStartDate(startDate: string, today: string, field = 'startDate') {
  checkDate(startDate, '起息日（放款日）', field);
  const from = addDays(today, -QUOTE_LIMITS.startWindowDays.before);
  const to = addDays(today, QUOTE_LIMITS.startWindowDays.after);
  if (startDate < from || startDate > to)
    throw bad(
      'QUOTE_START_OUT_OF_RANGE',
      `起息日（放款日）须在 ${from} 至 ${to} 之间，请填写实际或计划的放款日`,
      field,
    );
}

/**
 * The day of a payoff (`inclusive`) or a partial prepayment (before the next due date): from the
 * loan's accrual start up to the next unpaid due date. Later, that instalment is due first — which
 * says nothing about overdue payments on a quote, so the answer names the range instead.
 */
export function checkServicingDate(state: LoanState, date: string, label: string, field: string, inclusive: boolean) {
  checkDate(date, label, field);
  const pos = positionOf(state);
  const next = pos?.remainingRows[0];
  if (!pos || !next) return; // the domain answers "nothing outstanding"
  const last = inclusive ? next.dueDate : addDays(next.dueDate, -1);
  if (date < pos.accrualStart || date > last)
    throw bad(
      'QUOTE_DATE_OUT_OF_RANGE',
      `${label}须在 ${pos.accrualStart} 至 ${last} 之间（第${next.period}期还款日为 ${next.dueDate}）；更晚的日期须先按期归还第${next.period}期，请在此范围内选择`,
      field,
    );
}
