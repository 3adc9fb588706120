/**
 * What the panel's filters share: a condition applied to every MapLibre layer that draws an
 * API layer, on top of the filter each of those layers already has, and the same condition as
 * a predicate over the records, so that the legend and the status line count what is drawn.
 */
import type { ExpressionSpecification, FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { LayerFeature } from '../../shared/api.js';
import { mapLayerIds, type DataLayerName } from './layers.js';

export interface RecordFilter {
  /** Whether the map draws the record under the filter as it is set now. */
  matches(record: LayerFeature): boolean;
}

/** Sets `condition` (null: none) on every style layer of `layer`, beside each one's own filter. */
export function layerConditionSetter(map: MapLibreMap, layer: DataLayerName): (condition: ExpressionSpecification | null) => void {
  const ids = mapLayerIds(layer);
  const own = new Map(ids.map((id) => [id, map.getFilter(id) as FilterSpecification | undefined]));
  return (condition) => {
    for (const id of ids) {
      const base = own.get(id);
      const filter = condition === null ? base : base ? (['all', base, condition] as FilterSpecification) : condition;
      map.setFilter(id, filter ?? null);
    }
  };
}
