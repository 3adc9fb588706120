import type { Queryable } from '../../db/database.js';
import { contestedShare, r5ContestedZone } from '../../rules/r5-contested-zone.js';
import { r6MilitarisedDispute } from '../../rules/r6-militarised-dispute.js';
import { r7Legality } from '../../rules/r7-legality.js';
import type { ContestedParams } from './contested-params.js';
import { HttpError } from '../../http/errors.js';
import { contestedZonesSql, overlapCountSql } from './contested-sql.js';
import type { ContestedCandidate, RuleHit } from './contested-types.js';
import type { ContestedCollection, ContestedZone, Severity } from './contested-schema.js';

export type { Severity };
const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** Severity follows the strongest rule; incidents near a militarised dispute make it critical. */
export function severityOf(rules: RuleHit[], zone: ContestedCandidate, params: ContestedParams): { severity: Severity; reason: string } {
  const fired = new Set(rules.map((r) => r.rule));
  const incidents = zone.incidents?.length ?? 0;
  if (fired.has('R6') && incidents > 0) {
    return {
      severity: 'critical',
      reason: `R6 militarised dispute, with ${incidents} incident(s) within ${params.nearKm} km in the ${params.incidentDays} days before ${params.date}`,
    };
  }
  if (fired.has('R6')) return { severity: 'high', reason: 'R6 militarised dispute: a security actor is linked to a claimant or stands near the overlap' };
  if (fired.has('R7')) return { severity: 'medium', reason: 'R7 legality: an unauthorised claimant inside a ZEA, or ground outside every ZEA' };
  return { severity: 'low', reason: 'R5 contested zone only: no security actor or legality issue found' };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function toFeature(zone: ContestedCandidate, rules: RuleHit[], params: ContestedParams): Omit<ContestedZone, 'id'> {
  const { severity, reason } = severityOf(rules, zone, params);
  return {
    type: 'Feature',
    geometry: zone.geometry,
    properties: {
      date: params.date,
      area_ha: Math.round(zone.area_ha * 100) / 100,
      severity,
      severity_rank: SEVERITY_RANK[severity],
      severity_reason: reason,
      rules: rules.map((r) => r.rule),
      rule_hits: rules,
      // Hundredths of a hectare and tens of metres: as precise as the digitised claims, no more.
      claimants: (zone.claimants ?? []).map((c) => ({
        ...c,
        claim_ha: round(c.claim_ha, 2),
        contested_ha: round(c.contested_ha, 2),
        contested_share: round(contestedShare(c), 4),
      })),
      cooperative_count: new Set((zone.claimants ?? []).map((c) => c.cooperative_id)).size,
      zones: (zone.zones ?? []).map((z) => ({ ...z, overlap_ha: round(z.overlap_ha, 2) })),
      outside_zea_ha: round(zone.outside_zea_ha, 2),
      presence: (zone.presence ?? []).map((p) => ({ ...p, distance_km: round(p.distance_km, 2) })),
      incidents: (zone.incidents ?? []).map((i) => ({ ...i, distance_km: round(i.distance_km, 2) })),
      label: [zone.label_lon, zone.label_lat],
    },
  };
}

/**
 * An empty answer is checked against the pairwise overlaps, which are simple to compute: the
 * embedded database has been seen to answer the whole analysis with no rows and no error
 * when an overlay failed inside it. Saying "nothing is contested" then would mislead, so
 * that becomes a 500 in words.
 */
async function assertNoOverlapMissed(db: Queryable, params: ContestedParams): Promise<void> {
  const { text, values } = overlapCountSql(params);
  const [row] = await db.query<{ overlaps: number }>(text, values);
  if (!row || row.overlaps > 0) {
    throw new HttpError(
      500,
      `the database answered no contested zone although ${row ? row.overlaps : 'some'} pair(s) of claims of different cooperatives overlap by ${params.minAreaHa} ha or more on ${params.date}: ` +
        'its PostGIS failed without saying so. The answer is withheld rather than shown as "nothing contested"; run on a PostgreSQL server (DATABASE_URL) for this data.',
    );
  }
}

/**
 * Contested zones on a date: connected areas where claims of two or more cooperatives in
 * force overlap (R5), with R6 and R7 evaluated on each, sorted by severity then area.
 */
export async function findContestedZones(db: Queryable, params: ContestedParams): Promise<ContestedCollection> {
  const { text, values } = contestedZonesSql(params);
  const candidates = await db.query<ContestedCandidate>(text, values);
  if (candidates.length === 0) await assertNoOverlapMissed(db, params);
  const features = candidates.flatMap((zone) => {
    const r5 = r5ContestedZone(zone, params.minShare);
    if (!r5) return [];
    const rules = [r5, r6MilitarisedDispute(zone), r7Legality(zone, params.minAreaHa)].filter((r): r is RuleHit => r !== undefined);
    return [toFeature(zone, rules, params)];
  });
  features.sort((a, b) => b.properties.severity_rank - a.properties.severity_rank || b.properties.area_ha - a.properties.area_ha);
  return { type: 'FeatureCollection', features: features.map((f, i) => ({ ...f, id: i + 1 })) };
}
