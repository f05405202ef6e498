import { randomUUID } from 'node:crypto';
import type {
  ChannelCondition,
  DecisionRecord,
  EngineDecision,
  EngineInput,
  Outcome,
  RiskEngine,
} from '@lingjie/risk-sdk/engine';

/**
 * A scripted risk engine for route tests: `outcomes[action]` is what `decide` answers (default
 * approve / allow), every input and token failure is kept for assertions, and decisions are
 * retrievable by id. The real engine's rules have their own tests in the SDK.
 */
export interface FakeEngine extends RiskEngine {
  outcomes: Record<string, Outcome>;
  inputs: EngineInput[];
  failures: Array<{ ip: string; code: string; sessionId?: string }>;
}

const FIRST: Record<string, Outcome> = { 'loan.apply': 'approve' };

export function fakeEngine(outcomes: Record<string, Outcome> = {}): FakeEngine {
  const records = new Map<string, DecisionRecord>();
  const conditions: ChannelCondition[] = [];
  const unused = () => Promise.reject(new Error('fake engine: not scripted'));
  const engine: FakeEngine = {
    outcomes: { ...outcomes },
    inputs: [],
    failures: [],
    async decide(input): Promise<EngineDecision> {
      engine.inputs.push(input);
      const action = input.context.action;
      const outcome = engine.outcomes[action] ?? FIRST[action] ?? 'allow';
      const hit = outcome !== (FIRST[action] ?? 'allow');
      const reasons = hit
        ? [{ code: 'FAKE_RISK', weight: 60, text: `测试规则命中：${outcome}`, category: 'device' as const }]
        : [];
      const record: DecisionRecord = {
        decisionId: randomUUID(),
        at: Date.now(),
        action,
        channel: 'organic',
        subjects: {},
        ruleSet: { id: 'fake', version: 1, hash: 'x' },
        engineVersion: 'fake',
        features: {},
        rules: [],
        score: hit ? 60 : 0,
        outcome,
        reasons: reasons.map((r) => r.code),
        category: hit ? 'device' : null,
      };
      records.set(record.decisionId, record);
      return { record, outcome, score: record.score, reasons, customerText: hit ? '本次申请环境存在安全风险' : null };
    },
    async recordTokenFailure(f) {
      engine.failures.push({ ip: f.ip, code: f.code, ...(f.sessionId ? { sessionId: f.sessionId } : {}) });
    },
    evaluate: () => {
      throw new Error('fake engine: not scripted');
    },
    ruleSetFor: () => {
      throw new Error('fake engine: not scripted');
    },
    useRuleSet: () => {
      throw new Error('fake engine: not scripted');
    },
    channels: {
      status: unused,
      list: async () => [],
      async lockdown(channel, opts) {
        const c: ChannelCondition = {
          id: randomUUID(),
          channel,
          mode: opts.mode,
          from: Date.now(),
          until: opts.minutes ? Date.now() + opts.minutes * 60_000 : null,
          reason: opts.reason,
          setBy: 'staff',
          actor: opts.actor,
        };
        conditions.push(c);
        return c;
      },
      lift: async () => [],
      series: async () => [],
    },
    alerts: async () => [],
    decisions: async () => [...records.values()].reverse(),
    decision: async (id) => records.get(id) ?? null,
    purge: async () => undefined,
  };
  return engine;
}
