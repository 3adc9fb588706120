import type { Queryable } from '../db/database.js';

/**
 * Tables that are not the app's data: postgrator's bookkeeping (a restore migrates instead of
 * copying it). Tables of an extension (PostGIS's spatial_ref_sys) are left out by the catalog
 * itself, as the extension's members.
 */
export const NOT_APP_TABLES = ['schemaversion'] as const;

export interface AppColumn {
  name: string;
  /** quote_ident(name), for SQL. */
  ident: string;
  type: string;
  /** json or jsonb: kept as JSON in a backup rather than as text. */
  json: 'json' | 'jsonb' | null;
  /** An identity column: its sequence is moved past the restored ids. */
  identity: boolean;
}

export interface AppTable {
  name: string;
  /** public.<quote_ident(name)>, for SQL. */
  ident: string;
  columns: AppColumn[];
  /** Primary key columns, quoted, in key order: rows are written and restored in this order. */
  primaryKey: string[];
}

/**
 * Every table of the app in the public schema, read from the catalog so that a table a new
 * migration adds is backed up without anyone remembering to list it; in foreign-key order
 * (a table after the tables it refers to), so that a restore can insert them one by one.
 */
export async function appTables(db: Queryable): Promise<AppTable[]> {
  const tables = await db.query<{ name: string; ident: string; oid: number }>(
    `SELECT c.relname AS name, 'public.' || quote_ident(c.relname) AS ident, c.oid::int8 AS oid
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        AND c.relname <> ALL ($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY c.relname`,
    [NOT_APP_TABLES],
  );
  const columns = await db.query<{ table_oid: number; name: string; ident: string; type: string; json: 'json' | 'jsonb' | null; identity: boolean }>(
    `SELECT a.attrelid::int8 AS table_oid, a.attname AS name, quote_ident(a.attname) AS ident,
            format_type(a.atttypid, a.atttypmod) AS type,
            CASE WHEN a.atttypid = 'json'::regtype THEN 'json' WHEN a.atttypid = 'jsonb'::regtype THEN 'jsonb' END AS json,
            a.attidentity <> '' AS identity
       FROM pg_attribute a
      WHERE a.attrelid = ANY ($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
        -- a generated column is computed again from the others; it cannot be inserted
        AND a.attgenerated = ''
      ORDER BY a.attrelid, a.attnum`,
    [tables.map((t) => t.oid)],
  );
  const keys = await db.query<{ table_oid: number; ident: string }>(
    `SELECT i.indrelid::int8 AS table_oid, quote_ident(a.attname) AS ident
       FROM pg_index i
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indisprimary AND i.indrelid = ANY ($1::oid[])
      ORDER BY i.indrelid, k.position`,
    [tables.map((t) => t.oid)],
  );
  const references = await db.query<{ child: number; parent: number }>(
    `SELECT DISTINCT conrelid::int8 AS child, confrelid::int8 AS parent
       FROM pg_constraint
      WHERE contype = 'f' AND conrelid = ANY ($1::oid[]) AND confrelid = ANY ($1::oid[]) AND conrelid <> confrelid`,
    [tables.map((t) => t.oid)],
  );

  const byOid = new Map<number, AppTable>();
  for (const t of tables) {
    byOid.set(Number(t.oid), {
      name: t.name,
      ident: t.ident,
      columns: columns.filter((c) => Number(c.table_oid) === Number(t.oid)).map(({ table_oid: _, ...c }) => c),
      primaryKey: keys.filter((k) => Number(k.table_oid) === Number(t.oid)).map((k) => k.ident),
    });
  }
  return inForeignKeyOrder(
    byOid,
    references.map((r) => [Number(r.child), Number(r.parent)] as const),
  );
}

/**
 * Parents before children; among tables free to go, by name, so the order is the same on
 * every database. A self-reference is left to the primary-key order of the rows; a cycle
 * between tables cannot be loaded table by table and is refused by name.
 */
function inForeignKeyOrder(tables: Map<number, AppTable>, references: ReadonlyArray<readonly [number, number]>): AppTable[] {
  const waiting = new Map([...tables.keys()].map((oid) => [oid, new Set(references.filter(([child]) => child === oid).map(([, parent]) => parent))]));
  const ordered: AppTable[] = [];
  while (waiting.size) {
    const ready = [...waiting].filter(([, parents]) => parents.size === 0).map(([oid]) => tables.get(oid)!);
    if (!ready.length)
      throw new Error(
        `the foreign keys of ${[...waiting.keys()].map((oid) => tables.get(oid)!.name).join(', ')} form a cycle: they cannot be restored table by table`,
      );
    ready.sort((a, b) => (a.name < b.name ? -1 : 1));
    const next = ready[0]!;
    ordered.push(next);
    const oid = [...tables].find(([, t]) => t === next)![0];
    waiting.delete(oid);
    for (const parents of waiting.values()) parents.delete(oid);
  }
  return ordered;
}
