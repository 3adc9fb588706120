/**
 * The incident editor's writes: `POST /api/incidents` for a new incident, `PATCH
 * /api/incidents/:id` for a change, through the page's one write path (api.ts), which sends
 * the session's CSRF token.
 */
import type { Point } from 'geojson';
import { postJson, sendJson, type LayerFeature } from '../../shared/api.js';

/** The properties the editor sets; victims are only ever counted. */
export interface IncidentProperties {
  occurred_on: string;
  time_precision: number;
  category: string;
  sub_category: string | null;
  perpetrator_type: string | null;
  victims: number | null;
  killed: number | null;
  injured: number | null;
  geo_precision: number;
  sources: Array<{ type: string; reference?: string }>;
  verification: string;
  follow_up: string;
  description: string | null;
}

export function createIncident(geometry: Point, properties: IncidentProperties): Promise<LayerFeature> {
  return postJson<LayerFeature>('api/incidents', { type: 'Feature', geometry, properties });
}

/** Sends the properties given (a cleared field as null), and the point when it is given. */
export function updateIncident(id: number, properties: Partial<IncidentProperties>, geometry?: Point): Promise<LayerFeature> {
  return sendJson<LayerFeature>('PATCH', `api/incidents/${id}`, { type: 'Feature', properties, ...(geometry ? { geometry } : {}) });
}
