/**
 * How old an incident looks: those of the last RECENT_DAYS before the page's date are drawn
 * strong, older ones faded, so that a map of twelve months does not give a 2018 killing the
 * weight of last week's (issue 14). Set on every style layer that draws incidents, tiled or not.
 */
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { styleLayerIds } from '../layers/layers.js';
import { addDays } from '../../shared/iso-dates.js';

export const RECENT_DAYS = 90;
/** Faded, yet readable: the symbol's white mark still shows on the paper background. */
export const OLDER_OPACITY = 0.4;

/** The first day that still counts as recent on `date`. */
export const recentSince = (date: string) => addDays(date, 1 - RECENT_DAYS);

export function showIncidentRecency(map: MapLibreMap, date: string): void {
  // ISO dates compare as strings.
  const opacity: ExpressionSpecification = ['case', ['>=', ['to-string', ['get', 'occurred_on']], recentSince(date)], 1, OLDER_OPACITY];
  for (const id of styleLayerIds(map, 'incidents')) {
    if (map.getLayer(id)?.type === 'symbol' && map.getLayoutProperty(id, 'icon-image') !== undefined) map.setPaintProperty(id, 'icon-opacity', opacity);
  }
}
