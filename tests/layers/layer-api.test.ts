import { readdirSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../server/app.js';
import { resolveReferences } from '../../server/import/resolve-references.js';
import { LAYER_NAMES, type LayerName } from '../../server/layers/layer-definition.js';
import { LAYERS } from '../../server/layers/registry.js';
import { readFixtures } from '../support/fixtures.js';
import { countRows, openTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const created = new Map<LayerName, Feature>();
const sent = new Map<LayerName, Feature>();

/** The distinct positions of a geometry at the API's 7 decimals, sorted: equal whatever the ring order or Multi wrapping. */
function positions(geometry: unknown): string[] {
  const out = new Set<string>();
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.add(c.map((v: number) => v.toFixed(7)).join(','));
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk((geometry as { coordinates?: unknown } | null)?.coordinates);
  return [...out].sort();
}

/** `1-zones` → zones */
const layerOf = (name: string) => name.replace(/^\d+-/, '') as LayerName;

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const layer of Object.values(LAYERS)) counts[layer.table] = await countRows(t.db, layer.table);
  return counts;
}

beforeAll(async () => {
  t = await openTestApp();
  // One valid record of every layer, created through the API in dependency order.
  for (const [name, fixture] of readFixtures<Feature>('layers/valid')) {
    const layer = LAYERS[layerOf(name)];
    const { properties, error } = await resolveReferences(t.db, layer, fixture.properties ?? {});
    expect(error).toBeUndefined();
    const res = await t.app.inject({ method: 'POST', url: `/api/${layer.name}`, payload: { ...fixture, properties } });
    expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
    created.set(layer.name, res.json());
    sent.set(layer.name, fixture);
  }
});
afterAll(() => t.close());

describe('health', () => {
  it('reports the database kind and migration level when ready', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(200);
    // The level is the highest numbered migration in migrations/.
    const latest = Math.max(...readdirSync(new URL('../../migrations/', import.meta.url)).map((f) => Number(/^(\d+)\.do\./.exec(f)?.[1] ?? 0)));
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite', migration: latest });
  });
});

describe.each(LAYER_NAMES.map((n) => [n]))('layer %s', (name) => {
  it('was created, and reads back with its properties and an id', async () => {
    const feature = created.get(name)!;
    expect(feature.id).toEqual(expect.any(Number));
    const res = await t.app.inject({ method: 'GET', url: `/api/${name}/${feature.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.json().properties).toMatchObject({ source: 'test' });
    // Longitude first, same vertices: what was sent is what is served.
    expect(positions(res.json().geometry)).toEqual(positions(sent.get(name)!.geometry));
  });

  it('lists as a FeatureCollection with counts', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/${name}` });
    const page = res.json() as FeatureCollection & { numberMatched: number; numberReturned: number };
    expect(page.type).toBe('FeatureCollection');
    expect(page.features.map((f) => f.id)).toContain(created.get(name)!.id);
    expect(page.numberReturned).toBe(page.features.length);
  });

  it('finds the record inside its bbox and not in a bbox elsewhere', async () => {
    const inside = await t.app.inject({ method: 'GET', url: `/api/${name}?bbox=28.5,-2.4,29,-2` });
    const elsewhere = await t.app.inject({ method: 'GET', url: `/api/${name}?bbox=10,10,11,11` });
    const id = created.get(name)!.id;
    if (created.get(name)!.geometry) expect(inside.json().features.map((f: Feature) => f.id)).toContain(id);
    expect(elsewhere.json().features).toHaveLength(0);
  });

  it('answers 404 for an id that does not exist, and 400 for one that is not a number', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/${name}/987654` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/${name}/abc` })).statusCode).toBe(400);
  });
});

describe('geometry on output (RFC 7946)', () => {
  it('writes polygon exterior rings counter-clockwise even when sent clockwise', async () => {
    const clockwise = [
      [
        [28.9, -2.0],
        [28.9, -1.99],
        [28.91, -1.99],
        [28.91, -2.0],
        [28.9, -2.0],
      ],
    ];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/zones',
      payload: { type: 'Feature', geometry: { type: 'Polygon', coordinates: clockwise }, properties: { code: 'ZEA-CW' } },
    });
    expect(res.statusCode).toBe(201);
    const ring = res.json().geometry.coordinates[0][0] as number[][];
    // Shoelace sum: positive for counter-clockwise in lon/lat axes.
    const signedArea = ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i]![0]! * y! - x! * ring[i]![1]!), 0);
    expect(res.json().geometry.type).toBe('MultiPolygon');
    expect(signedArea).toBeGreaterThan(0);
  });
});

