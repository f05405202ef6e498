import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type pg from 'pg';

/**
 * Named prepared statements for the hot paths (issue #11 point 2).
 *
 * Kysely sends every query through node-postgres' unnamed statement, so PostgreSQL parses and plans
 * it on every call. For the token claim and the telemetry insert — one constant SQL text each,
 * executed thousands of times a second — planning cost more than executing (on this machine:
 * EXPLAIN ANALYZE of an 8-claim statement planned in 0.76–0.82 ms and ran in 1.5 ms; pgbench of
 * one claim refused as rewound, i.e. without a commit, 1.23 ms unprepared, 0.46 ms prepared; a
 * committed claim one at a time from the bank 3.2 → 1.8 ms). A statement opts in
 * by starting with `preparedAs(name)`; the pool then sends it as a named statement, which each
 * connection parses once and PostgreSQL's plan cache keeps (re-planned by PostgreSQL itself after
 * a schema change). Only constant texts may opt in: each distinct text is one prepared statement
 * per connection for the connection's lifetime. PGlite ignores the marker (a comment).
 */
const MARK = '/* prepared:';

/** The opening comment that marks a statement for preparation, e.g. ``sql`${preparedAs('x')} select …` ``. */
export function preparedAs(name: string): RawBuilder<unknown> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new TypeError(`preparedAs: bad name ${name}`);
  return sql.raw(`${MARK}${name} */`);
}

/** The statement name for a marked text: its name plus a hash, so two texts can never share one. */
function statementName(text: string): string {
  const name = text.slice(MARK.length, text.indexOf(' */'));
  return `${name}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

/** Makes every connection of `pool` send marked statements as named (prepared) ones. */
export function prepareMarkedStatements(pool: pg.Pool): void {
  // Marked texts only (a few constants): every other text passes through untouched and unremembered.
  const names = new Map<string, string>();
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
      if (typeof text !== 'string' || !text.startsWith(MARK)) return query(text, values, callback);
      let name = names.get(text);
      if (name === undefined) names.set(text, (name = statementName(text)));
      return query({ name, text, values }, callback);
    }) as typeof client.query;
  });
}
