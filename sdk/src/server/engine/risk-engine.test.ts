import { createRiskEngine } from './risk-engine';
import { createMemoryEngineStore } from './state/memory-engine-store';
import { COUNT_RULE, LOCK_RULE, testRuleSet } from './test-rules';
import type { RuleDefinition } from './rules/define-rule';

const T0 = Date.UTC(2026, 11, 1, 6, 0);
const KEY = 'test-identity-key-0123456789';

function makeEngine() {
  let now = T0;
  const store = createMemoryEngineStore();
  // The test rules stand in for the shipped ones: these tests are about the engine's mechanics.
  const engine = createRiskEngine({
    store,
    clock: () => now,
    identityKey: KEY,
    ruleSets: [testRuleSet({ rules: testRuleSet().rules.map((r) => ({ ...r, code: `X_${r.code}` })) })],
    extraRules: [COUNT_RULE, LOCK_RULE].map((r) => ({ ...r, code: `X_${r.code}` }) as RuleDefinition),
  });
  return { engine, store, tick: (ms: number) => (now += ms) };
}

const apply = (ip: string, userId = 'u1', residentId = '110105198506150014') => ({
  token: null,
  context: { action: 'loan.apply', ip, userId, identities: { residentId, phone: '13800138000' } },
});

describe('createRiskEngine', () => {
  it('counts applications per IP across decisions and routes by the rule set', async () => {
    const { engine, tick } = makeEngine();
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      tick(1000);
      outcomes.push((await engine.decide(apply('203.0.113.7', `u${i}`))).outcome);
    }
    expect(outcomes).toEqual(['approve', 'approve', 'approve', 'approve', 'review', 'review']);
    const other = await engine.decide(apply('198.51.100.1'));
    expect(other.outcome).toBe('approve');
    expect(other.record.features['velocity.ipApps1h']).toBe(1);
  });

  it('ten risky applications in a burst on a new channel lock it down', async () => {
    const { engine, tick } = makeEngine();
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      tick(2000);
      outcomes.push((await engine.decide(apply('203.0.113.7', `u${i}`))).outcome);
    }
    expect(outcomes.slice(-1)).toEqual(['reject']);
    const [status] = await engine.channels.list();
    expect(status).toMatchObject({ channel: 'unknown', state: 'lockdown' });
    expect((await engine.decisions({ limit: 1 }))[0].reasons[0]).toBe('X_TEST_LOCK');
  });

  it('windows slide: an hour later the IP starts again', async () => {
    const { engine, tick } = makeEngine();
    for (let i = 0; i < 5; i++) await engine.decide(apply('203.0.113.7'));
    tick(3_600_001);
    expect((await engine.decide(apply('203.0.113.7'))).record.features['velocity.ipApps1h']).toBe(1);
  });

  it('records a replayable decision with hashed subjects only', async () => {
    const { engine, tick } = makeEngine();
    // Spread over minutes: ten in a burst on one channel would (rightly) look like a surge.
    for (let i = 0; i < 10; i++) {
      tick(60_000);
      await engine.decide(apply('203.0.113.7'));
    }
    const d = await engine.decide(apply('203.0.113.7'));
    expect(d.outcome).toBe('reject');
    const stored = await engine.decision(d.record.decisionId);
    expect(stored).toEqual(d.record);
    const text = JSON.stringify(stored);
    for (const clear of ['203.0.113.7', '110105198506150014', '13800138000', 'u1']) expect(text).not.toContain(clear);
    expect(stored!.ruleSet).toMatchObject({ id: 'test.apply', version: 1 });
    expect(stored!.ruleSet.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.reasons).toEqual(['X_TEST_COUNT']);
    expect(d.customerText).toBe('近期申请过于频繁');
    // Replaying the stored features through the same set gives the same answer.
    const replay = engine.evaluate(stored!.features, engine.ruleSetFor('loan.apply').file);
    expect(replay.outcome).toBe(d.outcome);
    expect(replay.score).toBe(d.score);
    expect(replay.ruleSet).toEqual(stored!.ruleSet);
    // Newest first, by uuidv7 order.
    const listed = await engine.decisions({ limit: 3 });
    expect(listed[0].decisionId).toBe(d.record.decisionId);
    expect(listed.map((x) => x.decisionId)).toEqual([...listed.map((x) => x.decisionId)].sort().reverse());
  });

  it('a staff lockdown forces the outcome on that channel only, and lifting restores it', async () => {
    const { engine, tick } = makeEngine();
    await engine.channels.lockdown('unknown', { mode: 'reject', reason: '演练', actor: 'staff-1' });
    const locked = await engine.decide(apply('203.0.113.9'));
    expect(locked.outcome).toBe('reject');
    expect(locked.record.forcedBy).toBe('X_TEST_LOCK');
    expect(locked.customerText).toBe('当前申请渠道暂停受理，请稍后再试');
    tick(1000);
    await engine.channels.lift('unknown', { reason: '结束演练', actor: 'staff-2' });
    tick(1000);
    expect((await engine.decide(apply('203.0.113.10'))).outcome).toBe('approve');
    const kinds = (await engine.alerts({ channel: 'unknown' })).map((a) => a.kind);
    expect(kinds).toEqual(['lockdown_lifted', 'lockdown']);
  });

  it('switches to a newly activated rule set, records it, and refuses drafts and broken sets', async () => {
    const { engine } = makeEngine();
    const current = engine.ruleSetFor('loan.apply').file;
    const stricter = { ...current, version: 2, basedOn: 1, thresholds: { review: 0, reject: 80 } };
    expect(() => engine.useRuleSet({ ...stricter, status: 'draft' })).toThrow(/draft/);
    expect(() => engine.useRuleSet({ ...stricter, thresholds: { review: 90, reject: 80 } })).toThrow(/refused/);
    expect(engine.ruleSetFor('loan.apply').ref.version).toBe(1);
    const ref = engine.useRuleSet(stricter);
    const d = await engine.decide(apply('198.51.100.3'));
    expect(d.outcome).toBe('review');
    expect(d.record.ruleSet).toEqual(ref);
    expect(ref.version).toBe(2);
  });

  it('counts refused tokens per IP', async () => {
    const { engine } = makeEngine();
    await engine.recordTokenFailure({ ip: '203.0.113.50', code: 'MAC_INVALID' });
    await engine.recordTokenFailure({ ip: '203.0.113.50', code: 'REPLAY_NONCE' });
    const d = await engine.decide(apply('203.0.113.50'));
    expect(d.record.features['failures.ip1h']).toBe(2);
  });

  it('refuses a short identity key, an unknown action, two sets for one action and a clashing extra rule', () => {
    const store = createMemoryEngineStore();
    const sets = [testRuleSet({ rules: [] as never })];
    expect(() => createRiskEngine({ store, identityKey: 'short' })).toThrow(/identityKey/);
    const { engine } = makeEngine();
    return Promise.all([
      expect(engine.decide({ token: null, context: { action: 'nope', ip: '1.2.3.4', userId: 'u' } })).rejects.toThrow(
        /no rule set/,
      ),
      expect(() => createRiskEngine({ store, identityKey: KEY, ruleSets: sets })).toThrow(),
      expect(() =>
        createRiskEngine({
          store,
          identityKey: KEY,
          ruleSets: [testRuleSet(), testRuleSet({ id: 'other' })],
          extraRules: [COUNT_RULE, LOCK_RULE],
        }),
      ).toThrow(/two rule sets/),
      expect(() => createRiskEngine({ store, identityKey: KEY, extraRules: [COUNT_RULE, COUNT_RULE] })).toThrow(
        /already registered/,
      ),
    ]);
  });
});
