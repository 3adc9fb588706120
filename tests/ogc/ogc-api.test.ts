import type { Feature, Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../server/layers/registry.js';
import { publishedIncidentId } from '../support/published-ids.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { seedDemo } from '../support/demo-seed.js';

/**
 * OGC API - Features - Part 1: Core at /ogc over the demo data: the resources and their links,
 * paging, filters, errors, and the public profile that outside GIS clients get by default.
 */
interface Link {
  href: string;
  rel: string;
  type: string;
}
type OgcFeature = Feature<Point | null, Record<string, unknown>> & { id: number; links?: Link[] };
interface ItemsPage {
  type: string;
  features: OgcFeature[];
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  links: Link[];
}
interface Collection {
  id: string;
  title: string;
  description: string;
  links: Link[];
  itemType: string;
  crs: string[];
  extent?: { spatial?: { bbox: number[][]; crs: string }; temporal?: { interval: Array<Array<string | null>>; trs: string } };
}

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await seedDemo(t.db);
});
afterAll(() => t?.close());

async function get(url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers });
}

/** A 200 JSON body of the given media type. */
async function fetchJson<T>(url: string, type = 'application/json', headers: Record<string, string> = {}): Promise<T> {
  const res = await get(url, headers);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  // The OpenAPI type keeps its parameter unquoted, as GDAL compares it token by token.
  expect(res.headers['content-type'], url).toBe(type === OPENAPI_TYPE ? `${type};charset=utf-8` : `${type}; charset=utf-8`);
  return res.json() as T;
}

const page = (url: string) => fetchJson<ItemsPage>(url, 'application/geo+json');
/** Links are absolute (GDAL needs them so); inject takes the path and query. */
const local = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};
const linkOf = (links: Link[], rel: string) => links.find((l) => l.rel === rel);
/** Every feature of a layer as the profile sees it, in one page. */
const everything = async (layer: string, profile = 'public') => (await page(`/ogc/collections/${layer}/items?limit=10000&profile=${profile}`)).features;

describe('landing page and conformance', () => {
  it('links the API definition, the conformance declaration and the collections (/req/core/root-success)', async () => {
    const landing = await fetchJson<{ title: string; description: string; links: Link[] }>('/ogc');
    expect(landing.title).toBeTruthy();
    expect(landing.links.map((l) => [l.rel, l.type])).toEqual([
      ['self', 'application/json'],
      ['service-desc', OPENAPI_TYPE],
      ['conformance', 'application/json'],
      ['data', 'application/json'],
    ]);
    expect(local(linkOf(landing.links, 'self')!.href)).toBe('/ogc');
    // Every link leads somewhere that answers with the type it announced.
    for (const link of landing.links) await fetchJson(local(link.href), link.type);
  });

  it('answers with a trailing slash too', async () => {
    expect((await fetchJson<{ links: Link[] }>('/ogc/')).links).toHaveLength(4);
  });

  it('declares the core, GeoJSON and OpenAPI 3.0 conformance classes', async () => {
    const { conformsTo } = await fetchJson<{ conformsTo: string[] }>('/ogc/conformance');
    expect(conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
      ]),
    );
  });

  it('serves an OpenAPI 3.0 definition of the OGC paths relative to /ogc, limit with its maximum', async () => {
    const api = await fetchJson<{
      openapi: string;
      servers: Array<{ url: string }>;
      paths: Record<string, { get: { parameters: Array<{ name: string; schema: Record<string, unknown> }> } }>;
    }>('/ogc/api', OPENAPI_TYPE);
    expect(api.openapi).toMatch(/^3\.0\./);
    expect(local(api.servers[0]!.url)).toBe('/ogc');
    expect(Object.keys(api.paths).sort()).toEqual(
      [
        '/',
        '/api',
        '/conformance',
        '/collections',
        '/collections/{collectionId}',
        '/collections/{collectionId}/items',
        '/collections/{collectionId}/items/{featureId}',
      ].sort(),
    );
    const items = api.paths['/collections/{collectionId}/items']!.get.parameters;
    expect(items.map((p) => p.name).sort()).toEqual(['bbox', 'collectionId', 'datetime', 'f', 'limit', 'offset', 'profile']);
    expect(items.find((p) => p.name === 'limit')!.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 10000, default: 100 });
    expect(items.find((p) => p.name === 'profile')!.schema).toMatchObject({ default: 'public' });
  });
});

