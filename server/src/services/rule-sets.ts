import type { FastifyBaseLogger } from 'fastify';
import {
  DEFAULT_RULE_SETS,
  loadRuleSet,
  RULE_REGISTRY,
  RuleSetError,
  ruleSetHash,
  type RiskEngine,
  type RuleSetFile,
} from '@lingjie/risk-sdk/engine';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import type { RuleSetVersionsTable } from '../db/types';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { isoTime } from '../time';

/**
 * Versioned rule sets (Marble's iterations, Tazama's immutable configs): every set the engine ran or
 * a supervisor uploaded is a row in `rule_set_versions` (never changed), and the publication log
 * `rule_set_publications` says which version was made live when, by whom, on whose proposal. The
 * engine is told with `useRuleSet` at start-up, on activation, and by a periodic sync (another
 * instance may have activated a version).
 */
export interface RuleSetDeps {
  db: Db;
  clock: Clock;
  engine: RiskEngine;
  log: FastifyBaseLogger;
}

type VersionRow = Pick<
  RuleSetVersionsTable,
  'id' | 'rule_set_id' | 'version' | 'hash' | 'file' | 'source' | 'note' | 'created_by'
> & { created_at: Date };

const SYSTEM = 'system';

/** The sets the engine is running now, one per rule-set id (found through the actions they decide). */
export function engineRuleSets(engine: RiskEngine, extra: readonly RuleSetFile[] = []): RuleSetFile[] {
  const actions = new Set([...DEFAULT_RULE_SETS, ...extra].flatMap((f) => f.actions));
  const byId = new Map<string, RuleSetFile>();
  for (const action of actions) {
    try {
      const { file } = engine.ruleSetFor(action);
      byId.set(file.id, file);
    } catch {
      // An engine without a set for this action (a scripted test engine): nothing to register.
    }
  }
  return [...byId.values()];
}

async function versionByHash(db: Db, id: string, hash: string) {
  return db
    .selectFrom('rule_set_versions')
    .selectAll()
    .where('rule_set_id', '=', id)
    .where('hash', '=', hash)
    .executeTakeFirst();
}

async function insertVersion(
  db: Db,
  clock: Clock,
  file: RuleSetFile,
  meta: { source: VersionRow['source']; createdBy: string; note?: string | null },
) {
  const hash = ruleSetHash(file);
  await db
    .insertInto('rule_set_versions')
    .values({
      id: newId('rsv'),
      rule_set_id: file.id,
      version: file.version,
      hash,
      file: JSON.stringify(file),
      source: meta.source,
      note: meta.note ?? null,
      created_by: meta.createdBy,
      created_at: clock.now(),
    })
    .onConflict((oc) => oc.columns(['rule_set_id', 'hash']).doNothing())
    .execute();
  const row = await versionByHash(db, file.id, hash);
  if (!row) throw new Error(`rule set ${file.id}@${file.version}: version row missing after insert`);
  return row;
}

async function publish(
  db: Db,
  clock: Clock,
  p: {
    ruleSetId: string;
    versionId: string;
    event: 'activated' | 'proposed' | 'approved' | 'rejected' | 'withdrawn';
    actor: string;
    reason: string | null;
    requestId?: string;
  },
) {
  await db
    .insertInto('rule_set_publications')
    .values({
      rule_set_id: p.ruleSetId,
      version_id: p.versionId,
      event: p.event,
      actor: p.actor,
      reason: p.reason,
      request_id: p.requestId ?? null,
      at: clock.now(),
    })
    .execute();
}

/** The version live for each rule set: the target of its latest `activated` publication. */
async function activeVersions(db: Db): Promise<Map<string, VersionRow & { since: Date; by: string }>> {
  const rows = await db
    .selectFrom('rule_set_publications as p')
    .innerJoin('rule_set_versions as v', 'v.id', 'p.version_id')
    .select([
      'v.id',
      'v.rule_set_id',
      'v.version',
      'v.hash',
      'v.file',
      'v.source',
      'v.note',
      'v.created_by',
      'v.created_at',
      'p.at as since',
      'p.actor as by',
      'p.seq',
    ])
    .where('p.event', '=', 'activated')
    .orderBy('p.seq', 'asc')
    .execute();
  const out = new Map<string, VersionRow & { since: Date; by: string }>();
  for (const r of rows) out.set(r.rule_set_id, r);
  return out;
}

