import type { Kysely } from 'kysely';
import type { Db } from '../db/connect';
import { PII_COLUMNS } from './columns';
import type { PiiVault } from './vault';

export interface RewrapResult {
  /** Rows re-encrypted under the write key, per table. */
  rewrapped: Record<string, number>;
  /** Rows whose blind index was recomputed (after an index-key change), per table. */
  reindexed: Record<string, number>;
}

/**
 * Key rotation, second half: every ciphertext not under the vault's write key is opened with the
 * key it names and sealed again under the write key; a blind index that differs from the current
 * index key's is recomputed. Run it once every instance writes with the new key (PII_WRITE_KEY_ID)
 * and before the old key leaves PII_KEYS. Row by row, each update conditional on the ciphertext it
 * read, so it can run beside a live bank and be run again.
 */
export async function rewrapPii(db: Db, vault: PiiVault, batch = 500): Promise<RewrapResult> {
  const out: RewrapResult = { rewrapped: {}, reindexed: {} };
  // The tables are typed one by one; the walk is the same for each, so it goes untyped.
  const q = db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const c of PII_COLUMNS) {
    let rewrapped = 0;
    let reindexed = 0;
    let after = '';
    for (;;) {
      const rows: Array<{ id: string; enc: string | null; bidx: string | null }> = await q
        .selectFrom(c.table)
        .select([`${c.rowId} as id`, `${c.enc} as enc`, `${c.bidx} as bidx`])
        .where(c.rowId, '>', after)
        .orderBy(c.rowId)
        .limit(batch)
        .execute();
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      for (const r of rows) {
        if (r.enc === null) continue;
        const plain = vault.open(c.field, r.id, r.enc);
        const stale = vault.keyIdOf(r.enc) !== vault.writeKeyId;
        const bidx = vault.index(c.field, plain);
        if (!stale && bidx === r.bidx) continue;
        await q
          .updateTable(c.table)
          .set({ [c.enc]: stale ? vault.seal(c.field, r.id, plain) : r.enc, [c.bidx]: bidx })
          .where(c.rowId, '=', r.id)
          .where(c.enc, '=', r.enc)
          .execute();
        if (stale) rewrapped++;
        if (bidx !== r.bidx) reindexed++;
      }
    }
    out.rewrapped[c.table] = rewrapped;
    out.reindexed[c.table] = reindexed;
  }
  return out;
}
