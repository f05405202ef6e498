import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps';
import { payoffQuote } from '../domain';
import { AppError, notFound } from '../errors';
import { runOnce } from '../services/idempotency';
import { loadLoan, loanView, overdueOf } from '../services/loan-book';
import { repay, repaymentOptions, repaymentView, type RepayInput } from '../services/repayments';
import { deferralOptions, deferralView, renewalView, requestDeferral, requestRenewal } from '../services/servicing';
import {
  AuthHeaders,
  Body,
  bearer,
  CalendarDate,
  errorResponses,
  Id,
  MoneyHeaders,
  PositiveFen,
  TermMonths,
} from '../schemas';
import { businessDate, isCalendarDate } from '../time';
import { Anything, Deferral, Loan, Renewal, Repayment } from './views';
import { checkServicingDate } from './quote-limits';

const IdParams = Type.Object({ id: Id });
const RepayBody = Body({
  kind: Type.Union(
    ['current', 'overdue', 'full', 'partial'].map((k) => Type.Literal(k)),
    { description: 'current instalment / all overdue with penalty / early full / early partial' },
  ),
  amountFen: Type.Optional(PositiveFen),
  option: Type.Optional(Type.Union([Type.Literal('SHORTEN_TERM'), Type.Literal('LOWER_INSTALMENT')])),
  expectedAmountFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000_000 })),
});
const DeferralOption = Type.Union([
  Type.Literal('INTEREST_ONLY'),
  Type.Literal('RESPREAD'),
  Type.Literal('FULL_DEFERRAL'),
]);
const DeferralBody = Body({ option: DeferralOption, months: Type.Integer({ minimum: 1, maximum: 24 }) });
const RenewalBody = Body({ termMonths: TermMonths });

