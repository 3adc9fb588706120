import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { withStatementTimeout } from '../../server/db/statement-timeout.js';
import { openTestDatabase } from '../support/test-database.js';

/**
 * An analysis whose client went away sends nothing more to the database, on both databases
 * (the server also cancels the statement running then: tests/analysis/bounded-cost.test.ts).
 */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

it('sends no statement once the signal has fired, and none at all when it fired before', async () => {
  const gone = new AbortController();
  const sent: number[] = [];
  const work = withStatementTimeout(
    db,
    10_000,
    async (q) => {
      sent.push((await q.query<{ n: number }>('SELECT 1 AS n'))[0]!.n);
      gone.abort();
      sent.push((await q.query<{ n: number }>('SELECT 2 AS n'))[0]!.n);
    },
    gone.signal,
  );
  await expect(work).rejects.toThrow(/abort/i);
  expect(sent).toEqual([1]);

  let ran = false;
  await expect(withStatementTimeout(db, 10_000, async () => (ran = true), gone.signal)).rejects.toThrow(/abort/i);
  expect(ran).toBe(false);
  // The database answers as before.
  expect((await db.query<{ n: number }>('SELECT 3 AS n'))[0]!.n).toBe(3);
});
