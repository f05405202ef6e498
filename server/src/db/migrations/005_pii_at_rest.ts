import { type Kysely, type Migration, sql } from 'kysely';
import { PII_COLUMNS } from '../../pii/columns';
import type { PiiVault } from '../../pii/vault';

/**
 * Identity data at rest and reuse (issue 8 points 5 and 6). Personal data of class C3 encrypted at rest (issue 8 point 6): phone numbers, resident IDs and
 * account numbers move from clear columns to a ciphertext + blind index (pii/vault.ts); SMS codes
 * keep only the phone's blind index; the unkeyed `customers.id_hash` goes. Existing rows are
 * encrypted here, so the migration needs the configured vault when there are any (a fresh database
 * needs none). A resident ID is verified on one customer only (unique blind index); duplicates
 * already present are kept and marked `id_number_reuse = 'legacy'`, outside the unique index, for
 * staff to settle through 人工服务.
 * Enterprises gain `claimed_while_held`: the USCC was already held by another customer.
 */
export function piiAtRest(vault: PiiVault | undefined): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Migrations see the database as it was written: untyped on purpose.
      const q = db as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      for (const c of PII_COLUMNS) {
        await q.schema.alterTable(c.table).addColumn(c.enc, 'text').addColumn(c.bidx, 'text').execute();
      }
      await q.schema.alterTable('customers').addColumn('id_number_reuse', 'text').execute();
      await q.schema.alterTable('sms_codes').addColumn('phone_bidx', 'text').execute();
      // Identity reuse (issue 8 point 5): a USCC claimed while another customer holds it is flagged.
      await q.schema
        .alterTable('enterprises')
        .addColumn('claimed_while_held', 'boolean', (c) => c.notNull().defaultTo(false))
        .execute();

      const need = async (table: string, column: string) =>
        Number(
          (
            await q
              .selectFrom(table)
              .select(q.fn.countAll().as('n'))
              .where(column, 'is not', null)
              .executeTakeFirstOrThrow()
          ).n,
        );
      let pending = await need('sms_codes', 'phone');
      for (const c of PII_COLUMNS) pending += await need(c.table, c.clear);
      if (pending > 0 && !vault) {
        throw new Error(
          '005_pii_at_rest: existing personal data needs the PII keys (PII_KEYS, PII_INDEX_KEY) to encrypt',
        );
      }
      if (vault) {
        for (const c of PII_COLUMNS) {
          const rows = await q
            .selectFrom(c.table)
            .select([`${c.rowId} as id`, `${c.clear} as v`])
            .where(c.clear, 'is not', null)
            .execute();
          for (const r of rows as Array<{ id: string; v: string }>) {
            await q
              .updateTable(c.table)
              .set({ [c.enc]: vault.seal(c.field, r.id, r.v), [c.bidx]: vault.index(c.field, r.v) })
              .where(c.rowId, '=', r.id)
              .execute();
          }
        }
        const phones = await q.selectFrom('sms_codes').select('phone').distinct().execute();
        for (const { phone } of phones as Array<{ phone: string }>) {
          await q
            .updateTable('sms_codes')
            .set({ phone_bidx: vault.index('phone', phone) })
            .where('phone', '=', phone)
            .execute();
        }
      }
      // Later verifications of an already verified resident ID: kept, marked, outside the unique index.
      await sql`
        update customers c set id_number_reuse = 'legacy'
        where exists (
          select 1 from customers o
          where o.id_number_bidx = c.id_number_bidx
            and (o.verified_at, o.user_id) < (c.verified_at, c.user_id)
        )`.execute(q);

      await q.schema.alterTable('users').dropColumn('phone').execute();
      await q.schema.alterTable('customers').dropColumn('id_number').dropColumn('id_hash').execute();
      await q.schema.alterTable('accounts').dropColumn('account_no').execute();
      await q.schema.alterTable('sms_codes').dropColumn('phone').execute();
      for (const [t, cols] of [
        ['customers', ['id_number_enc', 'id_number_bidx']],
        ['accounts', ['account_no_enc', 'account_no_bidx']],
        ['sms_codes', ['phone_bidx']],
      ] as const) {
        for (const col of cols)
          await q.schema
            .alterTable(t)
            .alterColumn(col, (a) => a.setNotNull())
            .execute();
      }
      await q.schema.createIndex('users_phone_bidx').on('users').column('phone_bidx').execute();
      await sql`create unique index customers_id_number_once on customers (id_number_bidx) where id_number_reuse is null`.execute(
        q,
      );
      await q.schema.createIndex('accounts_account_no_bidx').on('accounts').column('account_no_bidx').execute();
      await q.schema
        .createIndex('sms_codes_phone_bidx')
        .on('sms_codes')
        .columns(['phone_bidx', 'created_at'])
        .execute();
    },
  };
}
