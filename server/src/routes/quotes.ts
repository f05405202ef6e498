import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import {
  buildSchedule,
  dueDates,
  dueDateAt,
  loanStateFromTerms,
  partialPrepayment,
  payoffQuote,
  penaltyInterest,
  revolvingStatement,
  type AmortisingMethod,
  type DayCountBasis,
  type Schedule,
} from '../domain';
import { AppError } from '../errors';
import {
  AmortisingMethod as AmortisingSchema,
  Body,
  CalendarDate,
  errorResponses,
  Fen,
  Method,
  PositiveFen,
  Rate,
} from '../schemas';
import { aprOf, scheduleRowsView, TERMS_TEXT } from '../services/money-views';
import { allDeferralOptions } from '../services/servicing';
import { businessDate } from '../time';
import { Anything } from './views';

// Quotes are public previews (before sign-in too) computed with the same shared math the
// mini-program uses; nothing is stored.
const Basis = Type.Union([Type.Literal('ACT/360'), Type.Literal('ACT/365')], {
  description: 'day count for day-based interest',
});
const Term = Type.Integer({ minimum: 1, maximum: 60 });
const LoanTerms = Body({
  amountFen: PositiveFen,
  termMonths: Term,
  method: AmortisingSchema,
  annualRate: Rate,
  startDate: CalendarDate,
  paidThroughPeriod: Type.Integer({ minimum: 0, maximum: 60, description: 'instalments already paid' }),
});
const ScheduleBody = Body({
  amountFen: PositiveFen,
  termMonths: Term,
  method: Method,
  annualRate: Rate,
  dayCount: Type.Optional(Basis),
  startDate: Type.Optional(CalendarDate),
  fees: Type.Optional(Body({ upfrontFeeFen: Type.Optional(Fen), perPeriodFeeFen: Type.Optional(Fen) })),
});
const PayoffBody = Body({ loan: LoanTerms, date: CalendarDate, dayCount: Type.Optional(Basis) });
const PrepayBody = Body({
  loan: LoanTerms,
  date: CalendarDate,
  amountFen: PositiveFen,
  option: Type.Union([Type.Literal('SHORTEN_TERM'), Type.Literal('LOWER_INSTALMENT')]),
  dayCount: Type.Optional(Basis),
});
const DeferralBody = Body({ loan: LoanTerms, months: Type.Integer({ minimum: 1, maximum: 24 }) });
const PenaltyBody = Body({
  overduePrincipalFen: Fen,
  annualRate: Rate,
  dueDate: CalendarDate,
  asOf: CalendarDate,
  dayCount: Type.Optional(Basis),
});

function stateOf(t: Static<typeof LoanTerms>) {
  if (t.paidThroughPeriod >= t.termMonths)
    throw new AppError(400, 'NOTHING_OUTSTANDING', '已还期数须小于总期数', 'loan.paidThroughPeriod');
  return loanStateFromTerms(
    t.method as AmortisingMethod,
    { principalFen: t.amountFen, annualRate: t.annualRate, termMonths: t.termMonths, startDate: t.startDate },
    t.paidThroughPeriod,
  );
}

function orConflict<T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }, field?: string): T {
  if (!r.ok) throw new AppError(422, r.code, r.message, field);
  return r.value;
}

export default async function quoteRoutes(app: FastifyInstance, deps: AppDeps) {
  const common = { tags: ['quotes'] };
  app.post(
    '/quotes/schedule',
    {
      schema: {
        ...common,
        summary: 'Repayment plan + APR for amount / term / method / rate / day count / fees',
        body: ScheduleBody,
        response: { 200: Anything, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body as Static<typeof ScheduleBody>;
      const startDate = b.startDate ?? businessDate(deps.clock.now());
      const basis: DayCountBasis = b.dayCount ?? 'ACT/360';
      let schedule: Schedule;
      if (b.method === 'REVOLVING') {
        // 随借随还 preview: the whole amount drawn today, repaid at the end of the term, billed monthly.
        const maturity = dueDateAt(startDate, b.termMonths);
        schedule = revolvingStatement({
          annualRate: b.annualRate,
          basis,
          billingDates: dueDates(startDate, b.termMonths),
          events: [
            { date: startDate, type: 'DRAW', amountFen: b.amountFen },
            { date: maturity, type: 'REPAY', amountFen: b.amountFen },
          ],
        });
      } else {
        schedule = buildSchedule(b.method as AmortisingMethod, {
          principalFen: b.amountFen,
          annualRate: b.annualRate,
          termMonths: b.termMonths,
          startDate,
        });
      }
      const fees = { upfrontFeeFen: b.fees?.upfrontFeeFen ?? 0, perPeriodFeeFen: b.fees?.perPeriodFeeFen ?? 0 };
      if (fees.upfrontFeeFen >= b.amountFen)
        throw new AppError(400, 'FEE_TOO_HIGH', '前置费用不能超过借款金额', 'fees.upfrontFeeFen');
      return {
        method: b.method,
        startDate,
        dayCount: basis,
        rateType: '单利',
        rows: scheduleRowsView(schedule),
        totals: schedule.totals,
        fees,
        ...aprOf(b.amountFen, schedule, fees),
        dayCountRule: TERMS_TEXT.dayCountRule,
      };
    },
  );

  app.post(
    '/quotes/payoff',
    {
      schema: {
        ...common,
        summary: 'Early full payoff amount for a date',
        body: PayoffBody,
        response: { 200: Anything, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body as Static<typeof PayoffBody>;
      return { date: b.date, ...orConflict(payoffQuote(stateOf(b.loan), b.date, b.dayCount ?? 'ACT/360'), 'date') };
    },
  );

  app.post(
    '/quotes/prepayment',
    {
      schema: {
        ...common,
        summary: 'Partial prepayment: shorten the term or lower the instalment',
        body: PrepayBody,
        response: { 200: Anything, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body as Static<typeof PrepayBody>;
      const r = orConflict(
        partialPrepayment(stateOf(b.loan), {
          date: b.date,
          amountFen: b.amountFen,
          option: b.option,
          basis: b.dayCount,
        }),
        'amountFen',
      );
      const { schedule, ...summary } = r;
      return { ...summary, rows: scheduleRowsView(schedule), totals: schedule.totals };
    },
  );

  app.post(
    '/quotes/deferral',
    {
      schema: {
        ...common,
        summary: 'The three deferral options with their extra interest',
        body: DeferralBody,
        response: { 200: Anything, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body as Static<typeof DeferralBody>;
      return allDeferralOptions(stateOf(b.loan), b.months);
    },
  );

  app.post(
    '/quotes/penalty',
    {
      schema: {
        ...common,
        summary: 'Penalty interest on an overdue instalment (contract rate × 1.5)',
        body: PenaltyBody,
        response: { 200: Anything, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body as Static<typeof PenaltyBody>;
      const r = penaltyInterest({ ...b, basis: b.dayCount });
      return {
        overdueDays: r.overdueDays,
        penaltyAnnualRate: r.penaltyAnnualRate.toString(),
        penaltyFen: r.penaltyFen,
      };
    },
  );
}