/** Makes the engine run the stored active version of each set where it runs something else. */
export async function applyActiveRuleSets(deps: RuleSetDeps): Promise<void> {
  for (const [id, v] of await activeVersions(deps.db)) {
    const file = JSON.parse(v.file) as RuleSetFile;
    const running = file.actions.map((a) => {
      try {
        return deps.engine.ruleSetFor(a).ref.hash;
      } catch {
        return null;
      }
    });
    if (running.every((h) => h === v.hash)) continue;
    try {
      deps.engine.useRuleSet(file);
      deps.log.info({ ruleSet: id, version: v.version }, 'rule sets: applied the active version');
    } catch (err) {
      deps.log.error({ err, ruleSet: id, version: v.version }, 'rule sets: the active version does not load');
    }
  }
}

/**
 * At start-up: record the sets the engine starts with. A start-up set is activated when nothing was
 * activated before, when the live version was itself a start-up set (the shipped files changed:
 * what the program ships is what it runs), or when it has a higher version than a live console
 * activation (a new release supersedes it; code review was its second pair of eyes). Otherwise the
 * version a supervisor activated in the console stays live across restarts.
 */
export async function registerRuleSets(deps: RuleSetDeps, startUp: readonly RuleSetFile[]): Promise<void> {
  const active = await activeVersions(deps.db);
  for (const file of startUp) {
    const row = await insertVersion(deps.db, deps.clock, file, { source: 'start-up', createdBy: SYSTEM });
    const live = active.get(file.id);
    if (live?.hash === row.hash) continue;
    if (!live || live.source === 'start-up' || file.version > live.version) {
      await publish(deps.db, deps.clock, {
        ruleSetId: file.id,
        versionId: row.id,
        event: 'activated',
        actor: SYSTEM,
        reason: live ? '随程序发布的规则集' : '启动时生效的规则集',
      });
    }
  }
  await applyActiveRuleSets(deps);
}

/**
 * Checks an uploaded candidate with the engine's `loadRuleSet` and the bank's own rules (committed,
 * a known set, the same actions, a new version number, new content). Every problem is returned.
 */
export async function validateCandidate(
  deps: RuleSetDeps,
  raw: unknown,
): Promise<{ file: RuleSetFile; problems: string[] }> {
  const problems: string[] = [];
  try {
    loadRuleSet(raw, RULE_REGISTRY);
  } catch (e) {
    if (!(e instanceof RuleSetError)) throw e;
    problems.push(...e.problems);
  }
  const file = raw as RuleSetFile;
  if (!file || typeof file !== 'object' || typeof file.id !== 'string') return { file, problems };
  if (file.status !== 'committed') problems.push('status: 上传的候选版本须为 committed（已提交的版本不可再修改）');
  const live = (await activeVersions(deps.db)).get(file.id);
  if (!live) {
    problems.push(`id: 未知的规则集 ${file.id}（只能上传已有规则集的新版本）`);
    return { file, problems };
  }
  const liveFile = JSON.parse(live.file) as RuleSetFile;
  if (Array.isArray(file.actions) && [...file.actions].sort().join() !== [...liveFile.actions].sort().join())
    problems.push(`actions: 须与当前版本一致（${liveFile.actions.join(', ')}）`);
  const versions = await deps.db
    .selectFrom('rule_set_versions')
    .select(['version', 'hash'])
    .where('rule_set_id', '=', file.id)
    .execute();
  const maxVersion = Math.max(0, ...versions.map((v) => v.version));
  if (typeof file.version === 'number' && file.version <= maxVersion)
    problems.push(`version: 须大于已有的最高版本 ${maxVersion}`);
  if (file.basedOn !== undefined && !versions.some((v) => v.version === file.basedOn))
    problems.push(`basedOn: 不存在的版本 ${file.basedOn}`);
  if (problems.length === 0) {
    const same = versions.find((v) => v.hash === ruleSetHash(file));
    if (same) problems.push(`内容与已有版本 v${same.version} 完全相同`);
  }
  return { file, problems };
}

