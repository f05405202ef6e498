import { sql } from 'kysely';
import { createTestDb, dropTestDb } from '../../test/db';
import type { Db } from './connect';
import { preparedAs } from './prepared';

let db: Db & { testSchema?: string };
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => dropTestDb(db));

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe('prepared statements (db/prepared.ts)', () => {
  test('a marked statement answers like an unmarked one, with its parameters', async () => {
    for (const n of [1, 2, 3]) {
      const r = await sql<{ twice: number }>`${preparedAs('probe-twice')} select ${n}::int * 2 as twice`.execute(db);
      expect(r.rows).toEqual([{ twice: n * 2 }]);
    }
  });

  (onPostgres ? test : test.skip)(
    'on PostgreSQL a marked text is a named statement, prepared once per connection; other texts are not',
    async () => {
      // One connection for the whole check: prepared statements belong to a connection.
      const names = await db.connection().execute(async (c) => {
        for (let i = 0; i < 5; i++) await sql`${preparedAs('probe-once')} select ${i}::int as i`.execute(c);
        await sql`select 1 as unmarked`.execute(c);
        const r = await sql<{
          name: string;
          statement: string;
        }>`select name, statement from pg_prepared_statements`.execute(c);
        return r.rows;
      });
      const ours = names.filter((n) => n.statement.includes('probe-once'));
      expect(ours).toHaveLength(1);
      expect(ours[0].name).toMatch(/^probe-once-[0-9a-f]{12}$/);
      expect(names.some((n) => n.statement.includes('unmarked'))).toBe(false);
    },
  );

  test('a name outside [a-z0-9-] is refused (it becomes part of the SQL text)', () => {
    expect(() => preparedAs('x */ drop table users; /*')).toThrow(TypeError);
  });
});
