import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import * as domain from './index';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'test-support' ? [] : sourceFiles(p);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('public API (index.ts)', () => {
  it('a preview end to end: schedule → APR → display strings', () => {
    const terms = {
      principalFen: domain.yuanToFen('100000'),
      annualRate: '0.0435',
      termMonths: 12,
      startDate: '2024-01-31',
    };
    const s = domain.buildSchedule(domain.RepaymentMethod.EQUAL_INSTALMENT, terms);
    expect(domain.formatYuan(s.rows[0].paymentFen)).toBe('¥8,530.99');
    expect(domain.formatYuan(s.totals.interestFen)).toBe('¥2,371.90');
    expect(domain.formatRatePercent(domain.aprOfSchedule(terms.principalFen, s).apr)).toBe('4.35%');
    expect(domain.formatWan(terms.principalFen)).toBe('10万元');
  });

  it('exports every documented function', () => {
    const names = [
      'assertFen',
      'roundFen',
      'yuanToFen',
      'fenToYuan',
      'formatYuan',
      'formatWan',
      'formatYuanText',
      'sumFen',
      'toRate',
      'bpToRate',
      'monthlyRate',
      'formatRatePercent',
      'parseDate',
      'actualDays',
      'addDays',
      'dayInterest',
      'dueDateAt',
      'dueDates',
      'shiftDueDate',
      'buildSchedule',
      'equalInstalmentSchedule',
      'equalInstalmentFen',
      'equalPrincipalSchedule',
      'interestFirstSchedule',
      'revolvingAccrual',
      'revolvingStatement',
      'irr',
      'aprFromCashFlows',
      'aprOfSchedule',
      'effectiveAnnualRate',
      'penaltyInterest',
      'overdueSummary',
      'loanStateFromTerms',
      'payoffQuote',
      'partialPrepayment',
      'deferral',
      'validateResidentId',
      'residentId15To18',
      'validateUscc',
      'validateBankCard',
      'luhnValid',
      'validateMobile',
      'validateLoanAmount',
      'validateLoanTerm',
      'validateBusinessPurpose',
    ];
    for (const n of names) expect(typeof (domain as Record<string, unknown>)[n]).toBe('function');
    expect(Object.keys(domain.purposeLabelsZhCN).sort()).toEqual([...domain.BUSINESS_PURPOSES].sort());
  });

  const files = sourceFiles(__dirname);

  it.each(files.map((f) => [f.slice(__dirname.length + 1), f]))(
    '%s imports nothing from Taro or the platform',
    (_name, file) => {
      const src = readFileSync(file, 'utf8');
      const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const i of imports) expect(i.startsWith('.') || i === 'decimal.js' || i.startsWith('dayjs')).toBe(true);
    },
  );

  it('keeps every user-facing (Chinese) string in messages.zh-CN.ts', () => {
    for (const f of files.filter((x) => !x.endsWith('messages.zh-CN.ts'))) {
      const code = readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/[^\n]*/g, '');
      expect([f, /[\u4e00-\u9fff]/.test(code)]).toEqual([f, false]);
    }
  });
});
