import type { LayerDefinition } from '../layers/layer-definition.js';
import {
  coarseDateSql,
  coarseGeometrySql,
  coarseIncidentFields,
  coarseningNoteFields,
  coarsenedSql,
  linkedIncidentsSql,
  linkedIncidentLateralSql,
} from './incident-coarsening.js';
import { isAllowed, type Profile } from './profiles.js';

/**
 * SQL for what a profile sees of a layer's row (alias `t`): the published geometry, the
 * published value of each allowed field, and the published date the as-of filter reads.
 * layer-sql.ts builds every read from these, for every path.
 */
export function publishedGeometrySql(layer: LayerDefinition, profile: Profile): string {
  return (layer.name === 'incidents' && coarseGeometrySql(profile)) || 't.geom';
}

/** [name, SQL] for each property the profile may see, in the layer's order. */
export function publishedFieldsSql(layer: LayerDefinition, profile: Profile, asOf: string): Array<[string, string]> {
  const overrides = layer.name === 'incidents' ? coarseIncidentFields(profile) : {};
  const stored = layer.columns.map((c): [string, string] => [c.name, overrides[c.name] ?? `t.${c.name}`]);
  const computed = (layer.computed ?? []).map((c): [string, string] => [c.name, c.sql(asOf)]);
  const notes = layer.name === 'incidents' ? Object.entries(coarseningNoteFields(profile)) : [];
  return [...stored, ...computed].filter(([name]) => isAllowed(layer.name, profile, name)).concat(notes);
}

/** The period column as the profile sees it, so a date filter cannot reveal the exact day. */
export function publishedPeriodSql(layer: LayerDefinition, profile: Profile, column: string): string {
  if (layer.name === 'incidents' && column === 'occurred_on') return coarseDateSql(profile) ?? 't.occurred_on';
  return `t.${column}`;
}

/**
 * Whether the profile sees the layer's records under opaque ids, in an order that does not
 * follow their true dates: incidents, wherever some are coarsened (partner and public). A
 * sequential id or the true order would tell a coarsened incident's day from its neighbours'.
 */
export function hasOpaqueIds(layer: LayerDefinition, profile: Profile): boolean {
  return layer.name === 'incidents' && coarsenedSql(profile) !== undefined;
}

/**
 * FROM clause: the layer's rows as `t`, with what the profile's published values read (linked
 * incidents, the secret). The linked incidents are worked out once for the whole layer (`set`,
 * for reads of many records), or probed row by row (`row`, for a tile's few: linkedIncidentLateralSql).
 */
export function publishedSourceSql(layer: LayerDefinition, profile: Profile, linkedBy: 'set' | 'row' = 'set'): string {
  if (!hasOpaqueIds(layer, profile)) return `${layer.table} t`;
  const linked = linkedBy === 'set' ? linkedIncidentsSql(profile) : linkedIncidentLateralSql(profile);
  const join = linked ? (linkedBy === 'set' ? ` LEFT JOIN (${linked}) lk ON lk.id = t.id` : ` LEFT JOIN LATERAL (${linked}) lk ON true`) : '';
  return `${layer.table} t${join} CROSS JOIN sharing_secret ss`;
}

/**
 * The id a profile sees: the database id, or (hasOpaqueIds) 52 bits of a keyed hash of it: still
 * a number, exact in JavaScript and a valid GDAL feature id, so clients and the map need not care.
 */
export function publishedIdSql(layer: LayerDefinition, profile: Profile): string {
  return hasOpaqueIds(layer, profile) ? `('x' || substr(md5(ss.secret || ':' || t.id::text), 1, 13))::bit(52)::bigint` : 't.id';
}

/** One key of the published order, with the type its last value is sent back as when paging on. */
export interface OrderKey {
  sql: string;
  cast: 'date' | 'bigint';
}

/**
 * The order a profile sees records in, as keys that together are unique: for opaque ids the
 * published date, then the opaque id (so within a month a coarsened incident sits among the
 * others by chance, and stays there across pages); otherwise the database id.
 */
export function publishedOrderKeys(layer: LayerDefinition, profile: Profile): OrderKey[] {
  if (!hasOpaqueIds(layer, profile)) return [{ sql: 't.id', cast: 'bigint' }];
  return [
    { sql: publishedPeriodSql(layer, profile, layer.period.from), cast: 'date' },
    { sql: publishedIdSql(layer, profile), cast: 'bigint' },
  ];
}

/** ORDER BY for listings: the layer's own order (name, code, date…) where ids are plain, else publishedOrderKeys. */
export function publishedOrderSql(layer: LayerDefinition, profile: Profile): string {
  if (hasOpaqueIds(layer, profile))
    return publishedOrderKeys(layer, profile)
      .map((k) => k.sql)
      .join(', ');
  return layer.orderBy ? `${layer.orderBy}, t.id` : 't.id';
}
