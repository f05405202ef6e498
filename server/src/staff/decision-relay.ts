import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type pg from 'pg';
import type { RiskEngine } from '@lingjie/risk-sdk/engine';
import { ownConnections, type Db } from '../db/connect';
import type { DecisionFeed, FeedItem } from './decision-feed';

/** At most this many decision ids per NOTIFY (PostgreSQL caps a payload at 8000 bytes). */
const MAX_IDS = 150;
/** Decisions are announced in batches gathered for this long: one NOTIFY per burst, not per decision. */
const FLUSH_MS = 20;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

interface Announcement {
  /** The announcing instance (each skips its own). */
  i: string;
  /** Decision ids, in the order they were made there. */
  d: string[];
}

export interface DecisionRelay {
  close(): Promise<void>;
}

/**
 * The console's live stream across instances: each bank instance announces the decisions it makes
 * on a PostgreSQL channel (LISTEN/NOTIFY, ids only — the records are in the engine's store), and
 * delivers to its own stream subscribers the decisions the others announce, read back from the
 * store. A console connected to any instance behind a balancer sees every decision.
 * PGlite is one process, so there is nothing to relay (returns null). The listening connection is
 * reopened after a database outage; decisions announced while it was away are not replayed (the
 * console's list reloads from the store; the stream is a live view, not a log).
 */
export function relayDecisions(opts: {
  db: Db;
  engine: RiskEngine;
  feed: DecisionFeed;
  log: () => FastifyBaseLogger;
}): DecisionRelay | null {
  const connections = ownConnections(opts.db);
  if (!connections) return null;
  // One channel per schema: instances of one bank share it, test suites on one server do not.
  const channel = `lj_decisions_${connections.schema}`.toLowerCase().slice(0, 63);
  const self = randomBytes(8).toString('hex');
  let closed = false;
  let listener: pg.Client | null = null;
  let retryMs = RECONNECT_MIN_MS;
  let retryTimer: NodeJS.Timeout | null = null;

  // Outgoing: ids of this instance's decisions, flushed in small batches.
  const queued: string[] = [];
  let flushTimer: NodeJS.Timeout | null = null;
  const flush = () => {
    flushTimer = null;
    while (queued.length) {
      const payload: Announcement = { i: self, d: queued.splice(0, MAX_IDS) };
      sql`select pg_notify(${channel}, ${JSON.stringify(payload)})`
        .execute(opts.db)
        .catch((err: unknown) => opts.log().debug({ err }, 'decision relay: announce failed'));
    }
  };
  const unsubscribe = opts.feed.subscribe((item: FeedItem) => {
    if (item.relayed || closed) return;
    queued.push(item.record.decisionId);
    if (queued.length >= MAX_IDS) flush();
    else flushTimer ??= setTimeout(flush, FLUSH_MS);
  });

  // Incoming: other instances' decisions, read from the store and delivered locally, in order.
  let delivering = Promise.resolve();
  const receive = (payload: string | undefined) => {
    let a: Announcement;
    try {
      a = JSON.parse(payload ?? '') as Announcement;
    } catch {
      return;
    }
    if (a.i === self || !Array.isArray(a.d)) return;
    delivering = delivering.then(async () => {
      for (const id of a.d) {
        const record = await opts.engine.decision(String(id)).catch(() => null);
        if (record && !closed) {
          opts.feed.publish({ record, kind: record.action === 'loan.apply' ? 'application' : 'money', relayed: true });
        }
      }
    });
  };

  const listen = async () => {
    retryTimer = null;
    if (closed) return;
    const client = connections.open('relay');
    const lost = (err?: unknown) => {
      if (listener !== client) return;
      listener = null;
      void client.end().catch(() => undefined);
      if (closed) return;
      opts.log().warn({ err }, 'decision relay: listening connection lost, reconnecting');
      retryTimer = setTimeout(() => void listen(), retryMs);
      retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
    };
    listener = client;
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (n) => receive(n.payload));
    try {
      await client.connect();
      await client.query(`listen "${channel}"`);
      retryMs = RECONNECT_MIN_MS;
    } catch (err) {
      lost(err);
    }
  };
  const ready = listen();

  return {
    async close() {
      closed = true;
      unsubscribe();
      if (flushTimer) clearTimeout(flushTimer);
      if (retryTimer) clearTimeout(retryTimer);
      await ready;
      const c = listener;
      listener = null;
      await c?.end().catch(() => undefined);
      await delivering;
    },
  };
}
