import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeature } from '../../server/layers/layer-store.js';
import { LAYERS } from '../../server/layers/registry.js';
import { SENSITIVE_CATEGORIES } from '../../server/sharing/incident-coarsening.js';
import { ALLOWED_FIELDS } from '../../server/sharing/profiles.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { decodeTile, tileAt } from '../support/decode-tile.js';

/**
 * docs/domain.md, sharing rules 1–3, tested from outside: for every sensitive incident category,
 * no path a partner or the public can take (layer API, export, OGC API items and item) returns the exact point, the exact day, or a
 * field outside the allowlist, whether in its own field or hidden in another.
 */
const EXACT = { lon: 28.6123457, lat: -2.2345678, day: '2019-05-17' };
const SECRETS = {
  perpetrator_name: 'Commandant Secret-Nom',
  description: 'Témoin: Marie Secret-Témoin, rue 4',
  notes: 'note interne secrète',
  reference: 'téléphone +243 000 SECRET',
};
/** Text that must never appear: the coordinates at any useful precision, the day, each secret. */
const FORBIDDEN_TEXT = ['28.6123', '28.612', '-2.2345', '-2.234', EXACT.day, ...Object.values(SECRETS)];

let t: TestApp;
const ids = new Map<string, number>();
/** A small zone and a road at the place: naming either would narrow the grid cell down to them. */
const near = { zone_id: 0, route_id: 0 };
beforeAll(async () => {
  t = await openTestApp();
  const zone = await createFeature(t.db, LAYERS.zones, {
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [28.611, -2.235],
          [28.614, -2.235],
          [28.614, -2.233],
          [28.611, -2.235],
        ],
      ],
    },
    properties: { code: 'SMALL-ZONE', name: 'Petite zone' },
  });
  const route = await createFeature(t.db, LAYERS.routes, {
    geometry: {
      type: 'LineString',
      coordinates: [
        [28.61, -2.236],
        [28.615, -2.233],
      ],
    },
    properties: { name: 'Piste courte' },
  });
  Object.assign(near, { zone_id: Number(zone.id), route_id: Number(route.id) });
  for (const category of SENSITIVE_CATEGORIES) {
    const feature = await createFeature(t.db, LAYERS.incidents, {
      geometry: { type: 'Point', coordinates: [EXACT.lon, EXACT.lat] },
      properties: {
        occurred_on: EXACT.day,
        category,
        perpetrator_type: 'fardc',
        perpetrator_name: SECRETS.perpetrator_name,
        victims: 2,
        description: SECRETS.description,
        notes: SECRETS.notes,
        sources: [{ type: 'witness', reference: SECRETS.reference }],
        source: 'test',
        source_id: category,
        ...near,
      },
    });
    ids.set(category, Number(feature.id));
  }
});
afterAll(() => t?.close());

async function body(url: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.body;
}

