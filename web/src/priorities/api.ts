/**
 * The two analysis endpoints the page calls, and the shapes of their answers
 * (README, "Priorities for the Mining Police"; server/analysis/priorities/).
 */
import type { PlaceProperties, Plan, Ranking as RankingAnswer } from '../../../server/analysis/priorities/priority-schema.js';
import { writeHeaders } from '../shared/api.js';
import { rankingSearch, type RankingQuery } from './query.js';

/** The server's own shapes (server/analysis/priorities/priority-schema.ts; type-only: no server code enters the bundle). */
export type {
  EvidenceItem as Evidence,
  FactorResult,
  PlaceFeature,
  PlaceProperties,
  PlacementProperties,
  Plan,
} from '../../../server/analysis/priorities/priority-schema.js';
/** How a plan places its units: the API's `objective` (server/analysis/priorities/priority-schema.ts). */
export type PlanObjective = Plan['objective'];
/** The area a ranking covers, and the areas the data holds. */
export type AreaShown = RankingAnswer['area'];
export type AreaList = RankingAnswer['areas'];
/** The ranking as the page keeps it: without `places`, which repeats the features for the server's own planner. */
export type Ranking = Omit<RankingAnswer, 'places'>;

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
  const ranking: Ranking & { places?: unknown } = await answer<RankingAnswer>(await fetch(`api/analysis/priorities?${rankingSearch(query)}`, { signal }));
  // `places` repeats the features for the server's own planner; the page has no use for it.
  delete ranking.places;
  return ranking;
}

export async function fetchPlan(query: RankingQuery, units: number, objective: PlanObjective, signal?: AbortSignal): Promise<Plan> {
  const body: Record<string, unknown> = { units, objective, date: query.date, radius_km: query.radiusKm };
  for (const [factor, weight] of Object.entries(query.weights)) body[`w_${factor}`] = weight;
  if (query.province !== null) body.province = query.province;
  if (query.territory !== null) body.territory = query.territory;
  return answer<Plan>(await fetch('api/analysis/deployment-plan', { method: 'POST', headers: writeHeaders(), body: JSON.stringify(body), signal }));
}
