import { fail, ok } from '../errors';
import { zhCN } from '../messages.zh-CN';
import type { ValidationResult } from './result';

/** GB 32100-2015 character set: digits and capitals without I, O, S, V, Z (31 characters). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Check character for the first 17 characters: (31 − Σ value×weight mod 31) mod 31. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export interface Uscc {
  code: string;
  /** 登记管理部门代码 (1st char) and 机构类别代码 (2nd). */
  registrationAuthority: string;
  organisationType: string;
  /** 登记管理机关行政区划码 (chars 3–8). */
  regionCode: string;
}

/** 统一社会信用代码 (GB 32100-2015). Spaces removed, lower case upper-cased. */
export function validateUscc(input: string): ValidationResult<Uscc> {
  const s = (input ?? '').replace(/\s+/g, '').toUpperCase();
  if (s === '') return fail('USCC_EMPTY', zhCN.USCC_EMPTY);
  if (s.length !== 18) return fail('USCC_LENGTH', zhCN.USCC_LENGTH);
  for (const ch of s) if (!USCC_CHARSET.includes(ch)) return fail('USCC_CHARS', zhCN.USCC_CHARS);
  if (usccCheckChar(s) !== s[17]) return fail('USCC_CHECKSUM', zhCN.USCC_CHECKSUM);
  return ok({ code: s, registrationAuthority: s[0], organisationType: s[1], regionCode: s.slice(2, 8) });
}
