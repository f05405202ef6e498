import { interestFirstSchedule } from './interest-first';
import { buildSchedule } from './index';

describe('先息后本', () => {
  it('reference loan: 362.50 a month, all principal in month 12', () => {
    const s = interestFirstSchedule({
      principalFen: 10_000_000,
      annualRate: '0.0435',
      termMonths: 12,
      startDate: '2024-01-31',
    });
    expect(s.rows.every((r) => r.interestFen === 36_250)).toBe(true);
    expect(s.rows.slice(0, 11).every((r) => r.principalFen === 0 && r.balanceFen === 10_000_000)).toBe(true);
    expect(s.rows[11]).toMatchObject({ principalFen: 10_000_000, paymentFen: 10_036_250, balanceFen: 0 });
    expect(s.totals.interestFen).toBe(435_000);
  });

  it('uses 30/360 for monthly periods: February costs the same as March', () => {
    const s = interestFirstSchedule({
      principalFen: 10_000_000,
      annualRate: '0.0435',
      termMonths: 3,
      startDate: '2024-01-31',
    });
    expect(s.rows[0].interestFen).toBe(s.rows[1].interestFen);
  });

  it('rounds each month half-up: 1.00 yuan at 6% is 0.5 fen → 1 fen; 5.00 yuan → 2.5 → 3 fen', () => {
    const one = buildSchedule('INTEREST_FIRST', {
      principalFen: 100,
      annualRate: '0.06',
      termMonths: 3,
      startDate: '2024-01-01',
    });
    expect(one.rows.map((r) => r.interestFen)).toEqual([1, 1, 1]);
    const five = buildSchedule('INTEREST_FIRST', {
      principalFen: 500,
      annualRate: '0.06',
      termMonths: 1,
      startDate: '2024-01-01',
    });
    expect(five.rows[0].interestFen).toBe(3);
  });
});
