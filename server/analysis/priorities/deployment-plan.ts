import type { Point } from 'geojson';
import type { Queryable } from '../../db/database.js';
import { findPriorities } from './find-priorities.js';
import { greedyCoverage } from './greedy-coverage.js';
import type { PriorityParams } from './priority-params.js';
import type { Plan } from './priority-schema.js';
import { coverageSql } from './priority-places-sql.js';

/** Which places a unit stationed at each place's anchor would cover within `radius_km`. */
async function coverageMatrix(db: Queryable, places: { key: string; anchor: Point }[], radiusKm: number): Promise<Map<string, string[]>> {
  const { text, values } = coverageSql(places, radiusKm);
  const rows = await db.query<{ candidate: string; covers: string[] }>(text, values);
  return new Map(rows.map((r) => [r.candidate, r.covers]));
}

/**
 * Where to station `units` Mining Police units: greedy maximum coverage of need (see
 * greedy-coverage.ts for the guarantee), each placement with the need it adds.
 */
export async function planDeployment(db: Queryable, p: PriorityParams, units: number): Promise<Plan> {
  const priorities = await findPriorities(db, p);
  const need = new Map(priorities.places.map((pl) => [pl.key, pl.need]));
  const covers = await coverageMatrix(db, priorities.places, p.radiusKm);
  const plan = greedyCoverage(covers, need, units);
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
    method: 'greedy maximum coverage: at least 1 − 1/e (about 63 %) of the best placement',
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
          radius_km: p.radiusKm,
        },
      };
    }),
  };
}
