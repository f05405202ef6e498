import { randomUUID } from 'node:crypto';
import { json, signIn, startTestApp, type TestContext } from '../../test/helpers';
import { drawnLoan, onboard, sealedPost, type Onboarded } from '../../test/flows';
import { riskKeys } from '../../test/risk-device';
import { sql } from 'kysely';
import { markDeferredShares } from '../db/migrations/009_instalment_owed_interest';
import { markCarriedInterest } from '../db/migrations/010_instalment_carried_interest';

// Issue #9, money and servicing points, over HTTP. Loans are drawn on 2026-03-01 (CST): 100,000.00
// yuan, 12 months, 4.35 %, 等额本息 — the product.md reference rows: row 1 due 2026-04-01 (31 days)
// principal 816,849 / interest 36,250; row 2 819,810 / 33,289. Day-based interest is ACT/360.
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys, now: '2026-03-01T02:00:00Z' });
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-01T02:00:00Z'));

const get = (u: Onboarded, url: string) => t.app.inject({ url, headers: u.auth }).then(json);
const repay = (u: Onboarded, loanId: string, body: object) =>
  sealedPost(t.app, u, `/api/loans/${loanId}/repayments`, 'repay', body, { key: true });
const defer = (u: Onboarded, loanId: string, option: 'FULL_DEFERRAL' | 'RESPREAD', months: number) =>
  sealedPost(t.app, u, `/api/loans/${loanId}/deferrals`, 'deferral', { option, months }, { key: true });

describe('归还本期 before the due date (point 2)', () => {
  test('on the drawdown day: principal only, nothing locked, the next instalment without another month', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 10_000_000, { termMonths: 12 });

    const opts = await get(u, `/api/loans/${loan.id}/repayment-options`);
    // 0 days accrued: interest 0. Row 1's principal comes back 31 days early:
    // 816,849 × 0.0435 × 31 / 360 = 3,059.78 → 3,060 saved; 36,250 − 3,060 = 33,190 carried to row 2.
    expect(opts.current).toMatchObject({
      available: true,
      amountFen: 816_849,
      principalFen: 816_849,
      interestFen: 0,
      detail: { early: true, days: 0, dueDate: '2026-04-01', carriedInterestFen: 33_190, interestSavedFen: 3_060 },
    });
    const r1 = await repay(u, loan.id, { kind: 'current', expectedAmountFen: 816_849 });
    expect(r1.statusCode).toBe(200);
    expect(json(r1).repayment).toMatchObject({ amountFen: 816_849, principalFen: 816_849, interestFen: 0 });
    const after = json(r1).loan;
    expect(after.accrualStart).toBe('2026-03-01');
    expect(after.schedule[0]).toMatchObject({ status: 'paid', principalFen: 816_849, interestFen: 0 });
    // Row 2: 33,289 + 33,190 carried = 66,479 (never more than paying row 1 on its due date).
    expect(after.schedule[1]).toMatchObject({ principalFen: 819_810, interestFen: 66_479 });

    // Not locked: payoff and partial prepayment are offered at once.
    const o2 = await get(u, `/api/loans/${loan.id}/repayment-options`);
    expect(o2.full).toMatchObject({ available: true, amountFen: 9_183_151, interestFen: 0 });
    // The next instalment the same day: again 0 days of interest, not another month.
    expect(o2.current).toMatchObject({ available: true, principalFen: 819_810, interestFen: 0 });

    // Partial 20,000 yuan the same day, lower instalment: the 33,190 carried by the early instalment
    // stays on the remaining 7,183,151 (33,190 × 7,183,151 / 9,183,151 = 25,961.54; re-priced on
    // actual days it was 26,906.89, more than carried), plus its month 7,183,151 × 0.003625 =
    // 26,038.92, plus 0 days on the prepaid amount: 52,000.47 → 52,000.
    const part = await repay(u, loan.id, { kind: 'partial', amountFen: 2_000_000, option: 'LOWER_INSTALMENT' });
    expect(part.statusCode).toBe(200);
    expect(json(part).loan.schedule[1]).toMatchObject({ period: 2, interestFen: 52_000, carriedInterestFen: 25_962 });

    // Ten days later the payoff accrues from the payment day: 7,183,151 × 0.0435 × 10 / 360 = 8,679.64 → 8,680.
    t.clock.set('2026-03-11T02:00:00Z');
    const payoff = await get(u, `/api/loans/${loan.id}/payoff?date=2026-03-11`);
    expect(payoff).toMatchObject({ principalFen: 7_183_151, interestFen: 8_680, days: 10, accruedFrom: '2026-03-01' });
    const full = await repay(u, loan.id, { kind: 'full', expectedAmountFen: 7_183_151 + 8_680 });
    expect(full.statusCode).toBe(200);
    expect(json(full).loan.status).toBe('settled');
  });

  test('on the due date it is the scheduled instalment', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 10_000_000, { termMonths: 12 });
    // A payoff date far ahead names the dates a payoff can be quoted for; nothing is overdue (issue point 9).
    const far = await t.app.inject({ url: `/api/loans/${loan.id}/payoff?date=2036-01-01`, headers: u.auth });
    expect(far.statusCode).toBe(400);
    expect(json(far)).toMatchObject({ code: 'QUOTE_DATE_OUT_OF_RANGE', field: 'date' });
    expect(json(far).message).toContain('结清日期须在 2026-03-01 至 2026-04-01 之间');
    expect(json(far).message).not.toContain('逾期');
    t.clock.set('2026-04-01T02:00:00Z');
    const r = await repay(u, loan.id, { kind: 'current', expectedAmountFen: 853_099 });
    expect(json(r).repayment).toMatchObject({ amountFen: 853_099, principalFen: 816_849, interestFen: 36_250 });
    expect(json(r).loan.schedule[1].interestFen).toBe(33_289);
  });
});

