import { claimedSessionId } from './token-failures';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const SID = 'u7eV6SyCkiX2r0tNklIpLg';

describe('claimedSessionId: the sid a refused token names, read without trusting it', () => {
  test('a well-formed header gives its sid', () => {
    expect(claimedSessionId(`${b64({ v: 1, sid: SID, kind: 'action' })}.iv.ct.mac`)).toBe(SID);
  });

  test.each([
    ['no dots', b64({ sid: SID })],
    ['not base64 JSON', '!!!.iv.ct.mac'],
    ['sid of the wrong shape', `${b64({ sid: 'x'.repeat(40) })}.a.b.c`],
    ['sid not a string', `${b64({ sid: 12 })}.a.b.c`],
    ['JSON null', `${b64(null)}.a.b.c`],
    ['a huge header', `${'A'.repeat(5000)}.a.b.c`],
  ])('%s → none', (_what, token) => {
    expect(claimedSessionId(token)).toBeUndefined();
  });
});
