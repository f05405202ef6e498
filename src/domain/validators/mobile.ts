import { fail, ok } from '../errors';
import { zhCN } from '../messages.zh-CN';
import type { ValidationResult } from './result';

/**
 * Operator that was allocated the number segment (号段). Since number portability (携号转网,
 * 2019-12) this is the original allocation, not necessarily the current operator.
 */
export type SegmentOperator =
  'CHINA_MOBILE' | 'CHINA_UNICOM' | 'CHINA_TELECOM' | 'CHINA_BROADNET' | 'SATELLITE_OR_EMERGENCY';

export interface MobileNumber {
  /** 11 digits, no country code. */
  number: string;
  operator: SegmentOperator;
  /** 虚拟运营商 (MVNO) segments 162/165/167/170/171. */
  virtual: boolean;
  /** 上网卡 segments 145/147/149 (SMS-capable, voice optional). */
  dataPlan: boolean;
}

const SEGMENTS: Record<string, SegmentOperator> = {};
const add = (op: SegmentOperator, list: string) => list.split(' ').forEach((p) => (SEGMENTS[p] = op));
// Basic operators (MIIT allocation as of 2020+; cf. VincentSit/ChinaMobilePhoneNumberRegex).
add(
  'CHINA_MOBILE',
  '134 135 136 137 138 139 147 150 151 152 157 158 159 172 178 182 183 184 187 188 195 197 198 165 1703 1705 1706',
);
add('CHINA_UNICOM', '130 131 132 145 155 156 166 175 176 185 186 196 167 171 1704 1707 1708 1709');
add('CHINA_TELECOM', '133 1349 149 153 173 177 180 181 189 190 191 193 199 162 1700 1701 1702 1740');
add('CHINA_BROADNET', '192');
add('SATELLITE_OR_EMERGENCY', '1749 1741');
const VIRTUAL = /^1(?:6[257]|7[01])/;
const DATA_PLAN = /^14[579]/;
/** 13-digit IoT data-card segments (no SMS): 1410, 1440/1441, 146, 148. */
const IOT = /^14(?:[14]0|41|[68]\d)/;

function segmentOf(n: string): SegmentOperator | undefined {
  if (n.startsWith('134')) return n[3] === '9' ? SEGMENTS['1349'] : SEGMENTS['134'];
  if (n.startsWith('170')) return SEGMENTS[n.slice(0, 4)];
  if (n.startsWith('174')) {
    if (/^1740[0-5]/.test(n)) return 'CHINA_TELECOM';
    if (/^17(?:40[6-9]|41[0-2]|49)/.test(n)) return 'SATELLITE_OR_EMERGENCY';
    return undefined;
  }
  return SEGMENTS[n.slice(0, 3)];
}

/**
 * Mainland mobile number by the current segment allocation (not a naive 1[3-9]\d{9}). Accepts
 * '+86', '0086' or '86' prefixes, spaces, dashes and parentheses.
 */
export function validateMobile(input: string): ValidationResult<MobileNumber> {
  let s = (input ?? '').replace(/[\s\-()（）]+/g, '');
  if (s === '') return fail('MOBILE_EMPTY', zhCN.MOBILE_EMPTY);
  if (s.startsWith('+')) {
    if (!s.startsWith('+86')) return fail('MOBILE_COUNTRY', zhCN.MOBILE_COUNTRY);
    s = s.slice(3);
  } else if (s.startsWith('0086')) s = s.slice(4);
  else if (s.length === 13 && s.startsWith('861')) s = s.slice(2);
  if (!/^\d+$/.test(s)) return fail('MOBILE_CHARS', zhCN.MOBILE_CHARS);
  if (IOT.test(s) && (s.length === 13 || s.length === 11)) return fail('MOBILE_DATA_ONLY', zhCN.MOBILE_DATA_ONLY);
  if (s.length !== 11) return fail('MOBILE_LENGTH', zhCN.MOBILE_LENGTH);
  const operator = segmentOf(s);
  if (!operator) return fail('MOBILE_SEGMENT', zhCN.MOBILE_SEGMENT);
  return ok({ number: s, operator, virtual: VIRTUAL.test(s), dataPlan: DATA_PLAN.test(s) });
}
