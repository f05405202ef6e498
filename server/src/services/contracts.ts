import type { Kysely, Selectable } from 'kysely';
import type { AppDeps } from '../deps';
import type { ContractsTable, Database } from '../db/types';
import { buildSchedule, validateLoanAmount, type AmortisingMethod } from '../domain';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { businessDate, isoTime } from '../time';
import { accountNumber, ownAccount } from './accounts';
import { boundPhone } from './auth';
import type { Trx } from './idempotency';
import { insertSchedule, loadLoan, loanView } from './loan-book';
import { TERMS_TEXT } from './money-views';
import { addNotice } from './notices';
import { checkSmsCode } from './sms';
import { check } from './validation';

type Q = Kysely<Database>;

export function contractView(c: Selectable<ContractsTable>) {
  return {
    id: c.id,
    offerId: c.offer_id,
    status: c.status,
    terms: c.terms,
    createdAt: isoTime(c.created_at),
    signedAt: c.signed_at ? isoTime(c.signed_at) : null,
  };
}

export async function ownContract(q: Q, userId: string, id: string, lock = false) {
  let sel = q.selectFrom('contracts').selectAll().where('id', '=', id).where('user_id', '=', userId);
  if (lock) sel = sel.forUpdate();
  const c = await sel.executeTakeFirst();
  if (!c) throw notFound('合同');
  return c;
}

/** Turns an open offer into a contract awaiting signature (one contract per offer). */
export async function createContract(deps: AppDeps, userId: string, offerId: string) {
  const o = await deps.db
    .selectFrom('offers')
    .selectAll()
    .where('id', '=', offerId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!o) throw notFound('额度');
  const existing = await deps.db.selectFrom('contracts').selectAll().where('offer_id', '=', offerId).executeTakeFirst();
  if (existing) return contractView(existing);
  if (new Date(o.valid_until).getTime() < deps.clock.now().getTime())
    throw new AppError(409, 'OFFER_EXPIRED', '额度已过有效期，请重新申请');
  const terms = {
    limitFen: Number(o.limit_fen),
    annualRate: o.annual_rate,
    termMonths: o.term_months,
    method: o.method,
    dayCount: o.day_count,
    feesFen: 0,
    ...TERMS_TEXT,
    offerValidUntil: isoTime(o.valid_until),
  };
  const row = await deps.db
    .insertInto('contracts')
    .values({
      id: newId('ctr'),
      offer_id: o.id,
      user_id: userId,
      status: 'pending',
      terms: JSON.stringify(terms),
      created_at: deps.clock.now(),
      signed_at: null,
    })
    .onConflict((oc) => oc.column('offer_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  return contractView(row ?? (await ownContractByOffer(deps.db, offerId)));
}

async function ownContractByOffer(q: Q, offerId: string) {
  return q.selectFrom('contracts').selectAll().where('offer_id', '=', offerId).executeTakeFirstOrThrow();
}

/** E-signature confirmed by an SMS code sent to the user's bound phone. */
export async function signContract(deps: AppDeps, trx: Trx, userId: string, id: string, smsCode: string) {
  const c = await ownContract(trx, userId, id, true);
  if (c.status === 'signed') return contractView(c);
  const phone = await boundPhone(trx, deps.pii, userId);
  if (!phone) throw new AppError(409, 'PHONE_NOT_BOUND', '请先绑定手机号');
  await checkSmsCode(trx, deps.pii, deps.clock, phone, 'contract.sign', smsCode);
  const row = await trx
    .updateTable('contracts')
    .set({ status: 'signed', signed_at: deps.clock.now() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return contractView(row);
}

/**
 * 支用: amount within the available limit (offer limit minus principal still owed under this
 * contract), to one of the user's own validated accounts; creates the loan and its schedule.
 */
export async function drawdown(
  deps: AppDeps,
  trx: Trx,
  userId: string,
  contractId: string,
  input: { amountFen: number; accountId: string },
) {
  const c = await ownContract(trx, userId, contractId, true);
  if (c.status !== 'signed') throw new AppError(409, 'CONTRACT_NOT_SIGNED', '请先签署借款合同');
  const o = await trx.selectFrom('offers').selectAll().where('id', '=', c.offer_id).executeTakeFirstOrThrow();
  if (new Date(o.valid_until).getTime() < deps.clock.now().getTime())
    throw new AppError(409, 'OFFER_EXPIRED', '额度已过有效期，请重新申请');
  const account = await ownAccount(trx, userId, input.accountId);
  const owed = await trx
    .selectFrom('instalments')
    .innerJoin('loans', 'loans.id', 'instalments.loan_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('instalments.principal_fen'), eb.lit(0)).as('owed'))
    .where('loans.contract_id', '=', c.id)
    .where('loans.status', '=', 'active')
    .where('instalments.status', '=', 'due')
    .executeTakeFirstOrThrow();
  const availableFen = Number(o.limit_fen) - Number(owed.owed);
  // The product minimum applies, except that a remainder below it can still be drawn in full.
  check(
    validateLoanAmount(input.amountFen, { availableFen, minFen: Math.min(100_000, Math.max(availableFen, 0)) }),
    'amountFen',
  );

  const today = businessDate(deps.clock.now());
  const schedule = buildSchedule(o.method as AmortisingMethod, {
    principalFen: input.amountFen,
    annualRate: o.annual_rate,
    termMonths: o.term_months,
    startDate: today,
  });
  const loanId = newId('lon');
  await trx
    .insertInto('loans')
    .values({
      id: loanId,
      user_id: userId,
      contract_id: c.id,
      account_id: account.id,
      principal_fen: input.amountFen,
      annual_rate: o.annual_rate,
      term_months: o.term_months,
      method: o.method,
      day_count: o.day_count,
      start_date: today,
      status: 'active',
      renewed_from: null,
      created_at: deps.clock.now(),
      settled_at: null,
    })
    .execute();
  await insertSchedule(trx, loanId, schedule.rows);
  await addNotice(
    trx,
    deps.clock,
    userId,
    'drawdown',
    loanId,
    '放款成功',
    `借款已发放至尾号 ${accountNumber(deps.pii, account).slice(-4)} 的账户。本行不会收取任何放款前费用，谨防诈骗。`,
  );
  return { loan: loanView(await loadLoan(trx, deps.clock, userId, loanId), deps.clock) };
}
