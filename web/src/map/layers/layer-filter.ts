/**
 * What the panel's filters share: a condition applied to every MapLibre layer that draws an
 * API layer, on top of the filter each of those layers already has, and the same condition as
 * a predicate over the records, so that the legend and the status line count what is drawn.
 */
import type { ExpressionSpecification, FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { LayerFeature } from '../../shared/api.js';
import { styleLayerIds, type DataLayerName } from './layers.js';

/** The condition each layer's filter has set last, for style layers that come later. */
const current = new Map<DataLayerName, ExpressionSpecification | null>();

/** The panel filter's condition on a layer now (null: none), for a style layer added after it was set. */
export function currentCondition(layer: DataLayerName): ExpressionSpecification | null {
  return current.get(layer) ?? null;
}

export interface RecordFilter {
  /** Whether the map draws the record under the filter as it is set now. */
  matches(record: LayerFeature): boolean;
}

/**
 * Sets `condition` (null: none) on every style layer of `layer`, beside each one's own filter;
 * style layers added later (the layer's tiles, tiled-layers.ts) get it when they are added.
 */
export function layerConditionSetter(map: MapLibreMap, layer: DataLayerName): (condition: ExpressionSpecification | null) => void {
  return (condition) => {
    current.set(layer, condition);
    for (const id of styleLayerIds(map, layer)) {
      // A cell of a tile counts records whatever they are: the panel's filters cannot apply to it.
      if (isCellLayer(id)) continue;
      if (!baseFilters.has(id)) baseFilters.set(id, map.getFilter(id) as FilterSpecification | undefined);
      map.setFilter(id, withCondition(baseFilters.get(id), condition) ?? null);
    }
  };
}

/** Each style layer's own filter, before any panel condition. */
const baseFilters = new Map<string, FilterSpecification | undefined>();

/** A style layer added after the panel's filters were made (tiled-layers.ts): its own filter, and the condition in force. */
export function addFilteredLayer(map: MapLibreMap, layer: DataLayerName, id: string, base: FilterSpecification | undefined): void {
  baseFilters.set(id, base);
  map.setFilter(id, withCondition(base, currentCondition(layer)) ?? null);
}

function withCondition(base: FilterSpecification | undefined, condition: ExpressionSpecification | null): FilterSpecification | undefined {
  if (condition === null) return base;
  return base ? (['all', base, condition] as FilterSpecification) : condition;
}

export const isCellLayer = (id: string) => id.includes('-cells');
