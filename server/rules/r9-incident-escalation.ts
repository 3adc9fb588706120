import type { SegmentEvidence } from './r8-militarised-route.js';

/** The incidents that show a road or a place being preyed upon, rather than fought over. */
export const R9_CATEGORIES = new Set(['extortion', 'illegal_taxation', 'torture', 'harassment']);

export interface NearbyIncident {
  id: number;
  category: string;
  occurred_on: string;
  perpetrator_type: string | null;
  distance_m: number;
}

/**
 * R9 (docs/domain.md): k or more extortion, illegal taxation, torture or harassment incidents
 * within the buffer and the last `window_days`: on a route segment, that makes it
 * militarised even with no roadblock on record. The SQL already keeps to the window.
 * Fixtures: tests/fixtures/security/routes/true/two-extortions-within-window.*,
 * tests/fixtures/security/routes/false/{one-extortion-only,incidents-outside-window,clashes-are-not-predation}.geojson.
 */
export function r9IncidentEvidence(incidents: NearbyIncident[], k: number): SegmentEvidence[] {
  const counted = incidents.filter((i) => R9_CATEGORIES.has(i.category));
  if (counted.length < k || counted.length === 0) return [];
  return counted.map((i) => ({
    rule: 'R9' as const,
    layer: 'incidents' as const,
    id: i.id,
    why: `${i.category} on ${i.occurred_on}, ${Math.round(i.distance_m)} m away (${counted.length} such incidents, at least ${k} needed)`,
    facts: {
      kind: 'incident' as const,
      category: i.category,
      occurred_on: i.occurred_on,
      distance_m: Math.round(i.distance_m),
      count: counted.length,
      needed: k,
    },
  }));
}
