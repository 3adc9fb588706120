import type { FastifyInstance } from 'fastify';
import type { Geometry, Position } from 'geojson';

/**
 * What the browser test needs to know about the data it runs on: where two claims of
 * different cooperatives overlap, and where a record with a hostile name lies. A seeding that
 * replaces this one (the demo loader) only has to return the same description.
 */
export interface BrowserFixture {
  /** A point inside the overlap of two claims, away from every point feature. */
  overlap: { lngLat: [number, number]; cooperativeNames: string[] };
  /** A record whose name is markup: it must show as text. */
  hostileName: { layer: string; lngLat: [number, number]; text: string };
}

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

const box = (west: number, south: number, east: number, north: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});
const point = (lon: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lon, lat] });
const line = (...coordinates: Position[]): Geometry => ({ type: 'LineString', coordinates });

/**
 * A small Bitale-like scene, drawn by hand and marked illustrative, with a record of every
 * layer, created through the real API so the browser reads what the API really returns.
 * Every record is in force today, so that the map's default date shows all of them.
 */
export async function seedBrowserFixture(app: FastifyInstance): Promise<BrowserFixture> {
  let n = 0;
  const post = async (layer: string, geometry: Geometry | null, properties: Record<string, unknown>): Promise<number> => {
    n += 1;
    const res = await app.inject({
      method: 'POST',
      url: `/api/${layer}`,
      payload: { type: 'Feature', geometry, properties: { source: 'browser-test', source_id: `${layer}-${n}`, ...properties } },
    });
    if (res.statusCode !== 201) throw new Error(`seeding ${layer} failed (${res.statusCode}): ${res.body}`);
    return (res.json() as { id: number }).id;
  };
  const illustrative = { illustrative: true };

  const zone798 = await post('zones', box(28.595, -2.255, 28.665, -2.175), {
    code: 'ZEA-798',
    name: 'Bitale (test)',
    province: 'Sud-Kivu',
    territory: 'Kalehe',
    minerals: ['or'],
    status: 'active',
    production_level: 'low',
    qualification: 'none',
    ...illustrative,
  });
  const zone799 = await post('zones', box(28.665, -2.235, 28.715, -2.165), {
    code: 'ZEA-799',
    name: 'Bitale Est (test)',
    status: 'suspended',
    ...illustrative,
  });

  const alpha = 'Coopérative minière Alpha (test)';
  const beta = 'Coopérative Bêta des creuseurs (test)';
  const alphaId = await post('cooperatives', point(28.905, -2.095), {
    name: alpha,
    legal_status: 'authorised',
    authorisation_ref: 'ARR-TEST-1',
    ...illustrative,
  });
  const betaId = await post('cooperatives', null, { name: beta, legal_status: 'unrecognised', ...illustrative });
  const gammaId = await post('cooperatives', null, { name: 'Coopérative Gamma (test)', legal_status: 'pending', ...illustrative });

  await post('claims', box(28.605, -2.245, 28.645, -2.2), {
    cooperative_id: alphaId,
    zone_id: zone798,
    basis: 'title',
    status: 'asserted',
    valid_from: '2018-09-01',
    ...illustrative,
  });
  await post('claims', box(28.625, -2.23, 28.66, -2.185), {
    cooperative_id: betaId,
    zone_id: zone798,
    basis: 'customary',
    status: 'disputed',
    valid_from: '2019-01-15',
    ...illustrative,
  });
  await post('claims', box(28.675, -2.225, 28.705, -2.195), {
    cooperative_id: gammaId,
    zone_id: zone799,
    basis: 'application',
    valid_from: '2019-03-01',
    ...illustrative,
  });

  const siteId = await post('sites', point(28.65, -2.195), { name: 'Bitale centre (test)', minerals: ['or'], location_precision: 'gps', ...illustrative });
  await post('sites', point(28.69, -2.245), { name: HOSTILE_NAME, location_precision: 'approximate', ...illustrative });

  const routeId = await post('routes', line([28.65, -2.195], [28.7, -2.16], [28.76, -2.14], [28.84, -2.115], [28.905, -2.1]), {
    name: 'Bitale – Kalehe (test)',
    from_place: 'Bitale',
    to_place: 'Kalehe',
    site_id: siteId,
    surface: 'track',
    ...illustrative,
  });
  await post('roadblocks', point(28.76, -2.14), {
    operator_type: 'fardc',
    taxes: true,
    taxes_minerals: true,
    goods_taxed: ['or'],
    route_id: routeId,
    valid_from: '2019-02-01',
    ...illustrative,
  });
  await post('roadblocks', point(28.84, -2.115), { operator_type: 'pnc', taxes: false, route_id: routeId, valid_from: '2019-02-01', ...illustrative });

  await post('presence', point(28.655, -2.207), {
    actor_type: 'fardc',
    actor_name: 'Bataillon test',
    behaviours: ['extortion', 'taxation'],
    linked_cooperative_id: betaId,
    link_kind: 'hired',
    site_id: siteId,
    confidence: 'medium',
    valid_from: '2019-02-01',
    ...illustrative,
  });
  await post('presence', point(28.69, -2.205), { actor_type: 'pmh', zone_id: zone799, confidence: 'high', valid_from: '2020-01-01', ...illustrative });
  await post('presence', point(28.9, -2.108), { actor_type: 'pnc', confidence: 'high', valid_from: '2019-01-01', ...illustrative });
  await post('presence', box(28.6, -2.165, 28.64, -2.14), {
    actor_type: 'armed_group_local',
    actor_name: 'Raïa Mutomboki (test)',
    confidence: 'low',
    valid_from: '2019-06-01',
    ...illustrative,
  });

  await post('incidents', point(28.765, -2.147), {
    occurred_on: '2019-03-10',
    category: 'extortion',
    perpetrator_type: 'fardc',
    victims: 4,
    route_id: routeId,
    sources: [{ type: 'civil_society' }],
    verification: 'corroborated',
    follow_up: 'open',
    ...illustrative,
  });
  await post('incidents', point(28.647, -2.178), {
    occurred_on: '2020-05-01',
    category: 'torture',
    geo_precision: 2,
    verification: 'reported',
    ...illustrative,
  });
  await post('incidents', point(28.612, -2.212), {
    occurred_on: '2019-07-01',
    category: 'armed_clash',
    zone_id: zone798,
    verification: 'verified',
    ...illustrative,
  });

  return {
    overlap: { lngLat: [28.633, -2.221], cooperativeNames: [alpha, beta] },
    hostileName: { layer: 'sites', lngLat: [28.69, -2.245], text: HOSTILE_NAME },
  };
}
