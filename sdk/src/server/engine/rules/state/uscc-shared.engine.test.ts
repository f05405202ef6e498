import { createRiskEngine } from '../../risk-engine';
import { createMemoryEngineStore } from '../../state/memory-engine-store';

/** The shipped loan.apply set reads the bank's identity facts: a USCC claimed from another customer goes to review. */
describe('USCC_SHARED in the shipped loan.apply rule set', () => {
  const engine = createRiskEngine({
    store: createMemoryEngineStore(),
    clock: () => Date.UTC(2026, 11, 1, 6, 0),
    identityKey: 'test-identity-key-0123456789',
  });
  const apply = (userId: string, usccSharedWithOtherCustomer?: boolean) =>
    engine.decide({
      token: null,
      context: {
        action: 'loan.apply',
        ip: '203.0.113.7',
        userId,
        identities: { residentId: '110105198506150014', uscc: '91350100M000100Y43' },
        ...(usccSharedWithOtherCustomer === undefined ? {} : { identityFacts: { usccSharedWithOtherCustomer } }),
      },
    });

  it('the fact reaches the feature vector, the rule hits with its reason code and forces review', async () => {
    const d = await apply('u1', true);
    expect(d.record.features['identity.usccSharedWithOtherCustomer']).toBe(true);
    expect(d.record.rules.find((r) => r.code === 'USCC_SHARED')).toMatchObject({ status: 'hit', value: 1 });
    expect(d.reasons.map((r) => r.code)).toEqual(['USCC_SHARED']);
    expect(d).toMatchObject({ outcome: 'review', record: { forcedBy: 'USCC_SHARED' } });
  });

  it('no hit for the sole holder, an exit when the bank says nothing', async () => {
    const sole = await apply('u2', false);
    expect(sole.record.rules.find((r) => r.code === 'USCC_SHARED')).toMatchObject({ status: 'no_hit' });
    expect(sole.outcome).toBe('approve');
    const silent = await apply('u3');
    expect(silent.record.features['identity.usccSharedWithOtherCustomer']).toBeNull();
    expect(silent.record.rules.find((r) => r.code === 'USCC_SHARED')).toMatchObject({ status: 'exit' });
  });
});
