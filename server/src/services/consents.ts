import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { AppError } from '../errors';
import { newId } from '../ids';
import { isoTime } from '../time';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../domain';

/** Separate, revocable purposes (product.md "Privacy & consent" and "Authorisations"). */
export { CONSENT_PURPOSES, type ConsentPurpose };

const view = (r: { id: string; purpose: string; version: string; granted_at: Date; withdrawn_at: Date | null }) => ({
  id: r.id,
  purpose: r.purpose,
  version: r.version,
  grantedAt: isoTime(r.granted_at),
  withdrawnAt: r.withdrawn_at ? isoTime(r.withdrawn_at) : null,
});

/**
 * Granting records a new row per (purpose, version); re-granting the same live version is a no-op,
 * granting a newer version supersedes (withdraws) the older live record so there is one live
 * consent per purpose and the history keeps every version the user agreed to.
 */
export async function grantConsent(db: Db, clock: Clock, userId: string, purpose: ConsentPurpose, version: string) {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const live = await trx
      .selectFrom('consents')
      .selectAll()
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('withdrawn_at', 'is', null)
      .forUpdate()
      .execute();
    const same = live.find((r) => r.version === version);
    if (same) return view(same);
    if (live.length) {
      await trx
        .updateTable('consents')
        .set({ withdrawn_at: now })
        .where(
          'id',
          'in',
          live.map((r) => r.id),
        )
        .execute();
    }
    const row = await trx
      .insertInto('consents')
      .values({ id: newId('cns'), user_id: userId, purpose, version, granted_at: now, withdrawn_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return view(row);
  });
}

export async function withdrawConsent(db: Db, clock: Clock, userId: string, purpose: ConsentPurpose): Promise<void> {
  const r = await db
    .updateTable('consents')
    .set({ withdrawn_at: clock.now() })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .execute();
  if (!r.length) throw new AppError(409, 'CONSENT_NOT_GRANTED', '该授权当前未生效，无需撤回', 'purpose');
}

export async function consentStatus(db: Db, userId: string) {
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('granted_at', 'desc')
    .orderBy('id')
    .execute();
  const current = CONSENT_PURPOSES.map((purpose) => {
    const live = rows.find((r) => r.purpose === purpose && !r.withdrawn_at);
    return { purpose, granted: !!live, version: live?.version ?? null };
  });
  return { current, history: rows.map(view) };
}

/** The purposes' names as the app's notice shows them: a message names the authorisation, never its key. */
const PURPOSE_TITLES: Record<ConsentPurpose, string> = {
  personal_info: '个人信息处理',
  risk_device: '风控设备与行为数据',
  credit_report: '个人征信查询授权',
  biometric: '人脸信息',
  enterprise_credit: '企业征信查询授权',
  tax: '税务数据授权',
  invoice: '发票数据授权',
};

/** Throws 409 naming (in `field`) the first purpose the user has not (or no longer) consented to. */
export async function requireConsents(db: Db, userId: string, purposes: ConsentPurpose[]): Promise<void> {
  const rows = await db
    .selectFrom('consents')
    .select('purpose')
    .where('user_id', '=', userId)
    .where('withdrawn_at', 'is', null)
    .execute();
  const have = new Set(rows.map((r) => r.purpose));
  const missing = purposes.find((p) => !have.has(p));
  if (missing) {
    const where = ['personal_info', 'risk_device', 'biometric'].includes(missing) ? '隐私与授权管理' : '数据授权';
    const message = `请先在“${where}”中同意“${PURPOSE_TITLES[missing]}”，再继续`;
    throw new AppError(409, 'CONSENT_REQUIRED', message, missing);
  }
}
