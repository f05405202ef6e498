import type { AppDeps } from '../deps';
import type { Selectable } from 'kysely';
import type { ReviewsTable } from '../db/types';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '../domain';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { isoTime } from '../time';
import { overturnRejection } from './applications';
import { addNotice } from './notices';
import { ACTION_ZH } from './risk-challenges';

/**
 * Human review of automated decisions (PIPL Art. 24): a customer asks a person to look again at a
 * rejected application or a blocked money move; an analyst takes it (submitted → in_review) and
 * answers (answered): uphold, or overturn — a rejected application is approved with its offer, a
 * blocked move may be resubmitted once within 7 days. The customer is told in their notices.
 *
 * Complaints (kind `complaint`) share the queue and the statuses: a category, the customer's text,
 * optionally the application it concerns; staff answer in writing (no verdict).
 */
type Deps = Pick<AppDeps, 'db' | 'clock'>;
type Row = Selectable<ReviewsTable>;

const RELEASE_TTL_MS = 7 * 86_400_000;

const VERDICT_ZH = { uphold: '维持原决定', overturn: '撤销原决定' } as const;

export function reviewView(r: Row) {
  return {
    id: r.id,
    kind: r.kind,
    category: r.category,
    subject: r.subject,
    applicationId: r.application_id,
    decisionId: r.decision_id,
    reason: r.reason,
    status: r.status,
    createdAt: isoTime(r.created_at),
    verdict: r.verdict,
    answer: r.answer,
    answeredAt: r.answered_at ? isoTime(r.answered_at) : null,
  };
}

/** The staff view adds who has it. */
export function staffReviewView(r: Row) {
  return {
    ...reviewView(r),
    userId: r.user_id,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at ? isoTime(r.claimed_at) : null,
    answeredBy: r.answered_by,
  };
}

