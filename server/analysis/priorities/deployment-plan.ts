import type { Point } from 'geojson';
import type { Queryable } from '../../db/database.js';
import { findPriorities } from './find-priorities.js';
import { greedyCoverage } from './greedy-coverage.js';
import { neediestFirst } from './neediest-first.js';
import type { PriorityParams } from './priority-params.js';
import type { PLAN_OBJECTIVES, Plan } from './priority-schema.js';
import { coverageSql } from './priority-places-sql.js';

/** Which places a unit stationed at each place's anchor would cover within `radius_km`. */
async function coverageMatrix(db: Queryable, places: { key: string; anchor: Point }[], radiusKm: number): Promise<Map<string, string[]>> {
  const { text, values } = coverageSql(places, radiusKm);
  const rows = await db.query<{ candidate: string; covers: string[] }>(text, values);
  return new Map(rows.map((r) => [r.candidate, r.covers]));
}

/** How the units are placed; planObjectiveSchema (priority-schema.ts) says each in a sentence. */
export type PlanObjective = (typeof PLAN_OBJECTIVES)[number];

const METHOD: Record<PlanObjective, string> = {
  neediest_first:
    'neediest first: each unit goes for the place with the highest need not yet covered, and is stationed within reach of it where it also covers the most other need',
  coverage: 'greedy maximum coverage: each unit goes where it covers the most need not yet covered; at least 1 − 1/e (about 63 %) of the best placement',
};

/** How many of the ranking's first places the plan reports as left uncovered. */
export const UNCOVERED_TOP = 10;

/**
 * Where to station `units` Mining Police units in the area asked, by the objective chosen
 * (neediest-first.ts, or greedy-coverage.ts with its guarantee), each placement with the need
 * it adds, and which of the ranking's first UNCOVERED_TOP places no unit covers.
 */
export async function planDeployment(
  db: Queryable,
  p: PriorityParams,
  units: number,
  objective: PlanObjective = 'neediest_first',
  homeProvince?: string,
): Promise<Plan> {
  const priorities = await findPriorities(db, p, homeProvince);
  const need = new Map(priorities.places.map((pl) => [pl.key, pl.need]));
  const covers = await coverageMatrix(db, priorities.places, p.radiusKm);
  const plan =
    objective === 'coverage'
      ? greedyCoverage(covers, need, units).map((pl) => ({ ...pl, target: null }))
      : neediestFirst(
          covers,
          need,
          priorities.places.map((pl) => pl.key),
          units,
        );
  const coveredKeys = new Set(plan.flatMap((pl) => pl.covers));
  const byKey = new Map(priorities.features.map((f) => [String(f.id), f]));
  const anchorOf = new Map(priorities.places.map((pl) => [pl.key, pl.anchor]));
  const totalNeed = [...need.values()].reduce((a, b) => a + b, 0);
  const coveredNeed = plan.reduce((s, pl) => s + pl.marginal, 0);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    type: 'FeatureCollection',
    date: p.date,
    units_requested: units,
    units_placed: plan.length,
    radius_km: p.radiusKm,
    total_need: round(totalNeed),
    covered_need: round(coveredNeed),
    covered_share: totalNeed > 0 ? round(coveredNeed / totalNeed) : 0,
    objective,
    method: METHOD[objective],
    area: priorities.area,
    uncovered_top: priorities.features
      .slice(0, UNCOVERED_TOP)
      .filter((f) => !coveredKeys.has(String(f.id)))
      .map((f) => ({
        rank: f.properties.rank,
        place: String(f.id),
        label: f.properties.label,
        name: f.properties.name,
        kind: f.properties.kind,
        need: f.properties.need,
      })),
    features: plan.map((pl, i) => {
      const place = byKey.get(pl.candidate)!.properties;
      return {
        type: 'Feature',
        id: i + 1,
        geometry: anchorOf.get(pl.candidate)!,
        properties: {
          order: i + 1,
          place: pl.candidate,
          label: place.label,
          name: place.name,
          kind: place.kind,
          marginal_need: round(pl.marginal),
          covers: pl.covers,
          target: pl.target,
          target_label: pl.target === null ? null : byKey.get(pl.target)!.properties.label,
          radius_km: p.radiusKm,
        },
      };
    }),
  };
}
