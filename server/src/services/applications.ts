import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import type { AppDeps } from '../deps';
import {
  buildSchedule,
  validateBusinessPurpose,
  validateLoanAmount,
  validateLoanTerm,
  type AmortisingMethod,
} from '../domain';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { addDays, businessDate, isoTime } from '../time';
import type { Trx } from './idempotency';
import { requireConsents } from './consents';
import { boundPhone } from './auth';
import { getCustomer, ownEnterprise, residentIdOf } from './customers';
import { addNotice } from './notices';
import { aprOf, TERMS_TEXT } from './money-views';
import { check } from './validation';
import { POLICY } from './underwriting/credit-policy';

export interface ApplyInput {
  enterpriseId: string;
  amountFen: number;
  termMonths: number;
  method: AmortisingMethod;
  purpose: string;
}

const OFFER_VALID_DAYS = 7;
const STATUS_OF = { approve: 'approved', review: 'review', reject: 'rejected' } as const;

type OfferRow = {
  id: string;
  application_id: string;
  limit_fen: number;
  annual_rate: string;
  term_months: number;
  method: string;
  day_count: string;
  valid_until: Date;
  created_at: Date;
};

export function offerView(o: OfferRow, today: string) {
  const method = o.method as AmortisingMethod;
  const schedule = buildSchedule(method, {
    principalFen: Number(o.limit_fen),
    annualRate: o.annual_rate,
    termMonths: o.term_months,
    startDate: today,
  });
  return {
    id: o.id,
    applicationId: o.application_id,
    limitFen: Number(o.limit_fen),
    annualRate: o.annual_rate,
    rateType: '单利',
    ...aprOf(Number(o.limit_fen), schedule),
    termMonths: o.term_months,
    method,
    dayCount: o.day_count,
    feesFen: 0,
    ...TERMS_TEXT,
    validUntil: isoTime(o.valid_until),
  };
}

type AppRow = {
  id: string;
  enterprise_id: string;
  amount_fen: number;
  term_months: number;
  method: string;
  purpose: string;
  status: string;
  reasons: Array<{ code: string }>;
  category: string | null;
  created_at: Date;
  decided_at: Date | null;
};

export function applicationView(a: AppRow, offer: OfferRow | undefined, today: string) {
  return {
    id: a.id,
    enterpriseId: a.enterprise_id,
    amountFen: Number(a.amount_fen),
    termMonths: a.term_months,
    method: a.method,
    purpose: a.purpose,
    status: a.status,
    decision: {
      reasonCodes: a.reasons.map((r) => r.code),
      category: a.category,
      // PIPL Art. 24: an automated refusal can be explained and reviewed by a person.
      ...(a.status === 'rejected'
        ? { humanReview: '如对结果有疑问，可在“设置 > 人工服务”申请人工复核，我们将在 3 个工作日内答复' }
        : {}),
      ...(a.status === 'review' ? { expectedBy: '1 个工作日内' } : {}),
    },
    offer: offer ? offerView(offer, today) : null,
    createdAt: isoTime(a.created_at),
    decidedAt: a.decided_at ? isoTime(a.decided_at) : null,
  };
}

/**
 * Apply, first half: checks and the decision (through the Underwriter seam). Runs outside the
 * write transaction, because the risk engine writes its own state through its own store (on PGlite,
 * one connection: a query on it from inside an open transaction would wait forever).
 */
export async function decideApplication(deps: AppDeps, request: FastifyRequest, input: ApplyInput) {
  const { db, clock } = deps;
  const userId = request.userId;
  const today = businessDate(clock.now());
  await requireConsents(db, userId, ['personal_info', 'credit_report', 'risk_device']);
  const customer = await getCustomer(db, userId);
  if (!customer) throw new AppError(409, 'REAL_NAME_REQUIRED', '请先完成实名认证');
  // Staff moved this account's resident ID to another account (release-identity): the account no
  // longer holds a verified identity, so it cannot borrow anew (its loans are still serviced).
  if (customer.id_number_reuse === 'released')
    throw new AppError(
      409,
      'IDENTITY_RELEASED',
      '该账户的实名身份已转移到您的其他账户，不能在此账户申请新贷款；请在新账户申请，如有疑问请到 设置 > 投诉与人工服务 联系我们',
    );
  const enterprise = await ownEnterprise(db, userId, input.enterpriseId);
  check(validateLoanAmount(input.amountFen), 'amountFen');
  check(validateLoanTerm(input.termMonths), 'termMonths');
  const purpose = check(validateBusinessPurpose(input.purpose), 'purpose');
  const phone = await boundPhone(db, deps.pii, userId);

  const decision = await deps.underwriter.decide({
    application: { amountFen: input.amountFen, termMonths: input.termMonths, method: input.method, purpose },
    customer: {
      idNumber: residentIdOf(deps.pii, customer),
      name: customer.name,
      faceVerified: !!customer.face_verified_at,
      phone,
    },
    enterprise: {
      uscc: enterprise.uscc,
      registrationDate: enterprise.registration_date,
      annualRevenueFen: Number(enterprise.annual_revenue_fen),
      employees: enterprise.employees,
      industry: enterprise.industry,
      applicantRole: enterprise.applicant_role,
      usccSharedWithOtherCustomer: enterprise.claimed_while_held,
    },
    risk: request.riskToken ?? null,
    context: { ip: request.ip, userId, today },
  });
  return { userId, enterpriseId: enterprise.id, input: { ...input, purpose }, decision };
}

export type DecidedApplication = Awaited<ReturnType<typeof decideApplication>>;

