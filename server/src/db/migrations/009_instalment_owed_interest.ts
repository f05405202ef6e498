import { type Kysely, sql } from 'kysely';

// Of a row's interest, the part that is a debt already (src/domain ScheduleRow): the share of the
// deferred interest of a 延期还本付息, and interest accrued on principal prepaid earlier in the
// period. Without them a payoff or a partial prepayment could not tell that interest from the row's
// own month, and dropped it (src/domain/README.md, "Interest owed already"). 0 for every existing row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table instalments add column deferred_interest_fen bigint not null default 0`.execute(db);
  await sql`alter table instalments add column carried_accrued_fen bigint not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table instalments drop column carried_accrued_fen`.execute(db);
  await sql`alter table instalments drop column deferred_interest_fen`.execute(db);
}
