/**
 * Where a case's things are: its places (claims, zones and sites through their records, towns by
 * their point) and the presence, incidents and claims its steps rest on, each fetched once as a
 * feature with the dates that say when it was in force. The map draws these; the overview names
 * the places from them.
 */
import type { Feature, Geometry, Point } from 'geojson';
import type { CaseFile } from './cases-api.js';
import { fetchShape } from './cases-api.js';

export type ShapeKind = 'zone' | 'claim' | 'site' | 'town' | 'presence' | 'incident';

export interface ShapeProperties {
  key: string;
  kind: ShapeKind;
  /** In force from–to (claims, presence), or the day it happened (incidents); null: always shown. */
  from: string | null;
  to: string | null;
  legal_status: string | null;
  /** Set per view by the map: cited by the chosen step; in force on its day. */
  cited: boolean;
  in_force: boolean;
}

export type Shape = Feature<Geometry, ShapeProperties>;

export interface CaseShapes {
  shapes: Shape[];
  /** A place's or record's name, by `layer-id` (`claims-2`, `zones-4`, `sites-89`). */
  names: Map<string, string>;
}

const LAYER_KIND = { claims: 'claim', zones: 'zone', sites: 'site', presence: 'presence', incidents: 'incident' } as const;
type ShapeLayer = keyof typeof LAYER_KIND;

export const shapeKey = (layer: string, id: number | string) => `${layer}-${id}`;

const str = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** Every distinct record of the case, fetched in parallel; one that cannot be read is left out. */
export async function loadCaseShapes(file: CaseFile, signal?: AbortSignal): Promise<CaseShapes> {
  const wanted = new Map<string, { layer: ShapeLayer; id: number }>();
  for (const place of file.places) {
    if (place.kind !== 'town' && place.record_id !== null) {
      const layer = `${place.kind}s` as ShapeLayer;
      wanted.set(shapeKey(layer, place.record_id), { layer, id: place.record_id });
    }
  }
  for (const step of file.steps) for (const ref of step.rests_on) wanted.set(shapeKey(ref.layer, ref.id), { layer: ref.layer, id: ref.id });

  const fetched = await Promise.all(
    [...wanted.entries()].map(async ([key, { layer, id }]) => ({ key, layer, id, shape: await fetchShape(layer, id, signal) })),
  );
  const shapes: Shape[] = [];
  const names = new Map<string, string>();
  for (const { key, layer, shape } of fetched) {
    if (!shape) continue;
    const p = shape.properties;
    const kind = LAYER_KIND[layer];
    const name = layer === 'zones' ? [str(p.code), str(p.name)].filter(Boolean).join(' — ') : str(p.name);
    if (name) names.set(key, name);
    if (!shape.geometry) continue;
    const dated =
      kind === 'incident'
        ? { from: str(p.occurred_on), to: str(p.occurred_on) }
        : kind === 'claim' || kind === 'presence'
          ? { from: str(p.valid_from), to: str(p.valid_to) }
          : { from: null, to: null };
    shapes.push({
      type: 'Feature',
      geometry: shape.geometry,
      properties: { key, kind, ...dated, legal_status: str(p.legal_status), cited: false, in_force: true },
    });
  }
  file.places.forEach((place, index) => {
    if (place.kind !== 'town' || !place.coordinates || place.coordinates.length < 2) return;
    const geometry: Point = { type: 'Point', coordinates: [place.coordinates[0]!, place.coordinates[1]!] };
    shapes.push({
      type: 'Feature',
      geometry,
      properties: { key: `town-${index}`, kind: 'town', from: null, to: null, legal_status: null, cited: false, in_force: true },
    });
  });
  return { shapes, names };
}

/** Incidents stay on the map this long after they happened, as the contested zones' analysis counts them. */
const INCIDENT_DAYS = 365;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** Whether a shape is in force on `date` (null: no date chosen, everything is). */
export function inForce(p: ShapeProperties, date: string | null): boolean {
  if (date === null) return true;
  if (p.kind === 'incident') return p.from !== null && p.from <= date && daysBetween(p.from, date) <= INCIDENT_DAYS;
  if (p.from !== null && p.from > date) return false;
  return p.to === null || p.to >= date;
}
