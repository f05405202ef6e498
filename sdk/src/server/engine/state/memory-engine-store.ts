/**
 * In-process `EngineStore` for one Node instance, tests and the simulator; not shared across
 * processes (use the SQL store for that). No method awaits anything before it is done, so each call
 * runs to completion on its own: that is what makes it safe under concurrent callers. Records are
 * cloned on the way in and out, so a caller can never change stored state by mutating an object.
 * Memory is bounded by `purge` (see there for what each cutoff removes).
 */
import type { DecisionRecord } from '../types';
import { DistinctLog } from './distinct-log';
import type { ChannelBucket, ChannelCondition, DecisionFilter, EngineStore, SurgeAlert } from './engine-store';
import { insertSorted, lowerBound } from './sorted-array';
import { conditionEnd, limitOf } from './store-semantics';

interface ChannelSeries {
  /** Bucket starts, ascending. */
  starts: number[];
  byStart: Map<number, ChannelBucket>;
}

/** Newest first: by time, then id (both descending), the order the SQL store uses too. */
const newestFirst = (a: { at: number; id: string }, b: { at: number; id: string }) =>
  b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function createMemoryEngineStore(): EngineStore {
  const observations = new Map<string, DistinctLog>();
  const channels = new Map<string, ChannelSeries>();
  const conditions = new Map<string, ChannelCondition>();
  const alerts = new Map<string, SurgeAlert>();
  const decisions = new Map<string, DecisionRecord>();
  /** Decision ids ascending; uuidv7 ids sort by time, so newest-first paging walks this backwards. */
  const decisionIds: string[] = [];

  const matches = (d: DecisionRecord, f: DecisionFilter) =>
    (f.since === undefined || d.at >= f.since) &&
    (f.until === undefined || d.at < f.until) &&
    (f.action === undefined || d.action === f.action) &&
    (f.channel === undefined || d.channel === f.channel) &&
    (f.outcome === undefined || d.outcome === f.outcome);

  return {
    async observe(at, entries) {
      for (const [key, member] of entries) {
        let log = observations.get(key);
        if (!log) observations.set(key, (log = new DistinctLog()));
        log.add(at, member);
      }
    },

    async countDistinct(queries) {
      return queries.map((q) => observations.get(q.key)?.countSince(q.since) ?? 0);
    },

    async bumpBucket(channel, start, delta) {
      let series = channels.get(channel);
      if (!series) channels.set(channel, (series = { starts: [], byStart: new Map() }));
      let b = series.byStart.get(start);
      if (!b) {
        b = { channel, start, applications: 0, approved: 0, risky: 0 };
        series.byStart.set(start, b);
        insertSorted(series.starts, start);
      }
      b.applications += delta.applications;
      b.approved += delta.approved;
      b.risky += delta.risky;
    },

    async buckets(channel, from, to) {
      const series = channels.get(channel);
      if (!series) return [];
      const out: ChannelBucket[] = [];
      for (let i = lowerBound(series.starts, from); i < series.starts.length && series.starts[i] < to; i++) {
        out.push({ ...series.byStart.get(series.starts[i])! });
      }
      return out;
    },

    async channels(since) {
      const out: string[] = [];
      for (const [channel, s] of channels)
        if (s.starts.length && s.starts[s.starts.length - 1] >= since) out.push(channel);
      return out.sort();
    },

    async putCondition(c) {
      conditions.set(c.id, structuredClone(c));
    },

    async conditions(channel) {
      return [...conditions.values()]
        .filter((c) => channel === null || c.channel === channel)
        .sort((a, b) => newestFirst({ at: a.from, id: a.id }, { at: b.from, id: b.id }))
        .map((c) => structuredClone(c));
    },

    async putAlert(a) {
      alerts.set(a.id, structuredClone(a));
    },

    async alerts(filter) {
      return [...alerts.values()]
        .filter(
          (a) =>
            (filter.channel === undefined || a.channel === filter.channel) &&
            (filter.since === undefined || a.at >= filter.since),
        )
        .sort(newestFirst)
        .slice(0, limitOf(filter.limit))
        .map((a) => structuredClone(a));
    },

    async putDecision(d) {
      // A decision is immutable once recorded: a repeated put (a retried write) keeps the first.
      if (decisions.has(d.decisionId)) return;
      decisions.set(d.decisionId, structuredClone(d));
      insertSorted(decisionIds, d.decisionId);
    },

    async getDecision(id) {
      const d = decisions.get(id);
      return d ? structuredClone(d) : null;
    },

    async decisions(filter) {
      const limit = limitOf(filter.limit);
      const out: DecisionRecord[] = [];
      let i = (filter.beforeId === undefined ? decisionIds.length : lowerBound(decisionIds, filter.beforeId)) - 1;
      for (; i >= 0 && out.length < limit; i--) {
        const d = decisions.get(decisionIds[i])!;
        if (matches(d, filter)) out.push(structuredClone(d));
      }
      return out;
    },

    async purge(cut) {
      for (const [key, log] of observations) if (log.purgeBefore(cut.observationsBefore)) observations.delete(key);
      for (const [channel, s] of channels) {
        const k = lowerBound(s.starts, cut.bucketsBefore);
        for (const start of s.starts.splice(0, k)) s.byStart.delete(start);
        if (!s.starts.length) channels.delete(channel);
      }
      let kept = 0;
      for (const id of decisionIds) {
        if (decisions.get(id)!.at < cut.decisionsBefore) decisions.delete(id);
        else decisionIds[kept++] = id;
      }
      decisionIds.length = kept;
      for (const [id, a] of alerts) if (a.at < cut.decisionsBefore) alerts.delete(id);
      for (const [id, c] of conditions) if ((conditionEnd(c) ?? Infinity) < cut.decisionsBefore) conditions.delete(id);
    },
  };
}
