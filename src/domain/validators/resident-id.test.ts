import fc from 'fast-check';
import { residentId15To18, validateResidentId } from './resident-id';

/** Independent ISO 7064 MOD 11-2: weight_i = 2^(17−i) mod 11, check value (12 − sum mod 11) mod 11, 10 → X. */
function iso7064(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return v === 10 ? 'X' : String(v);
}
const withCheck = (body: string) => body + iso7064(body);
const TODAY = { today: '2024-06-01' };

describe('居民身份证号码 (GB 11643-1999)', () => {
  it('accepts 11010519491231002X and reads birth date, gender, region', () => {
    expect(validateResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: {
        id: '11010519491231002X',
        birthDate: '1949-12-31',
        gender: 'F',
        regionCode: '110105',
        convertedFrom15: false,
      },
    });
  });

  it('normalises lower-case x and spaces', () => {
    const r = validateResidentId(' 110105 19491231 002x ', TODAY);
    expect(r.ok && r.value.id).toBe('11010519491231002X');
  });

  it('converts a 15-digit number to 18 digits', () => {
    expect(residentId15To18('110105491231002')).toBe('11010519491231002X');
    const r = validateResidentId('110105491231002', TODAY);
    expect(r.ok && r.value).toMatchObject({ id: '11010519491231002X', convertedFrom15: true, birthDate: '1949-12-31' });
  });

  it.each([
    ['', 'ID_EMPTY', '请输入身份证号码'],
    ['1101051949123100', 'ID_LENGTH', '身份证号码应为18位（旧版为15位），请核对位数'],
    ['11010519491231002A', 'ID_CHARS', '身份证号码只能由数字组成，18位号码的最后一位可以是X'],
    ['1101051949X231002X', 'ID_CHARS', '身份证号码只能由数字组成，18位号码的最后一位可以是X'],
    [withCheck('99010519491231002'), 'ID_REGION', '身份证号码前6位地区码无效，请核对'],
    [withCheck('11000019491231002'), 'ID_REGION', '身份证号码前6位地区码无效，请核对'],
    [withCheck('11010519490230002'), 'ID_BIRTH_DATE', '身份证号码中的出生日期无效，请核对'],
    [withCheck('11010518991231002'), 'ID_BIRTH_DATE', '身份证号码中的出生日期无效，请核对'],
    [withCheck('11010520250101002'), 'ID_BIRTH_FUTURE', '身份证号码中的出生日期晚于今天，请核对'],
    ['110105194912310021', 'ID_CHECKSUM', '身份证号码校验位不正确，可能有数字输错，请逐位核对'],
    ['110105490230002', 'ID_BIRTH_DATE', '身份证号码中的出生日期无效，请核对'],
  ])('%s → %s', (input, code, message) => {
    expect(validateResidentId(input, TODAY)).toEqual({ ok: false, code, message });
  });

  it('property: any valid body with its MOD 11-2 check passes; any other check character fails', () => {
    const body = fc
      .tuple(
        fc.constantFrom('110105', '310115', '440305', '510107', '650102'),
        fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([region, d, seq]) =>
          `${region}${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`,
      );
    fc.assert(
      fc.property(body, fc.constantFrom(...'0123456789X'), (b, c) => {
        const r = validateResidentId(b + c, TODAY);
        if (c === iso7064(b)) expect(r.ok).toBe(true);
        else expect(r).toMatchObject({ ok: false, code: 'ID_CHECKSUM' });
      }),
    );
  });
});
