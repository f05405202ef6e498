import fc from 'fast-check';
import { addDays } from './day-count';
import { overdueSummary, penaltyInterest } from './penalty';
import { buildSchedule } from './schedule';

describe('罚息 (penalty interest)', () => {
  it('contract rate × 1.5 on overdue principal, ACT/360, from the first overdue day, rounded once half-up', () => {
    // 10,000.00 yuan, 4.35% → 6.525%; 10 days: 1,000,000 × 0.06525 × 10 / 360 = 1,812.5 fen → 1,813
    const p = penaltyInterest({
      overduePrincipalFen: 1_000_000,
      annualRate: '0.0435',
      dueDate: '2024-03-15',
      asOf: '2024-03-25',
    });
    expect(p.overdueDays).toBe(10);
    expect(p.penaltyAnnualRate.toString()).toBe('0.06525');
    expect(p.penaltyFen).toBe(1_813);
  });

  it('ACT/365 gives a different (smaller) number: 1,787.67 → 1,788', () => {
    const p = penaltyInterest({
      overduePrincipalFen: 1_000_000,
      annualRate: '0.0435',
      dueDate: '2024-03-15',
      asOf: '2024-03-25',
      basis: 'ACT/365',
    });
    expect(p.penaltyFen).toBe(1_788);
  });

  it('nothing on or before the due date; one day the day after', () => {
    const base = { overduePrincipalFen: 3_600_000, annualRate: '0.04', dueDate: '2024-02-29' };
    expect(penaltyInterest({ ...base, asOf: '2024-02-28' }).penaltyFen).toBe(0);
    expect(penaltyInterest({ ...base, asOf: '2024-02-29' }).penaltyFen).toBe(0);
    // 3,600,000 × 0.06 / 360 = 600 fen a day
    expect(penaltyInterest({ ...base, asOf: '2024-03-01' })).toMatchObject({ overdueDays: 1, penaltyFen: 600 });
  });

  it('property: penalty never decreases as days pass', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500_000_000 }),
        fc.integer({ min: 1, max: 2400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 60 }),
        (P, bp, d, extra) => {
          const at = (days: number) =>
            penaltyInterest({
              overduePrincipalFen: P,
              annualRate: { bp },
              dueDate: '2024-01-31',
              asOf: addDays('2024-01-31', days),
            }).penaltyFen;
          expect(at(d + extra)).toBeGreaterThanOrEqual(at(d));
        },
      ),
    );
  });

  it('summarises overdue rows of a schedule with principal, interest and penalty', () => {
    const s = buildSchedule('EQUAL_INSTALMENT', {
      principalFen: 10_000_000,
      annualRate: '0.0435',
      termMonths: 12,
      startDate: '2024-01-15',
    });
    // rows 1–2 paid; row 3 (due 2024-04-15) unpaid as of 2024-04-25; row 4 not yet due
    const o = overdueSummary(s.rows, 2, '2024-04-25', '0.0435');
    expect(o.rows).toHaveLength(1);
    // 822,782 × 0.06525 × 10 / 360 = 1,491.29 → 1,491
    expect(o.rows[0]).toMatchObject({
      period: 3,
      overdueDays: 10,
      overduePrincipalFen: 822_782,
      overdueInterestFen: 30_317,
      penaltyFen: 1_491,
      // 复利 on the unpaid interest at the same penalty rate: 30,317 × 0.06525 × 10 / 360 = 54.95 → 55
      compoundFen: 55,
    });
    expect(o.totalFen).toBe(822_782 + 30_317 + 1_491 + 55);
    expect(o).toMatchObject({ penaltyFen: 1_491, compoundFen: 55 });
    expect(overdueSummary(s.rows, 3, '2024-04-25', '0.0435').rows).toHaveLength(0);
  });

  // 复利 (银发〔2003〕251号): interest not paid when due bears interest at the penalty rate, from the
  // first overdue day, rounded once per row; on by default, off when the bank's policy says so.
  it.each([
    // [label, overdue principal, overdue interest, rate, due, asOf, 罚息, 复利]
    // 罚息 1,000,000 × 0.06525 × 10 / 360 = 1,812.5 → 1,813; 复利 36,250 × 0.06525 × 10 / 360 = 65.70 → 66
    ['10 days, 4.35 %', 1_000_000, 36_250, '0.0435', '2024-03-15', '2024-03-25', 1_813, 66],
    // 31 days: 罚息 816,849 × 0.06525 × 31 / 360 = 4,589.67 → 4,590; 复利 36,250 × 0.06525 × 31 / 360 = 203.68 → 204
    ['31 days, reference row 1', 816_849, 36_250, '0.0435', '2024-02-15', '2024-03-17', 4_590, 204],
    // 1 day at 7.2 % (penalty rate 10.8 %): 罚息 500,000 × 0.108 / 360 = 150; 复利 3,000 × 0.108 / 360 = 0.9 → 1
    ['1 day, 7.2 %', 500_000, 3_000, '0.072', '2024-06-30', '2024-07-01', 150, 1],
    // interest-only row (先息后本): no principal overdue, only 复利; 36,250 × 0.06525 × 20 / 360 = 131.41 → 131
    ['interest-only row', 0, 36_250, '0.0435', '2024-05-15', '2024-06-04', 0, 131],
  ])('复利 alongside 罚息: %s', (_label, principalFen, interestFen, rate, due, asOf, penalty, compound) => {
    const rows = [
      { period: 1, dueDate: due, principalFen, interestFen, paymentFen: principalFen + interestFen, balanceFen: 0 },
    ];
    const on = overdueSummary(rows, 0, asOf, rate);
    expect(on.rows[0]).toMatchObject({ penaltyFen: penalty, compoundFen: compound });
    expect(on.totalFen).toBe(principalFen + interestFen + penalty + compound);
    const off = overdueSummary(rows, 0, asOf, rate, 'ACT/360', { compoundInterest: false });
    expect(off.rows[0]).toMatchObject({ penaltyFen: penalty, compoundFen: 0 });
    expect(off.totalFen).toBe(principalFen + interestFen + penalty);
  });
});
