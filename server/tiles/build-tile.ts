import type { Database } from '../db/database.js';
import { Params } from '../db/sql/params.js';
import type { LayerDefinition } from '../layers/layer-definition.js';
import { encodeTile, type TileRow } from './encode-tile.js';
import { MAX_TILE_RECORDS, geojsonRowsSql, mvtSql, tileCountSql, type TileQuery } from './tile-sql.js';

/** Whether the tile shows every record as itself, or counts small ones by cell: by how many it covers. */
export async function tileMode(db: Database, layer: LayerDefinition, request: Omit<TileQuery, 'mode'>): Promise<TileQuery['mode']> {
  const params = new Params();
  const [count] = await db.query<{ n: number }>(tileCountSql(layer, request, params), params.values);
  return count!.n > MAX_TILE_RECORDS ? 'cells' : 'records';
}

/** The statement that makes the tile on this database: PostGIS encodes it on a server; the embedded one gives rows for Node. */
export function tileSql(db: Database, layer: LayerDefinition, query: TileQuery, params: Params): string {
  return db.kind === 'postgres' ? mvtSql(layer, query, params) : geojsonRowsSql(layer, query, params);
}

/** The tile as bytes and the number of features in it, by whichever path the database has. */
export async function buildTile(db: Database, layer: LayerDefinition, request: Omit<TileQuery, 'mode'>): Promise<{ body: Uint8Array; features: number }> {
  const query: TileQuery = { ...request, mode: await tileMode(db, layer, request) };
  const params = new Params();
  if (db.kind === 'postgres') {
    const [row] = await db.query<{ tile: Uint8Array | null; features: number }>(tileSql(db, layer, query, params), params.values);
    return { body: row?.tile ?? new Uint8Array(), features: row?.features ?? 0 };
  }
  const rows = await db.query<TileRow>(tileSql(db, layer, query, params), params.values);
  return { body: encodeTile(layer.name, query.tile, rows), features: rows.length };
}
