import { describe, expect, it } from 'vitest';
import { claimOverlapsSql } from '../../../server/analysis/claim-overlaps/claim-overlaps-sql.js';
import { contestedZonesSql, overlapCountSql } from '../../../server/analysis/contested/contested-sql.js';
import { routeSegmentsOnDaysSql, routeSegmentsSql } from '../../../server/analysis/militarised-routes/route-segments-sql.js';
import { presenceEvidenceSql } from '../../../server/analysis/priorities/priority-evidence-sql.js';
import { coverageSql } from '../../../server/analysis/priorities/priority-places-sql.js';
import { siteFlagsSql } from '../../../server/analysis/security/site-flags-sql.js';
import { zoneFlagsSql } from '../../../server/analysis/security/zone-flags-sql.js';
import { Params } from '../../../server/db/sql/params.js';
import { asOfCondition } from '../../../server/layers/layer-sql.js';
import { LAYERS } from '../../../server/layers/registry.js';
import { tileRowsSql } from '../../../server/tiles/tile-sql.js';
import { expectParameterised } from './parameterised.js';

/** Distinctive values, so that an inlined one would show in the text. */
const DATE = '2019-06-15';
const BBOX = [28.5123, -2.4123, 29.0456, -1.7789];

describe('the analyses build their SQL with every value a parameter', () => {
  it('contested zones: date, thresholds and bbox as parameters, in that order', () => {
    const built = contestedZonesSql({ date: DATE, minAreaHa: 0.4321, minShare: 0.05, nearKm: 2.345, incidentDays: 1234, bbox: BBOX });
    expect(built.values).toEqual([DATE, 0.4321, 2.345, 1234, ...BBOX]);
    expectParameterised(built);
    // Claims in force and not withdrawn; the bbox narrows the first claim of each pair.
    expect(built.text).toContain(
      "((a.valid_from IS NULL OR a.valid_from <= $1::date) AND (a.valid_to IS NULL OR a.valid_to >= $1::date)) AND a.status <> 'withdrawn'",
    );
    expect(built.text).toContain('a.geom && ST_MakeEnvelope($5::float8, $6::float8, $7::float8, $8::float8, 4326)');
  });

  it('contested zones without a bbox: no envelope, no corner values', () => {
    const built = overlapCountSql({ date: DATE, minAreaHa: 0.4321, minShare: 0.05, nearKm: 2.345, incidentDays: 1234 });
    expect(built.values).toEqual([DATE, 0.4321]);
    expect(built.text).not.toContain('ST_MakeEnvelope');
    expectParameterised(built);
  });

  it('militarised routes: routes, roadblocks and presence in force on the date; the bbox on the routes', () => {
    const built = routeSegmentsSql({ date: DATE, bufferM: 1234.5, segmentM: 2345.5, windowDays: 365, k: 3, freshDays: 730, bbox: BBOX });
    expect(built.values).toEqual([DATE, 1234.5, 2345.5, 365, ...BBOX]);
    expectParameterised(built);
    expect(built.text).toContain(`unnest(string_to_array($1::text, ',')::date[]) AS d(day)`);
    for (const alias of ['r', 'g', 'b', 'p']) expect(built.text).toContain(`(${alias}.valid_from IS NULL OR ${alias}.valid_from <= d.day)`);
    expect(built.text).toContain('i.occurred_on > d.day - $4::integer');
    expect(built.text).toContain('r.geom && ST_MakeEnvelope($5::float8, $6::float8, $7::float8, $8::float8, 4326)');
  });

  it('militarised routes on several days: the days as one text parameter, the rest as for one day', () => {
    const built = routeSegmentsOnDaysSql({ bufferM: 432.5, segmentM: 1543.5, windowDays: 97, k: 2, freshDays: 730 }, ['2019-01-31', '2019-02-28']);
    expect(built.values).toEqual(['2019-01-31,2019-02-28', 432.5, 1543.5, 97]);
    expectParameterised(built);
    expect(built.text).not.toContain('ST_MakeEnvelope');
  });

  it('site and zone flags: the date once, the bbox on the sites or the zones', () => {
    const sites = siteFlagsSql({ date: DATE, freshDays: 365, bbox: BBOX });
    expect(sites.values).toEqual([DATE, ...BBOX]);
    expectParameterised(sites);
    expect(sites.text).toContain('s.geom && ST_MakeEnvelope($2::float8');
    const zones = zoneFlagsSql({ date: DATE, freshDays: 365, bbox: BBOX });
    expect(zones.values).toEqual([DATE, ...BBOX]);
    expectParameterised(zones);
    expect(zones.text).toContain('((z.valid_from IS NULL OR z.valid_from <= $1::date) AND (z.valid_to IS NULL OR z.valid_to >= $1::date))');
  });

  it('claim overlaps: the drawn geometry as GeoJSON text, the period and the cooperative as parameters', () => {
    const drawn = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [28.61, -2.21],
          [28.62, -2.21],
          [28.62, -2.2],
          [28.61, -2.21],
        ],
      ],
    };
    const built = claimOverlapsSql(drawn, DATE, null, 4242);
    expect(built.values).toEqual([JSON.stringify(drawn), DATE, null, 4242]);
    expectParameterised(built);
  });

  it('priorities: presence evidence and the coverage of anchors', () => {
    const presence = presenceEvidenceSql(DATE);
    expect(presence.values).toEqual([DATE]);
    expectParameterised(presence);
    const anchor = { type: 'Point' as const, coordinates: [28.6123, -2.2123] };
    const coverage = coverageSql([{ key: 'zone-7', anchor }], 12.5);
    expect(coverage.values).toEqual([JSON.stringify([{ key: 'zone-7', anchor }]), 12500]);
    expectParameterised(coverage);
  });
});

describe('the layers build their SQL with every value a parameter', () => {
  it('as of a date, on the dates the profile publishes: a partner tests an incident by its month', () => {
    expect(asOfCondition(LAYERS.claims, '$1::date')).toBe(
      '((t.valid_from IS NULL OR t.valid_from <= $1::date) AND (t.valid_to IS NULL OR t.valid_to >= $1::date))',
    );
    const internal = asOfCondition(LAYERS.incidents, '$1::date');
    expect(internal).toBe('(t.occurred_on IS NULL OR t.occurred_on <= $1::date)');
    const partner = asOfCondition(LAYERS.incidents, '$1::date', 'partner');
    expect(partner).toContain("date_trunc('month', t.occurred_on)::date");
    expect(partner).not.toBe(internal);
  });

  it('a tile: its address and date as parameters', () => {
    const params = new Params();
    const text = tileRowsSql(LAYERS.claims, { tile: { z: 9, x: 300, y: 260 }, profile: 'internal', date: DATE, mode: 'records' }, params);
    expect(params.values).toContain(DATE);
    expectParameterised({ text, values: params.values });
  });
});