describe('复利 on overdue interest (point 15)', () => {
  test('in the loan view, the repayment options and the repayment', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 1_200_000, { termMonths: 12 });
    t.clock.set('2026-04-11T02:00:00Z'); // 10 days after the first due date
    const detail = await get(u, `/api/loans/${loan.id}`);
    const row = detail.schedule[0];
    // Row 1 interest: 1,200,000 × 0.003625 = 4,350. 复利 4,350 × 0.06525 × 10 / 360 = 7.88 → 8.
    expect(row.interestFen).toBe(4_350);
    const penalty = Math.round((row.principalFen * 0.06525 * 10) / 360);
    expect(detail.overdue).toMatchObject({
      penaltyFen: penalty,
      compoundFen: 8,
      totalFen: row.paymentFen + penalty + 8,
    });
    expect(detail.overdue.rows[0]).toMatchObject({ penaltyFen: penalty, compoundFen: 8 });
    const opts = await get(u, `/api/loans/${loan.id}/repayment-options`);
    expect(opts.overdue).toMatchObject({
      penaltyFen: penalty,
      compoundFen: 8,
      amountFen: row.paymentFen + penalty + 8,
    });
    const r = await repay(u, loan.id, { kind: 'overdue', expectedAmountFen: row.paymentFen + penalty + 8 });
    expect(r.statusCode).toBe(200);
    expect(json(r).repayment).toMatchObject({ amountFen: row.paymentFen + penalty + 8, penaltyFen: penalty + 8 });
  });
});

describe('deferral (points 8 and 12)', () => {
  test('延期还本付息 spreads the deferred interest, and a second deferral is shown unavailable with the reason', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 10_000_000, { termMonths: 12 });
    const d = await defer(u, loan.id, 'FULL_DEFERRAL', 3);
    expect(d.statusCode).toBe(200);
    const rows = json(d).loan.schedule;
    // 3 paused months, then the original 12 rows; deferred interest 3 × 36,250 = 108,750 spread over
    // them: 108,750 / 12 = 9,062 each (floor), the last 108,750 − 11 × 9,062 = 9,068.
    expect(rows.slice(0, 3).map((r: { paymentFen: number }) => r.paymentFen)).toEqual([0, 0, 0]);
    expect(rows[3]).toMatchObject({ principalFen: 816_849, interestFen: 36_250 + 9_062 });
    expect(rows[4]).toMatchObject({ interestFen: 33_289 + 9_062 });
    expect(rows[14]).toMatchObject({ principalFen: 850_020, interestFen: 3_081 + 9_068 });

    const again = await get(u, `/api/loans/${loan.id}/deferral-options?months=3`);
    expect(again.options).toHaveLength(3);
    for (const o of again.options) {
      expect(o).toMatchObject({ available: false, code: 'DEFERRAL_ALREADY_USED' });
      expect(o.message).toContain('本笔贷款已于 2026-03-01 办理过延期');
      expect(o.message).toContain('每笔贷款只能延期一次');
    }
  });
});