export default async function loanRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = { tags: ['loans'], security: bearer, headers: AuthHeaders };
  const money = { tags: ['loans'], security: bearer, headers: MoneyHeaders, params: IdParams };
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;
  // What the risk engine is told of a loan's money move. Someone else's loan id is a 404 before
  // the engine sees anything. Deferral and renewal move no money now: no amount.
  const loanMove = (request: FastifyRequest, amountFen?: number) => async () => {
    const own = await deps.db
      .selectFrom('loans')
      .select('id')
      .where('id', '=', idOf(request))
      .where('user_id', '=', request.userId)
      .executeTakeFirst();
    if (!own) throw notFound('贷款');
    return amountFen === undefined ? {} : { amountFen };
  };

  app.get(
    '/loans',
    {
      preHandler: deps.authenticate,
      schema: {
        ...read,
        summary: 'My loans with status and next due',
        response: { 200: Type.Object({ items: Type.Array(Loan) }), ...errorResponses },
      },
    },
    async (request) => {
      const ids = await deps.db
        .selectFrom('loans')
        .select('id')
        .where('user_id', '=', request.userId)
        .orderBy('created_at', 'desc')
        .execute();
      const items = [];
      for (const { id } of ids)
        items.push(loanView(await loadLoan(deps.db, deps.clock, request.userId, id), deps.clock, false));
      return { items };
    },
  );

  app.get(
    '/loans/:id',
    {
      preHandler: deps.authenticate,
      schema: {
        ...read,
        summary: 'Loan detail with its full schedule',
        params: IdParams,
        response: { 200: Loan, ...errorResponses },
      },
    },
    async (request) => loanView(await loadLoan(deps.db, deps.clock, request.userId, idOf(request)), deps.clock),
  );

  app.get(
    '/loans/:id/payoff',
    {
      preHandler: deps.authenticate,
      schema: {
        ...read,
        summary: 'Exact early-payoff amount for a date (default today)',
        params: IdParams,
        querystring: Type.Object({ date: Type.Optional(CalendarDate) }, { additionalProperties: false }),
        response: { 200: Anything, ...errorResponses },
      },
    },
    async (request) => {
      const l = await loadLoan(deps.db, deps.clock, request.userId, idOf(request));
      const date = (request.query as { date?: string }).date ?? businessDate(deps.clock.now());
      if (!isCalendarDate(date))
        throw new AppError(400, 'DATE_INVALID', '结清日期不是有效日期：请按“年-月-日”填写，如 2026-03-15', 'date');
      if (l.loan.status !== 'active') throw new AppError(409, 'LOAN_NOT_ACTIVE', '该笔贷款已结清');
      // With nothing overdue today, a date past the next due date is a date out of range, not
      // "overdue payments": the answer names the dates a payoff can be quoted for.
      if (!overdueOf(l, businessDate(deps.clock.now())).rows.length)
        checkServicingDate(l.state, date, '结清日期', 'date', true);
      const q = payoffQuote(l.state, date, l.basis);
      if (!q.ok) throw new AppError(409, q.code, q.message, 'date');
      return { date, ...q.value };
    },
  );

  app.get(
    '/loans/:id/repayment-options',
    {
      preHandler: deps.authenticate,
      schema: {
        ...read,
        summary: 'What each kind of repayment would take today',
        params: IdParams,
        response: { 200: Anything, ...errorResponses },
      },
    },
    async (request) =>
      repaymentOptions(
        await loadLoan(deps.db, deps.clock, request.userId, idOf(request)),
        businessDate(deps.clock.now()),
      ),
  );

  app.post(
    '/loans/:id/repayments',
    {
      preHandler: deps.authenticate,
      schema: {
        ...money,
        summary:
          'Repay (current / overdue with penalty / early full / early partial). Needs Idempotency-Key; X-Risk-Token (repay) when the device has consent — a repayment without one is accepted. Screened by the risk engine (never beyond step-up).',
        body: RepayBody,
        response: { 200: Type.Object({ repayment: Repayment, loan: Loan }), ...errorResponses },
      },
    },
    async (request, reply) =>
      runOnce(
        deps,
        request,
        reply,
        {
          route: 'loans.repay',
          action: 'repay',
          keyRequired: true,
          // Paying back is always possible: without a token (device consent withdrawn) the engine
          // decides on server facts alone, and a repayment never goes beyond step-up.
          tokenOptional: true,
          money: loanMove(
            request,
            (request.body as RepayInput).amountFen ?? (request.body as RepayInput).expectedAmountFen,
          ),
        },
        (trx) => repay(deps, trx, request.userId, idOf(request), request.body as RepayInput),
      ),
  );

  app.get(
    '/loans/:id/repayments',
    {
      preHandler: deps.authenticate,
      schema: {
        ...read,
        summary: 'Repayment history',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Repayment) }), ...errorResponses },
      },
    },
    async (request) => {
      await loadLoan(deps.db, deps.clock, request.userId, idOf(request));
      const rows = await deps.db
        .selectFrom('repayments')
        .selectAll()
        .where('loan_id', '=', idOf(request))
        .orderBy('created_at')
        .execute();
      return { items: rows.map(repaymentView) };
    },
  );

  app.get(
    '/loans/:id/deferral-options',
    {
      preHandler: deps.authenticate,
      schema: {
        ...read,
        summary: 'The three deferral options for N months and their effect (not applied)',
        params: IdParams,
        querystring: Type.Object(
          { months: Type.Optional(Type.String({ pattern: '^[1-9][0-9]?$' })) },
          { additionalProperties: false },
        ),
        response: { 200: Anything, ...errorResponses },
      },
    },
    async (request) =>
      deferralOptions(deps, request.userId, idOf(request), Number((request.query as { months?: string }).months ?? 3)),
  );

  app.post(
    '/loans/:id/deferrals',
    {
      preHandler: deps.authenticate,
      schema: {
        ...money,
        summary:
          'Request a deferral; applied to the schedule within policy. Needs Idempotency-Key and X-Risk-Token (deferral); screened by the risk engine.',
        body: DeferralBody,
        response: { 200: Type.Object({ deferral: Deferral, loan: Loan }), ...errorResponses },
      },
    },
    async (request, reply) =>
      runOnce(
        deps,
        request,
        reply,
        { route: 'loans.deferral', action: 'deferral', keyRequired: true, money: loanMove(request) },
        (trx) => {
          const b = request.body as Static<typeof DeferralBody>;
          return requestDeferral(deps, trx, request.userId, idOf(request), b.option, b.months);
        },
      ),
  );

  app.get(
    '/loans/:id/deferrals',
    {
      preHandler: deps.authenticate,
      schema: {
        ...read,
        summary: 'Deferral requests and their status',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Deferral) }), ...errorResponses },
      },
    },
    async (request) => {
      await loadLoan(deps.db, deps.clock, request.userId, idOf(request));
      const rows = await deps.db
        .selectFrom('deferrals')
        .selectAll()
        .where('loan_id', '=', idOf(request))
        .orderBy('created_at')
        .execute();
      return { items: rows.map(deferralView) };
    },
  );

  app.post(
    '/loans/:id/renewals',
    {
      preHandler: deps.authenticate,
      schema: {
        ...money,
        summary:
          'Request a renewal without principal repayment (无还本续贷). Needs Idempotency-Key and X-Risk-Token (renewal); screened by the risk engine.',
        body: RenewalBody,
        response: { 200: Type.Object({ renewal: Renewal, loan: Loan, newLoan: Loan }), ...errorResponses },
      },
    },
    async (request, reply) =>
      runOnce(
        deps,
        request,
        reply,
        { route: 'loans.renewal', action: 'renewal', keyRequired: true, money: loanMove(request) },
        (trx) =>
          requestRenewal(
            deps,
            trx,
            request.userId,
            idOf(request),
            (request.body as Static<typeof RenewalBody>).termMonths,
          ),
      ),
  );

  app.get(
    '/loans/:id/renewals',
    {
      preHandler: deps.authenticate,
      schema: {
        ...read,
        summary: 'Renewal requests and their status',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Renewal) }), ...errorResponses },
      },
    },
    async (request) => {
      await loadLoan(deps.db, deps.clock, request.userId, idOf(request));
      const rows = await deps.db
        .selectFrom('renewals')
        .selectAll()
        .where('loan_id', '=', idOf(request))
        .orderBy('created_at')
        .execute();
      return { items: rows.map(renewalView) };
    },
  );
}
