import type { Feature, FeatureCollection, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../support/demo-seed.js';
import { LAYER_NAMES, type LayerName } from '../../server/layers/layer-definition.js';
import { SENSITIVE_CATEGORIES } from '../../server/sharing/incident-coarsening.js';
import { Params } from '../../server/db/sql/params.js';
import { LAYERS } from '../../server/layers/registry.js';
import { encodeTile, type TileRow } from '../../server/tiles/encode-tile.js';
import { CELL_UNITS, MAX_TILE_RECORDS, geojsonRowsSql } from '../../server/tiles/tile-sql.js';
import { generateProvince, removeGenerated } from '../../server/generate/synthetic-province.js';
import { decodeTile, tileAt, type DecodedFeature } from '../support/decode-tile.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

/** Issue 13: vector tiles of every layer hold the records the layer API lists, as the same profile sees them. */
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await seedDemo(t.db);
});
afterAll(() => t?.close());

type Tile = { z: number; x: number; y: number };

async function getTile(layer: string, tile: Tile, query = '', headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url: `/tiles/${layer}/${tile.z}/${tile.x}/${tile.y}.mvt${query}`, headers });
}

async function decoded(layer: string, tile: Tile, query = ''): Promise<DecodedFeature[]> {
  const res = await getTile(layer, tile, query);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return decodeTile(res.rawPayload, tile)[layer] ?? [];
}

