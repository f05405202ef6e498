import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateResidentId } from './resident-id';

// Issue #9 point 16: the birth-date range the validator accepts — 1900-01-01 up to and including
// today (Beijing) — and the documentation that says so and why (src/domain/README.md). Numbers are
// 110105 + birth date + sequence 001 + the ISO 7064 MOD 11-2 check character.
const TODAY = { today: '2024-06-01' };

describe('resident ID birth-date range', () => {
  it.each([
    ['the first accepted day', '11010519000101001X', true, '1900-01-01'],
    ['the day before it', '110105189912310015', false, 'ID_BIRTH_DATE'],
    ['born today', '110105202406010013', true, '2024-06-01'],
    ['born tomorrow', '110105202406020019', false, 'ID_BIRTH_FUTURE'],
  ])('%s', (_label, id, ok, expected) => {
    const r = validateResidentId(id, TODAY);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.value.birthDate).toBe(expected);
    else expect(r.code).toBe(expected);
  });

  it('is documented with its reason in src/domain/README.md', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    expect(readme).toMatch(/### Resident ID: accepted birth dates/);
    expect(readme).toContain('1900-01-01');
  });
});
