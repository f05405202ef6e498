import { sql, type Transaction } from 'kysely';
import type { Db } from './connect';
import type { Database } from './types';

/**
 * Runs `work` with a Db that is one open transaction: everything it writes commits together or not
 * at all. Code under `work` may open its own transactions (`db.transaction().execute(…)`, as the
 * services do); those become savepoints inside the outer one, so a failed inner step rolls back
 * only itself, as it would on its own. For sequential multi-step jobs such as the demo seed, which
 * drives the whole app through `inject` and must never leave half its data behind.
 */
export async function inOneTransaction<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(nestable(trx)));
}

function nestable(trx: Transaction<Database>): Db {
  let savepoints = 0;
  const nested = {
    execute: async <R>(fn: (db: Db) => Promise<R>): Promise<R> => {
      const name = sql.raw(`nested_${++savepoints}`);
      await sql`savepoint ${name}`.execute(trx);
      try {
        const result = await fn(proxy);
        await sql`release savepoint ${name}`.execute(trx);
        return result;
      } catch (err) {
        await sql`rollback to savepoint ${name}`.execute(trx);
        throw err;
      }
    },
  };
  const proxy: Db = new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => nested;
      // The outer transaction owns the connection; whoever holds this Db must not end it.
      if (prop === 'destroy') return async () => undefined;
      // Kysely keeps its state in #private fields: call methods on the real object, not the proxy.
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return proxy;
}
