import type { AppDeps } from '../deps';
import { validateBankCard } from '../domain';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { maskAccount } from '../mask';
import type { PiiVault } from '../pii/vault';
import { isoTime } from '../time';
import type { Trx } from './idempotency';
import { getCustomer } from './customers';
import { check } from './validation';

export interface AccountInput {
  kind: 'corporate' | 'card';
  accountNo: string;
  holderName: string;
  bankName: string;
}

type AccountRow = {
  id: string;
  kind: string;
  account_no_enc: string;
  holder_name: string;
  bank_name: string;
  luhn_valid: boolean;
  created_at: Date;
};

/** The account number in clear (sealed at rest under the account id). */
export function accountNumber(pii: PiiVault, a: Pick<AccountRow, 'id' | 'account_no_enc'>): string {
  return pii.open('account_no', a.id, a.account_no_enc);
}

export function accountView(pii: PiiVault, a: AccountRow) {
  return {
    id: a.id,
    kind: a.kind,
    accountNo: maskAccount(accountNumber(pii, a)),
    holderName: a.holder_name,
    bankName: a.bank_name,
    createdAt: isoTime(a.created_at),
  };
}

/**
 * A receiving account: the enterprise's corporate account, or the legal representative's own card.
 * The holder must match, so loan money can only go to the borrower. Luhn is only a warning.
 */
export async function addAccount(deps: AppDeps, trx: Trx, userId: string, input: AccountInput) {
  const warnings: Array<{ code: string; message: string }> = [];
  let accountNo: string;
  let luhn = true;
  const holder = input.holderName.trim();
  if (input.kind === 'card') {
    const r = validateBankCard(input.accountNo);
    const card = check(r, 'accountNo');
    if (r.ok && r.warnings) warnings.push(...r.warnings);
    accountNo = card.cardNumber;
    luhn = card.luhnValid;
    const customer = await getCustomer(trx, userId);
    if (!customer) throw new AppError(409, 'REAL_NAME_REQUIRED', '请先完成实名认证');
    if (customer.name !== holder)
      throw new AppError(422, 'ACCOUNT_HOLDER_MISMATCH', '银行卡户名须与您的实名一致', 'holderName');
  } else {
    accountNo = input.accountNo.replace(/[\s-]+/g, '');
    if (!/^\d{8,32}$/.test(accountNo))
      throw new AppError(400, 'ACCOUNT_NO_INVALID', '对公账号应为 8–32 位数字', 'accountNo');
    const ent = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('user_id', '=', userId)
      .where('name', '=', holder)
      .executeTakeFirst();
    if (!ent) throw new AppError(422, 'ACCOUNT_HOLDER_MISMATCH', '对公账户户名须与您名下企业的名称一致', 'holderName');
  }
  const id = newId('acc');
  const row = await trx
    .insertInto('accounts')
    .values({
      id,
      user_id: userId,
      kind: input.kind,
      account_no_enc: deps.pii.seal('account_no', id, accountNo),
      account_no_bidx: deps.pii.index('account_no', accountNo),
      holder_name: holder,
      bank_name: input.bankName.trim(),
      luhn_valid: luhn,
      created_at: deps.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { account: accountView(deps.pii, row), warnings };
}

export async function ownAccount(q: Trx | AppDeps['db'], userId: string, id: string) {
  const a = await q
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!a) throw notFound('收款账户');
  return a;
}
