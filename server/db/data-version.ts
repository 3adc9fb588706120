import type { Queryable } from './database.js';

/** Where migration 013 says that the data version changed. */
export const DATA_VERSION_CHANNEL = 'data_version';

const readFrom = async (db: Queryable): Promise<number> => {
  const [row] = await db.query<{ version: number }>('SELECT coalesce((SELECT version FROM data_version), 0)::float8 AS version');
  return row!.version;
};

/**
 * The data version as this instance last read it, for as long as it is sure to be current:
 * while at least one of its connections listens on DATA_VERSION_CHANNEL, and no notification
 * has come since it was read. Every pooled connection listens (postgres.ts), so a write made
 * through this instance is heard on its own connection before the write's statement returns
 * (PostgreSQL sends a session's own notifications before it says it is ready for the next
 * statement): a read that follows a write, as the map's after an edit, never meets the old
 * version. Other instances' writes arrive as soon as PostgreSQL delivers them.
 */
export class DataVersionWatch {
  private listening = 0;
  private known: number | undefined;
  /** Moves on every notification and every loss of the last listener: a read begun before it may be stale. */
  private changes = 0;

  /** A connection now listens. */
  listens(): void {
    this.listening++;
  }

  /** A listening connection ended: with none left, notifications could be missed. */
  stoppedListening(): void {
    this.listening--;
    if (this.listening === 0) this.changed();
  }

  /** A notification: the version is to be read again. */
  changed(): void {
    this.known = undefined;
    this.changes++;
  }

  async read(db: Queryable): Promise<number> {
    if (this.listening > 0 && this.known !== undefined) return this.known;
    const sure = this.listening > 0;
    const changes = this.changes;
    const version = await readFrom(db);
    // Kept only if a listener was there before the read began and nothing was heard during it.
    if (sure && changes === this.changes) this.known = version;
    return version;
  }
}

const watches = new WeakMap<Queryable, DataVersionWatch>();

/** `db` reads its data version through `watch` (postgres.ts, for the primary; a replica, PGlite and a transaction read it each time). */
export function watchDataVersion(db: Queryable, watch: DataVersionWatch): void {
  watches.set(db, watch);
}

/**
 * The number that changes with any counted write to the data (migration 007): part of every
 * tile's ETag, and of the key under which analyses keep their answers (kept-by-data-version.ts).
 * Read from the database unless a watch on `db` knows it (DataVersionWatch); on a replica, read
 * there, since what a read sees is the replica's data.
 */
export async function readDataVersion(db: Queryable): Promise<number> {
  const watch = watches.get(db);
  return watch ? watch.read(db) : readFrom(db);
}
