import type { Database, Queryable } from './database.js';

/** SQLSTATE 57014 query_canceled: a statement timeout fired (or an operator cancelled the query). */
export function isQueryCanceled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '57014';
}

/**
 * Whether `error` says the work was stopped rather than wrong: its statement cancelled (by the
 * timeout, or because its client went away) or refused after the signal fired (untilAborted).
 */
export function isStoppedWork(error: unknown): boolean {
  return isQueryCanceled(error) || (error instanceof Error && error.name === 'AbortError');
}

/** The work's statements, each refused once `signal` has fired: an abandoned analysis sends nothing more. */
function untilAborted(db: Queryable, signal: AbortSignal | undefined): Queryable {
  if (!signal) return db;
  return {
    query: (sql, params) => (signal.throwIfAborted(), db.query(sql, params)),
    exec: (sql) => (signal.throwIfAborted(), db.exec(sql)),
  };
}

/**
 * Runs `work` with every statement it sends stopped after `ms` (SQLSTATE 57014). On a server:
 * one transaction on `db.reads` with `SET LOCAL statement_timeout`, so the limit ends with the
 * transaction and never stays on a pooled connection; a cancelled statement rolls it back.
 *
 * When `signal` fires (the client went away: analysis-limits.ts), the work sends no further
 * statement, and on a server the one running is cancelled (`pg_cancel_backend` from another
 * connection), so that a map panned past an area frees its database core at once instead of
 * after the timeout. The cancel completes before the transaction ends: it can never reach a
 * statement of the connection's next user.
 *
 * On PGlite the work runs as it is: its statements run on this process's event loop with no
 * timer to interrupt them, so `statement_timeout` is accepted and never fires (`SET
 * statement_timeout = 100; SELECT pg_sleep(1)` returns after a second), and a transaction
 * would only keep other requests' queries out between the work's statements.
 */
export async function withStatementTimeout<T>(db: Database, ms: number, work: (db: Queryable) => Promise<T>, signal?: AbortSignal): Promise<T> {
  signal?.throwIfAborted();
  if (db.kind === 'pglite') return work(untilAborted(db.reads, signal));
  const reads = db.reads;
  return reads.transaction(async (tx) => {
    const [session] = await tx.query<{ pid: number }>(`SELECT set_config('statement_timeout', $1, true), pg_backend_pid() AS pid`, [`${Math.ceil(ms)}ms`]);
    let cancelled: Promise<unknown> | undefined;
    const cancel = () => {
      cancelled = reads.query('SELECT pg_cancel_backend($1)', [session!.pid]).catch(() => undefined);
    };
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await work(untilAborted(tx, signal));
    } finally {
      signal?.removeEventListener('abort', cancel);
      await cancelled;
    }
  });
}
