import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { maskIdNumber, maskName, maskPhone } from '../mask';
import { isoTime } from '../time';
import { holdView } from './risk-challenges';
import { staffReviewView } from './reviews';

type Deps = Pick<AppDeps, 'db' | 'engine' | 'pii'>;

/** A customer as staff see them: identifiers masked (the reveal route shows them, with a reason). */
export interface CustomerIdentity {
  userId: string;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  masked: boolean;
}

export async function customerIdentities(
  deps: Pick<AppDeps, 'db' | 'pii'>,
  userIds: readonly string[],
  reveal = false,
): Promise<Map<string, CustomerIdentity>> {
  const out = new Map<string, CustomerIdentity>();
  if (userIds.length === 0) return out;
  const rows = await deps.db
    .selectFrom('users')
    .leftJoin('customers', 'customers.user_id', 'users.id')
    .select(['users.id', 'users.phone_enc', 'customers.name', 'customers.id_number_enc'])
    .where('users.id', 'in', [...new Set(userIds)])
    .execute();
  for (const r of rows) {
    // Sealed at rest under the user id (pii/vault.ts); opened here, masked unless revealed.
    const idNumber = r.id_number_enc === null ? null : deps.pii.open('resident_id', r.id, r.id_number_enc);
    const phone = r.phone_enc === null ? null : deps.pii.open('phone', r.id, r.phone_enc);
    out.set(r.id, {
      userId: r.id,
      name: r.name === null ? null : reveal ? r.name : maskName(r.name),
      idNumber: idNumber === null ? null : reveal ? idNumber : maskIdNumber(idNumber),
      phone: phone === null ? null : reveal ? phone : maskPhone(phone),
      masked: !reveal,
    });
  }
  return out;
}

export async function revealCustomer(deps: Pick<AppDeps, 'db' | 'pii'>, userId: string): Promise<CustomerIdentity> {
  const c = (await customerIdentities(deps, [userId], true)).get(userId);
  if (!c) throw notFound('客户');
  return c;
}

const LINKED_LIMIT = 50;

/**
 * What the console shows beside a decision record: the customer it was about, the application it
 * decided, the hold it raised, reviews of it, and the device with every identity seen on it.
 */
export async function decisionContext(deps: Deps, decisionId: string) {
  const record = await deps.engine.decision(decisionId);
  if (!record) throw notFound('决策记录');
  const link = await deps.db
    .selectFrom('decision_customers')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .executeTakeFirst();
  const device = record.subjects.device ?? null;
  const linked = device
    ? await deps.db
        .selectFrom('decision_customers')
        .select(['user_id', deps.db.fn.countAll<number>().as('decisions'), deps.db.fn.max('at').as('last_at')])
        .where('device', '=', device)
        .groupBy('user_id')
        .orderBy('last_at', 'desc')
        .limit(LINKED_LIMIT)
        .execute()
    : [];
  const ids = await customerIdentities(deps, [...(link ? [link.user_id] : []), ...linked.map((l) => l.user_id)]);
  const application = await deps.db
    .selectFrom('applications')
    .select(['id', 'status', 'amount_fen', 'term_months', 'created_at'])
    .where('risk_decision_id', '=', decisionId)
    .executeTakeFirst();
  const hold = await deps.db
    .selectFrom('risk_challenges')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .where('kind', '=', 'hold')
    .executeTakeFirst();
  const reviews = await deps.db
    .selectFrom('reviews')
    .selectAll()
    .where((eb) =>
      eb.or([eb('decision_id', '=', decisionId), ...(application ? [eb('application_id', '=', application.id)] : [])]),
    )
    .orderBy('created_at', 'desc')
    .execute();
  return {
    decisionId,
    customer: link ? (ids.get(link.user_id) ?? null) : null,
    application: application
      ? {
          id: application.id,
          status: application.status,
          amountFen: Number(application.amount_fen),
          termMonths: application.term_months,
          createdAt: isoTime(application.created_at),
        }
      : null,
    hold: hold ? holdView(hold) : null,
    reviews: reviews.map(staffReviewView),
    device: device
      ? {
          key: device,
          identities: linked.map((l) => ({
            ...(ids.get(l.user_id) ?? { userId: l.user_id, name: null, idNumber: null, phone: null, masked: true }),
            decisions: Number(l.decisions),
            lastAt: isoTime(Number(l.last_at)),
          })),
        }
      : null,
  };
}
