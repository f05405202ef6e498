import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DecisionFeed, FeedItem } from './decision-feed';
import { isoTime } from '../time';

/** A console that stops reading is dropped once this much is queued for it. */
const MAX_BUFFERED = 1 << 20;
const HEARTBEAT_MS = 15_000;

export interface StreamFilter {
  kind?: 'application' | 'money';
  action?: string;
  channel?: string;
  outcome?: string;
}

/** The row the console shows for a decision (the full record is one GET away). */
export function streamRow({ record: r, kind }: FeedItem) {
  return {
    decisionId: r.decisionId,
    at: isoTime(r.at),
    kind,
    action: r.action,
    channel: r.channel,
    outcome: r.outcome,
    score: r.score,
    reasons: r.reasons,
    category: r.category,
    ...(r.forcedBy ? { forcedBy: r.forcedBy } : {}),
    ruleSet: { id: r.ruleSet.id, version: r.ruleSet.version },
  };
}

const matches = (f: StreamFilter, { record: r, kind }: FeedItem) =>
  (!f.kind || f.kind === kind) &&
  (!f.action || f.action === r.action) &&
  (!f.channel || f.channel === r.channel) &&
  (!f.outcome || f.outcome === r.outcome);

/**
 * Serves Server-Sent Events subscribers (call at route registration): `decision` events from the
 * feed that pass each subscriber's filter, a heartbeat comment, and an end when the client goes,
 * falls too far behind, or the server closes.
 */
export function decisionStreamer(app: FastifyInstance, feed: DecisionFeed) {
  const streams = new Set<() => void>();
  // Before the server stops accepting, so close() does not wait for subscribers that never leave.
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
  });
  return (request: FastifyRequest, reply: FastifyReply, filter: StreamFilter): void => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });
    res.write('retry: 3000\n: connected\n\n');
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      unsubscribe();
      clearInterval(heartbeat);
      streams.delete(end);
      res.end();
    };
    const unsubscribe = feed.subscribe((item) => {
      if (ended || !matches(filter, item)) return;
      res.write(`id: ${item.record.decisionId}\nevent: decision\ndata: ${JSON.stringify(streamRow(item))}\n\n`);
      if (res.writableLength > MAX_BUFFERED) end();
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    streams.add(end);
    request.raw.on('close', end);
  };
}
