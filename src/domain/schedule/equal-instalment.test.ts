import { equalInstalmentFen, equalInstalmentSchedule } from './equal-instalment';
import { monthlyRate } from '../rate';
import { refEqualInstalment } from '../test-support/exact';

const REF = { principalFen: 10_000_000, annualRate: '0.0435', termMonths: 12, startDate: '2024-01-15' };

describe('等额本息 reference loan: 100,000.00 yuan, 12 months, 4.35%', () => {
  const s = equalInstalmentSchedule(REF);

  it('instalment is 8,530.99', () => {
    expect(equalInstalmentFen(10_000_000, monthlyRate('0.0435'), 12)).toBe(853_099);
    expect(s.rows.slice(0, 11).every((r) => r.paymentFen === 853_099)).toBe(true);
  });

  it.each([
    [1, 816_849, 36_250, 9_183_151],
    [2, 819_810, 33_289, 8_363_341],
    [3, 822_782, 30_317, 7_540_559],
  ])('row %i: principal %i, interest %i, balance %i', (period, principal, interest, balance) => {
    const row = s.rows[period - 1];
    expect(row).toMatchObject({
      period,
      principalFen: principal,
      interestFen: interest,
      balanceFen: balance,
      paymentFen: 853_099,
    });
  });

  it('row 12 absorbs the residual: payment 8,531.01, principal 8,500.20, interest 30.81, balance 0', () => {
    expect(s.rows[11]).toMatchObject({
      period: 12,
      paymentFen: 853_101,
      principalFen: 850_020,
      interestFen: 3_081,
      balanceFen: 0,
    });
  });

  it('total interest 2,371.90; principal sums to the loan', () => {
    expect(s.totals).toEqual({ principalFen: 10_000_000, interestFen: 237_190, paymentFen: 10_237_190 });
    expect(s.method).toBe('EQUAL_INSTALMENT');
  });

  it('due dates are monthly anniversaries of the start date', () => {
    expect(s.rows.map((r) => r.dueDate).slice(0, 3)).toEqual(['2024-02-15', '2024-03-15', '2024-04-15']);
    expect(s.rows[11].dueDate).toBe('2025-01-15');
  });
});

describe('等额本息 against an exact BigInt implementation of the formula', () => {
  it.each([
    [50_000_000, 385, 36],
    [123_456_789, 600, 24],
    [5_000_000, 1800, 3],
    [300_000, 1, 6],
    [99_999_999, 435, 12],
    [7_777_777, 0, 12],
  ])('P=%i fen, %i bp, %i months', (P, bp, n) => {
    const s = equalInstalmentSchedule({ principalFen: P, annualRate: { bp }, termMonths: n, startDate: '2024-03-31' });
    const ref = refEqualInstalment(BigInt(P), BigInt(bp), n);
    expect(s.rows.map((r) => [r.principalFen, r.interestFen, r.paymentFen, r.balanceFen])).toEqual(
      ref.map((r) => [Number(r.principal), Number(r.interest), Number(r.payment), Number(r.balance)]),
    );
  });
});
