import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { maskPhone } from '../mask';
import { isoTime } from '../time';
import { boundPhone } from './auth';
import { addNotice } from './notices';
import { checkSmsCode, sendSmsCode } from './sms';

/**
 * The two challenges the risk engine can raise on a money move, each letting exactly one
 * resubmission of that user's action through:
 * - step-up: the customer asks for an SMS code to the bound phone and resubmits the same request
 *   with it (`X-Step-Up-Code`) within STEP_UP_TTL;
 * - hold: nothing moves; staff release (or refuse) it through the staff API, and a released hold lets
 *   the customer's resubmission through within HOLD_RELEASE_TTL.
 */
const STEP_UP_TTL_MS = 10 * 60_000;
const HOLD_RELEASE_TTL_MS = 7 * 86_400_000;

type Deps = Pick<AppDeps, 'db' | 'clock' | 'pii'>;

/** What the customer is told each action is, in notices. */
export const ACTION_ZH: Record<string, string> = {
  'contract.sign': '签署合同',
  drawdown: '支用',
  repay: '还款',
  'account.change': '更换收款账户',
  deferral: '延期还款申请',
  renewal: '续贷申请',
};

export async function openStepUp(
  deps: Deps,
  userId: string,
  action: string,
  decisionId: string,
  requestHash: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db
    .insertInto('risk_challenges')
    .values({
      decision_id: decisionId,
      user_id: userId,
      action,
      kind: 'step_up',
      request_hash: requestHash,
      created_at: now,
      expires_at: new Date(now.getTime() + STEP_UP_TTL_MS),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function requirePhone(deps: Deps, userId: string): Promise<string> {
  const phone = await boundPhone(deps.db, deps.pii, userId);
  if (!phone) throw new AppError(409, 'PHONE_REQUIRED', '请先绑定手机号，再进行短信验证');
  return phone;
}

/** Sends the step-up code for one of the user's open step-ups to their bound phone. */
export async function sendStepUpSms(deps: Deps, log: FastifyBaseLogger, userId: string, decisionId: string) {
  const row = await deps.db
    .selectFrom('risk_challenges')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .where('user_id', '=', userId)
    .where('kind', '=', 'step_up')
    .executeTakeFirst();
  if (!row) throw notFound('验证请求');
  if (row.resolution || !row.expires_at || row.expires_at <= deps.clock.now()) {
    throw new AppError(409, 'STEP_UP_EXPIRED', '本次验证已失效，请重新提交操作');
  }
  const phone = await requirePhone(deps, userId);
  const { expiresAt } = await sendSmsCode(deps.db, deps.pii, deps.clock, log, phone, 'risk.step_up');
  await deps.db
    .updateTable('risk_challenges')
    .set({ sms_sent_at: deps.clock.now() })
    .where('decision_id', '=', decisionId)
    .execute();
  return { phone: maskPhone(phone), expiresAt: isoTime(expiresAt) };
}

/**
 * Checks an `X-Step-Up-Code` for the user's request. Only the step-up whose SMS went out last can be
 * passed (only the latest SMS code is live), and only by the request it was raised on (same action,
 * route, resource and body).
 */
export async function passStepUp(
  deps: Deps,
  userId: string,
  action: string,
  requestHash: string,
  code: string,
): Promise<string> {
  const now = deps.clock.now();
  const row = await deps.db
    .selectFrom('risk_challenges')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', 'step_up')
    .where('sms_sent_at', 'is not', null)
    .where('resolution', 'is', null)
    .orderBy('sms_sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const expired = new AppError(400, 'STEP_UP_EXPIRED', '短信验证已失效，请重新提交后获取新的验证码', 'x-step-up-code');
  if (!row || row.action !== action || row.request_hash !== requestHash || !row.expires_at || row.expires_at <= now)
    throw expired;
  try {
    await checkSmsCode(deps.db, deps.pii, deps.clock, await requirePhone(deps, userId), 'risk.step_up', code);
  } catch (e) {
    // Blame the step-up header, not a body field (a contract signature carries its own smsCode).
    if (e instanceof AppError) throw new AppError(e.statusCode, e.code, e.message, 'x-step-up-code');
    throw e;
  }
  const passed = await deps.db
    .updateTable('risk_challenges')
    .set({ resolution: 'passed', resolved_at: now, resolved_by: 'sms', used_at: now })
    .where('decision_id', '=', row.decision_id)
    .where('resolution', 'is', null)
    .returning('decision_id')
    .executeTakeFirst();
  if (!passed) throw expired;
  return row.decision_id;
}

/** Parks a held move for staff. One open hold per user and action: a resubmission joins it. */
export async function openHold(deps: Deps, userId: string, action: string, decisionId: string): Promise<string> {
  const open = await deps.db
    .selectFrom('risk_challenges')
    .select('decision_id')
    .where('user_id', '=', userId)
    .where('action', '=', action)
    .where('kind', '=', 'hold')
    .where('resolution', 'is', null)
    .executeTakeFirst();
  if (open) return open.decision_id;
  await deps.db
    .insertInto('risk_challenges')
    .values({
      decision_id: decisionId,
      user_id: userId,
      action,
      kind: 'hold',
      created_at: deps.clock.now(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return decisionId;
}

/** Uses a hold staff released for this user's action, if there is one; true when the move may proceed. */
export async function consumeReleasedHold(deps: Deps, userId: string, action: string): Promise<boolean> {
  const now = deps.clock.now();
  const row = await deps.db
    .selectFrom('risk_challenges')
    .select('decision_id')
    .where('user_id', '=', userId)
    .where('action', '=', action)
    .where('kind', '=', 'hold')
    .where('resolution', '=', 'released')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('resolved_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return false;
  const used = await deps.db
    .updateTable('risk_challenges')
    .set({ used_at: now })
    .where('decision_id', '=', row.decision_id)
    .where('used_at', 'is', null)
    .returning('decision_id')
    .executeTakeFirst();
  return !!used;
}

export function holdView(r: {
  decision_id: string;
  action: string;
  created_at: Date;
  expires_at: Date | null;
  resolution: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolve_reason: string | null;
  used_at: Date | null;
}) {
  return {
    decisionId: r.decision_id,
    action: r.action,
    status: (r.resolution ?? 'pending') as 'pending' | 'released' | 'refused',
    createdAt: isoTime(r.created_at),
    resolvedAt: r.resolved_at ? isoTime(r.resolved_at) : null,
    resolvedBy: r.resolved_by,
    reason: r.resolve_reason,
    releaseValidUntil: r.resolution === 'released' && r.expires_at ? isoTime(r.expires_at) : null,
    usedAt: r.used_at ? isoTime(r.used_at) : null,
  };
}

/** Holds for the staff console, newest first. */
export async function listHolds(deps: Deps, filter: { status?: 'pending' | 'released' | 'refused'; limit?: number }) {
  let q = deps.db.selectFrom('risk_challenges').selectAll().where('kind', '=', 'hold');
  if (filter.status === 'pending') q = q.where('resolution', 'is', null);
  else if (filter.status) q = q.where('resolution', '=', filter.status);
  const rows = await q
    .orderBy('created_at', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(holdView);
}

/**
 * Staff verdict on a held move: released → the customer's resubmission goes through once (within
 * HOLD_RELEASE_TTL); refused → it stays stopped. Either way the customer gets a notice saying so.
 */
export async function resolveHold(
  deps: Deps,
  decisionId: string,
  verdict: 'released' | 'refused',
  actor: string,
  reason: string,
) {
  const now = deps.clock.now();
  const row = await deps.db
    .updateTable('risk_challenges')
    .set({
      resolution: verdict,
      resolved_at: now,
      resolved_by: actor,
      resolve_reason: reason,
      expires_at: verdict === 'released' ? new Date(now.getTime() + HOLD_RELEASE_TTL_MS) : null,
    })
    .where('decision_id', '=', decisionId)
    .where('kind', '=', 'hold')
    .where('resolution', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    const exists = await deps.db
      .selectFrom('risk_challenges')
      .select('resolution')
      .where('decision_id', '=', decisionId)
      .where('kind', '=', 'hold')
      .executeTakeFirst();
    if (!exists) throw notFound('待审核操作');
    throw new AppError(409, 'HOLD_RESOLVED', '该操作已审核，无需重复处理');
  }
  const what = ACTION_ZH[row.action] ?? '操作';
  await addNotice(
    deps.db,
    deps.clock,
    row.user_id,
    'servicing',
    `hold:${decisionId}`,
    verdict === 'released' ? `${what}审核已通过` : `${what}未通过审核`,
    verdict === 'released'
      ? `您的${what}已通过人工审核，请在 7 天内重新提交，届时无需再次审核。`
      : `很抱歉，您的${what}未通过人工审核，本次操作未生效。如有疑问，请在“设置 > 人工服务”联系我们。`,
  );
  return holdView(row);
}
