/**
 * The two analysis endpoints the page calls, and the shapes of their answers
 * (README, "Priorities for the Mining Police"; server/analysis/priorities/).
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { EvidenceItem, FactorResult } from '../../../server/analysis/priorities/priority-factors.js';
import { writeHeaders } from '../shared/api.js';
import { rankingSearch, type RankingQuery } from './query.js';

/** The server's own shapes (type-only: no server code enters the bundle). */
export type { EvidenceItem as Evidence, FactorResult };

export interface PlaceProperties {
  rank: number;
  kind: 'zone' | 'site';
  place_id: number;
  label: string;
  name: string | null;
  illustrative: boolean;
  need: number;
  factors: FactorResult[];
  anchor: [number, number];
  date: string;
}

export type PlaceFeature = Feature<Geometry, PlaceProperties>;
export type Ranking = FeatureCollection<Geometry, PlaceProperties>;

export interface PlacementProperties {
  order: number;
  /** The place's key, as in `covers` and placeKey(). */
  place: string;
  label: string;
  name: string | null;
  kind: 'zone' | 'site';
  marginal_need: number;
  /** Places this unit covers that no earlier unit did. */
  covers: string[];
  radius_km: number;
}

export type Plan = FeatureCollection<Point, PlacementProperties> & {
  date: string;
  units_requested: number;
  units_placed: number;
  radius_km: number;
  total_need: number;
  covered_need: number;
  covered_share: number;
  method: string;
};

/** The key the plan's `covers` uses for a place: "zone-4", "site-12". */
export function placeKey(p: Pick<PlaceProperties, 'kind' | 'place_id'>): string {
  return `${p.kind}-${p.place_id}`;
}

async function answer<T>(response: Response): Promise<T> {
  if (!response.ok) {
    // Fastify's errors say what was wrong in `message`; keep it for the status line.
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

export async function fetchRanking(query: RankingQuery, signal?: AbortSignal): Promise<Ranking> {
  const ranking = await answer<Ranking & { places?: unknown }>(await fetch(`api/analysis/priorities?${rankingSearch(query)}`, { signal }));
  // `places` repeats the features for the server's own planner; the page has no use for it.
  delete ranking.places;
  return ranking;
}

export async function fetchPlan(query: RankingQuery, units: number, signal?: AbortSignal): Promise<Plan> {
  const body: Record<string, unknown> = { units, date: query.date, radius_km: query.radiusKm };
  for (const [factor, weight] of Object.entries(query.weights)) body[`w_${factor}`] = weight;
  return answer<Plan>(
    await fetch('api/analysis/deployment-plan', { method: 'POST', headers: writeHeaders(), body: JSON.stringify(body), signal }),
  );
}
