import { type Kysely, sql } from 'kysely';

// Issue #8 point 8: complaints join the human-review queue as a second kind of request. A complaint
// has a category and the customer's text, may name an application, and follows the same statuses
// (submitted → in_review → answered) with a written answer instead of a verdict. Only reviews are
// "one open per decision": several complaints may concern one application.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table reviews add column kind text not null default 'review'`.execute(db);
  await sql`alter table reviews add column category text`.execute(db);
  await sql`drop index reviews_open_once`.execute(db);
  await sql`create unique index reviews_open_once on reviews (coalesce(application_id, decision_id))
    where status <> 'answered' and kind = 'review'`.execute(db);
  await db.schema.createIndex('reviews_kind').on('reviews').columns(['kind', 'status', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index reviews_kind`.execute(db);
  await sql`delete from reviews where kind = 'complaint'`.execute(db);
  await sql`drop index reviews_open_once`.execute(db);
  await sql`create unique index reviews_open_once on reviews (coalesce(application_id, decision_id))
    where status <> 'answered'`.execute(db);
  await sql`alter table reviews drop column category`.execute(db);
  await sql`alter table reviews drop column kind`.execute(db);
}
