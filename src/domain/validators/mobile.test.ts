import { validateMobile } from './mobile';

describe('mainland mobile numbers by segment allocation', () => {
  it.each([
    ['13812345678', 'CHINA_MOBILE'],
    ['13012345678', 'CHINA_UNICOM'],
    ['13312345678', 'CHINA_TELECOM'],
    ['13490001234', 'CHINA_TELECOM'], // 1349 satellite block
    ['14512345678', 'CHINA_UNICOM'],
    ['14712345678', 'CHINA_MOBILE'],
    ['14912345678', 'CHINA_TELECOM'],
    ['15012345678', 'CHINA_MOBILE'],
    ['15312345678', 'CHINA_TELECOM'],
    ['16212345678', 'CHINA_TELECOM'],
    ['16512345678', 'CHINA_MOBILE'],
    ['16612345678', 'CHINA_UNICOM'],
    ['16712345678', 'CHINA_UNICOM'],
    ['17012345678', 'CHINA_TELECOM'],
    ['17052345678', 'CHINA_MOBILE'],
    ['17112345678', 'CHINA_UNICOM'],
    ['17212345678', 'CHINA_MOBILE'],
    ['17312345678', 'CHINA_TELECOM'],
    ['17401234567', 'CHINA_TELECOM'],
    ['17491234567', 'SATELLITE_OR_EMERGENCY'],
    ['17512345678', 'CHINA_UNICOM'],
    ['17812345678', 'CHINA_MOBILE'],
    ['18012345678', 'CHINA_TELECOM'],
    ['18812345678', 'CHINA_MOBILE'],
    ['19012345678', 'CHINA_TELECOM'],
    ['19212345678', 'CHINA_BROADNET'],
    ['19612345678', 'CHINA_UNICOM'],
    ['19712345678', 'CHINA_MOBILE'],
    ['19912345678', 'CHINA_TELECOM'],
  ])('%s is valid (%s)', (n, operator) => {
    expect(validateMobile(n)).toMatchObject({ ok: true, value: { number: n, operator } });
  });

  it('flags virtual-operator and data-plan segments', () => {
    expect(validateMobile('17012345678')).toMatchObject({ ok: true, value: { virtual: true } });
    expect(validateMobile('16712345678')).toMatchObject({ ok: true, value: { virtual: true } });
    expect(validateMobile('13812345678')).toMatchObject({ ok: true, value: { virtual: false, dataPlan: false } });
    expect(validateMobile('14712345678')).toMatchObject({ ok: true, value: { dataPlan: true } });
  });

  it.each(['+86 138 1234 5678', '+86-138-1234-5678', '0086 13812345678', '8613812345678', '(138) 1234-5678'])(
    'normalises %s',
    (input) => {
      expect(validateMobile(input)).toMatchObject({ ok: true, value: { number: '13812345678' } });
    },
  );

  it.each([
    ['', 'MOBILE_EMPTY'],
    ['+85291234567', 'MOBILE_COUNTRY'],
    ['1381234567a', 'MOBILE_CHARS'],
    ['1381234567', 'MOBILE_LENGTH'],
    ['138123456789', 'MOBILE_LENGTH'],
    ['15412345678', 'MOBILE_SEGMENT'], // 154 unallocated
    ['12012345678', 'MOBILE_SEGMENT'],
    ['16012345678', 'MOBILE_SEGMENT'],
    ['17912345678', 'MOBILE_SEGMENT'],
    ['17452345678', 'MOBILE_SEGMENT'],
    ['19412345678', 'MOBILE_SEGMENT'],
    ['14012345678', 'MOBILE_SEGMENT'],
    ['1440123456789', 'MOBILE_DATA_ONLY'], // 13-digit IoT card
    ['14612345678', 'MOBILE_DATA_ONLY'],
  ])('%s → %s', (input, code) => {
    expect(validateMobile(input)).toMatchObject({ ok: false, code });
  });
});