describe('collections', () => {
  let collections: Collection[];
  beforeAll(async () => {
    collections = (await fetchJson<{ collections: Collection[] }>('/ogc/collections')).collections;
  });

  it('lists every layer, with self and items links (/req/core/fc-md-items, /req/core/fc-md-items-links)', async () => {
    expect(collections.map((c) => c.id)).toEqual(Object.keys(LAYERS));
    for (const c of collections) {
      const layer = LAYERS[c.id as keyof typeof LAYERS];
      expect(c.title).toBe(layer.title.en);
      expect(c.description).toContain(layer.title.fr);
      expect(c.itemType).toBe('feature');
      expect(c.crs).toEqual([CRS84]);
      expect(c.links.map((l) => [l.rel, l.type])).toEqual([
        ['self', 'application/json'],
        ['items', 'application/geo+json'],
      ]);
      expect(local(linkOf(c.links, 'items')!.href)).toBe(`/ogc/collections/${c.id}/items`);
      expect(await fetchJson<Collection>(local(linkOf(c.links, 'self')!.href))).toEqual(c);
    }
  });

  it('gives the French titles to a client that prefers French', async () => {
    const res = await get('/ogc/collections/claims', { 'accept-language': 'fr-CD, fr;q=0.9, en;q=0.5' });
    expect(res.headers['content-language']).toBe('fr');
    expect(res.json()).toMatchObject({ title: LAYERS.claims.title.fr, description: expect.stringContaining(LAYERS.claims.title.en) });
    expect((await get('/ogc/collections/claims', { 'accept-language': 'sw, en;q=0.8, fr;q=0.3' })).json().title).toBe(LAYERS.claims.title.en);
  });

  it('has a spatial extent holding every feature the profile sees (/req/core/fc-md-extent)', async () => {
    for (const c of collections) {
      const positions = (await everything(c.id)).flatMap((f) => flatten(f.geometry));
      expect(positions.length, c.id).toBeGreaterThan(0);
      const [west, south, east, north] = c.extent!.spatial!.bbox[0]!;
      expect(c.extent!.spatial!.crs).toBe(CRS84);
      // The box is the features' own: as tight as their 7 decimals, and around all of them.
      expect(west, c.id).toBeCloseTo(Math.min(...positions.map((p) => p[0]!)), 7);
      expect(south, c.id).toBeCloseTo(Math.min(...positions.map((p) => p[1]!)), 7);
      expect(east, c.id).toBeCloseTo(Math.max(...positions.map((p) => p[0]!)), 7);
      expect(north, c.id).toBeCloseTo(Math.max(...positions.map((p) => p[1]!)), 7);
    }
  });

  it('has a temporal extent from the layer period, null where records are open-ended', async () => {
    const temporal = (id: string) => collections.find((c) => c.id === id)!.extent!.temporal!.interval[0];
    // The demo roadblocks run from 2011-01-15 (Lumbishi) to 2020-11-20 (the police post).
    expect(temporal('roadblocks')).toEqual(['2011-01-15T00:00:00Z', '2020-11-20T23:59:59Z']);
    // Zones still in force: open at the end. Routes have no dates at all: open at both ends.
    expect(temporal('zones')![1]).toBeNull();
    expect(temporal('routes')).toEqual([null, null]);
    // Incidents are events: from the first to the last (published, so month-coarsened) date.
    expect(temporal('incidents')).toEqual(['2018-11-01T00:00:00Z', '2020-03-01T23:59:59Z']);
  });

  it('answers 404 for a collection that does not exist', async () => {
    for (const url of ['/ogc/collections/mines', '/ogc/collections/mines/items', '/ogc/collections/toString/items', '/ogc/collections/mines/items/1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().message, url).toContain('no collection');
    }
  });
});

/** Every position of a geometry, whatever its nesting. */
function flatten(geometry: unknown): number[][] {
  const out: number[][] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as number[]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk((geometry as { coordinates?: unknown } | null)?.coordinates);
  return out;
}

describe('items', () => {
  it('is GeoJSON with numberMatched, numberReturned, timeStamp and self link (/req/core/fc-response)', async () => {
    const before = Date.now();
    const body = await page('/ogc/collections/sites/items');
    expect(body.type).toBe('FeatureCollection');
    expect(body.numberMatched).toBeGreaterThan(100);
    // Default limit 100 (/req/core/fc-limit-definition).
    expect(body.numberReturned).toBe(100);
    expect(body.features).toHaveLength(100);
    expect(Date.parse(body.timeStamp)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(body.timeStamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(local(linkOf(body.links, 'self')!.href)).toBe('/ogc/collections/sites/items?limit=100&offset=0&profile=public');
    expect(linkOf(body.links, 'prev')).toBeUndefined();
    for (const link of body.links) expect(link.type).toBeTruthy();
  });

  it('pages by next links until exhausted, every feature once, as many as numberMatched', async () => {
    const all = await everything('sites');
    let url: string | undefined = '/ogc/collections/sites/items?limit=7';
    const seen: number[] = [];
    let pages = 0;
    let matched = -1;
    while (url) {
      const body: ItemsPage = await page(url);
      pages += 1;
      matched = body.numberMatched;
      expect(body.numberReturned).toBe(body.features.length);
      expect(body.numberReturned).toBeLessThanOrEqual(7);
      seen.push(...body.features.map((f) => f.id));
      const next = linkOf(body.links, 'next');
      if (next) expect(next.type).toBe('application/geo+json');
      url = next && local(next.href);
      expect(pages).toBeLessThan(100);
    }
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(seen).toHaveLength(matched);
    expect(new Set(seen).size).toBe(matched);
    expect(seen).toEqual(all.map((f) => f.id));
  });

  it('links back with prev, and carries the profile and filters in every paging link', async () => {
    const url = '/ogc/collections/sites/items?bbox=28.5,-2.5,29.1,-1.7&limit=10&offset=20&profile=partner';
    const body = await page(url);
    const prev = linkOf(body.links, 'prev')!;
    const next = linkOf(body.links, 'next')!;
    expect(prev.type).toBe('application/geo+json');
    expect(local(prev.href)).toBe('/ogc/collections/sites/items?bbox=28.5,-2.5,29.1,-1.7&limit=10&offset=10&profile=partner');
    expect(local(next.href)).toBe('/ogc/collections/sites/items?bbox=28.5,-2.5,29.1,-1.7&limit=10&offset=30&profile=partner');
    // The partner profile's own fields come through the next page too.
    const following = await page(local(next.href));
    expect(Object.keys(following.features[0]!.properties)).toContain('collectivite');
    expect(Object.keys((await page('/ogc/collections/sites/items?limit=1')).features[0]!.properties)).not.toContain('collectivite');
  });

  it('clamps a limit above 10 000 instead of refusing it (/req/core/fc-limit-response-1)', async () => {
    const res = await get('/ogc/collections/sites/items?limit=50000');
    expect(res.statusCode).toBe(200);
    const body = res.json() as ItemsPage;
    expect(body.numberReturned).toBe(body.numberMatched);
    expect(local(linkOf(body.links, 'self')!.href)).toContain('limit=10000&');
    expect((await get('/ogc/collections/sites/items?limit=99999999999999999999')).statusCode).toBe(200);
  });

  it('answers an offset past the end with no features and the true numberMatched', async () => {
    const body = await page('/ogc/collections/sites/items?offset=5000');
    expect(body.features).toEqual([]);
    expect(body.numberMatched).toBe((await everything('sites')).length);
    expect(linkOf(body.links, 'next')).toBeUndefined();
  });

  it('keeps only features whose geometry meets the bbox (/req/core/fc-bbox-response)', async () => {
    const all = await everything('sites');
    const [w, s, e, n] = [28.8, -2.0, 29.0, -1.8];
    const inside = all.filter((f) => {
      const [x, y] = f.geometry!.coordinates as [number, number];
      return x >= w && x <= e && y >= s && y <= n;
    });
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(all.length);
    const body = await page(`/ogc/collections/sites/items?bbox=${w},${s},${e},${n}&limit=10000`);
    expect(body.features.map((f) => f.id)).toEqual(inside.map((f) => f.id));
    expect(body.numberMatched).toBe(inside.length);
    // Six numbers: the heights are ignored.
    expect((await page(`/ogc/collections/sites/items?bbox=${w},${s},-100,${e},${n},100&limit=10000`)).numberMatched).toBe(inside.length);
    expect((await page('/ogc/collections/sites/items?bbox=10,10,11,11')).numberMatched).toBe(0);
  });

  it('reads a bbox whose west edge is east of its east edge as crossing the antimeridian', async () => {
    const eastwards = await page('/ogc/collections/sites/items?bbox=20,-3,180,0&limit=10000');
    const across = await page('/ogc/collections/sites/items?bbox=20,-3,-170,0&limit=10000');
    expect(eastwards.numberMatched).toBeGreaterThan(0);
    expect(across.features.map((f) => f.id)).toEqual(eastwards.features.map((f) => f.id));
    expect((await page('/ogc/collections/sites/items?bbox=40,-3,-170,0')).numberMatched).toBe(0);
  });

  it('keeps records whose period overlaps datetime, instants and intervals with open ends (/req/core/fc-time-response)', async () => {
    const names = async (query: string) =>
      (await page(`/ogc/collections/roadblocks/items?profile=internal&${query}`)).features
        .map((f) => String(f.properties.name).replace(/ \(illustrative\)$/, ''))
        .sort();
    const lumbishi = 'Ancienne barrière de Lumbishi';
    const bitale = 'Barrière de la sortie de Bitale';
    const numbi = 'Barrière sur la piste de Numbi';
    const police = 'Poste de contrôle PNC sur la route du lac';
    expect(await names('datetime=2012-01-01')).toEqual([lumbishi]);
    expect(await names('datetime=2012-01-01T10:00:00Z')).toEqual([lumbishi]);
    // Bitale's roadblock ended on 2019-08-15; Numbi's began on 2019-10-01.
    expect(await names('datetime=2019-09-01/2019-09-30')).toEqual([police]);
    expect(await names('datetime=2019-08-15/..')).toEqual([bitale, numbi, police]);
    expect(await names('datetime=2019-08-16T00:00:00Z/')).toEqual([numbi, police]);
    expect(await names('datetime=../2011-01-15')).toEqual([lumbishi]);
    expect(await names('datetime=../2011-01-14')).toEqual([]);
    // Half past eleven on 14 January at UTC−1 is already the 15th in UTC.
    expect(await names(`datetime=${encodeURIComponent('2011-01-14T23:30:00-01:00')}`)).toEqual([lumbishi]);
  });

  it('keeps the records with no dates at all whatever datetime asks (/req/core/fc-time-response C)', async () => {
    const routes = await everything('routes');
    expect(routes.every((f) => f.properties.valid_from === null && f.properties.valid_to === null)).toBe(true);
    expect((await page('/ogc/collections/routes/items?datetime=1990-01-01')).numberMatched).toBe(routes.length);
  });

  it('filters incidents by the day they occurred on, and datetime narrows to days only where the profile shows days', async () => {
    const incidents = async (query: string, profile: string) =>
      (await page(`/ogc/collections/incidents/items?profile=${profile}&${query}`)).features.map((f) => f.id).sort((a, b) => a - b);
    const internal = await everything('incidents', 'internal');
    const inMay = internal.filter((f) => String(f.properties.occurred_on).startsWith('2019-05')).map((f) => f.id);
    expect(inMay).toHaveLength(2);
    // The public sees incidents under other ids (tests/sharing/published-order.test.ts).
    const publicInMay = (await Promise.all(inMay.map((id) => publishedIncidentId(t.db, id)))).sort((a, b) => a - b);
    expect(await incidents('datetime=2019-05-01/2019-05-31', 'internal')).toEqual(inMay);
    expect(await incidents('datetime=2019-05-01/2019-05-31', 'public')).toEqual(publicInMay);
    // The torture of 6 May: the internal profile finds it on its day; the public one, which
    // sees only its month, cannot home in on the day by narrowing datetime.
    const torture = internal.find((f) => f.properties.category === 'torture' && f.properties.occurred_on === '2019-05-06')!;
    expect(await incidents('datetime=2019-05-06', 'internal')).toEqual([torture.id]);
    expect(await incidents('datetime=2019-05-06', 'public')).toEqual([]);
    expect(await incidents('datetime=2019-05-01', 'public')).toEqual(publicInMay);
  });
});

describe('one item', () => {
  it('is the same feature as in the listing, with self and collection links (/req/core/f-links)', async () => {
    const [listed] = (await page('/ogc/collections/sites/items?limit=1')).features;
    const res = await get(`/ogc/collections/sites/items/${listed!.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const { links, ...feature } = res.json() as OgcFeature;
    expect(feature).toEqual(listed);
    expect(links!.map((l) => [l.rel, l.type])).toEqual([
      ['self', 'application/geo+json'],
      ['collection', 'application/json'],
    ]);
    expect(local(links![0]!.href)).toBe(`/ogc/collections/sites/items/${listed!.id}`);
    expect(local(links![1]!.href)).toBe('/ogc/collections/sites');
  });

  it('answers 404 JSON for an id that names no feature', async () => {
    for (const id of ['987654', 'abc', '0', '-1', '1.5', '99999999999999999999']) {
      const res = await get(`/ogc/collections/sites/items/${id}`);
      expect(res.statusCode, id).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toMatchObject({ statusCode: 404, message: `no feature '${id}' in collection sites` });
    }
  });
});

describe('bad requests', () => {
  it.each([
    '/ogc?colour=red',
    '/ogc/conformance?colour=red',
    '/ogc/collections?colour=red',
    '/ogc/collections/sites?colour=red',
    '/ogc/collections/sites/items?colour=red',
    '/ogc/collections/sites/items?date=2019-01-01',
    '/ogc/collections/sites/items/1?colour=red',
  ])('refuses an unknown parameter, by name: %s (/req/core/query-param-unknown)', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    const name = /\?(\w+)=/.exec(url)![1];
    expect(res.json().message).toContain(`unknown query parameter '${name}'`);
  });

  it('takes f=json everywhere and ignores it', async () => {
    for (const url of ['/ogc?f=json', '/ogc/conformance?f=json', '/ogc/collections?f=json', '/ogc/collections/sites?f=json', '/ogc/api?f=json']) {
      expect((await get(url)).statusCode, url).toBe(200);
    }
    expect((await page('/ogc/collections/sites/items?f=json&limit=3')).numberReturned).toBe(3);
  });

  it.each([
    ['bbox=28,-2,29', 'must be four numbers'],
    ['bbox=a,b,c,d', 'must be four numbers'],
    ['bbox=28,-2,,29', 'must be four numbers'],
    ['bbox=28,-95,29,-1', 'outside WGS 84'],
    ['bbox=28,-1,29,-2', 'south edge'],
    ['datetime=yesterday', 'not an RFC 3339'],
    ['datetime=2019-02-30', 'does not exist'],
    ['datetime=2020-01-01/2019-01-01', 'ends before it starts'],
    ['datetime=..', 'empty'],
    ['limit=0', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-1', 'offset'],
    ['profile=everyone', 'profile'],
    ['limit=5&limit=6', 'given 2 times'],
  ])('refuses %s with a message that says why', async (query, message) => {
    const res = await get(`/ogc/collections/sites/items?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
  });

  it('takes a parameter repeated with the same value once, as GDAL may send it', async () => {
    expect((await page('/ogc/collections/sites/items?profile=partner&limit=2&profile=partner')).numberReturned).toBe(2);
  });
});

describe('sharing profile', () => {
  const torture = async () => (await everything('incidents', 'internal')).filter((f) => f.properties.category === 'torture');

  it('is public by default: sensitive incidents neither at their exact place nor with internal fields', async () => {
    const exact = await torture();
    expect(exact).toHaveLength(2);
    const res = await get('/ogc/collections/incidents/items?limit=10000');
    const published = (res.json() as ItemsPage).features;
    for (const original of exact) {
      const publicId = await publishedIncidentId(t.db, original.id);
      const seen = published.find((f) => f.id === publicId)!;
      expect(seen, `torture incident ${original.id}`).toBeDefined();
      expect(seen.properties.category).toBe('torture');
      expect(seen.geometry!.coordinates).not.toEqual(original.geometry!.coordinates);
      expect(seen.properties.location_precision).toMatch(/not the place/);
      for (const field of ['description', 'perpetrator_name', 'sources', 'notes', 'source_id', 'created_at']) expect(seen.properties).not.toHaveProperty(field);
      // The exact point and day travel in no field of the listing, nor of the one item.
      const one = await get(`/ogc/collections/incidents/items/${publicId}`);
      for (const text of [res.body, one.body]) {
        expect(text).not.toContain(String(original.geometry!.coordinates[0]));
        expect(text).not.toContain(String(original.geometry!.coordinates[1]));
        expect(text).not.toContain(String(original.properties.occurred_on));
      }
      const { links: _links, ...single } = one.json() as OgcFeature;
      expect(single).toEqual(seen);
    }
    // The internal profile, asked for by name, has them (until accounts decide who may ask).
    expect(exact[0]!.properties).toHaveProperty('description');
  });

  it('runs the bbox on the published point: a box around the exact place finds no sensitive incident', async () => {
    const [first] = await torture();
    const [x, y] = first!.geometry!.coordinates as [number, number];
    const box = `bbox=${x - 0.0001},${y - 0.0001},${x + 0.0001},${y + 0.0001}`;
    expect((await page(`/ogc/collections/incidents/items?${box}&profile=internal`)).features.map((f) => f.id)).toContain(first!.id);
    expect((await page(`/ogc/collections/incidents/items?${box}`)).numberMatched).toBe(0);
  });

  it('shapes the collection extent by the profile too: no exact incident coordinate in it', async () => {
    const body = (await get('/ogc/collections/incidents')).body;
    for (const f of await torture()) expect(body).not.toContain(String(f.geometry!.coordinates[0]));
  });

  it('is passed on by every link of the metadata when named', async () => {
    const landing = await fetchJson<{ links: Link[] }>('/ogc?profile=partner');
    for (const link of landing.links) expect(link.href, link.rel).toMatch(/\?profile=partner$/);
    const { collections, links } = await fetchJson<{ collections: Collection[]; links: Link[] }>('/ogc/collections?profile=partner');
    expect(links[0]!.href).toMatch(/\/ogc\/collections\?profile=partner$/);
    for (const c of collections) for (const link of c.links) expect(link.href).toMatch(/\?profile=partner$/);
    expect(collections[0]!.description).toContain('partner');
  });
});

describe('records without a geometry', () => {
  it('match any bbox, as /req/core/fc-bbox-response says', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cooperatives',
      payload: {
        type: 'Feature',
        geometry: null,
        properties: { name: 'Coopérative sans siège connu', legal_status: 'pending', source: 'test', illustrative: true },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    const far = await page('/ogc/collections/cooperatives/items?bbox=10,10,11,11');
    expect(far.features.map((f) => f.id)).toEqual([id]);
    // The layer API keeps its map semantics: a record with no place is on no map.
    expect((await get('/api/cooperatives?bbox=10,10,11,11')).json().features).toEqual([]);
  });
});
