import type { EngineDecision, Outcome } from '@lingjie/risk-sdk/engine';
import { json, startTestApp, TEST_ID, TEST_USCC } from '../../../test/helpers';
import { onboard, sealedPost } from '../../../test/flows';
import { fakeEngine } from '../../../test/fake-engine';
import { riskKeys } from '../../../test/risk-device';
import { combineDecisions, createRiskUnderwriter } from './risk-underwriter';
import type { Decision, UnderwritingInput } from './underwriter';

const OFFER = { limitFen: 10_000_000, annualRate: '0.0435' };
const approve: Decision = { decision: 'approve', reasons: [], category: null, offer: OFFER };
const review: Decision = {
  decision: 'review',
  reasons: [{ code: 'ENTERPRISE_YOUNG', detail: '8 months' }],
  category: '需要进一步核实部分信息',
};
const reject: Decision = {
  decision: 'reject',
  reasons: [{ code: 'REVENUE_TOO_LOW', detail: 'limit 0' }],
  category: '企业经营情况暂不满足本产品要求',
};

function engineSays(outcome: Outcome, hit = outcome !== 'approve'): EngineDecision {
  const reasons = hit
    ? [{ code: 'DEVICE_EMULATOR', weight: 80, text: '模拟器：abi x86_64', category: 'device' as const }]
    : [];
  return {
    outcome,
    score: hit ? 80 : 0,
    reasons,
    customerText: hit ? '本次申请环境存在安全风险' : null,
    record: { decisionId: 'dec-1' } as EngineDecision['record'],
  };
}

describe('combineDecisions: the more severe side decides', () => {
  test('both approve: the credit offer, engine decision id kept', () => {
    expect(combineDecisions(approve, engineSays('approve'))).toEqual({ ...approve, riskDecisionId: 'dec-1' });
  });

  test('the engine rejects an approvable application: its reasons first, its plain category, no offer', () => {
    const d = combineDecisions(approve, engineSays('reject'));
    expect(d).toEqual({
      decision: 'reject',
      reasons: [{ code: 'DEVICE_EMULATOR', detail: '模拟器：abi x86_64' }],
      category: '本次申请环境存在安全风险',
      riskDecisionId: 'dec-1',
    });
  });

  test('the credit policy rejects, the engine reviews: the credit category, reasons from both', () => {
    const d = combineDecisions(reject, engineSays('review'));
    expect(d.decision).toBe('reject');
    expect(d.category).toBe(reject.category);
    expect(d.reasons.map((r) => r.code)).toEqual(['REVENUE_TOO_LOW', 'DEVICE_EMULATOR']);
  });

  test('a tie goes to the credit policy (its reasons are the plainer explanation)', () => {
    const d = combineDecisions(review, engineSays('review'));
    expect(d.category).toBe(review.category);
    expect(d.reasons[0].code).toBe('ENTERPRISE_YOUNG');
  });

  test('a forced engine outcome without a hit still has a customer category', () => {
    const d = combineDecisions(approve, { ...engineSays('review', false), outcome: 'review' });
    expect(d.category).toBe('需要进一步核实部分信息');
  });

  test('a money outcome for an application is a bug, not a decision', () => {
    expect(() => combineDecisions(approve, engineSays('block'))).toThrow(TypeError);
  });
});

test('the engine gets the identities in clear, the facts the bank knows about them, the IP, the user and the amount', async () => {
  const engine = fakeEngine();
  const input: UnderwritingInput = {
    application: { amountFen: 5_000_000, termMonths: 12, method: 'EQUAL_INSTALMENT', purpose: 'WORKING_CAPITAL' },
    customer: { idNumber: TEST_ID, name: '张三', faceVerified: true, phone: '13900001111' },
    enterprise: {
      uscc: TEST_USCC,
      registrationDate: '2019-05-20',
      annualRevenueFen: 500_000_000,
      employees: 12,
      industry: '批发零售',
      applicantRole: 'legal_rep',
    },
    risk: null,
    context: { ip: '203.0.113.9', userId: 'usr_x', today: '2026-03-01' },
  };
  const d = await createRiskUnderwriter({ engine }).decide(input);
  expect(d.decision).toBe('approve');
  expect(engine.inputs[0]).toEqual({
    token: null,
    context: {
      action: 'loan.apply',
      ip: '203.0.113.9',
      userId: 'usr_x',
      amountFen: 5_000_000,
      identities: { residentId: TEST_ID, uscc: TEST_USCC, phone: '13900001111' },
      identityFacts: { usccSharedWithOtherCustomer: false },
    },
  });
});

test('over HTTP: an engine rejection is the application decision, its id stored with the application', async () => {
  const engine = fakeEngine({ 'loan.apply': 'reject' });
  const t = await startTestApp({ riskKeys, engine });
  try {
    const u = await onboard(t.app, t.clock);
    const r = await sealedPost(t.app, u, '/api/applications', 'loan.apply', {
      enterpriseId: u.enterpriseId,
      amountFen: 10_000_000,
      termMonths: 12,
      method: 'EQUAL_INSTALMENT',
      purpose: 'WORKING_CAPITAL',
    });
    expect(json(r)).toMatchObject({
      status: 'rejected',
      decision: { reasonCodes: ['FAKE_RISK'], category: '本次申请环境存在安全风险' },
      offer: null,
    });
    const row = await t.db
      .selectFrom('applications')
      .select('risk_decision_id')
      .where('id', '=', json(r).id)
      .executeTakeFirstOrThrow();
    const [newest] = await engine.decisions();
    expect(newest.action).toBe('loan.apply');
    expect(row.risk_decision_id).toBe(newest.decisionId);
    const applyInput = engine.inputs.find((i) => i.context.action === 'loan.apply');
    expect(applyInput?.context.identities).toEqual({ residentId: u.idNumber, uscc: u.uscc, phone: u.phone });
    expect(applyInput?.context.ip).toBe(u.ip);
    expect(applyInput?.token?.header).toMatchObject({ act: 'loan.apply' });
  } finally {
    await t.close();
  }
});
