import type { DecisionRecord, RiskEngine, RuleSetFile } from '@lingjie/risk-sdk/engine';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { isoTime } from '../time';
import { getVersion } from './rule-sets';

/** A backtest reads at most this many recorded decisions (newest first) and says when it stopped. */
export const BACKTEST_MAX_DECISIONS = 20_000;
const PAGE = 1000;
const MAX_PERIOD_MS = 31 * 86_400_000;
const EXAMPLES = 20;

export interface BacktestSummary {
  candidate: { id: string; version: number; hash: string };
  /** The version live when the backtest ran (the recorded outcomes may come from earlier ones). */
  baseline: { id: string; version: number; hash: string } | null;
  from: string;
  to: string;
  scanned: number;
  /** True when the period held more than BACKTEST_MAX_DECISIONS decisions (the newest were used). */
  truncated: boolean;
  changed: number;
  /** Which rule-set versions made the recorded decisions. */
  recordedBy: Array<{ version: number; hash: string; count: number }>;
  /** Outcome matrix: recorded outcome → candidate outcome, with counts (zero cells omitted). */
  matrix: Array<{ from: string; to: string; count: number }>;
  /** Per reason code: decisions it was hit in, recorded and replayed, and changed decisions it is part of. */
  byReason: Array<{ code: string; hitsBefore: number; hitsAfter: number; changed: number }>;
  /** Per channel: decisions, changed, and those given the ladder's first outcome (approve/allow) before and after. */
  byChannel: Array<{ channel: string; total: number; changed: number; passedBefore: number; passedAfter: number }>;
  /** Up to 20 changed decisions, newest first. */
  examples: Array<{
    decisionId: string;
    at: string;
    channel: string;
    before: { outcome: string; score: number; reasons: string[] };
    after: { outcome: string; score: number; reasons: string[] };
  }>;
}

const bump = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

/**
 * Replays a candidate rule set over the feature vectors the engine recorded (never recomputed:
 * velocity windows are what they were) and compares with the recorded outcomes. Pure apart from
 * reading decisions; `evaluate` neither reads nor writes engine state.
 */
