/** Property: no mutation of a valid token is ever accepted. */
import fc from 'fast-check';
import { createHarness, postTo } from './test-kit';

describe('fuzz: mutated tokens are never accepted', () => {
  it('random character edits, insertions, deletions, part swaps and bit flips', async () => {
    const h = createHarness();
    const client = h.newClient();
    const body = { amount: '12345.67', purpose: '进货' };
    const tokens = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.seal(
          i % 2 ? 'telemetry' : 'action',
          i % 2 ? null : 'drawdown',
          { i, s: 'x'.repeat(i * 20) },
          i % 2 ? undefined : postTo(body),
        ),
      ),
    );
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), pos: fc.nat(), ch: fc.constantFrom(...alphabet) }),
      fc.record({ kind: fc.constant('insert' as const), pos: fc.nat(), ch: fc.constantFrom(...alphabet) }),
      fc.record({ kind: fc.constant('delete' as const), pos: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('swap' as const), a: fc.nat(3), b: fc.nat(3) }),
      fc.record({ kind: fc.constant('bitflip' as const), pos: fc.nat(), bit: fc.nat(6) }),
    );
    type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;
    const apply = (t: string, m: Mutation): string => {
      switch (m.kind) {
        case 'replace': {
          const p = m.pos % t.length;
          return t.slice(0, p) + m.ch + t.slice(p + 1);
        }
        case 'insert': {
          const p = m.pos % (t.length + 1);
          return t.slice(0, p) + m.ch + t.slice(p);
        }
        case 'delete': {
          const p = m.pos % t.length;
          return t.slice(0, p) + t.slice(p + m.len);
        }
        case 'swap': {
          const parts = t.split('.');
          [parts[m.a], parts[m.b]] = [parts[m.b], parts[m.a]];
          return parts.join('.');
        }
        default: {
          const p = m.pos % t.length;
          return t.slice(0, p) + String.fromCharCode(t.charCodeAt(p) ^ (1 << m.bit)) + t.slice(p + 1);
        }
      }
    };
    const seenCodes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(tokens.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (ti, ms) => {
          const original = tokens[ti];
          const mutated = ms.reduce(apply, original);
          fc.pre(mutated !== original);
          const r = await h.server.verify(mutated, { request: postTo(body) });
          if (!r.ok) seenCodes.add(r.code);
          return !r.ok;
        },
      ),
      { numRuns: 3000 },
    );
    // All originals are still unspent: no mutant was accepted or burnt a nonce.
    for (let i = 0; i < tokens.length; i++) {
      expect((await h.server.verify(tokens[i], i % 2 ? {} : { request: postTo(body) })).ok).toBe(true);
    }
    expect(seenCodes.has('MALFORMED') && seenCodes.has('MAC_INVALID')).toBe(true);
  });
});
