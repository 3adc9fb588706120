import { readFileSync, readdirSync } from 'node:fs';
import { area, featureCollection, intersect } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PERMIT_OVERLAP_DEFAULTS } from '../../server/analysis/permit-overlaps/permit-overlaps-params.js';
import { r12IndustrialOverlap, type IndustrialOverlapSubject, type PermitOverlap } from '../../server/rules/r12-industrial-overlap.js';
import { FIXTURES } from '../support/fixtures.js';

/**
 * R12 on the fixtures of tests/fixtures/r12/: each file one claim or ZEA (`layer` claims or
 * zones) and the cadastre's titles around it (`layer` permits). The hectares each title shares
 * with it are measured here with Turf, as the SQL measures them with PostGIS, and the pure rule
 * judges them. `true/` must fire, naming the holders of `<case>.expected.json` in that order;
 * `false/` must not.
 */
type Polygonal = Polygon | MultiPolygon;
interface R12Fixture extends FeatureCollection<Polygonal> {
  description: string;
  date: string;
  min_area_ha?: number;
}
interface Expected {
  permits: { code: string; holder: string }[];
}

function cases(folder: 'true' | 'false'): Array<[string, R12Fixture, Expected | undefined]> {
  const dir = new URL(`r12/${folder}/`, FIXTURES);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.geojson$/, '');
      const fixture = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as R12Fixture;
      const expectedFile = new URL(`${name}.expected.json`, dir);
      const expected = folder === 'true' ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected) : undefined;
      return [name, fixture, expected];
    });
}

const hectaresShared = (a: Feature<Polygonal>, b: Feature<Polygonal>) => {
  const shared = intersect(featureCollection([a, b]));
  return shared ? area(shared) / 10_000 : 0;
};

function candidateOf(fixture: R12Fixture) {
  const [subjectFeature, ...others] = [
    ...fixture.features.filter((f) => f.properties!.layer !== 'permits'),
    ...fixture.features.filter((f) => f.properties!.layer === 'permits'),
  ];
  const props = subjectFeature!.properties!;
  const subject: IndustrialOverlapSubject = { layer: props.layer, id: props.id, label: props.label };
  const permits: PermitOverlap[] = others.map((f) => {
    const p = f.properties!;
    return {
      permit_id: p.id,
      code: p.code,
      holder: p.holder ?? null,
      permit_type: p.permit_type,
      permit_status: p.permit_status,
      valid_from: p.valid_from ?? null,
      valid_to: p.valid_to ?? null,
      overlap_ha: hectaresShared(subjectFeature!, f),
    };
  });
  return { subject, permits };
}

describe('R12 fixtures that must fire (true/)', () => {
  const all = cases('true');
  it('has cases', () => expect(all.length).toBeGreaterThanOrEqual(3));
  it.each(all)('%s', (_name, fixture, expected) => {
    expect(fixture.features.filter((f) => f.properties!.layer !== 'permits')).toHaveLength(1);
    const candidate = candidateOf(fixture);
    const hit = r12IndustrialOverlap(candidate, fixture.date, fixture.min_area_ha ?? PERMIT_OVERLAP_DEFAULTS.min_area_ha);
    expect(hit, fixture.description).toBeDefined();
    expect(hit!.rule).toBe('R12');
    expect(hit!.permits.map((p) => ({ code: p.code, holder: p.holder }))).toEqual(expected!.permits);
    for (const p of hit!.permits) {
      expect(p.overlap_ha).toBeGreaterThan(0);
      expect(hit!.reason).toContain(p.holder!);
      expect(hit!.reason).toContain(`${p.overlap_ha.toFixed(1)} ha`);
    }
    expect(hit!.evidence[0]).toMatchObject({ layer: candidate.subject.layer, id: candidate.subject.id });
    expect(hit!.evidence.filter((e) => e.layer === 'permits').map((e) => e.id)).toEqual(hit!.permits.map((p) => p.permit_id));
  });
});

describe('R12 fixtures that must not fire (false/)', () => {
  const all = cases('false');
  it('has cases', () => expect(all.length).toBeGreaterThanOrEqual(3));
  it.each(all)('%s', (_name, fixture) => {
    const candidate = candidateOf(fixture);
    // Each case is about its titles, not about a claim far from them: something lies close.
    expect(candidate.permits.length).toBeGreaterThan(0);
    expect(r12IndustrialOverlap(candidate, fixture.date, fixture.min_area_ha ?? PERMIT_OVERLAP_DEFAULTS.min_area_ha), fixture.description).toBeUndefined();
  });
});

describe('R12 thresholds', () => {
  const [, fixture] = cases('true').find(([name]) => name === 'claim-over-exploitation-permit')!;
  const candidate = candidateOf(fixture);
  const shared = candidate.permits[0]!.overlap_ha;

  it('fires at exactly min_area_ha and not above it', () => {
    expect(r12IndustrialOverlap(candidate, fixture.date, shared)).toBeDefined();
    expect(r12IndustrialOverlap(candidate, fixture.date, shared + 0.01)).toBeUndefined();
  });

  it('holds on the grant and expiry days and not a day outside them', () => {
    const { valid_from, valid_to } = candidate.permits[0]!;
    expect(r12IndustrialOverlap(candidate, valid_from!, 1)).toBeDefined();
    expect(r12IndustrialOverlap(candidate, valid_to!, 1)).toBeDefined();
    expect(r12IndustrialOverlap(candidate, '1998-12-16', 1)).toBeUndefined();
    expect(r12IndustrialOverlap(candidate, '2016-09-19', 1)).toBeUndefined();
  });
});