async function listed(layer: string, query = ''): Promise<Feature[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/${layer}?limit=10000${query}` });
  expect(res.statusCode).toBe(200);
  return (res.json() as FeatureCollection).features.filter((f) => f.geometry !== null);
}

function positions(feature: Feature): Position[] {
  const g = feature.geometry as { coordinates: unknown };
  const walk = (c: unknown): Position[] => (typeof (c as unknown[])[0] === 'number' ? [c as Position] : (c as unknown[]).flatMap(walk));
  return walk(g.coordinates);
}

/** Every tile at zoom z that some position of the features falls in. */
function tilesCovering(features: Feature[], z: number): Tile[] {
  const keys = new Set(features.flatMap((f) => positions(f).map(([lon, lat]) => JSON.stringify(tileAt(lon!, lat!, z)))));
  return [...keys].map((k) => JSON.parse(k) as Tile);
}

/**
 * The API's properties as a tile carries them: the layer's tileFields only (what the map draws
 * and filters by), flat (server/tiles/tile-sql.ts flatPropertiesSql).
 */
function flattened(layer: LayerName, properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const drawn = Object.entries(properties).filter(([key]) => LAYERS[layer].tileFields.includes(key));
  for (const [key, value] of drawn) {
    if (value === null) continue;
    if (Array.isArray(value)) out[key] = value;
    else if (typeof value === 'object')
      for (const [k, v] of Object.entries(value as object)) {
        if (v !== null) out[`${key}.${k}`] = v;
      }
    else out[key] = value;
  }
  return out;
}
/** A tile's JSON text of an array or object, read back for comparison. */
function readBack(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, typeof v === 'string' && /^[[{]/.test(v) ? JSON.parse(v) : v]));
}

describe.each(LAYER_NAMES.map((name) => [name]))('tiles of %s', (layer) => {
  it('hold every located record the layer API lists, with the properties the map draws it by, at zoom 10', async () => {
    const features = await listed(layer);
    expect(features.length, 'the demo data has records of every layer').toBeGreaterThan(0);
    const inTiles = new Map<number, DecodedFeature>();
    for (const tile of tilesCovering(features, 10)) {
      for (const f of await decoded(layer, tile)) inTiles.set(f.id!, f);
    }
    expect([...inTiles.keys()].sort((a, b) => a - b)).toEqual(features.map((f) => Number(f.id)).sort((a, b) => a - b));
    for (const f of features) {
      expect(readBack(inTiles.get(Number(f.id))!.properties), `${layer} ${f.id}`).toEqual(JSON.parse(JSON.stringify(flattened(layer, f.properties!))));
    }
  });
});

describe("a partner's incident tiles", () => {
  it('hold what the layer API lists for a partner: the same ids, places and drawn properties, linked incidents coarsened alike', async () => {
    const features = await listed('incidents', '&profile=partner');
    // The demo's arrest two days before the torture at the same place (docs/domain.md, the linked-record rule).
    const linked = features.filter((f) => f.properties!.geo_precision === 3 && !SENSITIVE_CATEGORIES.includes(f.properties!.category));
    expect(linked.length, 'a non-sensitive incident coarsened by the linked-record rule').toBeGreaterThan(0);
    const inTiles = new Map<number, DecodedFeature>();
    for (const tile of tilesCovering(features, 10)) for (const f of await decoded('incidents', tile, '?profile=partner')) inTiles.set(f.id!, f);
    expect([...inTiles.keys()].sort((a, b) => a - b)).toEqual(features.map((f) => Number(f.id)).sort((a, b) => a - b));
    for (const f of features) {
      const inTile = inTiles.get(Number(f.id))!;
      expect(readBack(inTile.properties), `incident ${f.id}`).toEqual(JSON.parse(JSON.stringify(flattened('incidents', f.properties!))));
      // The place the API publishes, to the tile's grid (a unit at zoom 10 is about 10 m).
      const [[lon, lat], [tileLon, tileLat]] = [positions(f)[0]!, positions({ ...f, geometry: inTile.geometry })[0]!];
      expect(Math.abs(tileLon! - lon!), `incident ${f.id}: longitude`).toBeLessThan(0.001);
      expect(Math.abs(tileLat! - lat!), `incident ${f.id}: latitude`).toBeLessThan(0.001);
    }
  });
});

describe('a tile', () => {
  const demoTile = () => listed('incidents').then((f) => tileAt(positions(f[0]!)[0]![0]!, positions(f[0]!)[0]![1]!, 10));

  it('answers with an ETag, a private cache header and a 304 when revalidated, until the data changes', async () => {
    const tile = await demoTile();
    const first = await getTile('incidents', tile);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(first.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    const tag = String(first.headers.etag);
    // Weak: the same data leaves compressed or not.
    expect(tag).toMatch(/^W\/"d\d+\.internal\.\d{4}-\d\d-\d\d"$/);
    const again = await getTile('incidents', tile, '', { 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    // The weak comparison (RFC 9110): the same tag sent without its W/ matches too.
    expect((await getTile('incidents', tile, '', { 'if-none-match': tag.replace(/^W\//, '') })).statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);

    const [site] = await listed('sites');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${site!.id}`,
      payload: { type: 'Feature', properties: { village: 'Nyabibwe-centre' } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = await getTile('incidents', tile, '', { 'if-none-match': tag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(tag);
  });

  it('is made once and kept, yet the request after an edit shows the edit, and another profile gets its own cut', async () => {
    const [zone] = await listed('zones');
    const tile = tilesCovering([zone!], 10)[0]!;
    const first = await getTile('zones', tile);
    const second = await getTile('zones', tile);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect([first.headers['x-tile-cache'], second.headers['x-tile-cache']]).toEqual(['miss', 'hit']);
    // Its steps' times for a browser's network panel and npm run bench:map (Server-Timing): numbers, nothing asked.
    expect(first.headers['server-timing']).toMatch(/^version;dur=\d+\.\d, tile;dur=\d+\.\d$/);
    // The ZEA's code labels its boundary: a field the tile carries.
    const code = `KEPT-${Date.now()}`;
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/zones/${zone!.id}`, payload: { type: 'Feature', properties: { code } } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await decoded('zones', tile)).find((f) => f.id === Number(zone!.id))?.properties.code).toBe(code);

    // The internal cut made first; the partner's of the same address must not be it (partners see opaque ids).
    const incidentTile = await demoTile();
    const internalIds = (await decoded('incidents', incidentTile)).map((f) => f.id);
    const partnerIds = (await decoded('incidents', incidentTile, '?profile=partner')).map((f) => f.id);
    expect(partnerIds.length).toBeGreaterThan(0);
    expect(partnerIds.filter((id) => internalIds.includes(id))).toEqual([]);
  });

  it('is cut for the profile: the tag says which, and the same URL differs', async () => {
    const tile = await demoTile();
    const internal = await getTile('incidents', tile);
    const partner = await getTile('incidents', tile, '?profile=partner');
    expect(partner.headers.etag).toMatch(/\.partner\./);
    expect((await getTile('incidents', tile, '?profile=partner', { 'if-none-match': String(internal.headers.etag) })).statusCode).toBe(200);
  });

  it(`holds counts per cell instead of points where it covers more than ${MAX_TILE_RECORDS} records, and they add up to the records`, async () => {
    // Generated claims and incidents over eastern DRC: every record as itself in the demo's tiles, by cell here.
    await generateProvince(t.db, { seed: 5, claims: 2_500, cooperatives: 50, incidents: 2_500, sites: 0, visits: 0, presence: 0, routeKm: 0 });
    try {
      for (const layer of ['incidents', 'claims']) {
        const features = await listed(layer);
        let counted = 0;
        let cells = 0;
        // Records a tile holds as themselves: wide shapes in a crowded tile, every record in a tile under the limit.
        const whole = new Set<number>();
        for (const tile of tilesCovering(features, 4)) {
          for (const f of await decoded(layer, tile)) {
            const inside = (p: { x: number; y: number }) => p.x >= 0 && p.x < 4096 && p.y >= 0 && p.y < 4096;
            if (f.properties.cell_count === undefined) {
              // A record carries what the map draws it by, never a count.
              expect(
                Object.keys(f.properties).every((key) => LAYERS[layer as LayerName].tileFields.includes(key)),
                `${layer} ${f.id}`,
              ).toBe(true);
              // A record in the tile's margin belongs to the tile it lies in.
              if (f.points.some(inside)) whole.add(f.id!);
              continue;
            }
            expect(f.geometry.type).toBe('Point');
            expect(Object.keys(f.properties)).toEqual(['cell_count']);
            cells += 1;
            if (f.points.every(inside)) counted += Number(f.properties.cell_count);
          }
        }
        expect(counted + whole.size, layer).toBe(features.length);
        expect(cells, `${layer}: some tile is over the limit`).toBeGreaterThan(0);
        expect(cells, `${layer}: cells of ${CELL_UNITS} units gather many records`).toBeLessThan(features.length / 3);
      }
      // Deep enough, a tile holds few records again: each as itself.
      const [incident] = await listed('incidents');
      const [lon, lat] = positions(incident!)[0]!;
      const deep = await decoded('incidents', tileAt(lon!, lat!, 12));
      expect(deep.some((f) => f.id === Number(incident!.id) && f.properties.category === incident!.properties!.category)).toBe(true);
    } finally {
      await removeGenerated(t.db);
    }
  });

  it('keeps to the date asked, like the layer API', async () => {
    const date = '2020-01-01';
    const features = await listed('presence', `&date=${date}`);
    const all = await listed('presence');
    expect(features.length).toBeLessThan(all.length);
    const ids = new Set<number>();
    for (const tile of tilesCovering(all, 10)) for (const f of await decoded('presence', tile, `?date=${date}`)) ids.add(f.id!);
    expect([...ids].sort((a, b) => a - b)).toEqual(features.map((f) => Number(f.id)).sort((a, b) => a - b));
  });

  it('refuses a tile that does not exist, a layer that does not, and an unknown parameter', async () => {
    expect((await getTile('incidents', { z: 3, x: 8, y: 0 })).json()).toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/x and y run from 0 to 7/),
    });
    expect((await getTile('nothing', { z: 3, x: 1, y: 1 })).statusCode).toBe(404);
    expect((await getTile('incidents', { z: 21, x: 1, y: 1 })).statusCode).toBe(400);
    expect((await getTile('incidents', { z: 3, x: 1, y: 1 }, '?limit=5')).statusCode).toBe(400);
  });

  it('is an empty body where the layer has nothing', async () => {
    const res = await getTile('incidents', { z: 10, x: 0, y: 0 });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBe(0);
  });

  it.runIf(process.env.DATABASE_URL)('is the same from PostGIS (ST_AsMVT) as from the embedded path (geojson-vt, vt-pbf)', async () => {
    for (const layer of LAYER_NAMES) {
      const features = await listed(layer);
      for (const tile of [...tilesCovering(features, 9), ...tilesCovering(features, 6)]) {
        const params = new Params();
        const rows = await t.db.query<TileRow>(geojsonRowsSql(LAYERS[layer], { tile, profile: 'partner', mode: 'records' }, params), params.values);
        const fromNode = decodeTile(encodeTile(layer, tile, rows), tile)[layer] ?? [];
        const fromPostgis = await decoded(layer, tile, '?profile=partner');
        // Polygon or MultiPolygon alike: where a shape's second part is a sliver under a unit of the
        // tile grid, geojson-vt's simplification drops it and PostGIS keeps it (a CAMI permit at 9/296/260).
        const kind = (type: string) => type.replace(/^Multi/, '');
        const summary = (fs: DecodedFeature[]) =>
          fs.map((f) => ({ id: f.id, type: kind(f.geometry.type), properties: f.properties })).sort((a, b) => a.id! - b.id!);
        expect(summary(fromNode), `${layer} ${tile.z}/${tile.x}/${tile.y}`).toEqual(summary(fromPostgis));
        // Shapes agree to the tile grid (a unit is 1/4096 of the tile): the same box around each feature's positions.
        const boxes = (fs: DecodedFeature[]) =>
          [...fs]
            .sort((a, b) => a.id! - b.id!)
            .map((f) => [
              Math.min(...f.points.map((p) => p.x)),
              Math.min(...f.points.map((p) => p.y)),
              Math.max(...f.points.map((p) => p.x)),
              Math.max(...f.points.map((p) => p.y)),
            ]);
        const [node, postgis] = [boxes(fromNode), boxes(fromPostgis)];
        for (const [i, box] of node.entries())
          for (const [k, v] of box.entries()) expect(Math.abs(v - postgis[i]![k]!), `${layer} ${tile.z}/${tile.x}/${tile.y}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
