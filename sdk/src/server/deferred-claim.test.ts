/**
 * Deferred claim (PROTOCOL.md §5): the verifier runs every step but 6–7 and hands the token's
 * nonce/sequence claim back, for the caller to commit together with the token's effect.
 */
import { createHarness } from './test-kit';
import { ReasonCode } from '../protocol/reason-codes';

const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code);

describe('deferClaim', () => {
  it('hands back the claim without recording it; the token is consumed only when the caller commits it', async () => {
    const h = createHarness();
    const c = h.newClient();
    const token = await c.seal('telemetry', null, { events: [] });

    const first = await h.server.verify(token, { expectKind: 'telemetry', deferClaim: true });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.claim).toEqual({
      sessionId: first.session.id,
      nonce: first.header.nonce,
      seq: first.header.seq,
      keepUntil: first.header.ts + 5 * 60_000,
    });
    // Nothing recorded yet: the same token verifies again (a caller whose commit failed lets the device resend).
    expect(codeOf(await h.server.verify(token, { deferClaim: true }))).toBe('OK');

    const claim = first.claim!;
    expect(await h.store.commitToken(claim.sessionId, claim.nonce, claim.seq, claim.keepUntil)).toBe('ok');
    // Once committed, the token is a replay for either kind of verification, and a second commit is refused.
    expect(codeOf(await h.server.verify(token))).toBe(ReasonCode.REPLAY_NONCE);
    expect(await h.store.commitToken(claim.sessionId, claim.nonce, claim.seq, claim.keepUntil)).toBe('REPLAY_NONCE');
  });

  it('without deferClaim the verifier records the claim itself and returns none', async () => {
    const h = createHarness();
    const c = h.newClient();
    const token = await c.seal('telemetry', null, { events: [] });
    const r = await h.server.verify(token);
    expect(r.ok && r.claim).toBe(undefined);
    expect(codeOf(await h.server.verify(token, { deferClaim: true }))).toBe('OK'); // every step but the claim
    expect(codeOf(await h.server.verify(token))).toBe(ReasonCode.REPLAY_NONCE);
  });

  it('still runs every other check: a tampered token is refused and hands back nothing', async () => {
    const h = createHarness();
    const c = h.newClient();
    const token = await c.seal('telemetry', null, { events: [] });
    const tampered = token.slice(0, -2) + (token.endsWith('A') ? 'BA' : 'AA');
    const r = await h.server.verify(tampered, { deferClaim: true });
    expect(r.ok).toBe(false);
    expect('claim' in r).toBe(false);
    expect(codeOf(await h.server.verify(token, { expectKind: 'action', deferClaim: true }))).toBe(
      ReasonCode.BIZ_MISMATCH,
    );
  });

  it('cannot be combined with a customer binding (only a claimed token may bind a session)', async () => {
    const h = createHarness();
    const c = h.newClient();
    const token = await c.seal('telemetry', null, { events: [] });
    await expect(h.server.verify(token, { customerId: 'C-1', deferClaim: true })).rejects.toThrow(TypeError);
  });
});
