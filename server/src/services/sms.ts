import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { AppError } from '../errors';
import { newId, randomDigits } from '../ids';
import { maskPhone } from '../mask';
import type { PiiVault } from '../pii/vault';

const CODE_TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
/** Purposes a client may ask for through `POST /auth/sms`. */
export const SMS_PURPOSES = ['login', 'contract.sign'] as const;
/** Plus `risk.step_up`, sent only by the server to the bound phone when the risk engine asks (step-up.ts). */
export type SmsPurpose = (typeof SMS_PURPOSES)[number] | 'risk.step_up';

/**
 * The sandbox "sends" an SMS by storing it; the code shows in the log (phone masked) and through
 * the dev-only inbox route. A real deployment swaps this for its SMS gateway. Codes are kept under
 * the phone's blind index only (pii/vault.ts): checking a code never needs the number back.
 */
export async function sendSmsCode(
  db: Db,
  pii: PiiVault,
  clock: Clock,
  log: FastifyBaseLogger,
  phone: string,
  purpose: SmsPurpose,
) {
  const now = clock.now();
  const phoneBidx = pii.index('phone', phone);
  const code = randomDigits(6);
  // A new code supersedes any earlier live one for the same purpose: only the latest SMS works.
  await db
    .updateTable('sms_codes')
    .set({ consumed_at: now })
    .where('phone_bidx', '=', phoneBidx)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .execute();
  await db
    .insertInto('sms_codes')
    .values({
      id: newId('sms'),
      phone_bidx: phoneBidx,
      purpose,
      code,
      created_at: now,
      expires_at: new Date(now.getTime() + CODE_TTL_MS),
      consumed_at: null,
    })
    .execute();
  log.info({ phone: maskPhone(phone), purpose, smsCode: code }, 'sandbox SMS sent');
  return { expiresAt: new Date(now.getTime() + CODE_TTL_MS) };
}

/** Consumes the newest live code for phone+purpose; wrong guesses count and lock the code after 5. */
export async function checkSmsCode(
  db: Db,
  pii: PiiVault,
  clock: Clock,
  phone: string,
  purpose: SmsPurpose,
  code: string,
): Promise<void> {
  const now = clock.now();
  const row = await db
    .selectFrom('sms_codes')
    .selectAll()
    .where('phone_bidx', '=', pii.index('phone', phone))
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || row.attempts >= MAX_ATTEMPTS) {
    throw new AppError(400, 'SMS_CODE_EXPIRED', '验证码已失效，请重新获取', 'smsCode');
  }
  if (row.code !== code) {
    await db
      .updateTable('sms_codes')
      .set({ attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .execute();
    throw new AppError(400, 'SMS_CODE_WRONG', '验证码不正确，请核对后重新输入', 'smsCode');
  }
  const consumed = await db
    .updateTable('sms_codes')
    .set({ consumed_at: now })
    .where('id', '=', row.id)
    .where('consumed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!consumed) throw new AppError(400, 'SMS_CODE_EXPIRED', '验证码已失效，请重新获取', 'smsCode');
}

export async function latestCodes(db: Db, pii: PiiVault, phone: string) {
  return db
    .selectFrom('sms_codes')
    .select(['purpose', 'code', 'created_at', 'expires_at', 'consumed_at'])
    .where('phone_bidx', '=', pii.index('phone', phone))
    .orderBy('created_at', 'desc')
    .orderBy('consumed_at', 'desc')
    .limit(10)
    .execute();
}
