import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { AppDeps } from '../deps';
import type { Database } from '../db/types';
import { AppError } from '../errors';
import { sha256Hex } from '../ids';
import { requireActionToken } from '../risk/gate';
import { screenMoneyMove, type MoneyMove } from './money-risk';

export type Trx = Transaction<Database>;

interface Options<P> {
  /** The route's name in the key record (a key may not be reused on another route). */
  route: string;
  /** SDK action the X-Risk-Token must be sealed for. */
  action: string;
  /** Money-moving routes demand a key; others use one when given. */
  keyRequired: boolean;
  /**
   * A money move: the risk engine screens it after the token check and before the work (see
   * money-risk.ts). Returns what the engine should know (amount, receiving account).
   */
  money?: () => Promise<MoneyMove>;
  /** The action may come without a token (repayment: paying back is always possible). */
  tokenOptional?: boolean;
  /**
   * Work done after the checks and before the transaction, its result handed to `work` (an
   * application's decision: the risk engine writes through its own store, outside the transaction).
   */
  prepare?: () => Promise<P>;
}

/**
 * Runs a state-changing request at most once per (user, Idempotency-Key):
 * 1. a finished key replays its stored answer (before the risk token is checked, so a client that
 *    retries with the very same token still gets its result instead of REPLAY_NONCE);
 * 2. otherwise the risk token is verified, a money move is screened by the risk engine (which may
 *    answer step-up / hold / block instead), and the key row is inserted in the same transaction as
 *    the work. On one instance, duplicates of a key queue before the checks and replay the first's
 *    answer; across instances a concurrent request with the same key blocks on the key's primary
 *    key until the first commits, then finds the row and replays it; money moves once. If the work fails, the
 *    transaction (key included) rolls back and a retry runs afresh.
 */
export async function runOnce<T, P = undefined>(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: Options<P>,
  work: (trx: Trx, prepared: P) => Promise<T>,
): Promise<T> {
  const raw = request.headers['idempotency-key'];
  const key = typeof raw === 'string' ? raw : undefined;
  if (!key && opts.keyRequired) {
    throw new AppError(428, 'IDEMPOTENCY_KEY_REQUIRED', '缺少防重复提交标识（Idempotency-Key），请更新小程序后重试');
  }
  if (!key) return runChecked(deps, request, reply, opts, work, undefined);
  // Duplicates of one key on this instance wait for the first and replay its answer: a double tap
  // is one movement to the risk engine too (screened in parallel, each copy would count against
  // the account's velocity and could block the owner's own retry).
  return oneAtATime(`${request.userId}\n${key}`, () => runChecked(deps, request, reply, opts, work, key));
}

const inFlight = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const before = inFlight.get(id) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const settled = run.catch(() => undefined);
  inFlight.set(id, settled);
  try {
    return await run;
  } finally {
    if (inFlight.get(id) === settled) inFlight.delete(id);
  }
}

async function runChecked<T, P>(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: Options<P>,
  work: (trx: Trx, prepared: P) => Promise<T>,
  key: string | undefined,
): Promise<T> {
  const userId = request.userId;
  const hash = sha256Hex(
    JSON.stringify({ route: opts.route, params: request.params ?? {}, body: request.body ?? null }),
  );

  const replay = (row: { route: string; request_hash: string; response: unknown }) => {
    if (row.route !== opts.route || row.request_hash !== hash) {
      throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该防重复提交标识已用于其他请求，请刷新后重试');
    }
    reply.header('idempotent-replayed', 'true');
    return row.response as T;
  };

  if (key) {
    const done = await deps.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .where('status_code', 'is not', null)
      .executeTakeFirst();
    if (done) return replay(done);
  }

  await requireActionToken(deps, request, opts.action, { optional: opts.tokenOptional });
  if (opts.money) await screenMoneyMove(deps, request, opts.action, await opts.money(), hash);
  const prepared = (opts.prepare ? await opts.prepare() : undefined) as P;

  if (!key) return deps.db.transaction().execute((trx) => work(trx, prepared));
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({
        user_id: userId,
        key,
        route: opts.route,
        request_hash: hash,
        status_code: null,
        response: null,
        created_at: deps.clock.now(),
      })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const row = await trx
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      return replay(row);
    }
    const result = await work(trx, prepared);
    await trx
      .updateTable('idempotency_keys')
      .set({ status_code: 200, response: JSON.stringify(result) })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .execute();
    return result;
  });
}