describe('a re-spread after an instalment paid early (RESPREAD keeps the days already run)', () => {
  test('row 2 keeps the 31 days from the early payment to row 1’s due date', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 10_000_000, { termMonths: 12 });
    expect((await repay(u, loan.id, { kind: 'current', expectedAmountFen: 816_849 })).statusCode).toBe(200);
    // Row 1 paid on the drawdown day: 9,183,151 left, interest from 2026-03-01, and the 31 days
    // 03-01 → 04-01 carried into row 2 as 33,190 (row 1's 36,250 less the 3,060 its principal saved).
    // Re-spread by 3 months (14 rows): row 2's month 9,183,151 × 0.003625 = 33,288.92 plus the same
    // 33,190: 66,478.92 → 66,479. Before stop 10 the 31 days were lost (33,289); at stop 10 they were
    // re-priced on actual days, 34,398.55 (67,687: a day more than the row carried).
    const d = await defer(u, loan.id, 'RESPREAD', 3);
    expect(d.statusCode).toBe(200);
    const rows = json(d).loan.schedule;
    expect(rows).toHaveLength(15);
    expect(rows[1]).toMatchObject({
      period: 2,
      dueDate: '2026-05-01',
      interestFen: 66_479,
      carriedInterestFen: 33_190,
    });
  });
});

describe('interest owed already is collected exactly once (src/domain/owed-interest.ts)', () => {
  test('a payoff after 延期还本付息 collects the deferred interest of the months run', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 10_000_000, { termMonths: 12 });
    const d = await defer(u, loan.id, 'FULL_DEFERRAL', 3);
    expect(d.statusCode).toBe(200);
    // Paused 2026-04-01, 05-01, 06-01 (settled by themselves); deferred 3 × 36,250 = 108,750, spread
    // 9,062 × 11 + 9,068 over rows 4–15 — stored as the rows' deferred shares.
    expect(json(d).loan.schedule[3]).toMatchObject({ deferredInterestFen: 9_062 });
    t.clock.set('2026-06-11T02:00:00Z');
    // Payoff 2026-06-11, 10 days after the last paused month: 10,000,000 × 0.0435 × 10 / 360
    // = 12,083.33 → 12,083; + 108,750 deferred = 120,833; total 10,120,833.
    const q = await get(u, `/api/loans/${loan.id}/payoff?date=2026-06-11`);
    expect(q).toMatchObject({
      principalFen: 10_000_000,
      accruedFen: 12_083,
      deferredInterestFen: 108_750,
      interestFen: 120_833,
      totalFen: 10_120_833,
    });
    const full = await repay(u, loan.id, { kind: 'full', expectedAmountFen: 10_120_833 });
    expect(full.statusCode).toBe(200);
    expect(json(full).repayment).toMatchObject({ principalFen: 10_000_000, interestFen: 120_833 });
  });

  test('a payoff after a partial prepayment in the same period collects the interest on the prepaid amount', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 10_000_000, { termMonths: 12 });
    t.clock.set('2026-03-11T02:00:00Z');
    // 20,000.00 prepaid 10 days in: 2,000,000 × 0.0435 × 10 / 360 = 2,416.67 → 2,417 carried into row 1.
    const part = await repay(u, loan.id, { kind: 'partial', amountFen: 2_000_000, option: 'LOWER_INSTALMENT' });
    expect(part.statusCode).toBe(200);
    expect(json(part).loan.schedule[0]).toMatchObject({ carriedAccruedFen: 2_417 });
    t.clock.set('2026-03-21T02:00:00Z');
    // Payoff 20 days in: 8,000,000 × 0.0435 × 20 / 360 = 19,333.33 → 19,333; + 2,417 = 21,750
    // (= 10 days on 100,000 + 10 days on 80,000: 12,083.33 + 9,666.67); total 8,021,750.
    const q = await get(u, `/api/loans/${loan.id}/payoff?date=2026-03-21`);
    expect(q).toMatchObject({ accruedFen: 19_333, carriedAccruedFen: 2_417, interestFen: 21_750, totalFen: 8_021_750 });
    const full = await repay(u, loan.id, { kind: 'full', expectedAmountFen: 8_021_750 });
    expect(full.statusCode).toBe(200);
    expect(json(full).loan.status).toBe('settled');
  });
});

