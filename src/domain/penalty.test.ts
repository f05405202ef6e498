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
    });
    expect(o.totalFen).toBe(822_782 + 30_317 + 1_491);
    expect(overdueSummary(s.rows, 3, '2024-04-25', '0.0435').rows).toHaveLength(0);
  });
});
