import { luhnValid, residentIdCheckChar, usccCheckChar } from '../src/domain';

/**
 * A distinct, valid customer for each onboarded test user: resident ID, USCC, card number and the
 * IP address their requests come from. Real customers do not share these, and the risk engine
 * rightly flags those who do (one card on many users, one identity on many devices…), so tests
 * that are not about such patterns must not create them by accident.
 */
export interface TestIdentity {
  idNumber: string;
  uscc: string;
  cardNo: string;
  ip: string;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function luhnComplete(first: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(first + d)) return first + d;
  throw new Error('unreachable: one check digit always fits');
}

/**
 * The n-th test identity (n ≥ 1): born 1985-06-15 like the fixture TEST_ID, so the age rules pass,
 * with sequence numbers 100–999 — never TEST_ID's (and the demo customer's) 001: a resident ID is
 * verified on one customer only.
 */
export function testIdentity(n: number): TestIdentity {
  const id17 = `11010519850615${pad(100 + (n % 900), 3)}`;
  const uscc17 = `91350100M${pad(n, 8)}`;
  return {
    idNumber: id17 + residentIdCheckChar(id17),
    uscc: uscc17 + usccCheckChar(uscc17),
    cardNo: luhnComplete(`62220212${pad(n, 10)}`),
    // One /24 per user: the engine's IP and subnet velocity see separate customers.
    ip: `10.${1 + ((n >> 8) & 255)}.${n & 255}.1`,
  };
}
