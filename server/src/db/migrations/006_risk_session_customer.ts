import { type Kysely, sql } from 'kysely';

// Issue #8 (binding): a risk session is bound to the customer of the first authenticated action
// token verified in it (PROTOCOL.md §5 step 11); a token of that session on another customer's
// request is refused with SESSION_CUSTOMER_MISMATCH. Null while the session is unbound (pre-login
// telemetry). Sessions live 30 minutes, so existing rows simply start unbound.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table risk_sessions add column customer_id text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table risk_sessions drop column customer_id`.execute(db);
}
