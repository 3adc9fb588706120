/**
 * The ranking and the plan as files for the meeting record, made in the browser from what
 * the page shows: CSV for spreadsheets, GeoJSON for GIS. Each carries the settings it was
 * made with, so the record says why the list came out as it did.
 */
import type { AreaShown, Plan, Ranking } from './api.js';
import { placeKey } from './api.js';
import { csvText } from '../shared/csv-file.js';
import { DEFAULT_HALF_LIFE_DAYS, FACTORS } from './factors.js';
import { rankingSearch, type RankingQuery } from './query.js';

const NOTE = 'Places marked illustrative are drawn by hand for the demonstration, not observed. No data is not the same as no incidents.';

/** The area in the file's own words, whatever the page's language: 'Kalehe (Sud-Kivu)', 'all provinces', with a drawn box. */
export function areaText(area: AreaShown): string {
  const province = area.province ?? 'all provinces';
  const named = area.territory === null ? province : `${area.territory} (${province})`;
  return area.bbox === null ? named : `${named}, box ${area.bbox.join(',')}`;
}

function metadata(query: RankingQuery, endpoint: string, area: AreaShown) {
  return {
    generated_at: new Date().toISOString(),
    area: areaText(area),
    province: area.province,
    territory: area.territory,
    date: query.date,
    weights: { ...query.weights },
    radius_km: query.radiusKm,
    half_life_days: DEFAULT_HALF_LIFE_DAYS,
    source: endpoint,
    note: NOTE,
  };
}

export function rankingCsv(ranking: Ranking, query: RankingQuery): string {
  const header = [
    'rank',
    'key',
    'kind',
    'label',
    'name',
    'illustrative',
    'need',
    ...FACTORS.flatMap((f) => [`${f}_value`, `${f}_score`, `${f}_weight`, `${f}_contribution`]),
    'evidence',
    'longitude',
    'latitude',
    'date',
    'radius_km',
    'area',
  ];
  const area = areaText(ranking.area);
  const rows = ranking.features.map((feature) => {
    const p = feature.properties;
    const byFactor = new Map(p.factors.map((f) => [f.factor, f]));
    const evidence = p.factors.flatMap((f) => f.evidence.map((e) => `${f.factor}: ${e.layer} #${e.id}: ${e.why}`));
    return [
      p.rank,
      placeKey(p),
      p.kind,
      p.label,
      p.name,
      p.illustrative,
      p.need,
      ...FACTORS.flatMap((f) => {
        const r = byFactor.get(f);
        return [r?.value, r?.score, r?.weight, r?.contribution];
      }),
      evidence,
      p.anchor[0],
      p.anchor[1],
      p.date,
      query.radiusKm,
      area,
    ];
  });
  return csvText(header, rows);
}

export function rankingGeojson(ranking: Ranking, query: RankingQuery): string {
  return JSON.stringify({ ...ranking, metadata: metadata(query, `GET /api/analysis/priorities?${rankingSearch(query)}`, ranking.area) });
}

export function planCsv(plan: Plan, query: RankingQuery): string {
  const header = [
    'order',
    'place',
    'kind',
    'label',
    'name',
    'marginal_need',
    'cumulative_covered_share',
    'covers',
    'longitude',
    'latitude',
    'radius_km',
    'date',
    'total_need',
    'objective',
    'target',
    'target_label',
    'area',
  ];
  const area = areaText(plan.area);
  let cumulative = 0;
  const rows = plan.features.map((f) => {
    const p = f.properties;
    cumulative += p.marginal_need;
    const share = plan.total_need > 0 ? Math.round((cumulative / plan.total_need) * 1000) / 1000 : 0;
    return [
      p.order,
      p.place,
      p.kind,
      p.label,
      p.name,
      p.marginal_need,
      share,
      p.covers,
      f.geometry.coordinates[0],
      f.geometry.coordinates[1],
      p.radius_km,
      plan.date ?? query.date,
      plan.total_need,
      plan.objective,
      p.target,
      p.target_label,
      area,
    ];
  });
  return csvText(header, rows);
}

export function planGeojson(plan: Plan, query: RankingQuery): string {
  // The plan itself carries its objective, its method in a sentence and the top-10 places it leaves uncovered.
  return JSON.stringify({ ...plan, metadata: { ...metadata(query, 'POST /api/analysis/deployment-plan', plan.area), objective: plan.objective } });
}
