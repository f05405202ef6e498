/**
 * Test-only reference implementations in exact integer/rational arithmetic (BigInt), written
 * straight from the formulas in product.md so they share no code with the implementation.
 */

/** round_half_up(num / den) for non-negative num, positive den. */
export function divHalfUp(num: bigint, den: bigint): bigint {
  return (BigInt(2) * num + den) / (BigInt(2) * den);
}

/** Monthly interest on `balance` fen at `bp` basis points a year: balance × bp / 10000 / 12. */
export function monthInterest(balance: bigint, bp: bigint): bigint {
  return divHalfUp(balance * bp, BigInt(120_000));
}

/** 等额本息 instalment P·r·(1+r)^n/((1+r)^n − 1) with r = bp/120000, exactly, then half-up. */
export function annuity(P: bigint, bp: bigint, n: number): bigint {
  if (bp === BigInt(0)) return divHalfUp(P, BigInt(n));
  const q = BigInt(120_000);
  const a = q + bp;
  const an = a ** BigInt(n);
  const qn = q ** BigInt(n);
  return divHalfUp(P * bp * an, q * (an - qn));
}

export interface Row {
  principal: bigint;
  interest: bigint;
  payment: bigint;
  balance: bigint;
}

export function refEqualInstalment(P: bigint, bp: bigint, n: number): Row[] {
  const A = annuity(P, bp, n);
  const rows: Row[] = [];
  let bal = P;
  for (let k = 1; k <= n; k++) {
    const interest = monthInterest(bal, bp);
    const principal = k === n ? bal : A - interest;
    bal -= principal;
    rows.push({ principal, interest, payment: principal + interest, balance: bal });
  }
  return rows;
}

export function refEqualPrincipal(P: bigint, n: number, bp: bigint): Row[] {
  const each = divHalfUp(P, BigInt(n));
  const rows: Row[] = [];
  let bal = P;
  for (let k = 1; k <= n; k++) {
    const interest = monthInterest(bal, bp);
    const principal = k === n ? bal : each;
    bal -= principal;
    rows.push({ principal, interest, payment: principal + interest, balance: bal });
  }
  return rows;
}

/** Days between two 'YYYY-MM-DD' dates via Date.UTC (independent of dayjs). */
export function daysBetween(a: string, b: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}
