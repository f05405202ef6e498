import fc from 'fast-check';
import { evaluate, fillText } from './evaluate';
import { loadRuleSet, RuleSetError } from './rule-sets/load-rule-set';
import { TEST_REGISTRY, testRuleSet } from './test-rules';

const load = (over = {}) => loadRuleSet(testRuleSet(over), TEST_REGISTRY);

describe('evaluate', () => {
  it.each([
    [0, 'approve', 0, []],
    [4, 'approve', 0, []],
    [5, 'review', 40, ['TEST_COUNT']],
    [12, 'reject', 80, ['TEST_COUNT']],
  ])('ip count %i → %s (score %i)', (n, outcome, score, reasons) => {
    const e = evaluate({ 'velocity.ipApps1h': n, 'channel.lockdown': 'none' }, load());
    expect(e.outcome).toBe(outcome);
    expect(e.score).toBe(score);
    expect(e.reasons.map((r) => r.code)).toEqual(reasons);
    expect(e.category).toBe(reasons.length ? 'velocity' : null);
    expect(e.customerText === null).toBe(reasons.length === 0);
  });

  it('fills the staff text from value and evidence', () => {
    const e = evaluate({ 'velocity.ipApps1h': 12, 'channel.lockdown': 'none' }, load());
    expect(e.reasons[0].text).toBe('同一IP申请12次（值12）');
    expect(fillText('{value} {missing}', null, {})).toBe('— {missing}');
  });

  it('a forced outcome beats a lower score and comes first among the reasons', () => {
    const e = evaluate({ 'velocity.ipApps1h': 6, 'channel.lockdown': 'reject' }, load());
    expect(e.outcome).toBe('reject');
    expect(e.forcedBy).toBe('TEST_LOCK');
    expect(e.reasons.map((r) => r.code)).toEqual(['TEST_LOCK', 'TEST_COUNT']);
    expect(e.category).toBe('channel');
  });

  it('a forced review does not soften a score that rejects', () => {
    const e = evaluate({ 'velocity.ipApps1h': 20, 'channel.lockdown': 'review' }, load());
    expect(e.outcome).toBe('reject');
    expect(e.forcedBy).toBeUndefined();
  });

  it('maxOutcome caps the outcome and records it', () => {
    const e = evaluate({ 'velocity.ipApps1h': 20, 'channel.lockdown': 'reject' }, load({ maxOutcome: 'review' }));
    expect(e.outcome).toBe('review');
    expect(e.cappedFrom).toBe('reject');
  });

  it('a missing feature is an exit, a throwing rule an error result — never a missing result', () => {
    const set = loadRuleSet(
      testRuleSet({
        rules: [
          ...testRuleSet().rules,
          {
            code: 'TEST_THROWS',
            ruleVersion: 1,
            enabled: true,
            params: {},
            bands: [{ ref: 'b0', weight: 50, text: 'x' }],
          },
        ],
      }),
      TEST_REGISTRY,
    );
    const e = evaluate({ 'channel.lockdown': 'none' }, set);
    expect(e.rules.map((r) => [r.code, r.status])).toEqual([
      ['TEST_COUNT', 'exit'],
      ['TEST_LOCK', 'no_hit'],
      ['TEST_THROWS', 'error'],
    ]);
    expect(e.rules[2].exit).toBe('boom');
    expect(e.outcome).toBe('approve');
  });

  it('is deterministic: the same features and rule set give the same evaluation', () => {
    const set = load();
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -5, max: 100 }), { nil: null }),
        fc.constantFrom('none', 'review', 'reject', 'junk', null),
        (n, lock) => {
          const f = { 'velocity.ipApps1h': n, 'channel.lockdown': lock };
          expect(evaluate(f, set)).toEqual(evaluate({ ...f }, load()));
        },
      ),
    );
  });
});

describe('loadRuleSet', () => {
  const refused = (over: object) => {
    try {
      loadRuleSet({ ...testRuleSet(), ...over }, TEST_REGISTRY);
    } catch (e) {
      expect(e).toBeInstanceOf(RuleSetError);
      return (e as RuleSetError).problems.join('\n');
    }
    throw new Error('accepted');
  };
  const rule0 = testRuleSet().rules[0];

  it('accepts the test set and pins its hash to the content, not the formatting', () => {
    const a = load();
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const reordered = reverseKeys(testRuleSet());
    expect(loadRuleSet(reordered, TEST_REGISTRY).ref.hash).toBe(a.ref.hash);
    expect(a.ref).toMatchObject({ id: 'test.apply', version: 1 });
    expect(load({ version: 2 }).ref.hash).not.toBe(a.ref.hash);
  });

  it.each([
    ['an unknown code', { rules: [{ ...rule0, code: 'NOPE' }] }, 'unknown rule code'],
    ['a logic version mismatch', { rules: [{ ...rule0, ruleVersion: 1 }] }, 'logic version'],
    ['bad params', { rules: [{ ...rule0, params: { scale: 'x' } }] }, 'params'],
    [
      'overlapping bands',
      {
        rules: [
          {
            ...rule0,
            bands: [
              { ref: 'a', below: 5, weight: 0, text: 't' },
              { ref: 'b', below: 3, weight: 1, text: 't' },
              { ref: 'c', weight: 2, text: 't' },
            ],
          },
        ],
      },
      'overlap',
    ],
    [
      'a last band with below',
      { rules: [{ ...rule0, bands: [{ ref: 'a', below: 5, weight: 0, text: 't' }] }] },
      'last band',
    ],
    [
      'a gap: middle band without below',
      {
        rules: [
          {
            ...rule0,
            bands: [
              { ref: 'a', weight: 0, text: 't' },
              { ref: 'b', weight: 1, text: 't' },
            ],
          },
        ],
      },
      'only the last band',
    ],
    ['thresholds not climbing', { thresholds: { review: 80, reject: 40 } }, 'above the previous'],
    ['a threshold off the ladder', { thresholds: { review: 40, reject: 80, block: 90 } }, 'not on the ladder'],
    [
      'a force off the ladder',
      { rules: [{ ...rule0, bands: [{ ref: 'a', weight: 0, force: 'block', text: 't' }] }] },
      'force block',
    ],
    ['a duplicate rule', { rules: [rule0, rule0] }, 'listed twice'],
    ['a schema violation', { outcomes: ['approve', 'reject'] }, '/outcomes'],
  ])('refuses %s', (_name, over, message) => {
    expect(refused(over)).toContain(message);
  });
});
