import type pg from 'pg';

/** The stable code and zh-CN message of every answer given while the database cannot be reached. */
export const DB_UNAVAILABLE = { code: 'DB_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } as const;

/** Seconds a client is asked to wait before retrying (Retry-After); a restart or failover takes a few. */
export const DB_RETRY_AFTER_S = 5;

// Socket-level failures: the server is down, restarting, unreachable, or dropped the connection.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

// SQLSTATEs meaning "this connection or server is gone, not your query": class 08 (connection
// exception), 57P01 admin_shutdown (pg_terminate_backend, fast shutdown), 57P02 crash_shutdown,
// 57P03 cannot_connect_now (starting up / shutting down), 53300 too_many_connections.
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// node-postgres reports a dropped or unusable connection with plain Errors and no code.
const PG_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
  'Connection ended unexpectedly',
];

/**
 * True when `err` says the database cannot be reached right now (as opposed to a bad query or a
 * constraint): the request may be retried once the database is back, so the answer is a 503.
 */
export function isDbUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08'))) {
      return true;
    }
    if (typeof message === 'string' && PG_MESSAGES.some((m) => message.startsWith(m))) return true;
    // AggregateError (a host with several addresses, all refusing) and `cause` chains.
    const inner = (e as { errors?: unknown[] }).errors?.[0] ?? (e as { cause?: unknown }).cause;
    e = inner;
  }
  return false;
}

export type ConnectionErrorListener = (err: Error) => void;

/**
 * Keeps a pg pool's connection failures from killing the process. node-postgres emits `error` on
 * the pool when an idle connection dies (a restart, a failover, pg_terminate_backend), and on a
 * checked-out client that dies between queries (e.g. inside a transaction while the app computes);
 * an `error` event nobody listens to is thrown by Node and exits the process. With listeners, the
 * dead client is dropped on release (pg-pool discards unqueryable clients), the request that held
 * it fails with a connection error (→ 503), and the next checkout opens a fresh connection: the
 * pool recovers by itself when the database is back.
 */
export function guardPool(pool: pg.Pool, onError: ConnectionErrorListener): void {
  pool.on('error', (err) => onError(err));
  pool.on('connect', (client) => {
    client.on('error', (err) => onError(err));
  });
}

/**
 * The default listener: one line on stderr per burst of failures (a restart drops every pooled
 * connection at once), with the error's code and message only — no query text, no parameters.
 */
export function stderrConnectionLog(
  now: () => number = Date.now,
  what: 'database' | 'redis' = 'database',
): ConnectionErrorListener {
  let last = -Infinity;
  return (err) => {
    const t = now();
    if (t - last < 5_000) return;
    last = t;
    const code = (err as { code?: string }).code;
    process.stderr.write(`${what} connection lost (${code ?? 'no code'}: ${err.message}); will reconnect\n`);
  };
}
