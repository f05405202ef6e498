import fc from 'fast-check';
import { buildSchedule, type AmortisingMethod } from './index';

const methods: AmortisingMethod[] = ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST'];
const terms = fc.record({
  principalFen: fc.integer({ min: 1, max: 1_000_000_000 }),
  bp: fc.integer({ min: 0, max: 2400 }),
  termMonths: fc.constantFrom(1, 3, 6, 12, 24, 36, 60),
  day: fc.integer({ min: 1, max: 31 }),
  month: fc.integer({ min: 1, max: 12 }),
});

function startDate(month: number, day: number): string {
  const dim = new Date(Date.UTC(2024, month, 0)).getUTCDate();
  return `2024-${String(month).padStart(2, '0')}-${String(Math.min(day, dim)).padStart(2, '0')}`;
}

describe.each(methods)('%s schedule properties', (method) => {
  it('principal sums exactly to the loan; balance never negative and ends at 0; payment = principal + interest', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const s = buildSchedule(method, {
          principalFen: t.principalFen,
          annualRate: { bp: t.bp },
          termMonths: t.termMonths,
          startDate: startDate(t.month, t.day),
        });
        expect(s.totals.principalFen).toBe(t.principalFen);
        expect(s.rows).toHaveLength(t.termMonths);
        let prev = t.principalFen;
        for (const r of s.rows) {
          expect(r.balanceFen).toBeGreaterThanOrEqual(0);
          expect(r.principalFen).toBeGreaterThanOrEqual(0);
          expect(r.interestFen).toBeGreaterThanOrEqual(0);
          expect(r.paymentFen).toBe(r.principalFen + r.interestFen);
          expect(r.balanceFen).toBe(prev - r.principalFen);
          expect(Number.isSafeInteger(r.paymentFen)).toBe(true);
          prev = r.balanceFen;
        }
        expect(prev).toBe(0);
        const dates = s.rows.map((r) => r.dueDate);
        expect([...dates].sort()).toEqual(dates);
      }),
      { numRuns: 200 },
    );
  });
});

describe('method-specific shapes', () => {
  // Realistic loans (≥ 1,000 yuan, the product minimum): tiny loans can be paid off before the term.
  const loans = terms.map((t) => ({ ...t, principalFen: Math.max(t.principalFen, 100_000) }));

  it('等额本息 pays the same amount every month but the last, and that one within n fen of it', () => {
    fc.assert(
      fc.property(loans, (t) => {
        const s = buildSchedule('EQUAL_INSTALMENT', {
          principalFen: t.principalFen,
          annualRate: { bp: t.bp },
          termMonths: t.termMonths,
          startDate: '2024-01-31',
        });
        const a = s.rows[0].paymentFen;
        expect(s.rows.slice(0, -1).every((r) => r.paymentFen === a)).toBe(true);
        expect(Math.abs(s.rows[s.rows.length - 1].paymentFen - a)).toBeLessThanOrEqual(t.termMonths);
      }),
    );
  });

  it('for the same loan: interest 先息后本 ≥ 等额本息 ≥ 等额本金', () => {
    fc.assert(
      fc.property(loans, (t) => {
        const base = {
          principalFen: t.principalFen,
          annualRate: { bp: t.bp },
          termMonths: t.termMonths,
          startDate: '2024-06-30',
        };
        const i = buildSchedule('EQUAL_INSTALMENT', base).totals.interestFen;
        const p = buildSchedule('EQUAL_PRINCIPAL', base).totals.interestFen;
        const f = buildSchedule('INTEREST_FIRST', base).totals.interestFen;
        // one fen of slack per period for the independent roundings
        expect(f + t.termMonths).toBeGreaterThanOrEqual(i);
        expect(i + t.termMonths).toBeGreaterThanOrEqual(p);
      }),
    );
  });
});
