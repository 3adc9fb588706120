import type { Params } from './params.js';

/** A box in WGS 84 (west, south, east, north) as a PostGIS envelope, its corners as parameters. */
export function envelopeSql(bbox: readonly number[], params: Params): string {
  const [west, south, east, north] = bbox;
  return `ST_MakeEnvelope(${params.add(west, 'float8')}, ${params.add(south, 'float8')}, ${params.add(east, 'float8')}, ${params.add(north, 'float8')}, 4326)`;
}

/**
 * `geometry` (an SQL expression) touches the box, by `&&` so that the GiST index answers. A box
 * whose west edge lies east of its east edge spans the antimeridian (OGC API Features
 * /req/core/fc-bbox-definition) and is tested as its two halves; the layer API and the analyses
 * refuse those before they get here (server/http/bbox.ts), the OGC API does not.
 */
export function bboxCondition(geometry: string, bbox: readonly number[], params: Params): string {
  const [west, south, east, north] = bbox as [number, number, number, number];
  if (west <= east) return `${geometry} && ${envelopeSql(bbox, params)}`;
  return `(${geometry} && ${envelopeSql([west, south, 180, north], params)} OR ${geometry} && ${envelopeSql([-180, south, east, north], params)})`;
}
