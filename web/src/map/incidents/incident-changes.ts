/**
 * What saving the incident form sends: a new incident whole, or for a change only what differs
 * from the record as the map read it (and the point only when it moved).
 */
import type { Point } from 'geojson';
import type { LayerFeature } from '../../shared/api.js';
import { createIncident, updateIncident, type IncidentProperties } from './incident-api.js';

/** The same JSON value, whatever the order of an object's keys (jsonb orders them its own way). */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));
}

/**
 * What a change sends: only the properties that differ from the record as the map read it.
 * A property the record did not carry (a narrower sharing profile) is never sent, so that a
 * field the editor could not see is never overwritten with the form's empty value.
 */
export function changedProperties(record: LayerFeature, properties: IncidentProperties): Partial<IncidentProperties> {
  return Object.fromEntries(Object.entries(properties).filter(([key, value]) => key in record.properties && !sameJson(record.properties[key], value)));
}

/**
 * Sends the form's incident: a new one, or the changes to `record`, whose point the form first
 * showed at `shownAt` (rounded). Null when a change changes nothing, and nothing is sent.
 */
export async function sendIncident(
  record: LayerFeature | null,
  shownAt: [number, number] | null,
  position: [number, number],
  properties: IncidentProperties,
): Promise<LayerFeature | null> {
  const geometry: Point = { type: 'Point', coordinates: position };
  if (!record) return createIncident(geometry, properties);
  const moved = !shownAt || shownAt[0] !== position[0] || shownAt[1] !== position[1];
  const changes = changedProperties(record, properties);
  if (!moved && Object.keys(changes).length === 0) return null;
  return updateIncident(record.id, changes, moved ? geometry : undefined);
}
