import { validateBusinessPurpose, validateLoanAmount, validateLoanTerm } from './loan-limits';

describe('loan amount limits', () => {
  it('accepts whole hundreds of yuan between 1,000 and 3,000,000 yuan by default', () => {
    expect(validateLoanAmount(100_000)).toEqual({ ok: true, value: 100_000 });
    expect(validateLoanAmount(300_000_000)).toEqual({ ok: true, value: 300_000_000 });
    expect(validateLoanAmount(12_340_000).ok).toBe(true);
  });

  it.each([
    [99_900, 'LOAN_AMOUNT_TOO_LOW', '借款金额不能低于1,000元'],
    [300_010_000, 'LOAN_AMOUNT_TOO_HIGH', '借款金额不能高于3,000,000元'],
    [100_050, 'LOAN_AMOUNT_STEP', '借款金额须为100元的整数倍'],
    [1000.5, 'LOAN_AMOUNT_NOT_INTEGER_FEN', '借款金额格式不正确'],
  ])('%s → %s', (fen, code, message) => {
    expect(validateLoanAmount(fen)).toEqual({ ok: false, code, message });
  });

  it('checks the available limit and custom bounds', () => {
    expect(validateLoanAmount(5_000_000, { availableFen: 4_000_000 })).toEqual({
      ok: false,
      code: 'LOAN_AMOUNT_OVER_AVAILABLE',
      message: '借款金额超过可用额度40,000元',
    });
    expect(validateLoanAmount(150_000, { minFen: 100_000, stepFen: 100_000 })).toMatchObject({
      ok: false,
      code: 'LOAN_AMOUNT_STEP',
      message: '借款金额须为1,000元的整数倍',
    });
  });
});

describe('loan term', () => {
  it.each([3, 6, 12, 24, 36])('%i months is allowed', (m) =>
    expect(validateLoanTerm(m)).toEqual({ ok: true, value: m }),
  );
  it.each([0, 1, 9, 18, 48, 2.5])('%s months is refused', (m) =>
    expect(validateLoanTerm(m)).toEqual({
      ok: false,
      code: 'LOAN_TERM_INVALID',
      message: '借款期限只能选择3/6/12/24/36个月',
    }),
  );
});

describe('business purpose allow-list', () => {
  it('accepts listed purposes (case-insensitive code)', () => {
    expect(validateBusinessPurpose('WORKING_CAPITAL')).toEqual({ ok: true, value: 'WORKING_CAPITAL' });
    expect(validateBusinessPurpose('inventory')).toEqual({ ok: true, value: 'INVENTORY' });
  });

  it.each([
    ['', 'PURPOSE_EMPTY'],
    ['HOUSING', 'PURPOSE_HOUSING'],
    ['DOWN_PAYMENT', 'PURPOSE_HOUSING'],
    ['SECURITIES', 'PURPOSE_SECURITIES'],
    ['FUTURES', 'PURPOSE_SECURITIES'],
    ['GAMBLING', 'PURPOSE_PROHIBITED'],
    ['TRAVEL', 'PURPOSE_UNKNOWN'],
    ['toString', 'PURPOSE_UNKNOWN'],
  ])('%s → %s', (code, expected) => {
    expect(validateBusinessPurpose(code)).toMatchObject({ ok: false, code: expected });
  });
});
