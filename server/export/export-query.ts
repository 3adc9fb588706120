import type { Feature } from 'geojson';
import type { Queryable } from '../db/database.js';
import type { LayerDefinition } from '../layers/layer-definition.js';
import { bboxCondition } from '../db/sql/bbox.js';
import { Params } from '../db/sql/params.js';
import { asOfCondition, featureSql, periodOverlapConditions } from '../layers/layer-sql.js';
import { publishedFieldsSql, publishedGeometrySql, publishedOrderKeys, publishedSourceSql } from '../sharing/published-sql.js';
import type { ExportRequest } from './export-params.js';

/** Rows a page: enough to keep round trips few, small enough that memory stays flat. */
export const PAGE_SIZE = 1_000;

/**
 * The filters of an export, on the values the profile publishes: an area tested against
 * the coarse point, dates against the coarse date, so the filter cannot be used to find
 * what the profile withholds.
 */
function conditions(layer: LayerDefinition, request: ExportRequest, params: Params, asOf = request.asOf && params.add(request.asOf, 'date')): string[] {
  const geometry = publishedGeometrySql(layer, request.profile);
  const out: string[] = [];
  if (request.bbox) out.push(bboxCondition(geometry, request.bbox, params));
  if (request.polygon) {
    out.push(`ST_Intersects(${geometry}, ST_SetSRID(ST_GeomFromGeoJSON(${params.add(JSON.stringify(request.polygon), 'text')}), 4326))`);
  }
  if (asOf) {
    out.push(asOfCondition(layer, asOf, request.profile));
    // The map's period filter on incidents: the N days up to its date, that day included.
    if (layer.name === 'incidents' && request.incidentDays) {
      out.push(...periodOverlapConditions(layer, `(${asOf} - ${params.add(request.incidentDays - 1, 'int')})`, undefined, request.profile));
    }
  }
  out.push(...periodOverlapConditions(layer, request.from && params.add(request.from, 'date'), request.to && params.add(request.to, 'date'), request.profile));
  return out.length ? out : ['true'];
}

/** How many records, and their extent, before streaming: the count for the dialog, the bbox for RFC 7946. */
export async function exportSummary(db: Queryable, layer: LayerDefinition, request: ExportRequest): Promise<{ count: number; bbox: number[] | null }> {
  const params = new Params();
  const where = conditions(layer, request, params).join(' AND ');
  const geometry = publishedGeometrySql(layer, request.profile);
  const [row] = await db.query<{ count: number; xmin: number | null; ymin: number | null; xmax: number | null; ymax: number | null }>(
    `SELECT a.n AS count, ST_XMin(a.ext) AS xmin, ST_YMin(a.ext) AS ymin, ST_XMax(a.ext) AS xmax, ST_YMax(a.ext) AS ymax
     FROM (SELECT count(*)::int AS n, ST_Extent(s.g) AS ext FROM (SELECT ${geometry} AS g FROM ${publishedSourceSql(layer, request.profile)} WHERE ${where}) s) a`,
    params.values,
  );
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  const bbox = row && row.xmin !== null ? [row.xmin, row.ymin!, row.xmax!, row.ymax!].map(round) : null;
  return { count: row?.count ?? 0, bbox };
}

/**
 * The layer's records as the profile sees them, page by page in the profile's published
 * order (publishedOrderKeys: the id, or for partners' incidents the published date then the
 * opaque id). Keyset paging: each page starts after the last keys seen, so a long export
 * neither skips nor repeats and never holds more than one page.
 */
export async function* exportFeatures(db: Queryable, layer: LayerDefinition, request: ExportRequest): AsyncGenerator<Feature> {
  const keys = publishedOrderKeys(layer, request.profile);
  const keyColumns = keys.map((k, i) => `(${k.sql})::text AS k${i}`).join(', ');
  let after: string[] | undefined;
  for (;;) {
    const params = new Params();
    // One placeholder for the date, in the filter and in what the records are computed as of (a site's latest visit).
    const asOf = request.asOf ? params.add(request.asOf, 'date') : undefined;
    const where = conditions(layer, request, params, asOf);
    if (after) {
      const last = after.map((value, i) => params.add(value, keys[i]!.cast));
      where.push(`(${keys.map((k) => k.sql).join(', ')}) > (${last.join(', ')})`);
    }
    const rows = await db.query<{ feature: Feature } & Record<`k${number}`, string>>(
      `SELECT ${featureSql(layer, asOf ?? 'NULL::date', request.profile)} AS feature, ${keyColumns}
       FROM ${publishedSourceSql(layer, request.profile)}
       WHERE ${where.join(' AND ')}
       ORDER BY ${keys.map((k) => k.sql).join(', ')} LIMIT ${PAGE_SIZE}`,
      params.values,
    );
    for (const row of rows) yield row.feature;
    if (rows.length < PAGE_SIZE) return;
    const lastRow = rows[rows.length - 1]!;
    after = keys.map((_, i) => lastRow[`k${i}`]!);
  }
}

/** The property names a profile publishes for a layer, in order: the CSV header. */
export function exportColumns(layer: LayerDefinition, request: ExportRequest): string[] {
  return publishedFieldsSql(layer, request.profile, 'NULL::date').map(([name]) => name);
}
