import { validateBankCard, validateMobile, validateResidentId, validateUscc } from '../../../src/domain';
import { createRng } from '../random';
import { createIdentityFactory } from './generators';

const TODAY = '2026-03-10';

describe('identity generators', () => {
  const factory = createIdentityFactory(createRng(42), { today: TODAY });
  const people = Array.from({ length: 3000 }, () => factory.person());
  const firms = Array.from({ length: 3000 }, () => factory.enterprise());

  it('make identities the bank’s validators accept', () => {
    for (const p of people) {
      const id = validateResidentId(p.idNumber, { today: TODAY });
      expect(id).toMatchObject({ ok: true, value: { birthDate: p.birthDate } });
      expect(validateMobile(p.phone)).toMatchObject({ ok: true, value: { virtual: false, dataPlan: false } });
      expect(validateBankCard(p.cardNo)).toMatchObject({ ok: true, value: { luhnValid: true } });
      expect(p.name).toMatch(/^[\u3400-\u9fff]{2,3}$/);
    }
    for (const f of firms) {
      expect(validateUscc(f.uscc).ok).toBe(true);
      expect(f.registrationDate < TODAY).toBe(true);
    }
  });

  it('never repeat an ID number, phone, card or USCC within a run', () => {
    for (const key of ['idNumber', 'phone', 'cardNo'] as const)
      expect(new Set(people.map((p) => p[key])).size).toBe(people.length);
    expect(new Set(firms.map((f) => f.uscc)).size).toBe(firms.length);
  });

  it('respect the age range asked for', () => {
    const older = createIdentityFactory(createRng(1), { today: TODAY, age: [58, 64] });
    for (let i = 0; i < 200; i++) {
      const birthYear = Number(older.person().birthDate.slice(0, 4));
      expect(2026 - birthYear).toBeGreaterThanOrEqual(58);
      expect(2026 - birthYear).toBeLessThanOrEqual(65);
    }
  });

  it('give the same identities for the same seed, others for another', () => {
    const a = createIdentityFactory(createRng(7), { today: TODAY });
    const b = createIdentityFactory(createRng(7), { today: TODAY });
    const c = createIdentityFactory(createRng(8), { today: TODAY });
    const pa = a.person();
    expect(b.person()).toEqual(pa);
    expect(c.person().idNumber).not.toBe(pa.idNumber);
  });
});
