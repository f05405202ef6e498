/**
 * `createRiskEngine`: verified signals + server context → features → rules → an explainable,
 * recorded decision, for every application and money move; channel surge detection and lockdowns
 * on the side. Time comes only from the injected clock, state only from the injected store, so a
 * simulated day runs in seconds and several instances on one store agree.
 */
import { randomBytes } from 'node:crypto';
import type { ChannelStatus, RiskEngine, RiskEngineOptions, SurgeConfig } from './risk-engine-api';
import { evaluate } from './evaluate';
import { extractRequestFeatures } from './features/extract';
import {
  APPLY_ACTION,
  failureObservations,
  observationsFor,
  stateFeatures,
  stateQueries,
  type Subjects,
} from './features/state-features';
import { createKeyedHash, createUuidv7 } from './keyed-hash';
import { ipPrefix } from './features/ip-prefix';
import { loadRuleSet, type LoadedRuleSet } from './rule-sets/load-rule-set';
import { DEFAULT_RULE_SETS } from './rule-sets/defaults';
import { RULE_REGISTRY } from './rules';
import { createSurgeDetector, DEFAULT_SURGE_CONFIG } from './surge/surge-detector';
import type { DecisionRecord, EngineDecision, FeatureVector } from './types';

export const ENGINE_VERSION = '1.0.0';

const DAY = 86_400_000;
export const DEFAULT_IDENTITY_FIELDS = ['idNumber', 'phone', 'uscc', 'accountNo'] as const;
/** Sessions remembered per instance to tie a refused token to its device. */
const SESSION_MEMORY = 10_000;

