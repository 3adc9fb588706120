import type { Geometry, Point } from 'geojson';
import type { Queryable } from '../../db/database.js';
import { gatherEvidence } from './priority-evidence.js';
import { activityScore, capped, certificationScore, incidentPressure, saturate, type EvidenceItem, type FactorResult } from './priority-factors.js';
import type { Factor, PriorityParams } from './priority-params.js';
import { areaRowsSql } from './priority-area-sql.js';
import { HOME_PROVINCE_DEFAULT, areaFilter, areaList, type AreaRow } from './priority-area.js';
import { priorityPlacesSql } from './priority-places-sql.js';
import type { PlaceFeature, Ranking } from './priority-schema.js';

interface PlaceRow {
  kind: 'zone' | 'site';
  id: number;
  label: string;
  name: string | null;
  illustrative: boolean;
  production_level: string | null;
  workers: number | null;
  qualification: string | null;
  geometry: Geometry;
  anchor: Point;
  nearby: EvidenceItem[] | null;
  coverage: EvidenceItem[] | null;
  incidents: { id: number; category: string; occurred_on: string; age_days: number }[] | null;
}

function factorsOf(row: PlaceRow, p: PriorityParams): FactorResult[] {
  const nearby = row.nearby ?? [];
  const of = (kind: string) => nearby.filter((e) => e.kind === kind);
  const sum = (items: EvidenceItem[]) => items.reduce((s, e) => s + e.weight, 0);
  const result = (factor: Factor, value: number | null, unit: string, score: number, evidence: EvidenceItem[], sign = 1): FactorResult => ({
    factor,
    value: value === null ? null : Math.round(value * 1000) / 1000,
    unit,
    score: Math.round(score * 1000) / 1000,
    weight: p.weights[factor],
    contribution: Math.round(sign * p.weights[factor] * score * 1000) / 1000,
    evidence,
  });
  const contested = of('contested');
  const illegal = of('illegal_presence');
  const routes = of('militarised_routes');
  const onTitles = of('industrial_overlap');
  const incidents = row.incidents ?? [];
  const pressure = incidentPressure(incidents, p.halfLifeDays);
  const activity = activityScore(row);
  const coverage = row.coverage ?? [];
  return [
    result('contested', sum(contested), 'contested zones (R6 counts 2)', capped(sum(contested), 2), contested),
    result('illegal_presence', sum(illegal), 'current R1–R3 flags', capped(sum(illegal), 2), illegal),
    result(
      'incidents',
      pressure,
      `severity-weighted incidents, half-life ${p.halfLifeDays} days`,
      saturate(pressure, 2),
      // Each incident with its own weight today: severity halved once per half-life of age.
      incidents.map((i) => ({
        kind: 'incident',
        layer: 'incidents',
        id: i.id,
        weight: Math.round(incidentPressure([i], p.halfLifeDays) * 1000) / 1000,
        why: `${i.category} on ${i.occurred_on} (${i.age_days} days before)`,
      })),
    ),
    result('militarised_routes', sum(routes), 'km of militarised route nearby', capped(sum(routes), 5), routes),
    result('activity', activity.value, activity.value === null ? 'workers unknown: neutral score' : 'workers', activity.score, []),
    result(
      'certification',
      certificationScore(row.qualification, illegal.length > 0),
      'at risk (0–1)',
      certificationScore(row.qualification, illegal.length > 0),
      [],
    ),
    result('industrial_overlap', sum(onTitles), 'claims or ZEAs on industrial titles (R12)', capped(sum(onTitles), 2), onTitles),
    result('pmh_coverage', coverage.length, `lawful Mining Police within ${p.radiusKm} km`, capped(coverage.length, 1), coverage, -1),
  ];
}

/**
 * Every ZEA and every mine site outside a ZEA in the area asked (priority-area.ts), scored by need on the date, each factor with
 * its value, weight, contribution and the records behind it, ranked from most in need.
 */
export async function findPriorities(db: Queryable, p: PriorityParams, homeProvince: string = HOME_PROVINCE_DEFAULT): Promise<Ranking> {
  const areaSql = areaRowsSql();
  const areaRows = await db.query<AreaRow>(areaSql.text, areaSql.values);
  const evidence = await gatherEvidence(db, p);
  const { text, values } = priorityPlacesSql(p, evidence, areaFilter(p.area, areaRows));
  const rows = await db.query<PlaceRow>(text, values);
  const scored = rows.map((row) => {
    const factors = factorsOf(row, p);
    const need = Math.max(
      0,
      factors.reduce((s, f) => s + f.contribution, 0),
    );
    return { row, factors, need: Math.round(need * 1000) / 1000 };
  });
  scored.sort((a, b) => b.need - a.need || a.row.label.localeCompare(b.row.label));
  const features = scored.map(({ row, factors, need }, index): PlaceFeature => ({
    type: 'Feature',
    id: `${row.kind}-${row.id}`,
    geometry: row.geometry,
    properties: {
      rank: index + 1,
      kind: row.kind,
      place_id: row.id,
      label: row.label,
      name: row.name,
      illustrative: row.illustrative,
      need,
      factors,
      anchor: row.anchor.coordinates as [number, number],
      date: p.date,
    },
  }));
  const places = scored.map(({ row, need }) => ({ key: `${row.kind}-${row.id}`, kind: row.kind, id: row.id, anchor: row.anchor, need }));
  const area = { province: p.area.province, territory: p.area.territory, bbox: p.area.bbox, home_province: homeProvince, home: p.area.home };
  return { type: 'FeatureCollection', area, areas: areaList(areaRows), features, places };
}
