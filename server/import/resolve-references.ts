import type { Queryable } from '../db/database.js';
import type { LayerDefinition } from '../layers/layer-definition.js';
import { findIdBySource } from '../layers/layer-store.js';
import { LAYERS } from '../layers/registry.js';

/**
 * Import files name related records by where they came from, not by database id, which
 * differs between databases: `cooperative_ref: "demo/coop-a"` becomes `cooperative_id: 7`.
 * The reference is "<source>/<source_id>"; the name drops `_id` and adds `_ref`.
 */
export async function resolveReferences(
  db: Queryable,
  layer: LayerDefinition,
  properties: Record<string, unknown>,
): Promise<{ properties: Record<string, unknown>; error?: string }> {
  const resolved = { ...properties };
  for (const column of layer.columns) {
    if (!column.references) continue;
    const refName = column.name.replace(/_id$/, '_ref');
    if (!(refName in resolved)) continue;
    const ref = resolved[refName];
    delete resolved[refName];
    if (ref === null) {
      resolved[column.name] = null;
      continue;
    }
    const match = typeof ref === 'string' ? /^([^/]+)\/(.+)$/.exec(ref) : null;
    if (!match) return { properties, error: `${refName} must look like "<source>/<source_id>", not ${JSON.stringify(ref)}` };
    const target = LAYERS[column.references];
    const id = await findIdBySource(db, target, match[1]!, match[2]!);
    if (id === undefined) return { properties, error: `${refName} ${JSON.stringify(ref)} matches no ${target.name} record` };
    resolved[column.name] = id;
  }
  return { properties: resolved };
}