export async function replay(
  engine: RiskEngine,
  candidate: RuleSetFile,
  period: { from: number; to: number },
): Promise<Omit<BacktestSummary, 'baseline' | 'from' | 'to'>> {
  const matrix = new Map<string, number>();
  const reasons = new Map<string, { hitsBefore: number; hitsAfter: number; changed: number }>();
  const channels = new Map<string, { total: number; changed: number; passedBefore: number; passedAfter: number }>();
  const recordedBy = new Map<string, { version: number; hash: string; count: number }>();
  const examples: BacktestSummary['examples'] = [];
  const pass = candidate.outcomes[0];
  let scanned = 0;
  let changed = 0;
  let truncated = false;
  let ref = { id: candidate.id, version: candidate.version, hash: '' };

  const reasonOf = (code: string) => {
    let r = reasons.get(code);
    if (!r) reasons.set(code, (r = { hitsBefore: 0, hitsAfter: 0, changed: 0 }));
    return r;
  };
  const visit = (d: DecisionRecord) => {
    const ev = engine.evaluate(d.features, candidate);
    ref = ev.ruleSet;
    const after = ev.reasons.map((r) => r.code);
    const isChanged = ev.outcome !== d.outcome;
    scanned++;
    if (isChanged) changed++;
    bump(matrix, `${d.outcome}→${ev.outcome}`);
    for (const c of d.reasons) reasonOf(c).hitsBefore++;
    for (const c of after) reasonOf(c).hitsAfter++;
    if (isChanged) for (const c of new Set([...d.reasons, ...after])) reasonOf(c).changed++;
    let ch = channels.get(d.channel);
    if (!ch) channels.set(d.channel, (ch = { total: 0, changed: 0, passedBefore: 0, passedAfter: 0 }));
    ch.total++;
    if (isChanged) ch.changed++;
    if (d.outcome === pass) ch.passedBefore++;
    if (ev.outcome === pass) ch.passedAfter++;
    const key = `${d.ruleSet.version}#${d.ruleSet.hash}`;
    const rb = recordedBy.get(key) ?? { version: d.ruleSet.version, hash: d.ruleSet.hash, count: 0 };
    rb.count++;
    recordedBy.set(key, rb);
    if (isChanged && examples.length < EXAMPLES)
      examples.push({
        decisionId: d.decisionId,
        at: isoTime(d.at),
        channel: d.channel,
        before: { outcome: d.outcome, score: d.score, reasons: d.reasons },
        after: { outcome: ev.outcome, score: ev.score, reasons: after },
      });
  };

  for (const action of candidate.actions) {
    let beforeId: string | undefined;
    for (;;) {
      const page = await engine.decisions({ action, since: period.from, until: period.to, limit: PAGE, beforeId });
      for (const d of page) {
        if (scanned >= BACKTEST_MAX_DECISIONS) {
          truncated = true;
          break;
        }
        visit(d);
      }
      if (truncated || page.length < PAGE) break;
      beforeId = page[page.length - 1].decisionId;
    }
  }
  return {
    candidate: ref.hash ? ref : { ...ref, hash: '' },
    scanned,
    truncated,
    changed,
    recordedBy: [...recordedBy.values()].sort((a, b) => b.count - a.count),
    matrix: [...matrix].map(([k, count]) => {
      const [from, to] = k.split('→');
      return { from, to, count };
    }),
    byReason: [...reasons]
      .map(([code, r]) => ({ code, ...r }))
      .sort((a, b) => b.changed - a.changed || b.hitsAfter - a.hitsAfter || a.code.localeCompare(b.code)),
    byChannel: [...channels].map(([channel, c]) => ({ channel, ...c })).sort((a, b) => b.total - a.total),
    examples,
  };
}

/** Runs and stores a backtest of a stored version over [from, to]. */
export async function runBacktest(
  deps: { db: Db; clock: Clock; engine: RiskEngine },
  versionId: string,
  period: { from: number; to: number },
  actor: string,
) {
  if (!(period.from < period.to)) throw new AppError(400, 'TIME_RANGE_INVALID', '开始时间须早于结束时间', 'from');
  if (period.to - period.from > MAX_PERIOD_MS)
    throw new AppError(400, 'TIME_RANGE_TOO_LONG', '回测时间范围最长 31 天', 'from');
  const v = await getVersion(deps.db, versionId);
  const candidate = JSON.parse(v.file) as RuleSetFile;
  let baseline: BacktestSummary['baseline'] = null;
  try {
    baseline = deps.engine.ruleSetFor(candidate.actions[0]).ref;
  } catch {
    baseline = null;
  }
  const result = await replay(deps.engine, candidate, period);
  const summary: BacktestSummary = {
    ...result,
    candidate: { id: candidate.id, version: candidate.version, hash: v.hash },
    baseline,
    from: isoTime(period.from),
    to: isoTime(period.to),
  };
  const id = newId('bkt');
  const now = deps.clock.now();
  await deps.db
    .insertInto('rule_backtests')
    .values({
      id,
      version_id: versionId,
      from_at: new Date(period.from),
      to_at: new Date(period.to),
      run_by: actor,
      run_at: now,
      summary: JSON.stringify(summary),
    })
    .execute();
  return { backtestId: id, versionId, runBy: actor, runAt: isoTime(now), summary };
}

export async function getBacktest(db: Db, id: string) {
  const b = await db.selectFrom('rule_backtests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw notFound('回测');
  return {
    backtestId: b.id,
    versionId: b.version_id,
    runBy: b.run_by,
    runAt: isoTime(b.run_at),
    summary: JSON.parse(b.summary) as BacktestSummary,
  };
}
