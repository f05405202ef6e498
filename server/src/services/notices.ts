import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/types';
import { newId } from '../ids';
import { addDays, businessDate, isoTime } from '../time';
import { formatYuanText } from '../domain';

type Q = Kysely<Database>;
export type NoticeKind = 'due_soon' | 'overdue' | 'decision' | 'drawdown' | 'policy' | 'anti_fraud' | 'servicing';

/** Inserts a notice once per (user, kind, ref); a second call for the same ref is a no-op. */
export async function addNotice(
  db: Q,
  clock: Clock,
  userId: string | null,
  kind: NoticeKind,
  ref: string,
  title: string,
  body: string,
) {
  await db
    .insertInto('notices')
    .values({ id: newId('ntc'), user_id: userId, kind, ref, title, body, created_at: clock.now(), read_at: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Notices everyone sees: the deferral policy and anti-fraud education (the article's scam warning). */
export async function ensureBroadcastNotices(db: Q, clock: Clock) {
  await addNotice(
    db,
    clock,
    null,
    'policy',
    'deferral-policy-v1',
    '延期还本付息政策说明',
    '受疫情影响的小微企业可申请延期还本付息，延期期间正常计息、免收罚息，最长可延期 6 个月。',
  );
  await addNotice(
    db,
    clock,
    null,
    'anti_fraud',
    'no-upfront-fees-v1',
    '防诈骗提醒',
    '本行不会在放款前收取任何费用，也不会要求您转账到个人账户。凡以"包装资料""内部渠道"为名收费的都是诈骗。',
  );
}

/**
 * Due-soon (within 3 days) and overdue notices are derived from the schedule against the injected
 * clock, and recorded once per instalment so they stay in the user's list after the fact.
 */
export async function refreshScheduleNotices(db: Q, clock: Clock, userId: string) {
  const today = businessDate(clock.now());
  const rows = await db
    .selectFrom('instalments')
    .innerJoin('loans', 'loans.id', 'instalments.loan_id')
    .select([
      'instalments.loan_id',
      'instalments.seq',
      'instalments.due_date',
      'instalments.principal_fen',
      'instalments.interest_fen',
    ])
    .where('loans.user_id', '=', userId)
    .where('loans.status', '=', 'active')
    .where('instalments.status', '=', 'due')
    .where('instalments.due_date', '<=', addDays(today, 3))
    .execute();
  for (const r of rows) {
    // "8,530.99元": read at a glance, as every amount on screen (issue 9 point 20).
    const amount = formatYuanText(Number(r.principal_fen) + Number(r.interest_fen));
    if (r.due_date < today) {
      await addNotice(
        db,
        clock,
        userId,
        'overdue',
        `${r.loan_id}:${r.seq}`,
        '还款已逾期',
        `第 ${r.seq} 期应于 ${r.due_date} 还款 ${amount}，已逾期。逾期本金按合同利率的 1.5 倍计收罚息，请尽快还款。`,
      );
    } else {
      await addNotice(
        db,
        clock,
        userId,
        'due_soon',
        `${r.loan_id}:${r.seq}`,
        '还款提醒',
        `第 ${r.seq} 期将于 ${r.due_date} 到期，应还 ${amount}，请确保还款账户余额充足。`,
      );
    }
  }
}

export function noticeView(n: {
  id: string;
  kind: string;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
  user_id: string | null;
}) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    createdAt: isoTime(n.created_at),
    read: !!n.read_at,
    broadcast: n.user_id === null,
  };
}