describe('as-of date', () => {
  it('shows a record only within its validity period', async () => {
    const ids = async (date: string) => (await t.app.inject({ method: 'GET', url: `/api/presence?date=${date}` })).json().features.map((f: Feature) => f.id);
    const id = created.get('presence')!.id;
    expect(await ids('2018-10-31')).not.toContain(id);
    expect(await ids('2018-11-01')).toContain(id);
    expect(await ids('2019-08-15')).toContain(id);
    expect(await ids('2019-08-16')).not.toContain(id);
  });

  it('shows an incident from the day it occurred on', async () => {
    const ids = async (date: string) => (await t.app.inject({ method: 'GET', url: `/api/incidents?date=${date}` })).json().features.map((f: Feature) => f.id);
    expect(await ids('2019-03-09')).toHaveLength(0);
    expect(await ids('2019-03-10')).toContain(created.get('incidents')!.id);
  });

  it('refuses a date that is not a date', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/claims?date=yesterday' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('date');
  });
});

describe('claims carry their claimant', () => {
  it("has the cooperative's name and legal status, and an area in hectares", async () => {
    const claim = created.get('claims')!;
    expect(claim.properties).toMatchObject({ cooperative_name: 'Coopérative test A', legal_status: 'authorised' });
    // 0.03° square at 2.2° S ≈ 3.33 km × 3.34 km ≈ 1 110 ha
    expect(claim.properties!.area_ha).toBeGreaterThan(1_090);
    expect(claim.properties!.area_ha).toBeLessThan(1_130);
  });
});

describe('paging', () => {
  it('pages with limit and offset and keeps the total', async () => {
    for (let i = 0; i < 3; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/sites',
        payload: { type: 'Feature', geometry: { type: 'Point', coordinates: [28.7 + i / 100, -2.1] }, properties: { name: `Paging ${i}` } },
      });
    }
    const first = (await t.app.inject({ method: 'GET', url: '/api/sites?limit=2' })).json();
    const second = (await t.app.inject({ method: 'GET', url: '/api/sites?limit=2&offset=2' })).json();
    expect(first.numberReturned).toBe(2);
    expect(first.numberMatched).toBe(4);
    expect(second.numberMatched).toBe(4);
    expect(second.features.map((f: Feature) => f.id)).not.toContain(first.features[0].id);
  });

  it('refuses a limit above the maximum and unknown query parameters', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/sites?limit=100000' })).statusCode).toBe(400);
    const res = await t.app.inject({ method: 'GET', url: '/api/sites?colour=red' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("unknown property 'colour'");
  });

  it('refuses an inverted or out-of-range bbox', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/sites?bbox=29,-2,28,-3' })).json().message).toContain('min ≤ max');
    expect((await t.app.inject({ method: 'GET', url: '/api/sites?bbox=0,0,200,1' })).statusCode).toBe(400);
  });
});

describe('update and delete', () => {
  it('changes only the properties given', async () => {
    const coop = created.get('cooperatives')!;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/cooperatives/${coop.id}`, payload: { type: 'Feature', properties: { acronym: 'CTA' } } });
    expect(res.statusCode).toBe(200);
    expect(res.json().properties).toMatchObject({ acronym: 'CTA', name: 'Coopérative test A', legal_status: 'authorised' });
  });

  it('refuses to delete a cooperative that still has claims, and keeps it', async () => {
    const coop = created.get('cooperatives')!;
    const res = await t.app.inject({ method: 'DELETE', url: `/api/cooperatives/${coop.id}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('still referred to');
    expect((await t.app.inject({ method: 'GET', url: `/api/cooperatives/${coop.id}` })).statusCode).toBe(200);
  });

  it('deletes a record and then no longer finds it', async () => {
    const incident = created.get('incidents')!;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/incidents/${incident.id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/incidents/${incident.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/incidents/${incident.id}` })).statusCode).toBe(404);
  });

  it('refuses an invalid geometry on update and leaves the record as it was', async () => {
    const claim = created.get('claims')!;
    const before = (await t.app.inject({ method: 'GET', url: `/api/claims/${claim.id}` })).json();
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [28.6, -2.2],
          [28.7, -2.2],
          [28.6, -2.3],
          [28.7, -2.3],
          [28.6, -2.2],
        ],
      ],
    };
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/claims/${claim.id}`,
      payload: { type: 'Feature', geometry: bowtie, properties: { name: 'changed' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Self-intersection');
    expect((await t.app.inject({ method: 'GET', url: `/api/claims/${claim.id}` })).json()).toEqual(before);
  });
});

interface BadInputCase {
  layer: LayerName;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  status: number;
  message: string;
}

describe('bad input: a clear 4xx and nothing written', () => {
  it.each(readFixtures<BadInputCase>('layers/invalid'))('%s', async (_name, bad) => {
    const before = await rowCounts();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/${bad.layer}`,
      headers: { 'content-type': bad.contentType ?? 'application/json' },
      payload: bad.rawBody ?? JSON.stringify(bad.body),
    });
    expect(res.statusCode).toBe(bad.status);
    expect(res.json().message).toContain(bad.message);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const before = await rowCounts();
    const ring = Array.from({ length: 200_000 }, (_, i) => [28 + i / 1e6, -2]);
    const payload = JSON.stringify({ type: 'Feature', geometry: { type: 'LineString', coordinates: ring }, properties: { name: 'huge' } });
    expect(payload.length).toBeGreaterThan(BODY_LIMIT);
    const res = await t.app.inject({ method: 'POST', url: '/api/routes', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(413);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('/api/nowhere');
  });
});
