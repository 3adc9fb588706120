import type { Database, Queryable } from '../../server/db/database.js';

export interface Statement {
  text: string;
  values: readonly unknown[] | undefined;
}

/**
 * The database as it is, with every statement sent through `query` (by the app, its read
 * pool or a transaction) written down, so a benchmark can replay exactly what one request
 * asked of the database and time it bare. Set-up statements (statement_timeout) included.
 */
export function recordingDatabase(db: Database): { db: Database; statements: Statement[] } {
  const statements: Statement[] = [];
  const wrapQueryable = <Q extends Queryable>(q: Q): Q => {
    const wrapped = Object.create(q) as Q;
    wrapped.query = <Row>(text: string, values?: readonly unknown[]) => {
      statements.push({ text, values });
      return q.query<Row>(text, values);
    };
    return wrapped;
  };
  const wrapDatabase = (d: Database): Database => {
    const wrapped = wrapQueryable(d);
    Object.defineProperty(wrapped, 'reads', { value: d.reads === d ? wrapped : wrapDatabase(d.reads) });
    wrapped.transaction = (work) => d.transaction((tx) => work(wrapQueryable(tx)));
    return wrapped;
  };
  return { db: wrapDatabase(db), statements };
}

/** Runs the statements again, one after the other on `db`, and returns how long they took, ms. */
export async function replay(db: Database, statements: readonly Statement[]): Promise<number> {
  const start = performance.now();
  for (const s of statements) await db.query(s.text, s.values);
  return performance.now() - start;
}
