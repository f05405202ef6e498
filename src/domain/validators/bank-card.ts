import { fail } from '../errors';
import { zhCN } from '../messages.zh-CN';
import type { ValidationResult } from './result';

/** Luhn (mod 10) check over a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Bank card number: 12–19 digits after removing spaces and dashes. A Luhn failure is only a
 * WARNING (some genuine Chinese cards, e.g. older corporate/passbook numbers, fail it).
 */
export function validateBankCard(input: string): ValidationResult<{ cardNumber: string; luhnValid: boolean }> {
  const s = (input ?? '').replace(/[\s-]+/g, '');
  if (s === '') return fail('BANK_CARD_EMPTY', zhCN.BANK_CARD_EMPTY);
  if (!/^\d+$/.test(s)) return fail('BANK_CARD_CHARS', zhCN.BANK_CARD_CHARS);
  if (s.length < 12 || s.length > 19) return fail('BANK_CARD_LENGTH', zhCN.BANK_CARD_LENGTH);
  const valid = luhnValid(s);
  return valid
    ? { ok: true, value: { cardNumber: s, luhnValid: true } }
    : {
        ok: true,
        value: { cardNumber: s, luhnValid: false },
        warnings: [{ code: 'BANK_CARD_LUHN_WARNING', message: zhCN.BANK_CARD_LUHN_WARNING }],
      };
}
