import { DomainError } from '../errors';
import { revolvingAccrual, revolvingStatement, type RevolvingEvent } from './revolving';

// 3.65% on ACT/365 is exactly 0.0001 a day, which keeps the hand arithmetic readable.
const events: RevolvingEvent[] = [
  { date: '2024-03-01', type: 'DRAW', amountFen: 1_000_000 },
  { date: '2024-03-11', type: 'DRAW', amountFen: 500_000 },
  { date: '2024-03-21', type: 'REPAY', amountFen: 700_000 },
];

describe('随借随还 daily accrual on drawn segments', () => {
  it('ACT/365: 10 d × 10,000 + 10 d × 15,000 + 11 d × 8,000 yuan at 0.01%/day = 33.80 yuan', () => {
    const r = revolvingAccrual({ annualRate: '0.0365', basis: 'ACT/365', events, asOf: '2024-04-01' });
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.balanceFen, s.interest.toString()])).toEqual([
      ['2024-03-01', '2024-03-11', 10, 1_000_000, '1000'],
      ['2024-03-11', '2024-03-21', 10, 1_500_000, '1500'],
      ['2024-03-21', '2024-04-01', 11, 800_000, '880'],
    ]);
    expect(r.interestFen).toBe(3_380);
    expect(r.balanceFen).toBe(800_000);
  });

  it('ACT/360 is the default and costs more: 3,426.94 → 3,427 fen', () => {
    const r = revolvingAccrual({ annualRate: '0.0365', events, asOf: '2024-04-01' });
    expect(r.interestFen).toBe(3_427);
  });

  it('rounds once per period, not per day: 4.00 yuan for 30 days at 0.04 fen/day is 1 fen, not 0', () => {
    const r = revolvingAccrual({
      annualRate: '0.0365',
      basis: 'ACT/365',
      events: [{ date: '2024-01-01', type: 'DRAW', amountFen: 400 }],
      asOf: '2024-01-31',
    });
    expect(r.interestFen).toBe(1);
  });

  it('refuses overpayment and unsorted events', () => {
    expect(() =>
      revolvingAccrual({
        annualRate: '0.0365',
        events: [{ date: '2024-01-01', type: 'REPAY', amountFen: 1 }],
        asOf: '2024-01-02',
      }),
    ).toThrow(DomainError);
    expect(() =>
      revolvingAccrual({ annualRate: '0.0365', events: [events[1], events[0]], asOf: '2024-04-01' }),
    ).toThrow(/按日期/);
  });
});

describe('随借随还 statement by billing period', () => {
  it('bills each period’s accrual (rounded once) with repayments and the period-end balance', () => {
    const s = revolvingStatement({
      annualRate: '0.0365',
      basis: 'ACT/365',
      events,
      billingDates: ['2024-03-21', '2024-04-21'],
    });
    expect(s.method).toBe('REVOLVING');
    expect(s.rows).toEqual([
      {
        period: 1,
        dueDate: '2024-03-21',
        principalFen: 700_000,
        interestFen: 2_500,
        paymentFen: 702_500,
        balanceFen: 800_000,
      },
      { period: 2, dueDate: '2024-04-21', principalFen: 0, interestFen: 2_480, paymentFen: 2_480, balanceFen: 800_000 },
    ]);
  });

  it('splits a segment that straddles a billing date; the periods add up to the whole accrual', () => {
    const s = revolvingStatement({
      annualRate: '0.0365',
      basis: 'ACT/365',
      events,
      billingDates: ['2024-03-15', '2024-04-01'],
    });
    expect(s.rows.map((r) => r.interestFen)).toEqual([1_600, 1_780]);
    expect(s.totals.interestFen).toBe(3_380);
    expect(s.segments.map((x) => x.days)).toEqual([10, 4, 6, 11]);
  });
});
