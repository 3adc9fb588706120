import { afterAll, beforeAll, expect, it } from 'vitest';
import { keptByDataVersion } from '../../server/analysis/kept-by-data-version.js';
import type { Database, Queryable } from '../../server/db/database.js';
import { openTestDatabase } from '../support/test-database.js';

/**
 * Answers kept until the data changes (the timelines), computed once for callers who ask at
 * once: a caller who waited on another's computing computes its own when that one was stopped
 * because its client went away, and shares any other failure.
 */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

/** A computing that starts, then waits to be told how to end. */
function held() {
  let started!: () => void;
  let end!: (outcome: Error) => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const ended = new Promise<Error>((resolve) => (end = resolve));
  const compute = async (): Promise<{ by: string }> => {
    started();
    throw await ended;
  };
  return { running, end, compute };
}

/** The test database, saying when a caller has read the data version through it; a turn later that caller has asked the cache. */
function watched(): { db: Queryable; asked: Promise<void> } {
  let read!: () => void;
  const done = new Promise<void>((resolve) => (read = resolve));
  return {
    db: {
      query: async (sql, params) => {
        const rows = await db.query(sql, params);
        read();
        return rows as never;
      },
      exec: (sql) => db.exec(sql),
    },
    asked: done.then(() => new Promise<void>((resolve) => setImmediate(resolve))),
  };
}

/** A first caller's computing, held; a second caller who asks meanwhile and has joined it; then the first's end. */
async function joinedThenEnded(key: string, outcome: Error) {
  const kept = keptByDataVersion<{ by: string }>(4);
  const first = held();
  const firstAnswer = kept(db, key, first.compute);
  await first.running;
  let computedBySecond = 0;
  const second = watched();
  const secondAnswer = kept(second.db, key, async () => ({ by: `second ${++computedBySecond}` }));
  await second.asked;
  first.end(outcome);
  return { kept, firstAnswer, secondAnswer, computedBySecond: () => computedBySecond };
}

it('computes again for a caller who waited on a computing stopped because its own client went away', async () => {
  const { kept, firstAnswer, secondAnswer } = await joinedThenEnded('timeline a', new DOMException('the client went away', 'AbortError'));
  await expect(firstAnswer).rejects.toThrow('the client went away');
  expect(await secondAnswer).toEqual({ by: 'second 1' });
  // Kept for the next caller.
  expect(await kept.kept(db, 'timeline a')).toEqual({ by: 'second 1' });
});

it('shares any other failure with the callers who waited, without computing again', async () => {
  const { firstAnswer, secondAnswer, computedBySecond } = await joinedThenEnded('timeline b', new Error('a fault in the analysis'));
  await expect(firstAnswer).rejects.toThrow('a fault in the analysis');
  await expect(secondAnswer).rejects.toThrow('a fault in the analysis');
  expect(computedBySecond()).toBe(0);
});
