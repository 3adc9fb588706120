import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, Queryable } from '../../server/db/database.js';
import { DataVersionWatch, readDataVersion } from '../../server/db/data-version.js';
import { openPostgres } from '../../server/db/postgres.js';
import { openTestDatabase, withDatabase } from '../support/test-database.js';

/**
 * The data version (migration 007) that tiles' ETags and kept analyses hang on: on the server
 * each instance hears of a new one (migration 013) rather than reading it before every tile,
 * and must never answer with an old one after a write it made or heard of.
 */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const addSite = (on: Queryable, name: string) => on.query(`INSERT INTO sites (name, geom) VALUES ($1, ST_SetSRID(ST_MakePoint(28.8, -2.05), 4326))`, [name]);

/** `db`, counting the statements sent through it. */
function counting(on: Queryable): Queryable & { sent: number } {
  const counted = {
    sent: 0,
    query: async <Row>(sql: string, params?: readonly unknown[]) => {
      counted.sent++;
      return on.query<Row>(sql, params);
    },
    exec: (sql: string) => on.exec(sql),
  };
  return counted;
}

it('is read anew after every write, on both databases', async () => {
  const seen = [await readDataVersion(db.reads)];
  for (let i = 0; i < 20; i++) {
    await addSite(db, `site ${i}`);
    seen.push(await readDataVersion(db.reads));
  }
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
});

describe('a watch', () => {
  it('reads the version while nothing listens, and keeps it while a listener hears nothing', async () => {
    const watch = new DataVersionWatch();
    const on = counting(db);
    const first = await watch.read(on);
    await watch.read(on);
    expect(on.sent).toBe(2);

    watch.listens();
    await watch.read(on);
    expect(await watch.read(on)).toBe(first);
    expect(on.sent).toBe(3);

    await addSite(db, 'changed');
    watch.changed();
    expect(await watch.read(on)).toBeGreaterThan(first);
    expect(on.sent).toBe(4);

    // The last listener gone, a notification could be missed: read each time until one listens again.
    watch.stoppedListening();
    await watch.read(on);
    await watch.read(on);
    expect(on.sent).toBe(6);
  });

  it('does not keep a version read while a notification came', async () => {
    const watch = new DataVersionWatch();
    watch.listens();
    const on = counting(db);
    const before = await watch.read(on);
    watch.changed();
    const reading = watch.read(on);
    // Heard while that read was under way: what it read may predate the write.
    watch.changed();
    expect(await reading).toBe(before);
    await watch.read(on);
    expect(on.sent).toBe(3);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('on the server, between instances', () => {
  let other: Database;
  beforeAll(async () => {
    const [row] = await db.query<{ name: string }>('SELECT current_database() AS name');
    other = openPostgres(withDatabase(process.env.DATABASE_URL!, row!.name));
  });
  afterAll(() => other?.close());

  it('hears of another instance’s write, reading the version only then', async () => {
    // The first read opens the connection that starts listening; the second keeps what it reads.
    await readDataVersion(db.reads);
    const before = await readDataVersion(db.reads);
    const query = vi.spyOn(db.reads, 'query');
    try {
      expect(await readDataVersion(db.reads)).toBe(before);
      expect(query).not.toHaveBeenCalled();

      await addSite(other, 'written elsewhere');
      await vi.waitFor(async () => expect(await readDataVersion(db.reads)).toBeGreaterThan(before));
      expect(query).toHaveBeenCalled();
      // Kept again once every listening connection has told: a read then sends nothing.
      await vi.waitFor(async () => {
        const sent = query.mock.calls.length;
        await readDataVersion(db.reads);
        expect(query.mock.calls.length).toBe(sent);
      });
    } finally {
      query.mockRestore();
    }
  });

  it('hears of a restore’s own write of the version, not only of the data', async () => {
    const before = await readDataVersion(db.reads);
    await other.query('UPDATE data_version SET version = version + 100');
    await vi.waitFor(async () => expect(await readDataVersion(db.reads)).toBe(before + 100));
  });
});
