import { equalPrincipalSchedule } from './equal-principal';
import { refEqualPrincipal } from '../test-support/exact';

describe('等额本金 reference loan: 100,000.00 yuan, 12 months, 4.35%', () => {
  const s = equalPrincipalSchedule({
    principalFen: 10_000_000,
    annualRate: '0.0435',
    termMonths: 12,
    startDate: '2024-01-31',
  });

  it('principal 8,333.33 × 11 and 8,333.37 last', () => {
    expect(s.rows.slice(0, 11).every((r) => r.principalFen === 833_333)).toBe(true);
    expect(s.rows[11].principalFen).toBe(833_337);
  });

  it('first payment 8,695.83, last 8,363.58, total interest 2,356.26', () => {
    expect(s.rows[0]).toMatchObject({ paymentFen: 869_583, interestFen: 36_250, balanceFen: 9_166_667 });
    expect(s.rows[11]).toMatchObject({ paymentFen: 836_358, interestFen: 3_021, balanceFen: 0 });
    expect(s.totals.interestFen).toBe(235_626);
    expect(s.totals.principalFen).toBe(10_000_000);
  });

  it('month-end start: due on the last day of short months, back on the 31st after', () => {
    expect(s.rows.slice(0, 3).map((r) => r.dueDate)).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
  });
});

describe('等额本金 against the exact formula', () => {
  it.each([
    [50_000_000, 385, 36],
    [123_456_789, 600, 24],
    [100_001, 1800, 3],
    [10_000_000, 435, 7],
  ])('P=%i fen, %i bp, %i months', (P, bp, n) => {
    const s = equalPrincipalSchedule({ principalFen: P, annualRate: { bp }, termMonths: n, startDate: '2024-05-20' });
    const ref = refEqualPrincipal(BigInt(P), n, BigInt(bp));
    expect(s.rows.map((r) => [r.principalFen, r.interestFen, r.balanceFen])).toEqual(
      ref.map((r) => [Number(r.principal), Number(r.interest), Number(r.balance)]),
    );
  });
});
