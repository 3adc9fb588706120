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

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
