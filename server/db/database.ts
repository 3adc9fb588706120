/**
 * The one interface every part of the server talks to the database through.
 * Two implementations: a real PostgreSQL/PostGIS server (`pg`) and embedded PGlite.
 * SQL is shared; results are cast in SQL (::int, ::float8, ::json) so both drivers
 * hand back the same JavaScript types.
 */
export interface Queryable {
  /** One parameterised statement; returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** A script of several statements without parameters (migrations, fixtures). */
  exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'postgres' | 'pglite';

/** A connection pool's state, for the metrics: connections open, of them idle, and queries waiting for one. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Where reads that may lag the primary a little go: layers, tiles, analyses, exports. A read
   * replica when DATABASE_READ_URL is set, else this same database. Never for a write, nor
   * for a read that must see a write the same request just made (README, "Read replicas").
   */
  readonly reads: Database;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The pool's state; absent where there is no pool (PGlite is one connection in this process). */
  poolStats?(): PoolStats;
}
