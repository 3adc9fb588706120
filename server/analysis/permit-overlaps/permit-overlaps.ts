import type { MultiPolygon } from 'geojson';
import type { Queryable } from '../../db/database.js';
import { r12IndustrialOverlap, type IndustrialOverlapSubject, type PermitOverlap } from '../../rules/r12-industrial-overlap.js';
import type { PermitOverlapsParams } from './permit-overlaps-params.js';
import type { PermitOverlapFeature, PermitOverlaps } from './permit-overlaps-schema.js';
import { industrialOverlapsSql } from './permit-overlaps-sql.js';

interface OverlapRow {
  layer: IndustrialOverlapSubject['layer'];
  id: number;
  label: string;
  illustrative: boolean;
  permits: PermitOverlap[];
  geometry: MultiPolygon;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Claims and ZEAs in force on the date that overlap an industrial title in force (R12,
 * server/rules/r12-industrial-overlap.ts), each with the titles, their holders and the
 * hectares shared, and the shared ground as the feature's geometry.
 */
export async function findPermitOverlaps(db: Queryable, p: PermitOverlapsParams): Promise<PermitOverlaps> {
  const { text, values } = industrialOverlapsSql(p.date, p.bbox);
  const rows = await db.query<OverlapRow>(text, values);
  const features: PermitOverlapFeature[] = [];
  for (const row of rows) {
    const subject = { layer: row.layer, id: Number(row.id), label: row.label };
    const permits = row.permits.map((permit) => ({ ...permit, permit_id: Number(permit.permit_id), overlap_ha: round(permit.overlap_ha) }));
    const hit = r12IndustrialOverlap({ subject, permits }, p.date, p.minAreaHa);
    if (!hit) continue;
    features.push({
      type: 'Feature',
      id: `${row.layer}-${subject.id}`,
      geometry: row.geometry,
      properties: {
        date: p.date,
        subject_layer: row.layer,
        subject_id: subject.id,
        label: row.label,
        illustrative: row.illustrative,
        overlap_ha: round(hit.permits.reduce((sum, permit) => sum + permit.overlap_ha, 0)),
        holders: [...new Set(hit.permits.map((permit) => permit.holder).filter((h): h is string => h !== null))],
        permits: hit.permits,
        rules: ['R12'],
        rule_hits: [{ rule: 'R12', reason: hit.reason, evidence: hit.evidence }],
      },
    });
  }
  return { type: 'FeatureCollection', date: p.date, min_area_ha: p.minAreaHa, features };
}
