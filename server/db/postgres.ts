import pg from 'pg';
import type { Database, Queryable } from './database.js';

/** A real PostgreSQL + PostGIS server, reached through a `pg` pool. */
export function openPostgres(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});

  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query(sql, params = []) {
      const result = await client.query(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql) {
      await client.query(sql);
    },
  });

  return {
    kind: 'postgres',
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
