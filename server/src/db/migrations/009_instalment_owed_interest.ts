import { type Kysely, sql } from 'kysely';

// Of a row's interest, the part that is a debt already (src/domain ScheduleRow): the share of the
// deferred interest of a 延期还本付息, and interest accrued on principal prepaid earlier in the
// period. Without them a payoff or a partial prepayment could not tell that interest from the row's
// own month, and dropped it (src/domain/README.md, "Interest owed already").
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table instalments add column deferred_interest_fen bigint not null default 0`.execute(db);
  await sql`alter table instalments add column carried_accrued_fen bigint not null default 0`.execute(db);
  await markDeferredShares(db);
}

/**
 * Marks the shares on loans deferred before this migration, where the rows still hold them: a
 * 延期还本付息 spread its interest D over the n rows after the paused ones, ⌊D / n⌋ each and the
 * remainder on the last (src/domain/deferral.ts, `SPREAD`, the bank's only mode). A loan partly
 * prepaid after its deferral had its rows re-made without the shares (the bug this fixes): nothing
 * in its rows to mark, and putting the interest back changes what the customer owes, which is for
 * staff to decide, not for a migration — so those loans are left as they are. Carried accrual has
 * no record to rebuild it from (it was not stored apart) and stays 0. Exported for its test.
 */
export async function markDeferredShares(db: Pick<Kysely<unknown>, 'getExecutor'>): Promise<void> {
  await sql`
    with deferred as (
      select d.loan_id, (d.detail ->> 'deferredInterestFen')::bigint as total
      from deferrals d
      where d.status = 'applied' and d.option = 'FULL_DEFERRAL'
        and (d.detail ->> 'deferredInterestFen')::bigint > 0
        and not exists (
          select 1 from repayments r
          where r.loan_id = d.loan_id and r.kind = 'partial' and r.created_at >= d.created_at)
    ), paused as (
      select i.loan_id, max(i.seq) as last_seq
      from instalments i join deferred using (loan_id)
      where i.principal_fen = 0 and i.interest_fen = 0 and i.balance_fen > 0
      group by i.loan_id
    ), after_pause as (
      select i.loan_id, i.seq, deferred.total,
        row_number() over (partition by i.loan_id order by i.seq) as k,
        count(*) over (partition by i.loan_id) as n
      from instalments i join paused using (loan_id) join deferred using (loan_id)
      where i.seq > paused.last_seq
    )
    update instalments i
    set deferred_interest_fen = case when a.k = a.n then a.total - (a.total / a.n) * (a.n - 1) else a.total / a.n end
    from after_pause a
    where i.loan_id = a.loan_id and i.seq = a.seq and i.deferred_interest_fen = 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table instalments drop column carried_accrued_fen`.execute(db);
  await sql`alter table instalments drop column deferred_interest_fen`.execute(db);
}
