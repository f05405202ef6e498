import type { PiiField } from './vault';

/**
 * Where personal data of class C3 lives, once encrypted: the ciphertext column, its blind index,
 * and the column whose value is the row id in the ciphertext's associated data. The migration
 * (005_pii_at_rest) fills them and the re-encryption path (rewrap.ts) walks them.
 */
export const PII_COLUMNS = [
  { table: 'users', rowId: 'id', field: 'phone', enc: 'phone_enc', bidx: 'phone_bidx', clear: 'phone' },
  {
    table: 'customers',
    rowId: 'user_id',
    field: 'resident_id',
    enc: 'id_number_enc',
    bidx: 'id_number_bidx',
    clear: 'id_number',
  },
  {
    table: 'accounts',
    rowId: 'id',
    field: 'account_no',
    enc: 'account_no_enc',
    bidx: 'account_no_bidx',
    clear: 'account_no',
  },
] as const satisfies ReadonlyArray<{
  table: string;
  rowId: string;
  field: PiiField;
  enc: string;
  bidx: string;
  clear: string;
}>;