describe.each([['partner' as const], ['public' as const]])('the %s profile', (profile) => {
  const paths = (id: number) => [
    `/api/incidents?profile=${profile}`,
    `/api/incidents/${id}?profile=${profile}`,
    `/api/export?layers=incidents&profile=${profile}`,
    `/api/export?layers=incidents&profile=${profile}&format=csv`,
    `/ogc/collections/incidents/items?profile=${profile}`,
    `/ogc/collections/incidents/items/${id}?profile=${profile}`,
  ];

  /** The id this profile lists the record under: not the database's (tests/sharing/published-order.test.ts). */
  const publishedId = async (category: string) => {
    const { features } = JSON.parse(await body(`/api/incidents?profile=${profile}`)) as { features: Array<{ id: number; properties: { category: string } }> };
    return features.find((f) => f.properties.category === category)!.id;
  };

  it.each(SENSITIVE_CATEGORIES.map((c) => [c]))('never returns the exact place, day or internal fields of a %s', async (category) => {
    const id = await publishedId(category);
    expect(id).not.toBe(ids.get(category));
    for (const url of paths(id)) {
      const text = await body(url);
      expect(text, url).toContain(category);
      for (const forbidden of FORBIDDEN_TEXT) expect(text, `${url} leaks ${forbidden}`).not.toContain(forbidden);
    }
    const feature = JSON.parse(await body(`/api/incidents/${id}?profile=${profile}`));
    const allowed = new Set([...ALLOWED_FIELDS.incidents[profile], 'location_precision', 'small_counts_suppressed']);
    for (const key of Object.keys(feature.properties)) expect(allowed.has(key), `${key} is not in the ${profile} allowlist`).toBe(true);
    expect(feature.properties.occurred_on).toBe('2019-05-01');
    expect(feature.properties.victims).toBeNull();
    expect(feature.properties.small_counts_suppressed).toBe(true);
    // The zone and the road it happened on would locate it better than the grid does.
    expect(feature.properties.zone_id ?? null).toBeNull();
    expect(feature.properties.route_id ?? null).toBeNull();
    expect(feature.properties.location_precision).toContain('grid');
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    expect(Math.hypot(lon - EXACT.lon, lat - EXACT.lat)).toBeGreaterThan(0.005);
  });

  it('cannot be homed in on: a bbox or dates around the exact point and day find nothing', async () => {
    const tight = `${EXACT.lon - 0.001},${EXACT.lat - 0.001},${EXACT.lon + 0.001},${EXACT.lat + 0.001}`;
    expect(JSON.parse(await body(`/api/incidents?profile=${profile}&bbox=${tight}`)).features).toEqual([]);
    expect(JSON.parse(await body(`/api/export?layers=incidents&profile=${profile}&bbox=${tight}`)).features).toEqual([]);
    expect(JSON.parse(await body(`/ogc/collections/incidents/items?profile=${profile}&bbox=${tight}`)).features).toEqual([]);
    // As of the day before: the month-coarsened date (the 1st) says it had happened already.
    const before = JSON.parse(await body(`/api/incidents?profile=${profile}&date=2019-05-16`)).features;
    expect(before.length).toBe(SENSITIVE_CATEGORIES.length);
  });
});

/** The incidents of the tiles around the exact point, from wide to the deepest zoom, as a profile gets them. */
async function tileIncidents(profile: string) {
  const found = [];
  for (const z of [6, 9, 12, 14, 17, 20]) {
    const tile = tileAt(EXACT.lon, EXACT.lat, z);
    const res = await t.app.inject({ method: 'GET', url: `/tiles/incidents/${z}/${tile.x}/${tile.y}.mvt?profile=${profile}` });
    expect(res.statusCode).toBe(200);
    found.push(...(decodeTile(res.rawPayload, tile).incidents ?? []).map((f) => ({ z, ...f })));
  }
  return found;
}

describe.each([['partner'], ['public']])('map tiles for the %s profile', (profile) => {
  it('place no incident at its exact point nor show its day, at any zoom', async () => {
    const found = await tileIncidents(profile);
    expect(found.length, 'the wide tiles hold the incidents, by cell or by grid point').toBeGreaterThan(0);
    for (const f of found) {
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates as [number, number];
      expect(Math.hypot(lon - EXACT.lon, lat - EXACT.lat), `zoom ${f.z}`).toBeGreaterThan(0.005);
      expect(Object.values(f.properties)).not.toContain(EXACT.day);
    }
  });
});

describe('the internal profile', () => {
  it('finds the exact point in the deep tiles (so the check above can fail)', async () => {
    const deep = (await tileIncidents('internal')).filter((f) => f.z === 20);
    expect(deep.length).toBe(SENSITIVE_CATEGORIES.length);
    for (const f of deep) {
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates as [number, number];
      expect(Math.hypot(lon - EXACT.lon, lat - EXACT.lat)).toBeLessThan(0.0001);
      expect(f.properties.occurred_on).toBe(EXACT.day);
    }
  });

  it('keeps everything, exact', async () => {
    const feature = JSON.parse(await body(`/api/incidents/${ids.get('torture')}`));
    expect(feature.geometry.coordinates).toEqual([EXACT.lon, EXACT.lat]);
    expect(feature.properties).toMatchObject({ occurred_on: EXACT.day, perpetrator_name: SECRETS.perpetrator_name, victims: 2, ...near });
  });
});
