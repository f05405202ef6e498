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
import { AmortisingMethod as AmortisingSchema, Body, errorResponses, Fen, Method, PositiveFen } from '../schemas';
import { aprOf, scheduleRowsView, TERMS_TEXT } from '../services/money-views';
import { allDeferralOptions } from '../services/servicing';
import { businessDate } from '../time';
import { Anything } from './views';
import {
  checkDate,
  checkLoanPrincipal,
  checkNewLoanAmount,
  checkRate,
  checkServicingDate,
  checkStartDate,
  checkTerm,
  QUOTE_LIMITS,
} from './quote-limits';
import { DEFERRAL_POLICY } from '../services/servicing';

// Quotes are public previews (before sign-in too) computed with the same shared math the
// mini-program uses; nothing is stored. The schemas only fix the types: the product's limits
// (amount, term list, rate, dates) are checked in the handlers (quote-limits.ts), so every refusal
// names the field in Chinese, the allowed range and what to do, instead of a schema keyword.
const Basis = Type.Union([Type.Literal('ACT/360'), Type.Literal('ACT/365')], {
  description: 'day count for day-based interest',
});
const AnyInt = (description: string) => Type.Integer({ description });
const DateText = (description: string) => Type.String({ maxLength: 32, description: `${description}, YYYY-MM-DD` });
const RateText = Type.String({
  maxLength: 32,
  description: 'annual rate as a decimal string, above 0 and at most 0.24',
});
const LoanTerms = Body({
  amountFen: AnyInt('principal in fen, at most the product maximum (3,000,000 yuan)'),
  termMonths: AnyInt('3, 6, 12, 24 or 36'),
  method: AmortisingSchema,
  annualRate: RateText,
  startDate: DateText('value (drawdown) date'),
  paidThroughPeriod: Type.Integer({ minimum: 0, maximum: 60, description: 'instalments already paid' }),
});
const ScheduleBody = Body({
  amountFen: AnyInt('amount in fen: 1,000 to 3,000,000 yuan in steps of 100 yuan'),
  termMonths: AnyInt('3, 6, 12, 24 or 36'),
  method: Method,
  annualRate: RateText,
  dayCount: Type.Optional(Basis),
  startDate: Type.Optional(DateText('value date, default today')),
  fees: Type.Optional(Body({ upfrontFeeFen: Type.Optional(Fen), perPeriodFeeFen: Type.Optional(Fen) })),
});
const PayoffBody = Body({ loan: LoanTerms, date: DateText('payoff date'), dayCount: Type.Optional(Basis) });
const PrepayBody = Body({
  loan: LoanTerms,
  date: DateText('prepayment date'),
  amountFen: PositiveFen,
  option: Type.Union([Type.Literal('SHORTEN_TERM'), Type.Literal('LOWER_INSTALMENT')]),
  dayCount: Type.Optional(Basis),
});
const DeferralBody = Body({ loan: LoanTerms, months: AnyInt('deferral months, 1 to the policy cap (6)') });
const PenaltyBody = Body({
  overduePrincipalFen: AnyInt('overdue principal in fen'),
  annualRate: RateText,
  dueDate: DateText('missed due date'),
  asOf: DateText('accrue up to and including'),
  dayCount: Type.Optional(Basis),
});

function stateOf(t: Static<typeof LoanTerms>, today: string) {
  checkLoanPrincipal(t.amountFen, 'loan.amountFen');
  checkTerm(t.termMonths, 'loan.termMonths');
  checkRate(t.annualRate, 'loan.annualRate');
  checkStartDate(t.startDate, today, 'loan.startDate');
  if (t.paidThroughPeriod >= t.termMonths)
    throw new AppError(
      400,
      'NOTHING_OUTSTANDING',
      `已还期数须小于总期数（0 至 ${t.termMonths - 1}），请填写已按期归还的期数`,
      'loan.paidThroughPeriod',
    );
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
      const today = businessDate(deps.clock.now());
      checkNewLoanAmount(b.amountFen);
      checkTerm(b.termMonths);
      checkRate(b.annualRate);
      if (b.startDate !== undefined) checkStartDate(b.startDate, today);
      const startDate = b.startDate ?? today;
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
      const state = stateOf(b.loan, businessDate(deps.clock.now()));
      checkServicingDate(state, b.date, '结清日期', 'date', true);
      return { date: b.date, ...orConflict(payoffQuote(state, b.date, b.dayCount ?? 'ACT/360'), 'date') };
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
      const state = stateOf(b.loan, businessDate(deps.clock.now()));
      checkServicingDate(state, b.date, '提前还款日期', 'date', false);
      const r = orConflict(
        partialPrepayment(state, {
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
      const cap = DEFERRAL_POLICY.maxDeferralMonths;
      if (!Number.isSafeInteger(b.months) || b.months < 1 || b.months > cap)
        throw new AppError(
          400,
          'DEFERRAL_MONTHS_OUT_OF_RANGE',
          `延期月数须为 1 至 ${cap} 个月，请在此范围内选择`,
          'months',
        );
      return allDeferralOptions(stateOf(b.loan, businessDate(deps.clock.now())), b.months);
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
      if (
        !Number.isSafeInteger(b.overduePrincipalFen) ||
        b.overduePrincipalFen < 0 ||
        b.overduePrincipalFen > QUOTE_LIMITS.maxFen
      )
        checkLoanPrincipal(b.overduePrincipalFen, 'overduePrincipalFen');
      checkRate(b.annualRate);
      checkDate(b.dueDate, '应还日期', 'dueDate');
      checkDate(b.asOf, '计算截止日期', 'asOf');
      const r = penaltyInterest({ ...b, basis: b.dayCount });
      return {
        overdueDays: r.overdueDays,
        penaltyAnnualRate: r.penaltyAnnualRate.toString(),
        penaltyFen: r.penaltyFen,
      };
    },
  );
}
