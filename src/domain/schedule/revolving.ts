import { Dec, type Dec as DecT } from '../decimal';
import { actualDays, daysInYear, parseDate, type DayCountBasis, type IsoDate } from '../day-count';
import { DomainError } from '../errors';
import { assertFen, roundFen, type Fen } from '../money';
import { zhCN } from '../messages.zh-CN';
import { toRate, type RateInput } from '../rate';
import { makeSchedule, type Schedule, type ScheduleRow } from './types';

/** A drawdown (支用) or a principal repayment on a revolving line. */
export interface RevolvingEvent {
  date: IsoDate;
  type: 'DRAW' | 'REPAY';
  amountFen: Fen;
}

/** A stretch of days with a constant drawn balance. Interest is unrounded (rounded per period). */
export interface RevolvingSegment {
  from: IsoDate;
  to: IsoDate;
  days: number;
  balanceFen: Fen;
  interest: DecT;
}

export interface RevolvingInput {
  annualRate: RateInput;
  /** Default ACT/360. */
  basis?: DayCountBasis;
  /** Sorted by date; same-day events apply in the given order. */
  events: readonly RevolvingEvent[];
}

function checkEvents(events: readonly RevolvingEvent[]): void {
  for (let i = 0; i < events.length; i++) {
    assertFen(events[i].amountFen, 'amount');
    parseDate(events[i].date);
    if (i > 0 && events[i].date < events[i - 1].date) {
      throw new DomainError('REVOLVING_EVENTS_UNSORTED', zhCN.REVOLVING_EVENTS_UNSORTED);
    }
  }
}

/**
 * 随借随还 accrual: interest = Σ balance × annual / basisDays × actual days, for every segment between
 * events up to `asOf` (a draw accrues from its own day; a repayment stops accrual from its day —
 * “算头不算尾”). Segments are unrounded; the total is rounded once, half-up.
 */
export function revolvingAccrual(input: RevolvingInput & { asOf: IsoDate }): {
  segments: RevolvingSegment[];
  interestFen: Fen;
  balanceFen: Fen;
} {
  const { segments, balanceFen } = segmentsUntil(input, input.asOf);
  const total = segments.reduce((acc, s) => acc.plus(s.interest), new Dec(0));
  return { segments, interestFen: roundFen(total), balanceFen };
}

function segmentsUntil(input: RevolvingInput, until: IsoDate): { segments: RevolvingSegment[]; balanceFen: Fen } {
  checkEvents(input.events);
  parseDate(until);
  const rate = toRate(input.annualRate);
  const yearDays = daysInYear(input.basis ?? 'ACT/360');
  const segments: RevolvingSegment[] = [];
  let balance = 0;
  let cursor: IsoDate | undefined;
  const close = (to: IsoDate) => {
    if (cursor !== undefined && balance > 0 && to > cursor) {
      const days = actualDays(cursor, to);
      segments.push({
        from: cursor,
        to,
        days,
        balanceFen: balance,
        interest: new Dec(balance).times(rate).times(days).div(yearDays),
      });
    }
  };
  for (const e of input.events) {
    if (e.date > until) break;
    close(e.date);
    cursor = e.date;
    if (e.type === 'DRAW') balance += e.amountFen;
    else {
      if (e.amountFen > balance) throw new DomainError('REVOLVING_OVERPAY', zhCN.REVOLVING_OVERPAY);
      balance -= e.amountFen;
    }
  }
  close(until);
  return { segments, balanceFen: balance };
}

/**
 * 随借随还 statement: one row per billing period ending on each of `billingDates` (sorted).
 * Row interest = the period's accrual rounded once half-up; principalFen = repayments made in the
 * period; balanceFen = drawn balance at the period end. Interest is billed, not capitalised.
 */
export function revolvingStatement(input: RevolvingInput & { billingDates: readonly IsoDate[] }): Schedule & {
  segments: RevolvingSegment[];
} {
  const rate = toRate(input.annualRate);
  const yearDays = daysInYear(input.basis ?? 'ACT/360');
  const all: RevolvingSegment[] = [];
  const rows: ScheduleRow[] = [];
  let prevEnd: IsoDate | undefined;
  input.billingDates.forEach((end, i) => {
    if (prevEnd !== undefined && end <= prevEnd) {
      throw new DomainError('REVOLVING_EVENTS_UNSORTED', zhCN.REVOLVING_EVENTS_UNSORTED);
    }
    const { segments, balanceFen } = segmentsUntil(input, end);
    const inPeriod: RevolvingSegment[] = [];
    for (const s of segments) {
      if (prevEnd !== undefined && s.to <= prevEnd) continue;
      if (prevEnd !== undefined && s.from < prevEnd) {
        const days = actualDays(prevEnd, s.to);
        inPeriod.push({
          ...s,
          from: prevEnd,
          days,
          interest: new Dec(s.balanceFen).times(rate).times(days).div(yearDays),
        });
      } else inPeriod.push(s);
    }
    all.push(...inPeriod);
    const from = prevEnd;
    const repaid = input.events
      .filter((e) => e.type === 'REPAY' && e.date <= end && (from === undefined || e.date > from))
      .reduce((acc, e) => acc + e.amountFen, 0);
    const interestFen = roundFen(inPeriod.reduce((acc, s) => acc.plus(s.interest), new Dec(0)));
    rows.push({
      period: i + 1,
      dueDate: end,
      principalFen: repaid,
      interestFen,
      paymentFen: repaid + interestFen,
      balanceFen,
    });
    prevEnd = end;
  });
  return { ...makeSchedule('REVOLVING', rows), segments: all };
}
