import fc from 'fast-check';
import { DomainError } from './errors';
import { assertFen, fenToYuan, formatWan, formatYuan, formatYuanText, roundFen, sumFen, yuanToFen } from './money';
import { Dec } from './decimal';
import { bpToRate, formatRatePercent, monthlyRate, toRate } from './rate';

describe('fen amounts', () => {
  it('accepts safe integers and rejects floats, NaN, unsafe and (by default) negatives', () => {
    expect(() => assertFen(123)).not.toThrow();
    expect(() => assertFen(1.5)).toThrow(DomainError);
    expect(() => assertFen(Number.NaN)).toThrow(DomainError);
    expect(() => assertFen(2 ** 53)).toThrow(DomainError);
    expect(() => assertFen(-1)).toThrow(/不能为负数/);
    expect(() => assertFen(0.5, 'principal')).toThrow('本金必须是以“分”为单位的整数金额');
    expect(() => assertFen(-1, 'amount', true)).not.toThrow();
    expect(() => assertFen('100' as unknown)).toThrow(/整数/);
  });

  it('rounds half-up (away from zero) — not banker’s rounding', () => {
    expect(roundFen(new Dec('2.5'))).toBe(3);
    expect(roundFen(new Dec('0.5'))).toBe(1);
    expect(roundFen(new Dec('2.4999999'))).toBe(2);
    expect(roundFen(new Dec('-2.5'))).toBe(-3);
  });

  it('parses yuan strings exactly and refuses a third decimal', () => {
    expect(yuanToFen('1234.56')).toBe(123456);
    expect(yuanToFen('1,234.5')).toBe(123450);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('100000')).toBe(10_000_000);
    expect(() => yuanToFen('1.005')).toThrow(DomainError);
    expect(() => yuanToFen('abc')).toThrow(DomainError);
    expect(fenToYuan(123456)).toBe('1234.56');
    expect(fenToYuan(5)).toBe('0.05');
  });

  it('formats yuan, 万元 and sentence forms', () => {
    expect(formatYuan(123456)).toBe('¥1,234.56');
    expect(formatYuan(853099)).toBe('¥8,530.99');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(-5)).toBe('-¥0.05');
    expect(formatYuan(123456789012)).toBe('¥1,234,567,890.12');
    expect(formatWan(10_000_000)).toBe('10万元');
    expect(formatWan(8_530_000)).toBe('8.53万元');
    expect(formatWan(8_530_990)).toBe('8.53万元');
    expect(formatWan(8_535_000)).toBe('8.54万元'); // half-up at the second decimal
    expect(formatWan(15_000_000)).toBe('15万元');
    expect(formatWan(15_500_000)).toBe('15.5万元');
    expect(formatYuanText(100_000)).toBe('1,000元');
    expect(formatYuanText(100_050)).toBe('1,000.50元');
    expect(sumFen([1, 2, 3])).toBe(6);
  });
});

describe('rates', () => {
  it('takes decimal strings, Decimals and basis points, never JS numbers', () => {
    expect(toRate('0.0435').toString()).toBe('0.0435');
    expect(toRate({ bp: 435 }).toString()).toBe('0.0435');
    expect(bpToRate(385)).toBe('0.0385');
    expect(() => toRate(0.0435 as unknown as string)).toThrow(DomainError);
    expect(() => toRate('-0.01')).toThrow(DomainError);
    expect(() => toRate('4.35%')).toThrow(DomainError);
  });

  it('monthly rate is annual / 12, unrounded', () => {
    expect(monthlyRate('0.0435').toString()).toBe('0.003625');
    expect(monthlyRate('0.05').times(12).toString()).toBe('0.05');
  });

  it('formats as a percentage', () => {
    expect(formatRatePercent('0.0435')).toBe('4.35%');
    expect(formatRatePercent({ bp: 1800 })).toBe('18.00%');
    expect(formatRatePercent('0.043541', 3)).toBe('4.354%');
    expect(formatRatePercent('0.043545', 3)).toBe('4.355%');
  });
});

describe('the formatters agree with decimal.js (they do integer and digit arithmetic instead)', () => {
  const fen = fc.oneof(
    fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.integer({ min: 0, max: 20_000 }).map((n) => n * 5_000), // every tie for formatWan
  );

  it('formatYuan and formatWan', () => {
    fc.assert(
      fc.property(fen, (n) => {
        const [i, f] = new Dec(Math.abs(n)).div(100).toFixed(2).split('.');
        expect(formatYuan(n)).toBe(`${n < 0 ? '-' : ''}¥${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`);
        const wan = new Dec(n).div(1_000_000).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
        expect(formatWan(n)).toBe(`${wan.isZero() ? '0' : wan.toString()}万元`);
      }),
      { numRuns: 2000 },
    );
  });

  it('formatRatePercent from strings, basis points and Decimals, at 0–6 decimals', () => {
    const digits = fc.stringMatching(/^\d{1,3}(\.\d{1,9})?$/);
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 6 }), (rate, decimals) => {
        const want = `${new Dec(rate).times(100).toFixed(decimals, Dec.ROUND_HALF_UP)}%`;
        expect(formatRatePercent(rate, decimals)).toBe(want);
        expect(formatRatePercent(new Dec(rate), decimals)).toBe(want);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), (bp, decimals) => {
        expect(formatRatePercent({ bp }, decimals)).toBe(
          `${new Dec(bp).div(100).toFixed(decimals, Dec.ROUND_HALF_UP)}%`,
        );
      }),
    );
    expect(formatRatePercent('0.0995', 1)).toBe('10.0%'); // carries through the nines
    expect(formatRatePercent('0.99995', 2)).toBe('100.00%');
    expect(() => formatRatePercent({ bp: -1 })).toThrow(/负/);
    expect(() => formatRatePercent(new Dec('-0.01'))).toThrow(DomainError);
    expect(() => formatRatePercent('4.35%')).toThrow(DomainError);
    expect(() => formatRatePercent(new Dec(Infinity))).toThrow(DomainError);
  });
});
