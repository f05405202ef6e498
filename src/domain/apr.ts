import { Dec, type Dec as DecT, type DecimalInput } from './decimal';
import { DomainError } from './errors';
import { assertFen } from './money';
import { zhCN } from './messages.zh-CN';
import type { Schedule } from './schedule/types';

const TOLERANCE = new Dec('1e-24');

function npv(flows: readonly DecT[], r: DecT): DecT {
  const v = new Dec(1).div(r.plus(1));
  let acc = new Dec(0);
  let factor = new Dec(1);
  for (const cf of flows) {
    acc = acc.plus(cf.times(factor));
    factor = factor.times(v);
  }
  return acc;
}

function dNpv(flows: readonly DecT[], r: DecT): DecT {
  const v = new Dec(1).div(r.plus(1));
  let acc = new Dec(0);
  let factor = v; // v^(t+1)
  flows.forEach((cf, t) => {
    acc = acc.minus(cf.times(t).times(factor));
    factor = factor.times(v);
  });
  return acc;
}

/**
 * Periodic internal rate of return of equally spaced cash flows (index = period; t=0 first).
 * Newton's method on Decimal from `guess`; if it leaves (−1, ∞) or stalls, bisection on a bracket.
 */
export function irr(cashFlows: readonly DecimalInput[], guess: DecimalInput = '0.01'): DecT {
  const flows = cashFlows.map((c) => new Dec(c));
  if (!flows.some((f) => f.isNeg()) || !flows.some((f) => f.isPos())) {
    throw new DomainError('IRR_NO_SIGN_CHANGE', zhCN.IRR_NO_SIGN_CHANGE);
  }
  let r = new Dec(guess);
  for (let i = 0; i < 60; i++) {
    const f = npv(flows, r);
    if (f.abs().lt(TOLERANCE)) return r;
    const d = dNpv(flows, r);
    if (d.isZero()) break;
    const next = r.minus(f.div(d));
    if (!next.isFinite() || next.lte(-1)) break;
    if (next.minus(r).abs().lt(TOLERANCE)) return next;
    r = next;
  }
  return bisect(flows);
}

function bisect(flows: readonly DecT[]): DecT {
  let lo = new Dec('-0.999999');
  let hi = new Dec(1);
  const fLo = npv(flows, lo);
  while (npv(flows, hi).isNeg() === fLo.isNeg() && hi.lt(1e6)) hi = hi.times(10);
  if (npv(flows, hi).isNeg() === fLo.isNeg()) throw new DomainError('IRR_NOT_FOUND', zhCN.IRR_NOT_FOUND);
  for (let i = 0; i < 300; i++) {
    const mid = lo.plus(hi).div(2);
    const fm = npv(flows, mid);
    if (fm.isZero() || hi.minus(lo).lt(TOLERANCE)) return mid;
    if (fm.isNeg() === fLo.isNeg()) lo = mid;
    else hi = mid;
  }
  return lo.plus(hi).div(2);
}

/** Effective annual rate from a periodic rate: (1 + r)^periodsPerYear − 1. */
export function effectiveAnnualRate(periodicRate: DecimalInput, periodsPerYear = 12): DecT {
  return new Dec(periodicRate).plus(1).pow(periodsPerYear).minus(1);
}

export interface AprResult {
  /** Periodic IRR (monthly for monthly schedules). */
  periodicRate: DecT;
  /** APR = periodic IRR × periods per year (PBOC [2021] No. 3), the rate shown to users. */
  apr: DecT;
  /** Effective annual rate (EAR) = (1 + periodic)^periods − 1. */
  ear: DecT;
}

/** APR and EAR of any equally spaced cash-flow list (borrower's view: +received, −paid, or the reverse). */
export function aprFromCashFlows(cashFlows: readonly DecimalInput[], periodsPerYear = 12): AprResult {
  const periodicRate = irr(cashFlows);
  return {
    periodicRate,
    apr: periodicRate.times(periodsPerYear),
    ear: effectiveAnnualRate(periodicRate, periodsPerYear),
  };
}

export interface AprFees {
  /** Fees deducted at drawdown (the borrower receives principal − upfront fees). */
  upfrontFeeFen?: number;
  /** Fee added to every instalment (service fee, insurance, …). */
  perPeriodFeeFen?: number;
}

/**
 * APR of a monthly schedule, fees included. Cash flows: t0 = principal − upfront fees received,
 * t1..n = −(payment + per-period fee). Periods are the schedule's rows (equal spacing assumed).
 */
export function aprOfSchedule(principalFen: number, schedule: Schedule, fees: AprFees = {}): AprResult {
  assertFen(principalFen, 'principal');
  const upfront = fees.upfrontFeeFen ?? 0;
  const perPeriod = fees.perPeriodFeeFen ?? 0;
  assertFen(upfront, 'fee');
  assertFen(perPeriod, 'fee');
  const flows: DecimalInput[] = [principalFen - upfront, ...schedule.rows.map((r) => -(r.paymentFen + perPeriod))];
  return aprFromCashFlows(flows, 12);
}
