import { luhnValid, validateBankCard } from './bank-card';

describe('bank card number', () => {
  it('accepts a Luhn-valid number and normalises spaces and dashes', () => {
    expect(validateBankCard('6222 0212-3456 7890 128')).toEqual({
      ok: true,
      value: { cardNumber: '6222021234567890128', luhnValid: true },
    });
  });

  it('a Luhn failure is a warning, not an error (some real Chinese cards fail it)', () => {
    const r = validateBankCard('6217000010001234567');
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.luhnValid).toBe(false);
    expect(r.ok && r.warnings).toEqual([
      { code: 'BANK_CARD_LUHN_WARNING', message: '卡号校验未通过，请再次核对卡号；若确认无误可继续' },
    ]);
  });

  it.each([
    ['', 'BANK_CARD_EMPTY'],
    ['6222a21234567890128', 'BANK_CARD_CHARS'],
    ['12345678901', 'BANK_CARD_LENGTH'],
    ['12345678901234567890', 'BANK_CARD_LENGTH'],
  ])('%s → %s', (input, code) => {
    expect(validateBankCard(input)).toMatchObject({ ok: false, code });
  });

  it('accepts lengths 12 and 19', () => {
    expect(validateBankCard('123456789012').ok).toBe(true);
    expect(validateBankCard('1234567890123456789').ok).toBe(true);
  });

  it('Luhn on known numbers', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
  });
});
