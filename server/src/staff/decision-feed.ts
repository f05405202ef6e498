import type { FastifyBaseLogger } from 'fastify';
import type { DecisionRecord, RiskEngine } from '@lingjie/risk-sdk/engine';
import type { Db } from '../db/connect';

/** What the live stream sends for each decision (the console's row), and whose it was. */
export interface FeedItem {
  record: DecisionRecord;
  /** `application` for loan.apply, `money` for the money moves. */
  kind: 'application' | 'money';
  /** Made by another instance and relayed here (decision-relay.ts), so not announced again. */
  relayed?: true;
}

type Listener = (item: FeedItem) => void;

/**
 * In-process fan-out of the engine's decisions to the live stream (SSE): the decisions this
 * instance made, and on PostgreSQL those the other instances made (decision-relay.ts). Listeners
 * must not throw (one slow console never blocks a decision: they only queue).
 */
export class DecisionFeed {
  private listeners = new Set<Listener>();

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get size(): number {
    return this.listeners.size;
  }

  publish(item: FeedItem): void {
    for (const fn of this.listeners) fn(item);
  }
}

/**
 * The bank's engine as the app uses it: every decision is also linked to the customer (and device)
 * it was about — the engine keeps only keyed hashes, the console's decision page needs the person
 * (masked) — and published to the live feed. Linking is best effort: a failure is logged, never
 * fails the decision.
 */
export function observeDecisions(
  engine: RiskEngine,
  opts: { db: Db; feed: DecisionFeed; log: () => FastifyBaseLogger },
): RiskEngine {
  return {
    ...engine,
    async decide(input) {
      const decision = await engine.decide(input);
      const r = decision.record;
      try {
        await opts.db
          .insertInto('decision_customers')
          .values({
            decision_id: r.decisionId,
            user_id: input.context.userId,
            device: r.subjects.device ?? null,
            action: r.action,
            channel: r.channel,
            outcome: r.outcome,
            at: r.at,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      } catch (err) {
        opts.log().warn({ err, decisionId: r.decisionId }, 'decision feed: could not link the customer');
      }
      opts.feed.publish({ record: r, kind: r.action === 'loan.apply' ? 'application' : 'money' });
      return decision;
    },
  };
}
