/**
 * R12 (docs/domain.md): a cooperative's claim or a ZEA overlaps an industrial mining title in
 * force on the date: an exploitation permit (PE, PEPM) or a research permit (PR) that is on
 * the cadastre's register (active, under force majeure, or being forfeited but not yet struck
 * off), whose grant–expiry period holds the date, on at least `minAreaHa` hectares. Under the
 * Mining Code a ZEA cannot be declared over a valid title, and artisanal mining inside one is
 * the holder's to allow: the reason names the holder and the hectares.
 * Applications, lapsed titles, quarry authorisations (AECP, ARPC), ZRG and ZEA polygons of the
 * cadastre do not fire.
 * Fixtures: tests/fixtures/r12/{true,false}/*.geojson, run by tests/rules/r12-industrial-overlap.unit.test.ts.
 */

/** Title types that make an overlap an R12 finding. */
export const R12_TITLE_TYPES = ['pe', 'pepm', 'pr_as', 'pr_pp'] as const;
/** Statuses under which a title is still on the register. */
export const R12_TITLE_STATUSES = ['active', 'force_majeure', 'lapsing'] as const;

/** The claim or ZEA looked at. */
export interface IndustrialOverlapSubject {
  layer: 'claims' | 'zones';
  id: number;
  /** The claim's name or its cooperative's, the ZEA's code: how the reason calls it. */
  label: string;
}

/** One title the subject's ground meets, with the hectares they share. */
export interface PermitOverlap {
  permit_id: number;
  code: string;
  holder: string | null;
  permit_type: string;
  permit_status: string;
  valid_from: string | null;
  valid_to: string | null;
  overlap_ha: number;
}

export interface IndustrialOverlapCandidate {
  subject: IndustrialOverlapSubject;
  permits: readonly PermitOverlap[];
}

export interface R12Hit {
  rule: 'R12';
  reason: string;
  /** The titles that made it fire, largest overlap first. */
  permits: PermitOverlap[];
  evidence: { layer: 'permits' | 'claims' | 'zones'; id: number; why: string }[];
}

const inForce = (p: PermitOverlap, date: string) => (p.valid_from === null || p.valid_from <= date) && (p.valid_to === null || p.valid_to >= date);

const TYPE_WORDS: Record<string, string> = { pe: 'PE', pepm: 'PEPM', pr_as: 'PR', pr_pp: 'PR' };

export function describePermitOverlap(p: PermitOverlap): string {
  return `${TYPE_WORDS[p.permit_type] ?? p.permit_type} ${p.code} of ${p.holder ?? 'an unnamed holder'} on ${p.overlap_ha.toFixed(1)} ha`;
}

export function r12IndustrialOverlap(candidate: IndustrialOverlapCandidate, date: string, minAreaHa: number): R12Hit | undefined {
  const permits = candidate.permits
    .filter(
      (p) =>
        (R12_TITLE_TYPES as readonly string[]).includes(p.permit_type) &&
        (R12_TITLE_STATUSES as readonly string[]).includes(p.permit_status) &&
        inForce(p, date) &&
        p.overlap_ha > 0 &&
        p.overlap_ha >= minAreaHa,
    )
    .sort((a, b) => b.overlap_ha - a.overlap_ha || a.permit_id - b.permit_id);
  if (permits.length === 0) return undefined;
  const { subject } = candidate;
  const what = subject.layer === 'zones' ? `ZEA ${subject.label}` : `the claim ${subject.label}`;
  const reason = `${what} overlaps ${permits.map(describePermitOverlap).join('; ')}`;
  return {
    rule: 'R12',
    reason,
    permits,
    evidence: [
      { layer: subject.layer, id: subject.id, why: reason },
      ...permits.map((p) => ({ layer: 'permits' as const, id: p.permit_id, why: `${what}: ${describePermitOverlap(p)}` })),
    ],
  };
}