export async function submitReview(
  deps: Deps,
  userId: string,
  input: { applicationId?: string; decisionId?: string; reason: string },
) {
  if ((input.applicationId === undefined) === (input.decisionId === undefined))
    throw new AppError(400, 'REVIEW_SUBJECT', '请选择一项：申请编号或操作编号', 'applicationId');
  let subject: Row['subject'];
  let applicationId: string | null = null;
  let decisionId: string | null = null;
  let what: string;
  if (input.applicationId !== undefined) {
    const app = await deps.db
      .selectFrom('applications')
      .select(['id', 'status', 'risk_decision_id'])
      .where('id', '=', input.applicationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!app) throw notFound('申请');
    if (app.status !== 'rejected')
      throw new AppError(409, 'NOT_REVIEWABLE', '只有未通过的申请可以申请人工复核', 'applicationId');
    subject = 'application';
    applicationId = app.id;
    decisionId = app.risk_decision_id;
    what = '贷款申请';
  } else {
    const d = await deps.db
      .selectFrom('decision_customers')
      .select(['decision_id', 'action', 'outcome'])
      .where('decision_id', '=', input.decisionId as string)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!d) throw notFound('操作记录');
    if (d.outcome !== 'block')
      throw new AppError(409, 'NOT_REVIEWABLE', '只有被拒绝的操作可以申请人工复核', 'decisionId');
    subject = 'decision';
    decisionId = d.decision_id;
    what = ACTION_ZH[d.action] ?? '操作';
  }
  const id = newId('rev');
  const row = await deps.db
    .insertInto('reviews')
    .values({
      id,
      user_id: userId,
      subject,
      application_id: applicationId,
      decision_id: decisionId,
      reason: input.reason,
      status: 'submitted',
      created_at: deps.clock.now(),
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError(409, 'REVIEW_EXISTS', '该结果已有进行中的人工复核，请等待答复');
  await addNotice(
    deps.db,
    deps.clock,
    userId,
    'decision',
    `review:${id}:submitted`,
    '人工复核申请已受理',
    `您对${what}结果的人工复核申请已受理，我们将在 3 个工作日内答复。`,
  );
  return reviewView(row);
}

/** A complaint filed online: submitted at once, answered in writing by staff (notice both times). */
export async function submitComplaint(
  deps: Deps,
  userId: string,
  input: { category: ComplaintCategory; text: string; applicationId?: string },
) {
  if (input.applicationId !== undefined) {
    const own = await deps.db
      .selectFrom('applications')
      .select('id')
      .where('id', '=', input.applicationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!own) throw notFound('申请');
  }
  const id = newId('rev');
  const row = await deps.db
    .insertInto('reviews')
    .values({
      id,
      user_id: userId,
      kind: 'complaint',
      category: input.category,
      subject: input.applicationId === undefined ? 'none' : 'application',
      application_id: input.applicationId ?? null,
      decision_id: null,
      reason: input.text,
      status: 'submitted',
      created_at: deps.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await addNotice(
    deps.db,
    deps.clock,
    userId,
    'decision',
    `complaint:${id}:submitted`,
    '投诉已受理',
    `您关于“${COMPLAINT_CATEGORIES[input.category]}”的投诉已受理（编号 ${id}），我们将在 15 日内答复。`,
  );
  return reviewView(row);
}

export async function listOwnReviews(deps: Deps, userId: string) {
  const rows = await deps.db
    .selectFrom('reviews')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(reviewView);
}

export async function getOwnReview(deps: Deps, userId: string, id: string) {
  const r = await deps.db
    .selectFrom('reviews')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!r) throw notFound('复核申请');
  return reviewView(r);
}

export async function listReviews(
  deps: Deps,
  f: { status?: Row['status']; kind?: 'review' | 'complaint'; limit?: number },
) {
  let q = deps.db.selectFrom('reviews').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  const rows = await q
    .orderBy('created_at', 'desc')
    .limit(f.limit ?? 100)
    .execute();
  return rows.map(staffReviewView);
}

export async function getReview(deps: Deps, id: string) {
  const r = await deps.db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('复核申请');
  return r;
}

/** An analyst takes a submitted review (in_review). */
export async function claimReview(deps: Deps, id: string, actor: string) {
  const row = await deps.db
    .updateTable('reviews')
    .set({ status: 'in_review', claimed_by: actor, claimed_at: deps.clock.now() })
    .where('id', '=', id)
    .where('status', '=', 'submitted')
    .returningAll()
    .executeTakeFirst();
  if (row) return staffReviewView(row);
  const r = await getReview(deps, id);
  throw new AppError(
    409,
    'REVIEW_TAKEN',
    r.status === 'answered' ? '该复核已答复' : `该复核已由 ${r.claimed_by} 处理中`,
  );
}

/**
 * The answer. A review in someone else's hands can be answered only by a supervisor. The overturn
 * and the status change share one transaction, so an overturned rejection never lacks its offer.
 * A review needs a verdict; a complaint is answered in writing only (`reason` is what the customer
 * reads).
 */
export async function answerReview(
  deps: Deps,
  id: string,
  staff: { actor: string; role: string },
  input: { verdict?: 'uphold' | 'overturn'; reason: string },
) {
  const now = deps.clock.now();
  const row = await deps.db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('reviews').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!r) throw notFound('复核申请');
    if (r.status === 'answered') throw new AppError(409, 'REVIEW_ANSWERED', '该复核已答复');
    if (r.kind === 'review' && !input.verdict)
      throw new AppError(
        400,
        'VERDICT_REQUIRED',
        '人工复核的答复须选择维持（uphold）或撤销（overturn）原决定',
        'verdict',
      );
    if (r.kind === 'complaint' && input.verdict)
      throw new AppError(400, 'VERDICT_NOT_ALLOWED', '投诉的答复只需填写处理说明，请去掉维持/撤销结论', 'verdict');
    if (r.status === 'in_review' && r.claimed_by !== staff.actor && staff.role !== 'supervisor')
      throw new AppError(409, 'REVIEW_TAKEN', `该复核已由 ${r.claimed_by} 处理中`);
    if (input.verdict === 'overturn') {
      if (r.subject === 'application' && r.application_id) {
        await overturnRejection(deps, trx, r.application_id);
      } else if (r.decision_id) {
        const d = await trx
          .selectFrom('decision_customers')
          .select(['action'])
          .where('decision_id', '=', r.decision_id)
          .executeTakeFirstOrThrow();
        // A released hold lets one resubmission of this action through (see risk-challenges.ts).
        await trx
          .insertInto('risk_challenges')
          .values({
            decision_id: r.decision_id,
            user_id: r.user_id,
            action: d.action,
            kind: 'hold',
            created_at: now,
            expires_at: new Date(now.getTime() + RELEASE_TTL_MS),
            resolution: 'released',
            resolved_at: now,
            resolved_by: staff.actor,
            resolve_reason: `人工复核 ${id}：${input.reason}`,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
    return trx
      .updateTable('reviews')
      .set({
        status: 'answered',
        verdict: input.verdict ?? null,
        answer: input.reason,
        answered_by: staff.actor,
        answered_at: now,
        claimed_by: r.claimed_by ?? staff.actor,
        claimed_at: r.claimed_at ?? now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  if (row.kind === 'complaint') {
    const category = COMPLAINT_CATEGORIES[row.category as ComplaintCategory] ?? '其他';
    await addNotice(
      deps.db,
      deps.clock,
      row.user_id,
      'decision',
      `complaint:${id}:answered`,
      '投诉处理结果',
      `您关于“${category}”的投诉（编号 ${id}）已答复：${input.reason} 如对处理结果不满意，可再次投诉或向当地金融监管部门反映。`,
    );
    return staffReviewView(row);
  }
  const verdict = input.verdict ?? 'uphold';
  const next =
    verdict === 'uphold'
      ? ''
      : row.subject === 'application'
        ? '额度已生成，请在“我的申请”中确认额度并签署合同。'
        : '请在 7 天内重新提交该操作，届时无需再次审核。';
  await addNotice(
    deps.db,
    deps.clock,
    row.user_id,
    'decision',
    `review:${id}:answered`,
    `人工复核结果：${VERDICT_ZH[verdict]}`,
    `经人工复核，${VERDICT_ZH[verdict]}。说明：${input.reason}${next ? ' ' + next : ''}`,
  );
  return staffReviewView(row);
}
