/**
 * The editor's live preview, computed in the browser while the user draws: which claims of
 * other cooperatives, in force at some time during the drawn claim's period, it overlaps and
 * by how much. It follows the server's check (server/analysis/claim-overlaps/) so the two can
 * be shown side by side; the server's answer, on the geography, is the one that counts.
 */
import { area, featureCollection, intersect, kinks } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LayerFeature } from '../../shared/api.js';
import type { Overlap, OverlapReport } from './claim-api.js';
import { boundsOf, type Bounds } from '../../shared/extent.js';
import { formatNumber, t } from '../messages.js';

export interface PreviewOptions {
  cooperativeId?: number;
  validFrom: string;
  validTo?: string | null;
}

const M2_PER_HA = 10_000;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

const disjoint = (a: Bounds, b: Bounds) => a[1][0] < b[0][0] || b[1][0] < a[0][0] || a[1][1] < b[0][1] || b[1][1] < a[0][1];

/** In force at some time in [from, to]: the same test as the server's, on ISO dates. */
function inForceDuring(claim: LayerFeature, from: string, to: string | null | undefined): boolean {
  const start = String(claim.properties.valid_from ?? '');
  const end = claim.properties.valid_to as string | null | undefined;
  return (to === null || to === undefined || start <= to) && (end === null || end === undefined || end >= from);
}

/**
 * Throws when the drawn polygon cannot be intersected (a ring that crosses itself, for one):
 * the caller says so rather than showing a wrong preview.
 */
export function previewOverlaps(drawn: Polygon, claims: Iterable<LayerFeature>, options: PreviewOptions): OverlapReport {
  const drawnFeature: Feature<Polygon> = { type: 'Feature', geometry: drawn, properties: {} };
  // A crossing outline gives meaningless areas (a bow tie's two halves cancel out): say so instead.
  const [crossing] = kinks(drawnFeature).features;
  if (crossing) {
    const [lon, lat] = crossing.geometry.coordinates as [number, number];
    throw new Error(t('overlap.selfIntersects', { lon: formatNumber(lon, 5), lat: formatNumber(lat, 5) }));
  }
  const drawnHa = area(drawnFeature) / M2_PER_HA;
  const drawnBounds = boundsOf([drawn]);
  const overlaps: Overlap[] = [];
  for (const claim of claims) {
    const geometry = claim.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const p = claim.properties;
    if (p.status === 'withdrawn' || p.cooperative_id === options.cooperativeId) continue;
    if (!inForceDuring(claim, options.validFrom, options.validTo)) continue;
    const claimBounds = boundsOf([geometry]);
    if (!drawnBounds || !claimBounds || disjoint(drawnBounds, claimBounds)) continue;
    const existing: Feature<Polygon | MultiPolygon> = { type: 'Feature', geometry, properties: {} };
    const common = intersect(featureCollection([drawnFeature, existing]));
    if (!common) continue;
    const overlapHa = area(common) / M2_PER_HA;
    if (overlapHa <= 0) continue;
    const existingHa = area(existing) / M2_PER_HA;
    overlaps.push({
      claim_id: claim.id,
      claim_name: typeof p.name === 'string' ? p.name : null,
      cooperative_id: Number(p.cooperative_id),
      cooperative_name: String(p.cooperative_name ?? ''),
      legal_status: String(p.legal_status ?? ''),
      overlap_ha: round(overlapHa, 2),
      share_of_new: round(drawnHa > 0 ? overlapHa / drawnHa : 0, 4),
      share_of_existing: round(existingHa > 0 ? overlapHa / existingHa : 0, 4),
    });
  }
  overlaps.sort((a, b) => b.overlap_ha - a.overlap_ha || a.claim_id - b.claim_id);
  return { area_ha: round(drawnHa, 2), overlaps };
}
