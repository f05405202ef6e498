import { hashPassword, verifyPassword } from './passwords';

describe('staff password hashes (scrypt)', () => {
  test('a hash verifies its password only, and two hashes of one password differ (salt)', async () => {
    const a = await hashPassword('correct horse 电池');
    const b = await hashPassword('correct horse 电池');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword('correct horse 电池', a)).resolves.toBe(true);
    await expect(verifyPassword('correct horse 电池 ', a)).resolves.toBe(false);
    await expect(verifyPassword('', a)).resolves.toBe(false);
  });

  test('malformed stored values never verify', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$x$8$1$AA==$AA==',
      'bcrypt$16384$8$1$AA==$AA==',
      'scrypt$16384$8$1$AA==$',
    ])
      await expect(verifyPassword('x', stored)).resolves.toBe(false);
  });
});