describe('migration 009 on loans deferred before it', () => {
  const marks = async (loanId: string) =>
    (
      await sql<{
        seq: number;
        share: string;
      }>`select seq, deferred_interest_fen as share from instalments where loan_id = ${loanId} order by seq`.execute(
        t.db,
      )
    ).rows.map((r) => Number(r.share));
  const unmark = (loanId: string) =>
    sql`update instalments set deferred_interest_fen = 0 where loan_id = ${loanId}`.execute(t.db);

  test('marks the shares a deferral left in the rows, and leaves a loan re-made since untouched', async () => {
    const u = await onboard(t.app, t.clock);
    const kept = await drawnLoan(t.app, u, 10_000_000, { termMonths: 12 });
    expect((await defer(u, kept.id, 'FULL_DEFERRAL', 3)).statusCode).toBe(200);
    const expected = await marks(kept.id);
    // 3 paused rows, then 108,750 spread over 12: 9,062 × 11 and 9,068.
    expect(expected).toEqual([0, 0, 0, ...Array(11).fill(9_062), 9_068]);

    const remade = await drawnLoan(t.app, u, 10_000_000, { termMonths: 12 });
    expect((await defer(u, remade.id, 'FULL_DEFERRAL', 3)).statusCode).toBe(200);
    t.clock.set('2026-06-11T02:00:00Z');
    const part = await repay(u, remade.id, { kind: 'partial', amountFen: 1_000_000, option: 'LOWER_INSTALMENT' });
    expect(part.statusCode).toBe(200);

    // As the rows were before the migration: no marks.
    await unmark(kept.id);
    await unmark(remade.id);
    await markDeferredShares(t.db);
    expect(await marks(kept.id)).toEqual(expected);
    expect((await marks(remade.id)).every((m) => m === 0)).toBe(true);
  });
});

describe('migration 010 on loans paid early before it', () => {
  const carried = async (loanId: string) =>
    (
      await sql<{
        c: string;
      }>`select carried_interest_fen as c from instalments where loan_id = ${loanId} order by seq`.execute(t.db)
    ).rows.map((r) => Number(r.c));

  test('marks the carry in the row after an instalment paid early, and nothing on a loan paid on time', async () => {
    const u = await onboard(t.app, t.clock);
    const early = await drawnLoan(t.app, u, 10_000_000, { termMonths: 12 });
    expect((await repay(u, early.id, { kind: 'current', expectedAmountFen: 816_849 })).statusCode).toBe(200);
    const onTime = await drawnLoan(t.app, u, 10_000_000, { termMonths: 12 });
    t.clock.set('2026-04-01T02:00:00Z');
    expect((await repay(u, onTime.id, { kind: 'current', expectedAmountFen: 853_099 })).statusCode).toBe(200);
    // Row 2 of the early loan: 33,289 + 33,190; the migration finds 66,479 − round(9,183,151 × 0.0435 / 12).
    expect(await carried(early.id)).toEqual([0, 33_190, ...Array(10).fill(0)]);
    // As the rows were before the migration: no marks.
    await sql`update instalments set carried_interest_fen = 0 where loan_id in (${early.id}, ${onTime.id})`.execute(
      t.db,
    );
    await markCarriedInterest(t.db);
    expect(await carried(early.id)).toEqual([0, 33_190, ...Array(10).fill(0)]);
    expect((await carried(onTime.id)).every((c) => c === 0)).toBe(true);
  });
});

describe('GET /api/customer for a new customer (point 14)', () => {
  test('is 200 with null, not a 404', async () => {
    const s = await signIn(t.app, `wx-${randomUUID()}`);
    const r = await t.app.inject({ url: '/api/customer', headers: s.auth });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toBeNull();
  });
});
