import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { TILE_BUFFER, TILE_EXTENT, type TileAddress } from './tile-address.js';

export interface TileRow {
  id: number;
  properties: Record<string, string | number | boolean>;
  geometry: Geometry;
}

/**
 * A tile encoded in Node from rows the database chose (tile-sql.ts geojsonRowsSql): the
 * embedded PostGIS is built without protobuf, so it has no ST_AsMVT. geojson-vt clips and
 * projects with the same extent and buffer as ST_AsMVTGeom; vt-pbf writes the tile. An empty
 * tile is an empty body, as ST_AsMVT gives.
 */
export function encodeTile(layerName: string, tile: TileAddress, rows: readonly TileRow[]): Uint8Array {
  if (rows.length === 0) return new Uint8Array();
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: rows.map((row): Feature => ({ type: 'Feature', id: row.id, properties: row.properties, geometry: row.geometry })),
  };
  /* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access --
     @maplibre/geojson-vt's declarations import their neighbours without extensions, which NodeNext
     resolution cannot follow, so geoJSONToTile is untyped here. */
  // tolerance 0: no simplification beyond the tile grid, as ST_AsMVTGeom does.
  const encoded = geoJSONToTile(collection, tile.z, tile.x, tile.y, { extent: TILE_EXTENT, buffer: TILE_BUFFER, clip: true, tolerance: 0, maxZoom: tile.z });
  if (!encoded || encoded.features.length === 0) return new Uint8Array();
  return fromGeojsonVt({ [layerName]: encoded }, { version: 2, extent: TILE_EXTENT });
  /* eslint-enable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access */
}
