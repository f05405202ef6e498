import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { fail, ok } from '../errors';
import { zhCN } from '../messages.zh-CN';
import type { ValidationResult } from './result';

dayjs.extend(utc);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_MAP = '10X98765432';
/** Province-level prefixes of GB/T 2260 (+ 81/82/83 for HK/Macao/Taiwan residence permits). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export interface ResidentId {
  /** The 18-character number, upper-case X. */
  id: string;
  /** 'YYYY-MM-DD'. */
  birthDate: string;
  gender: 'M' | 'F';
  regionCode: string;
  /** True when the input was a first-generation 15-digit number. */
  convertedFrom15: boolean;
}

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_MAP[sum % 11];
}

/** 15-digit (1980s) number → 18 digits: insert '19' before the year, append the check character. */
export function residentId15To18(id15: string): string {
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + residentIdCheckChar(body);
}

function todayInChina(): string {
  return dayjs.utc().add(8, 'hour').format('YYYY-MM-DD');
}

/**
 * 居民身份证号码 (GB 11643-1999). Normalises spaces and a lower-case x; accepts 15-digit numbers and
 * converts them. `today` (YYYY-MM-DD, default: today in Beijing) bounds the birth date.
 */
export function validateResidentId(input: string, options: { today?: string } = {}): ValidationResult<ResidentId> {
  const s = (input ?? '').replace(/\s+/g, '').toUpperCase();
  if (s === '') return fail('ID_EMPTY', zhCN.ID_EMPTY);
  if (s.length !== 18 && s.length !== 15) return fail('ID_LENGTH', zhCN.ID_LENGTH);
  if (!(s.length === 18 ? /^\d{17}[\dX]$/ : /^\d{15}$/).test(s)) return fail('ID_CHARS', zhCN.ID_CHARS);
  if (!PROVINCES.has(s.slice(0, 2)) || s.slice(2, 6) === '0000') return fail('ID_REGION', zhCN.ID_REGION);
  const birth = s.length === 18 ? s.slice(6, 14) : `19${s.slice(6, 12)}`;
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  const d = dayjs.utc(birthDate);
  if (!d.isValid() || d.format('YYYY-MM-DD') !== birthDate || birthDate < '1900-01-01') {
    return fail('ID_BIRTH_DATE', zhCN.ID_BIRTH_DATE);
  }
  if (birthDate > (options.today ?? todayInChina())) return fail('ID_BIRTH_FUTURE', zhCN.ID_BIRTH_FUTURE);
  if (s.length === 18 && residentIdCheckChar(s) !== s[17]) return fail('ID_CHECKSUM', zhCN.ID_CHECKSUM);
  const id = s.length === 18 ? s : residentId15To18(s);
  return ok({
    id,
    birthDate,
    gender: Number(id[16]) % 2 === 1 ? 'M' : 'F',
    regionCode: id.slice(0, 6),
    convertedFrom15: s.length === 15,
  });
}
