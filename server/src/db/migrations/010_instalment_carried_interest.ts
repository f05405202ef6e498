import { type Kysely, sql } from 'kysely';

// Of a row's interest, the rest of a period whose instalment was paid early (归还本期 before its due
// date), carried into the row after it (src/domain ScheduleRow.carriedInterestFen). Without it a
// partial prepayment or a re-spread had to re-price those days on actual days — more than was
// carried in a 31-day month, so a 1-fen prepayment cost a day of interest — and an interest-only or
// full deferral moved them out of reach of a payoff (src/domain/README.md, "Interest owed already").
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table instalments add column carried_interest_fen bigint not null default 0`.execute(db);
  await markCarriedInterest(db);
}

/**
 * Marks the carry on loans whose last paid instalment was paid before its due date (CST business
 * date) and whose next row is still due: that row holds its own month, `round(balance before it ×
 * rate / 12)` (src/domain/schedule/amortise.ts), plus the marked shares, plus the carry — so the
 * carry is what is left. A carry moved elsewhere by a deferral before this migration cannot be told
 * from the rows and stays unmarked. Exported for its test.
 */
export async function markCarriedInterest(db: Pick<Kysely<unknown>, 'getExecutor'>): Promise<void> {
  await sql`
    with last_paid as (
      select distinct on (loan_id) loan_id, seq, due_date, paid_at
      from instalments
      where status = 'paid'
      order by loan_id, seq desc
    ), next_row as (
      select i.loan_id, i.seq,
        i.interest_fen - i.deferred_interest_fen - i.carried_accrued_fen
          - round((i.principal_fen + i.balance_fen) * l.annual_rate::numeric / 12) as carry
      from last_paid p
      join instalments i on i.loan_id = p.loan_id and i.seq = p.seq + 1 and i.status = 'due'
      join loans l on l.id = p.loan_id
      where to_char(p.paid_at at time zone 'UTC' + interval '8 hours', 'YYYY-MM-DD') < p.due_date
    )
    update instalments i
    set carried_interest_fen = n.carry
    from next_row n
    where i.loan_id = n.loan_id and i.seq = n.seq and n.carry > 0 and i.carried_interest_fen = 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table instalments drop column carried_interest_fen`.execute(db);
}
