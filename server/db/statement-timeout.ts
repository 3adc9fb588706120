import type { Database, Queryable } from './database.js';

/** SQLSTATE 57014 query_canceled: a statement timeout fired (or an operator cancelled the query). */
export function isQueryCanceled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '57014';
}

/**
 * Runs `work` with every statement it sends stopped after `ms` (SQLSTATE 57014). On a server:
 * one transaction on `db.reads` with `SET LOCAL statement_timeout`, so the limit ends with the
 * transaction and never stays on a pooled connection; a cancelled statement rolls it back.
 *
 * On PGlite the work runs as it is: its statements run on this process's event loop with no
 * timer to interrupt them, so `statement_timeout` is accepted and never fires (`SET
 * statement_timeout = 100; SELECT pg_sleep(1)` returns after a second), and a transaction
 * would only keep other requests' queries out between the work's statements.
 */
export async function withStatementTimeout<T>(db: Database, ms: number, work: (db: Queryable) => Promise<T>): Promise<T> {
  if (db.kind === 'pglite') return work(db.reads);
  return db.reads.transaction(async (tx) => {
    await tx.query(`SELECT set_config('statement_timeout', $1, true)`, [`${Math.ceil(ms)}ms`]);
    return work(tx);
  });
}