/** Apply, second half, in the transaction: the application, its offer when approved, the notice. */
export async function recordApplication(deps: AppDeps, trx: Trx, decided: DecidedApplication) {
  const { clock } = deps;
  const { userId, input, decision } = decided;
  const today = businessDate(clock.now());
  const now = clock.now();
  const status = STATUS_OF[decision.decision];
  const app = await trx
    .insertInto('applications')
    .values({
      id: newId('apl'),
      user_id: userId,
      enterprise_id: decided.enterpriseId,
      amount_fen: input.amountFen,
      term_months: input.termMonths,
      method: input.method,
      purpose: input.purpose,
      status,
      reasons: JSON.stringify(decision.reasons),
      category: decision.category,
      created_at: now,
      decided_at: decision.decision === 'review' ? null : now,
      risk_decision_id: decision.riskDecisionId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const offer =
    decision.decision === 'approve' && decision.offer
      ? await createOffer(trx, clock, app, decision.offer.limitFen, decision.offer.annualRate)
      : undefined;
  await decisionNotice(trx, clock, userId, app.id, status, decision.category);
  return applicationView(app, offer, today);
}

async function createOffer(
  trx: Trx,
  clock: Clock,
  app: { id: string; user_id: string; term_months: number; method: string },
  limitFen: number,
  annualRate: string,
) {
  const now = clock.now();
  return trx
    .insertInto('offers')
    .values({
      id: newId('ofr'),
      application_id: app.id,
      user_id: app.user_id,
      limit_fen: limitFen,
      annual_rate: annualRate,
      term_months: app.term_months,
      method: app.method,
      day_count: 'ACT/360',
      valid_until: new Date(now.getTime() + OFFER_VALID_DAYS * 86_400_000),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function decisionNotice(
  trx: Trx,
  clock: Clock,
  userId: string,
  appId: string,
  status: 'approved' | 'review' | 'rejected',
  category: string | null,
) {
  const today = businessDate(clock.now());
  const title = { approved: '贷款申请已通过', review: '贷款申请审核中', rejected: '贷款申请未通过' }[status];
  const body = {
    approved: `您的申请已通过，请在 ${addDays(today, OFFER_VALID_DAYS)} 前确认额度并签署合同。`,
    review: '您的申请需要进一步核实，预计 1 个工作日内给出结果。',
    rejected: `很抱歉，您的申请暂未通过（${category ?? ''}）。如有疑问可申请人工复核。`,
  }[status];
  // The ref carries the status so a reviewed application gets a second notice with the outcome.
  await addNotice(trx, clock, userId, 'decision', `${appId}:${status}`, title, body);
}

/**
 * A human underwriter's verdict on an application in review (the sandbox exposes it as a dev route
 * so QA and the app can walk the review path). Approval makes the offer on the applied terms.
 */
export async function resolveReview(
  deps: AppDeps,
  trx: Trx,
  appId: string,
  verdict: 'approve' | 'reject',
  limitFen?: number,
) {
  return humanVerdict(
    deps,
    trx,
    appId,
    'review',
    verdict,
    verdict === 'approve' ? 'MANUAL_APPROVE' : 'MANUAL_REJECT',
    limitFen,
  );
}

/**
 * A human review (PIPL Art. 24) overturning an automated rejection: the application is approved on
 * its applied terms and the offer is made, as if it had been approved in the first place.
 */
export async function overturnRejection(deps: Pick<AppDeps, 'clock'>, trx: Trx, appId: string) {
  return humanVerdict(deps, trx, appId, 'rejected', 'approve', 'MANUAL_OVERTURN');
}

async function humanVerdict(
  deps: Pick<AppDeps, 'clock'>,
  trx: Trx,
  appId: string,
  from: 'review' | 'rejected',
  verdict: 'approve' | 'reject',
  code: string,
  limitFen?: number,
) {
  const app = await trx.selectFrom('applications').selectAll().where('id', '=', appId).forUpdate().executeTakeFirst();
  if (!app) throw notFound('申请');
  if (app.status !== from)
    throw from === 'review'
      ? new AppError(409, 'NOT_IN_REVIEW', '该申请不在审核中')
      : new AppError(409, 'NOT_REJECTED', '该申请不是未通过状态');
  const status = verdict === 'approve' ? 'approved' : 'rejected';
  const category = verdict === 'approve' ? null : '经人工审核，暂不满足本产品要求';
  const updated = await trx
    .updateTable('applications')
    .set({
      status,
      category,
      decided_at: deps.clock.now(),
      reasons: JSON.stringify([...app.reasons, { code, detail: 'human review' }]),
    })
    .where('id', '=', appId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const offer =
    verdict === 'approve'
      ? await createOffer(
          trx,
          deps.clock,
          app,
          Math.min(limitFen ?? Number(app.amount_fen), Number(app.amount_fen)),
          POLICY.baseAnnualRate,
        )
      : undefined;
  await decisionNotice(trx, deps.clock, app.user_id, app.id, status, category);
  return applicationView(updated, offer, businessDate(deps.clock.now()));
}

export async function getApplication(deps: AppDeps, userId: string, id: string) {
  const a = await deps.db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!a) throw notFound('申请');
  const o = await deps.db.selectFrom('offers').selectAll().where('application_id', '=', id).executeTakeFirst();
  return applicationView(a, o, businessDate(deps.clock.now()));
}

export async function listApplications(deps: AppDeps, userId: string) {
  const rows = await deps.db
    .selectFrom('applications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  const offers = rows.length
    ? await deps.db
        .selectFrom('offers')
        .selectAll()
        .where(
          'application_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const today = businessDate(deps.clock.now());
  return rows.map((a) =>
    applicationView(
      a,
      offers.find((o) => o.application_id === a.id),
      today,
    ),
  );
}
