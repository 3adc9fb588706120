import type { Feature, FeatureCollection, Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom as random } from '../../server/generate/seeded-random.js';
import { createFeature } from '../../server/layers/layer-store.js';
import { LAYERS } from '../../server/layers/registry.js';
import { GRID_DEGREES, LINK_DAYS, SENSITIVE_CATEGORIES } from '../../server/sharing/incident-coarsening.js';
import { seedDemo } from '../support/demo-seed.js';
import { publishedIncidentId } from '../support/published-ids.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { decodeTile, tileAt } from '../support/decode-tile.js';

/**
 * Issue 16: what partners and the public see of incidents must not narrow a coarsened
 * incident below its published grid cell and month, through the order of a list, paging,
 * ids or an exact neighbour. Six generated months: many exact incidents and sensitive ones
 * among them, entered in date order (the worst case: the database id follows the day).
 */
const PROFILES = ['partner', 'public'] as const;
const EXACT_CATEGORIES = ['extortion', 'arbitrary_arrest', 'harassment', 'illegal_taxation', 'armed_clash'];
/** Exact incidents and sensitive ones mixed in one area; sensitive ones alone in another, far enough that none has a neighbour. */
const MIXED_AREA = { west: 28.7, south: -2.3, size: 0.2 };
const LONE_AREA = { west: 29.3, south: -2.3, size: 0.2 };

interface Generated {
  dbId: number;
  day: string;
  lon: number;
  lat: number;
  category: string;
  lone: boolean;
}

