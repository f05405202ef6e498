import fc from 'fast-check';
import { validateUscc } from './uscc';

/** Independent check-character computation straight from GB 32100-2015 (weights = 3^i mod 31). */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function check(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(first17[i]) * (3 ** i % 31);
  return CHARS[(31 - (sum % 31)) % 31];
}

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(['91440300708461136T', '91350100M000100Y43', '91330100799655058B'])('accepts %s', (code) => {
    expect(validateUscc(code)).toMatchObject({ ok: true, value: { code } });
  });

  it('normalises lower case and spaces, and splits the structure', () => {
    expect(validateUscc('9144 0300 7084 6113 6t')).toEqual({
      ok: true,
      value: { code: '91440300708461136T', registrationAuthority: '9', organisationType: '1', regionCode: '440300' },
    });
  });

  it.each([
    ['', 'USCC_EMPTY'],
    ['91440300708461136', 'USCC_LENGTH'],
    ['91440300708461136TT', 'USCC_LENGTH'],
    ['9144030070846113OT', 'USCC_CHARS'], // letter O
    ['91440300708461136I', 'USCC_CHARS'],
    ['9144030070846113S6', 'USCC_CHARS'],
    ['91440300708461136-', 'USCC_CHARS'],
    ['91440300708461136U', 'USCC_CHECKSUM'],
  ])('%s → %s, each with its own message', (input, code) => {
    const r = validateUscc(input);
    expect(r).toMatchObject({ ok: false, code });
  });

  it('messages differ per failure and mention the excluded letters', () => {
    const msgs = ['', '1', '91440300708461136V', '91440300708461136U'].map((c) => {
      const r = validateUscc(c);
      return r.ok ? '' : r.message;
    });
    expect(new Set(msgs).size).toBe(4);
    expect(msgs[2]).toContain('不含I、O、S、V、Z');
  });

  it('property: a random body with its computed check character is valid, any other character is not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CHARS), { minLength: 17, maxLength: 17 }),
        fc.constantFrom(...CHARS),
        (chars, c) => {
          const body = chars.join('');
          const r = validateUscc(body + c);
          expect(r.ok).toBe(c === check(body));
        },
      ),
    );
  });
});