export function createRiskEngine(opts: RiskEngineOptions): RiskEngine {
  const { store } = opts;
  const clock = opts.clock ?? Date.now;
  const hash = createKeyedHash(opts.identityKey);
  const surgeConfig: SurgeConfig = { ...DEFAULT_SURGE_CONFIG, ...opts.surge };
  const retention = { observations: 30, buckets: 30, decisions: 180, ...opts.retentionDays };
  const tz = opts.timezoneOffsetMinutes ?? 480;
  const identityFields = opts.identityFields ?? DEFAULT_IDENTITY_FIELDS;
  const newId = createUuidv7(randomBytes);
  const surge = createSurgeDetector(store, surgeConfig, newId);

  const registry = new Map(RULE_REGISTRY);
  for (const rule of opts.extraRules ?? []) {
    if (registry.has(rule.code)) throw new TypeError(`risk engine: rule ${rule.code} is already registered`);
    registry.set(rule.code, rule);
  }
  const byAction = new Map<string, LoadedRuleSet>();
  for (const raw of opts.ruleSets ?? DEFAULT_RULE_SETS) {
    const set = loadRuleSet(raw, registry);
    for (const action of set.file.actions) {
      if (byAction.has(action)) throw new TypeError(`risk engine: two rule sets decide ${action}`);
      byAction.set(action, set);
    }
  }
  const setFor = (action: string): LoadedRuleSet => {
    const set = byAction.get(action);
    if (!set) throw new TypeError(`risk engine: no rule set decides action ${action}`);
    return set;
  };

  const candidates = new WeakMap<object, LoadedRuleSet>();
  // Session id → device key, so a refused token can be charged to the device that held the session.
  const sessionDevice = new Map<string, string>();
  const rememberSession = (sid: unknown, device: string | null) => {
    if (typeof sid !== 'string' || !device) return;
    sessionDevice.delete(sid);
    sessionDevice.set(sid, device);
    if (sessionDevice.size > SESSION_MEMORY) sessionDevice.delete(sessionDevice.keys().next().value as string);
  };

  const identityHash = (kind: string, v: string | undefined) =>
    v && v.trim() ? hash(kind, v.trim().toUpperCase()) : undefined;

  async function decide(input: Parameters<RiskEngine['decide']>[0]): Promise<EngineDecision> {
    const { context, token } = input;
    const at = context.at ?? clock();
    const set = setFor(context.action);
    const request = extractRequestFeatures(token, context, { at, hash, timezoneOffsetMinutes: tz, identityFields });
    const ids = context.identities ?? {};
    const subjects: Subjects = {
      user: hash('user', context.userId),
      device: typeof request['device.key'] === 'string' ? request['device.key'] : null,
      ip: typeof request['ctx.ipKey'] === 'string' ? request['ctx.ipKey'] : null,
      subnet: typeof request['ctx.subnetKey'] === 'string' ? request['ctx.subnetKey'] : null,
      residentId: identityHash('residentId', ids.residentId),
      phone: identityHash('phone', ids.phone),
      uscc: identityHash('uscc', ids.uscc),
      account: identityHash('account', ids.account),
    };
    const channel = typeof request['ctx.channel'] === 'string' ? (request['ctx.channel'] as string) : 'unknown';
    const isApply = context.action === APPLY_ACTION;
    const decisionId = newId(at);
    rememberSession(token?.header?.sid, subjects.device);

    await store.observe(at, observationsFor(context.action, subjects, decisionId));
    const { names, queries } = stateQueries(context.action, subjects, at);
    const [counts, lockdown] = await Promise.all([
      store.countDistinct(queries),
      isApply ? surge.lockdownMode(channel, at) : Promise.resolve('none' as const),
    ]);
    const features: FeatureVector = { ...request, ...stateFeatures(names, counts), 'channel.lockdown': lockdown };
    const ev = evaluate(features, set);

    const record: DecisionRecord = {
      decisionId,
      at,
      action: context.action,
      channel,
      subjects: Object.fromEntries(Object.entries(subjects).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >,
      ruleSet: set.ref,
      engineVersion: ENGINE_VERSION,
      features,
      rules: ev.rules,
      score: ev.score,
      outcome: ev.outcome,
      ...(ev.forcedBy ? { forcedBy: ev.forcedBy } : {}),
      reasons: ev.reasons.map((r) => r.code),
      category: ev.category,
    };
    // Independent writes: the record, and the channel's bucket (+ surge test) for applications.
    const reviewAt = set.file.thresholds[set.ladder[1]];
    await Promise.all([
      store.putDecision(record),
      isApply && surge.observe(channel, at, { approved: ev.outcome === set.ladder[0], risky: ev.score >= reviewAt }),
    ]);
    return { record, outcome: ev.outcome, score: ev.score, reasons: ev.reasons, customerText: ev.customerText };
  }

  return {
    decide,

    async recordTokenFailure(f) {
      const at = f.at ?? clock();
      const device = (f.sessionId && sessionDevice.get(f.sessionId)) || null;
      // The same normalisation as the request features, so a failure and a decision count under one key.
      const ip = ipPrefix(f.ip);
      if (!ip && !device) return;
      await store.observe(at, failureObservations(ip ? hash('ip', ip.address) : null, device, newId(at)));
    },

    evaluate(features, file) {
      // A backtest replays one candidate over thousands of records: check and hash it once.
      let set = candidates.get(file);
      if (!set) candidates.set(file, (set = loadRuleSet(file, registry)));
      const { rules: _rules, forcedBy: _f, cappedFrom: _c, category: _cat, ...rest } = evaluate(features, set);
      return { ...rest, ruleSet: set.ref };
    },

    useRuleSet(file) {
      if (file.status !== 'committed')
        throw new TypeError(`risk engine: rule set ${file.id}@${file.version} is a draft`);
      const set = loadRuleSet(file, registry);
      for (const action of set.file.actions) byAction.set(action, set);
      return set.ref;
    },

    ruleSetFor(action) {
      const set = setFor(action);
      return { file: set.file, ref: set.ref };
    },

    channels: {
      status: (channel, at) => surge.status(channel, at ?? clock()),
      async list(hours = 24) {
        const at = clock();
        const names = await store.channels(at - hours * 3_600_000);
        const out: ChannelStatus[] = [];
        for (const c of names.sort()) out.push(await surge.status(c, at));
        return out;
      },
      lockdown: (channel, o) => surge.lockdown(channel, clock(), o),
      lift: (channel, o) => surge.lift(channel, clock(), o),
      series: (channel, from, to) => store.buckets(channel, from, to),
    },

    alerts: (filter = {}) => store.alerts(filter),
    decisions: (filter = {}) => store.decisions(filter),
    decision: (id) => store.getDecision(id),

    async purge() {
      const now = clock();
      await store.purge({
        observationsBefore: now - retention.observations * DAY,
        bucketsBefore: now - retention.buckets * DAY,
        decisionsBefore: now - retention.decisions * DAY,
      });
    },
  };
}