export async function uploadCandidate(deps: RuleSetDeps, raw: unknown, actor: string, note: string | null) {
  const { file, problems } = await validateCandidate(deps, raw);
  if (problems.length)
    throw new AppError(
      422,
      'RULE_SET_INVALID',
      `规则集未通过校验（${problems.length} 个问题）`,
      'file',
      undefined,
      problems,
    );
  const row = await insertVersion(deps.db, deps.clock, file, { source: 'upload', createdBy: actor, note });
  return versionView(row, null);
}

export function versionView(v: VersionRow, activeId: string | null) {
  return {
    versionId: v.id,
    ruleSetId: v.rule_set_id,
    version: v.version,
    hash: v.hash,
    source: v.source,
    note: v.note,
    createdBy: v.created_by,
    createdAt: isoTime(v.created_at),
    active: v.id === activeId,
  };
}

export async function getVersion(db: Db, versionId: string) {
  const v = await db.selectFrom('rule_set_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
  if (!v) throw notFound('规则集版本');
  return v;
}

function requestView(r: {
  id: string;
  rule_set_id: string;
  version_id: string;
  backtest_id: string;
  status: string;
  proposed_by: string;
  proposed_at: Date;
  reason: string;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
}) {
  return {
    requestId: r.id,
    ruleSetId: r.rule_set_id,
    versionId: r.version_id,
    backtestId: r.backtest_id,
    status: r.status,
    proposedBy: r.proposed_by,
    proposedAt: isoTime(r.proposed_at),
    reason: r.reason,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at ? isoTime(r.decided_at) : null,
    decisionReason: r.decision_reason,
  };
}

/** Every rule set: its actions, the live version, all versions, the pending request and the publication log. */
export async function ruleSetsOverview(db: Db) {
  const active = await activeVersions(db);
  const versions = await db
    .selectFrom('rule_set_versions')
    .selectAll()
    .orderBy('version', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const counts = await db
    .selectFrom('rule_backtests')
    .select(['version_id', db.fn.countAll<number>().as('n')])
    .groupBy('version_id')
    .execute();
  const pending = await db.selectFrom('rule_set_requests').selectAll().where('status', '=', 'pending').execute();
  const log = await db
    .selectFrom('rule_set_publications as p')
    .innerJoin('rule_set_versions as v', 'v.id', 'p.version_id')
    .select([
      'p.seq',
      'p.rule_set_id',
      'p.version_id',
      'v.version',
      'p.event',
      'p.actor',
      'p.reason',
      'p.request_id',
      'p.at',
    ])
    .orderBy('p.seq', 'desc')
    .limit(500)
    .execute();
  return [...active.values()]
    .sort((a, b) => a.rule_set_id.localeCompare(b.rule_set_id))
    .map((live) => ({
      ruleSetId: live.rule_set_id,
      actions: (JSON.parse(live.file) as RuleSetFile).actions,
      active: { ...versionView(live, live.id), since: isoTime(live.since), activatedBy: live.by },
      versions: versions
        .filter((v) => v.rule_set_id === live.rule_set_id)
        .map((v) => ({
          ...versionView(v, live.id),
          backtests: Number(counts.find((c) => c.version_id === v.id)?.n ?? 0),
        })),
      pending: pending.filter((r) => r.rule_set_id === live.rule_set_id).map(requestView)[0] ?? null,
      history: log
        .filter((p) => p.rule_set_id === live.rule_set_id)
        .slice(0, 50)
        .map((p) => ({
          seq: Number(p.seq),
          versionId: p.version_id,
          version: p.version,
          event: p.event,
          actor: p.actor,
          reason: p.reason,
          requestId: p.request_id,
          at: isoTime(p.at),
        })),
    }));
}

export async function versionDetail(db: Db, versionId: string) {
  const v = await getVersion(db, versionId);
  const active = (await activeVersions(db)).get(v.rule_set_id);
  const backtests = await db
    .selectFrom('rule_backtests')
    .select(['id', 'from_at', 'to_at', 'run_by', 'run_at', 'summary'])
    .where('version_id', '=', versionId)
    .orderBy('run_at', 'desc')
    .limit(20)
    .execute();
  const requests = await db
    .selectFrom('rule_set_requests')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('proposed_at', 'desc')
    .execute();
  return {
    ...versionView(v, active?.id ?? null),
    file: JSON.parse(v.file) as Record<string, unknown>,
    backtests: backtests.map((b) => {
      const s = JSON.parse(b.summary) as { scanned: number; changed: number };
      return {
        backtestId: b.id,
        from: isoTime(b.from_at),
        to: isoTime(b.to_at),
        runBy: b.run_by,
        runAt: isoTime(b.run_at),
        scanned: s.scanned,
        changed: s.changed,
      };
    }),
    requests: requests.map(requestView),
  };
}

/** A supervisor asks for a version to go live, pointing at the backtest that shows what it changes. */
export async function proposeActivation(
  deps: RuleSetDeps,
  versionId: string,
  input: { backtestId: string; reason: string },
  actor: string,
) {
  const v = await getVersion(deps.db, versionId);
  const live = (await activeVersions(deps.db)).get(v.rule_set_id);
  if (live?.id === v.id) throw new AppError(409, 'ALREADY_ACTIVE', '该版本已在生效中');
  const bt = await deps.db
    .selectFrom('rule_backtests')
    .select('id')
    .where('id', '=', input.backtestId)
    .where('version_id', '=', versionId)
    .executeTakeFirst();
  if (!bt) throw new AppError(409, 'BACKTEST_REQUIRED', '请先对该版本回测，并以回测结果提交生效申请', 'backtestId');
  const open = await deps.db
    .selectFrom('rule_set_requests')
    .select('id')
    .where('rule_set_id', '=', v.rule_set_id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (open) throw new AppError(409, 'REQUEST_PENDING', '该规则集已有待审批的生效申请，请先处理');
  const id = newId('rsr');
  const now = deps.clock.now();
  const row = await deps.db
    .insertInto('rule_set_requests')
    .values({
      id,
      rule_set_id: v.rule_set_id,
      version_id: v.id,
      backtest_id: input.backtestId,
      status: 'pending',
      proposed_by: actor,
      proposed_at: now,
      reason: input.reason,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await publish(deps.db, deps.clock, {
    ruleSetId: v.rule_set_id,
    versionId: v.id,
    event: 'proposed',
    actor,
    reason: input.reason,
    requestId: id,
  });
  return requestView(row);
}

/**
 * Four eyes: a second supervisor approves (the version is checked by the engine and made live at
 * once, then logged) or rejects. The proposer cannot decide their own request.
 */
export async function decideActivation(
  deps: RuleSetDeps,
  requestId: string,
  verdict: 'approved' | 'rejected',
  actor: string,
  reason: string,
) {
  const req = await deps.db.selectFrom('rule_set_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  if (!req) throw notFound('生效申请');
  if (req.status !== 'pending') throw new AppError(409, 'REQUEST_DECIDED', '该申请已处理');
  if (req.proposed_by === actor)
    throw new AppError(403, 'FOUR_EYES', '规则集生效须由另一位主管审批（不能审批自己提交的申请）');
  const v = await getVersion(deps.db, req.version_id);
  if (verdict === 'approved') {
    try {
      deps.engine.useRuleSet(JSON.parse(v.file) as RuleSetFile);
    } catch (e) {
      const problems = e instanceof RuleSetError ? e.problems : [String((e as Error).message)];
      throw new AppError(422, 'RULE_SET_INVALID', '引擎拒绝加载该版本', undefined, undefined, problems);
    }
  }
  const row = await deps.db
    .updateTable('rule_set_requests')
    .set({ status: verdict, decided_by: actor, decided_at: deps.clock.now(), decision_reason: reason })
    .where('id', '=', requestId)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError(409, 'REQUEST_DECIDED', '该申请已处理');
  await publish(deps.db, deps.clock, {
    ruleSetId: v.rule_set_id,
    versionId: v.id,
    event: verdict,
    actor,
    reason,
    requestId,
  });
  if (verdict === 'approved')
    await publish(deps.db, deps.clock, {
      ruleSetId: v.rule_set_id,
      versionId: v.id,
      event: 'activated',
      actor,
      reason: `${req.proposed_by} 提交，${actor} 审批：${req.reason}`,
      requestId,
    });
  return requestView(row);
}
