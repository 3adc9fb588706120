import type { LayerDefinition } from '../layers/layer-definition.js';
import { coarseDateSql, coarseGeometrySql, coarseIncidentFields, coarseningNoteFields } from './incident-coarsening.js';
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
