import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import type { AppDeps } from '../deps';
import { validateResidentId, validateUscc } from '../domain';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { maskIdNumber, maskName } from '../mask';
import type { PiiVault } from '../pii/vault';
import { businessDate, isCalendarDate, isoTime } from '../time';
import { requireConsents } from './consents';
import { addNotice } from './notices';
import { check } from './validation';

// A name as written on the ID card: Han characters (with the middle dot of minority names) or Latin letters.
const NAME = /^(?:[\u3400-\u9fff·]{2,30}|[A-Za-z][A-Za-z .'-]{1,59})$/u;

export function checkName(name: string, field: string): string {
  const n = name.trim();
  if (!NAME.test(n)) throw new AppError(400, 'NAME_INVALID', '姓名格式不正确，请按身份证上的姓名填写', field);
  return n;
}

export async function getCustomer(db: Db, userId: string) {
  return db.selectFrom('customers').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

type CustomerRow = NonNullable<Awaited<ReturnType<typeof getCustomer>>>;

/** The resident ID in clear (sealed at rest under the user id): for the credit policy and the engine. */
export function residentIdOf(pii: PiiVault, c: Pick<CustomerRow, 'user_id' | 'id_number_enc'>): string {
  return pii.open('resident_id', c.user_id, c.id_number_enc);
}

export function customerView(pii: PiiVault, c: CustomerRow) {
  return {
    name: c.name,
    idNumber: maskIdNumber(residentIdOf(pii, c)),
    verifiedAt: isoTime(c.verified_at),
    faceVerified: !!c.face_verified_at,
  };
}

const REAL_NAME_LOCKED = () => new AppError(409, 'REAL_NAME_LOCKED', '已完成实名认证，如需变更请联系人工客服');
/**
 * One resident ID, one customer: taking over someone's identity on a second WeChat account (or a
 * gang reusing one) is refused here; the owner proves who they are to a person instead.
 */
const ID_NUMBER_IN_USE = () =>
  new AppError(
    409,
    'ID_NUMBER_IN_USE',
    '该身份证号已在另一个账户完成实名认证，不能重复认证。如确为本人，请在“设置 > 投诉与人工服务”联系人工服务核实身份',
    'idNumber',
  );

/**
 * 实名: validated with the shared resident-ID validator; once set, a change goes through human
 * service. The resident ID is stored sealed with its blind index, which is unique among verified
 * customers (migration 005): the same ID on a second account is a 409 ID_NUMBER_IN_USE.
 */
export async function setRealName(
  deps: Pick<AppDeps, 'db' | 'clock' | 'pii'>,
  userId: string,
  name: string,
  idNumber: string,
) {
  const { db, clock, pii } = deps;
  await requireConsents(db, userId, ['personal_info']);
  const validName = checkName(name, 'name');
  const id = check(validateResidentId(idNumber, { today: businessDate(clock.now()) }), 'idNumber');
  const bidx = pii.index('resident_id', id.id);
  const existing = await getCustomer(db, userId);
  if (existing) {
    if (existing.id_number_bidx === bidx && existing.name === validName) return customerView(pii, existing);
    throw REAL_NAME_LOCKED();
  }
  const holder = await db
    .selectFrom('customers')
    .select('user_id')
    .where('id_number_bidx', '=', bidx)
    .where('id_number_reuse', 'is', null)
    .executeTakeFirst();
  if (holder) throw ID_NUMBER_IN_USE();
  // No conflict target: a concurrent verification of this user, or of this ID on another user,
  // both end here without a row (the unique indexes decide), never in a 500.
  const row = await db
    .insertInto('customers')
    .values({
      user_id: userId,
      name: validName,
      id_number_enc: pii.seal('resident_id', userId, id.id),
      id_number_bidx: bidx,
      id_number_reuse: null,
      verified_at: clock.now(),
      face_verified_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw (await getCustomer(db, userId)) ? REAL_NAME_LOCKED() : ID_NUMBER_IN_USE();
  return customerView(pii, row);
}

/**
 * The documented path for identity reuse (issue 8 point 5): once 人工服务 has confirmed the owner,
 * a supervisor releases the resident ID from the account that holds it. The row is marked
 * `id_number_reuse = 'released'`, which takes it out of the unique index (migration 005), so another
 * account can verify that ID; the record itself stays, sealed and shown masked, for audit, and the
 * old account keeps its history. The old account is told (a notice), in case it was not its owner.
 */
export async function releaseResidentId(deps: Pick<AppDeps, 'db' | 'clock' | 'pii'>, userId: string) {
  const { db, clock, pii } = deps;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('customers')
      .set({ id_number_reuse: 'released' })
      .where('user_id', '=', userId)
      .where('id_number_reuse', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const c = await trx.selectFrom('customers').select('user_id').where('user_id', '=', userId).executeTakeFirst();
      if (!c) throw notFound('已实名的客户');
      throw new AppError(
        409,
        'ID_NUMBER_NOT_HELD',
        '该客户的身份证号已不占用实名登记（已释放或为历史重复记录），无需再次释放',
      );
    }
    const masked = maskIdNumber(residentIdOf(pii, row));
    await addNotice(
      trx,
      clock,
      userId,
      'servicing',
      'resident-id-released',
      '实名身份证号已释放',
      `经人工服务核实，本账户实名认证的身份证号（${masked}）已解除与本账户的唯一绑定，可在另一个账户重新实名认证；本账户的借款与还款记录不变。如非您本人申请，请立即在“设置 > 投诉与人工服务”联系我们。`,
    );
    return { userId, name: maskName(row.name), idNumber: masked, idNumberReuse: 'released' as const };
  });
}

/** Sandbox face verification: the platform step is simulated; it needs the biometric consent. */
export async function verifyFace(db: Db, pii: PiiVault, clock: Clock, userId: string, passed: boolean) {
  await requireConsents(db, userId, ['biometric']);
  const c = await getCustomer(db, userId);
  if (!c) throw new AppError(409, 'REAL_NAME_REQUIRED', '请先完成实名认证');
  if (!passed) throw new AppError(422, 'FACE_NOT_MATCHED', '人脸核验未通过，请在光线充足处重试');
  const row = await db
    .updateTable('customers')
    .set({ face_verified_at: clock.now() })
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return customerView(pii, row);
}

export interface EnterpriseInput {
  uscc: string;
  name: string;
  legalRepName: string;
  registrationDate: string;
  industry: string;
  annualRevenueFen: number;
  employees: number;
  authorisationRef?: string;
}

export function enterpriseView(e: {
  id: string;
  uscc: string;
  name: string;
  legal_rep_name: string;
  registration_date: string;
  industry: string;
  annual_revenue_fen: number;
  employees: number;
  applicant_role: string;
  created_at: Date;
}) {
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    legalRepName: e.legal_rep_name,
    registrationDate: e.registration_date,
    industry: e.industry,
    annualRevenueFen: Number(e.annual_revenue_fen),
    employees: e.employees,
    applicantRole: e.applicant_role,
    createdAt: isoTime(e.created_at),
  };
}

/**
 * Enterprise data, USCC checked with the shared validator. The applicant is the legal
 * representative (same real name) or must reference an authorisation from them. A USCC another
 * customer already holds needs that authorisation from everyone (a same-named "legal
 * representative" proves nothing), and the claim is flagged (`claimed_while_held`): the risk
 * engine sends its applications to review (USCC_SHARED).
 */
export async function addEnterprise(db: Db, clock: Clock, userId: string, input: EnterpriseInput) {
  const customer = await getCustomer(db, userId);
  if (!customer) throw new AppError(409, 'REAL_NAME_REQUIRED', '请先完成实名认证');
  const uscc = check(validateUscc(input.uscc), 'uscc');
  const name = input.name.trim();
  if (name.length < 2) throw new AppError(400, 'ENTERPRISE_NAME_INVALID', '请填写营业执照上的企业名称', 'name');
  const legalRep = checkName(input.legalRepName, 'legalRepName');
  if (!isCalendarDate(input.registrationDate))
    throw new AppError(400, 'DATE_INVALID', '成立日期不是有效日期', 'registrationDate');
  if (input.registrationDate > businessDate(clock.now())) {
    throw new AppError(400, 'DATE_IN_FUTURE', '成立日期不能晚于今天', 'registrationDate');
  }
  const isLegalRep = legalRep === customer.name;
  const heldByOther = await db
    .selectFrom('enterprises')
    .select('id')
    .where('uscc', '=', uscc.code)
    .where('user_id', '<>', userId)
    .limit(1)
    .executeTakeFirst();
  if (heldByOther && !input.authorisationRef) {
    throw new AppError(
      422,
      'USCC_HELD_BY_OTHER',
      '该企业已由其他客户登记。如您受法定代表人委托办理，请选择“经授权办理”并填写授权书编号；如有疑问请联系人工服务',
      'uscc',
    );
  }
  if (!isLegalRep && !input.authorisationRef) {
    throw new AppError(
      422,
      'AUTHORISATION_REQUIRED',
      '您不是该企业的法定代表人，请上传法定代表人授权书',
      'authorisationRef',
    );
  }
  const row = await db
    .insertInto('enterprises')
    .values({
      id: newId('ent'),
      user_id: userId,
      uscc: uscc.code,
      name,
      legal_rep_name: legalRep,
      registration_date: input.registrationDate,
      industry: input.industry.trim(),
      annual_revenue_fen: input.annualRevenueFen,
      employees: input.employees,
      applicant_role: isLegalRep ? 'legal_rep' : 'authorised',
      authorisation_ref: isLegalRep && !heldByOther ? null : (input.authorisationRef ?? null),
      claimed_while_held: !!heldByOther,
      created_at: clock.now(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'uscc']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError(409, 'ENTERPRISE_EXISTS', '该企业已添加', 'uscc');
  return enterpriseView(row);
}

export async function ownEnterprise(db: Db, userId: string, id: string) {
  const e = await db
    .selectFrom('enterprises')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!e) throw notFound('企业');
  return e;
}