const rand = random(16);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const round = (v: number) => Math.round(v * 1e5) / 1e5;
const dayOf = (month: number, day: number) => `2021-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

let t: TestApp;
const generated: Generated[] = [];

beforeAll(async () => {
  t = await openTestApp();
  const drafts: Omit<Generated, 'dbId'>[] = [];
  for (let i = 0; i < 240; i++) {
    drafts.push({
      day: dayOf(1 + Math.floor(rand() * 6), 1 + Math.floor(rand() * 28)),
      lon: round(MIXED_AREA.west + rand() * MIXED_AREA.size),
      lat: round(MIXED_AREA.south + rand() * MIXED_AREA.size),
      category: pick(EXACT_CATEGORIES),
      lone: false,
    });
  }
  for (let i = 0; i < 24; i++) {
    const area = i % 2 ? LONE_AREA : MIXED_AREA;
    drafts.push({
      day: dayOf(1 + Math.floor(rand() * 6), 1 + Math.floor(rand() * 28)),
      lon: round(area.west + rand() * area.size),
      lat: round(area.south + rand() * area.size),
      category: pick(SENSITIVE_CATEGORIES),
      lone: area === LONE_AREA,
    });
  }
  // The demo's pattern: an exact arrest at the very place of a torture, two days before it.
  drafts.push({ day: '2021-03-15', lon: 28.81234, lat: -2.21234, category: 'arbitrary_arrest', lone: false });
  drafts.push({ day: '2021-03-17', lon: 28.81234, lat: -2.21234, category: 'torture', lone: false });
  drafts.sort((a, b) => a.day.localeCompare(b.day));
  for (const [i, d] of drafts.entries()) {
    const created = await createFeature(t.db, LAYERS.incidents, {
      geometry: { type: 'Point', coordinates: [d.lon, d.lat] },
      properties: { occurred_on: d.day, category: d.category, perpetrator_type: 'fardc', victims: 6, source: 'generated', source_id: `g${i}` },
    });
    generated.push({ ...d, dbId: Number(created.id) });
  }
});
afterAll(() => t?.close());

async function json<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json() as T;
}

/** Every path a partner or the public can list incidents through, each followed page by page. */
async function everyListing(profile: string): Promise<Record<string, Feature[]>> {
  const pages = async (url: (offset: number) => string) => {
    const features: Feature[] = [];
    for (let offset = 0; ; offset += 37) {
      const page = await json<FeatureCollection>(url(offset));
      features.push(...page.features);
      if (page.features.length < 37) return features;
    }
  };
  return {
    'layer API': await pages((o) => `/api/incidents?profile=${profile}&limit=37&offset=${o}`),
    'OGC API': await pages((o) => `/ogc/collections/incidents/items?profile=${profile}&limit=37&offset=${o}`),
    export: (await json<FeatureCollection>(`/api/export?layers=incidents&profile=${profile}`)).features,
    tiles: await tileFeatures(profile),
  };
}

/**
 * The incidents of the map tiles over the generated areas, tile after tile, each in the order
 * its tile holds them (a record in a tile's margin is left to the tile it lies in).
 */
async function tileFeatures(profile: string): Promise<Feature[]> {
  const tiles = [...new Set(generated.map((g) => JSON.stringify(tileAt(g.lon, g.lat, 9))))]
    .sort()
    .map((k) => JSON.parse(k) as { z: number; x: number; y: number });
  const features: Feature[] = [];
  for (const tile of tiles) {
    const res = await t.app.inject(`/tiles/incidents/${tile.z}/${tile.x}/${tile.y}.mvt?profile=${profile}`);
    expect(res.statusCode).toBe(200);
    for (const f of decodeTile(res.rawPayload, tile).incidents ?? []) {
      if (f.points.every((p) => p.x >= 0 && p.x < 4096 && p.y >= 0 && p.y < 4096))
        features.push({ type: 'Feature', id: f.id, geometry: f.geometry, properties: f.properties });
    }
  }
  return features;
}

/**
 * Published as recorded: the listings say so in `location_precision`; a tile carries only what
 * the map draws (LayerDefinition.tileFields), so there it is its content that says it: the true
 * place, day and category of an entered incident.
 */
const isExact = (f: Feature) =>
  f.properties!.location_precision === undefined ? generated.some((g) => matches(f, g)) : f.properties!.location_precision === 'as recorded';

describe.each(PROFILES)('incidents seen as %s', (profile) => {
  it('come in an order, pages and ids that stay the same when a coarsened incident moves within its cell and month', async () => {
    const before = await everyListing(profile);
    const csvBefore = (await t.app.inject(`/api/export?layers=incidents&profile=${profile}&format=csv`)).body;
    const lone = generated.filter((g) => g.lone);
    try {
      for (const g of lone) {
        // Another day of the same month, another point of the same 0.05° cell (which lies inside the 0.1° one).
        const cell = GRID_DEGREES.partner!;
        const [x, y] = [Math.floor(g.lon / cell) * cell, Math.floor(g.lat / cell) * cell];
        await t.db.query(
          `UPDATE incidents SET occurred_on = date_trunc('month', occurred_on)::date + $2::int, geom = ST_SetSRID(ST_MakePoint($3, $4), 4326) WHERE id = $1`,
          [g.dbId, Math.floor(rand() * 28), round(x + 0.001 + rand() * (cell - 0.002)), round(y + 0.001 + rand() * (cell - 0.002))],
        );
      }
      const after = await everyListing(profile);
      for (const path of Object.keys(before)) expect(after[path], path).toEqual(before[path]);
      expect((await t.app.inject(`/api/export?layers=incidents&profile=${profile}&format=csv`)).body).toBe(csvBefore);
    } finally {
      for (const g of lone)
        await t.db.query(`UPDATE incidents SET occurred_on = $2, geom = ST_SetSRID(ST_MakePoint($3, $4), 4326) WHERE id = $1`, [g.dbId, g.day, g.lon, g.lat]);
    }
  });

  it('carry ids that are not the database ids, do not follow the order of entry, and are the same on every path', async () => {
    const listings = await everyListing(profile);
    const ids = listings['layer API']!.map((f) => f.id as number);
    expect(new Set(ids).size).toBe(generated.length);
    for (const path of Object.keys(listings)) expect(new Set(listings[path]!.map((f) => f.id)), path).toEqual(new Set(ids));
    const dbIds = new Set(generated.map((g) => g.dbId));
    expect(ids.filter((id) => dbIds.has(id))).toEqual([]);
    for (const id of ids) expect(Number.isSafeInteger(id)).toBe(true);

    // Spearman's rank correlation between the order of entry and the ids: about ±0.06 by
    // chance for this many records; the database ids themselves would give 1.
    const expected = await Promise.all(generated.map((g) => publishedIncidentId(t.db, g.dbId)));
    expect(new Set(ids)).toEqual(new Set(expected));
    expect(
      Math.abs(
        spearman(
          generated.map((g) => g.dbId),
          expected,
        ),
      ),
    ).toBeLessThan(0.3);
  });

  it('are found under their published id and never under the database id', async () => {
    const { features } = await json<FeatureCollection>(`/api/incidents?profile=${profile}&limit=5`);
    for (const f of features) {
      expect(await json<Feature>(`/api/incidents/${f.id}?profile=${profile}`)).toEqual(f);
      expect((await json<Feature>(`/ogc/collections/incidents/items/${f.id}?profile=${profile}`)).id).toBe(f.id);
    }
    for (const g of generated.slice(0, 5)) {
      expect((await t.app.inject(`/api/incidents/${g.dbId}?profile=${profile}`)).statusCode).toBe(404);
      expect((await t.app.inject(`/ogc/collections/incidents/items/${g.dbId}?profile=${profile}`)).statusCode).toBe(404);
    }
  });
});

describe('the linked-record rule, as partner', () => {
  it(`publishes no incident exactly within ${GRID_DEGREES.partner}° and ${LINK_DAYS} days of a sensitive one`, async () => {
    const sensitive = generated.filter((g) => (SENSITIVE_CATEGORIES as readonly string[]).includes(g.category));
    const listings = await everyListing('partner');
    for (const [path, features] of Object.entries(listings)) {
      const exact = features.filter(isExact);
      expect(exact.length, `${path}: the rule must not blank everything`).toBeGreaterThan(100);
      for (const f of exact) {
        const g = generated.find((x) => matches(f, x));
        expect(g, `${path}: an exact record that was never entered`).toBeDefined();
        const neighbour = sensitive.find(
          (s) => Math.hypot(s.lon - g!.lon, s.lat - g!.lat) <= GRID_DEGREES.partner! && Math.abs(days(s.day) - days(g!.day)) <= LINK_DAYS,
        );
        expect(neighbour, `${path}: ${g!.category} of ${g!.day} at ${g!.lon},${g!.lat} tells where and when ${neighbour?.category} was`).toBeUndefined();
      }
    }
    const atTheTorture = listings['layer API']!.filter((f) => (f.geometry as Point).coordinates.join() === '28.81234,-2.21234');
    expect(atTheTorture, 'the arrest two days before the torture, at its place').toEqual([]);
  });

  it('coarsens the demo arrest of 2019-05-04, at the place of the torture two days later', async () => {
    const demo = await openTestApp();
    try {
      await seedDemo(demo.db);
      const res = await demo.app.inject('/api/incidents?profile=partner');
      const features = (res.json() as FeatureCollection).features;
      const sameDay = features.filter((f) => f.properties!.occurred_on === '2019-05-04' || f.properties!.occurred_on === '2019-05-06');
      expect(sameDay).toEqual([]);
      const arrests = features.filter((f) => f.properties!.category === 'arbitrary_arrest' && f.properties!.occurred_on === '2019-05-01');
      expect(arrests).toHaveLength(1);
      expect(arrests[0]!.properties!.location_precision).toMatch(/grid cell/);
      expect(res.body).not.toContain('28.6562');
    } finally {
      await demo.close();
    }
  });
});

function matches(f: Feature, g: Generated): boolean {
  const [lon, lat] = (f.geometry as Point).coordinates as [number, number];
  // A tile places a point on its grid: at zoom 9, to about 0.0002°.
  return f.properties!.category === g.category && f.properties!.occurred_on === g.day && Math.abs(lon - g.lon) < 0.0003 && Math.abs(lat - g.lat) < 0.0003;
}

function days(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

function spearman(a: number[], b: number[]): number {
  const ranks = (v: number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(v.length);
    order.forEach(([, i], rank) => (r[i] = rank));
    return r;
  };
  const [ra, rb] = [ranks(a), ranks(b)];
  const n = a.length;
  const d2 = ra.reduce((sum, r, i) => sum + (r - rb[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}
