import fc from 'fast-check';
import { aprFromCashFlows, aprOfSchedule, effectiveAnnualRate, irr } from './apr';
import { Dec } from './decimal';
import { DomainError } from './errors';
import { formatRatePercent } from './rate';
import { buildSchedule } from './schedule';

const REF = { principalFen: 10_000_000, annualRate: '0.0435', termMonths: 12, startDate: '2024-01-15' };

/** NPV with plain floats — an independent check that a rate really is the IRR. */
function npvFloat(flows: number[], r: number): number {
  return flows.reduce((acc, cf, t) => acc + cf / (1 + r) ** t, 0);
}

describe('APR by IRR × 12', () => {
  const s = buildSchedule('EQUAL_INSTALMENT', REF);

  it('reference 等额本息 loan: APR shows as 4.35% and is within 1e-6 of the contract rate', () => {
    const { apr, periodicRate } = aprOfSchedule(10_000_000, s);
    expect(formatRatePercent(apr)).toBe('4.35%');
    expect(apr.minus('0.0435').abs().toNumber()).toBeLessThan(1e-6);
    expect(apr.toString()).toBe(periodicRate.times(12).toString());
  });

  it('EAR = (1 + monthly)^12 − 1 ≈ 4.4378%', () => {
    const { ear, periodicRate } = aprOfSchedule(10_000_000, s);
    expect(ear.toFixed(6)).toBe('0.044378');
    expect(effectiveAnnualRate('0.003625').toFixed(8)).toBe(new Dec('1.003625').pow(12).minus(1).toFixed(8));
    expect(ear.gt(periodicRate.times(12))).toBe(true);
  });

  it('includes fees: a 1% upfront fee raises the APR, and the result zeroes the NPV', () => {
    const noFee = aprOfSchedule(10_000_000, s).apr;
    const withFee = aprOfSchedule(10_000_000, s, { upfrontFeeFen: 100_000 });
    expect(withFee.apr.gt(noFee)).toBe(true);
    const flows = [10_000_000 - 100_000, ...s.rows.map((r) => -r.paymentFen)];
    expect(Math.abs(npvFloat(flows, withFee.periodicRate.toNumber()))).toBeLessThan(1e-4);
    expect(formatRatePercent(withFee.apr)).toBe('6.23%');
  });

  it('a per-period fee counts like interest', () => {
    const fee = aprOfSchedule(10_000_000, s, { perPeriodFeeFen: 5_000 }).apr;
    expect(fee.gt('0.0435')).toBe(true);
  });

  it('先息后本 APR equals the simple rate too (interest paid monthly)', () => {
    const f = buildSchedule('INTEREST_FIRST', REF);
    expect(aprOfSchedule(10_000_000, f).apr.minus('0.0435').abs().toNumber()).toBeLessThan(1e-12);
  });

  it('the bisection fallback finds the same root when Newton is started badly', () => {
    const flows = [10_000_000, ...s.rows.map((r) => -r.paymentFen)];
    const good = irr(flows);
    const fromBadGuess = irr(flows, '-0.9999999');
    expect(fromBadGuess.minus(good).abs().toNumber()).toBeLessThan(1e-15);
  });

  it('works for irregular flows and refuses flows without a sign change', () => {
    const r = aprFromCashFlows([-1000, 0, 0, 1331], 1).periodicRate; // 1.1^3 = 1.331
    expect(r.toFixed(12)).toBe('0.100000000000');
    expect(() => irr([100, 200])).toThrow(DomainError);
    expect(() => irr([-100, -200])).toThrow(/流入和流出/);
  });

  it('property: a fee-free 等额本息 schedule has APR = contract rate (1e-6 for loans ≥ 100,000 yuan; 12/P fen-rounding bound for all)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 1_000_000_000 }),
        fc.integer({ min: 50, max: 2400 }),
        fc.constantFrom(3, 6, 12, 24, 36),
        (P, bp, n) => {
          const sched = buildSchedule('EQUAL_INSTALMENT', {
            principalFen: P,
            annualRate: { bp },
            termMonths: n,
            startDate: '2024-01-31',
          });
          const diff = aprOfSchedule(P, sched).apr.minus(new Dec(bp).div(10_000)).abs().toNumber();
          expect(diff).toBeLessThanOrEqual(12 / P);
          if (P >= 10_000_000) expect(diff).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 150 },
    );
  });
});
