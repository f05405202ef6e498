import { sql } from 'kysely';
import type { Db } from '../db/connect';
import {
  conditionEnd,
  limitOf,
  type ChannelCondition,
  type DecisionRecord,
  type EngineStore,
  type SurgeAlert,
} from '@lingjie/risk-sdk/engine';

/**
 * The risk engine's state in SQL (migration 002), shared by every server process on one database;
 * the same statements run on PGlite and PostgreSQL. Concurrency rests on single statements:
 * observations are appended (no read-modify-write), bucket bumps are one upsert that adds to the
 * row, and a distinct count reads committed rows only. Every engine decision asks about a dozen
 * counts, so `countDistinct` answers all of them in one round trip. Records are stored whole as
 * `json` and come back exactly as written (see the migration).
 */
export function createSqlEngineStore(db: Db): EngineStore {
  return {
    async observe(at, entries) {
      if (!entries.length) return;
      await db
        .insertInto('engine_observations')
        .values(entries.map(([key, member]) => ({ key, member, at })))
        .execute();
    },

    async countDistinct(queries) {
      if (!queries.length) return [];
      // Two array parameters whatever the number of queries: the statement text stays the same, so
      // PostgreSQL can reuse its plan; each lateral count is a range scan of the (key, at, member) index.
      const r = await sql<{ n: number }>`
        select (select count(distinct o.member) from engine_observations o
                where o.key = q.key and o.at >= q.since)::int as n
        from unnest(${queries.map((q) => q.key)}::text[], ${queries.map((q) => q.since)}::bigint[])
          with ordinality as q(key, since, i)
        order by q.i`.execute(db);
      return r.rows.map((row) => row.n);
    },

    async bumpBucket(channel, start, d) {
      await db
        .insertInto('engine_channel_buckets')
        .values({ channel, start_at: start, applications: d.applications, approved: d.approved, risky: d.risky })
        .onConflict((oc) =>
          oc.columns(['channel', 'start_at']).doUpdateSet((eb) => ({
            applications: eb('engine_channel_buckets.applications', '+', eb.ref('excluded.applications')),
            approved: eb('engine_channel_buckets.approved', '+', eb.ref('excluded.approved')),
            risky: eb('engine_channel_buckets.risky', '+', eb.ref('excluded.risky')),
          })),
        )
        .execute();
    },

    async buckets(channel, from, to) {
      const rows = await db
        .selectFrom('engine_channel_buckets')
        .select(['channel', 'start_at', 'applications', 'approved', 'risky'])
        .where('channel', '=', channel)
        .where('start_at', '>=', from)
        .where('start_at', '<', to)
        .orderBy('start_at')
        .execute();
      return rows.map(({ start_at, ...b }) => ({ ...b, start: start_at }));
    },

    async channels(since) {
      const rows = await db
        .selectFrom('engine_channel_buckets')
        .select('channel')
        .distinct()
        .where('start_at', '>=', since)
        .orderBy('channel')
        .execute();
      return rows.map((r) => r.channel);
    },

    async putCondition(c) {
      const row = { channel: c.channel, from_at: c.from, ended_at: conditionEnd(c), record: JSON.stringify(c) };
      await db
        .insertInto('engine_channel_conditions')
        .values({ id: c.id, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    },

    async conditions(channel) {
      let q = db.selectFrom('engine_channel_conditions').select('record');
      if (channel !== null) q = q.where('channel', '=', channel);
      const rows = await q.orderBy('from_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map((r) => r.record as unknown as ChannelCondition);
    },

    async putAlert(a) {
      const row = { channel: a.channel, at: a.at, kind: a.kind, record: JSON.stringify(a) };
      await db
        .insertInto('engine_surge_alerts')
        .values({ id: a.id, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    },

    async alerts(filter) {
      let q = db.selectFrom('engine_surge_alerts').select('record');
      if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
      if (filter.since !== undefined) q = q.where('at', '>=', filter.since);
      const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limitOf(filter.limit)).execute();
      return rows.map((r) => r.record as unknown as SurgeAlert);
    },

    async putDecision(d) {
      await db
        .insertInto('engine_decisions')
        .values({
          decision_id: d.decisionId,
          at: d.at,
          action: d.action,
          channel: d.channel,
          outcome: d.outcome,
          score: d.score,
          rule_set_id: d.ruleSet.id,
          rule_set_version: d.ruleSet.version,
          reasons: JSON.stringify(d.reasons),
          record: JSON.stringify(d),
        })
        // A decision is immutable once recorded: a repeated put (a retried write) keeps the first.
        .onConflict((oc) => oc.column('decision_id').doNothing())
        .execute();
    },

    async getDecision(id) {
      const r = await db
        .selectFrom('engine_decisions')
        .select('record')
        .where('decision_id', '=', id)
        .executeTakeFirst();
      return r ? (r.record as unknown as DecisionRecord) : null;
    },

    async decisions(f) {
      let q = db.selectFrom('engine_decisions').select('record');
      if (f.since !== undefined) q = q.where('at', '>=', f.since);
      if (f.until !== undefined) q = q.where('at', '<', f.until);
      if (f.action !== undefined) q = q.where('action', '=', f.action);
      if (f.channel !== undefined) q = q.where('channel', '=', f.channel);
      if (f.outcome !== undefined) q = q.where('outcome', '=', f.outcome);
      if (f.beforeId !== undefined) q = q.where('decision_id', '<', f.beforeId);
      const rows = await q.orderBy('decision_id', 'desc').limit(limitOf(f.limit)).execute();
      return rows.map((r) => r.record as unknown as DecisionRecord);
    },

    async purge(cut) {
      await db.deleteFrom('engine_observations').where('at', '<', cut.observationsBefore).execute();
      await db.deleteFrom('engine_channel_buckets').where('start_at', '<', cut.bucketsBefore).execute();
      await db.deleteFrom('engine_decisions').where('at', '<', cut.decisionsBefore).execute();
      await db.deleteFrom('engine_surge_alerts').where('at', '<', cut.decisionsBefore).execute();
      // Open conditions (ended_at null) are never purged.
      await db.deleteFrom('engine_channel_conditions').where('ended_at', '<', cut.decisionsBefore).execute();
    },
  };
}
