import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../server/layers/registry.js';
import { countRows, openTestApp, type TestApp } from '../support/test-app.js';

/**
 * Hostile input, from outside: whatever arrives, the answer is a 4xx JSON error or a
 * record stored exactly as sent (text is data, never code), never a 500, and nothing
 * else in the database changes.
 */
const INJECTIONS = [
  "'; DROP TABLE sites; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  '$1::text',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  '../../../../etc/passwd',
  '=HYPERLINK("http://evil","x")',
  '\u202Eevil\u202C',
  'Ｓｉｔｅ ﬁ ẞ',
  '🙂👩🏽‍⛏️',
  'a'.repeat(300),
];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.close());

async function snapshot(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const layer of Object.values(LAYERS)) counts[layer.table] = await countRows(t.db, layer.table);
  return counts;
}

function expectNo500(res: { statusCode: number; body: string }, what: string): void {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
  // An error says what is wrong in words: no stack frames, no SQL (a stored record may echo any text).
  if (res.statusCode >= 400) expect(res.body, what).not.toMatch(/at .*\.(ts|js):\d+|SELECT |INSERT |stack/);
}

describe('injection strings as text values are stored verbatim and harm nothing', () => {
  it.each(INJECTIONS.map((s) => [s]))('site name %j', async (name) => {
    const before = await snapshot();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      payload: { type: 'Feature', geometry: { type: 'Point', coordinates: [28.7, -2.1] }, properties: { name, village: name, minerals: [name.slice(0, 200)] } },
    });
    expectNo500(res, name);
    expect(res.statusCode).toBe(201);
    const back = (await t.app.inject({ method: 'GET', url: `/api/sites/${res.json().id}` })).json();
    expect(back.properties.name).toBe(name);
    expect(back.properties.village).toBe(name);
    expect(await snapshot()).toEqual({ ...before, sites: before.sites! + 1 });
  });
});

describe('injection strings in query parameters are refused', () => {
  const params = ['bbox', 'date', 'limit', 'offset', 'profile'];
  const cases = params.flatMap((p) => INJECTIONS.slice(0, 12).map((s) => [p, s] as const));
  it.each(cases)('%s=%j', async (param, value) => {
    const before = await snapshot();
    const res = await t.app.inject({ method: 'GET', url: `/api/sites?${param}=${encodeURIComponent(value)}` });
    expectNo500(res, `${param}=${value}`);
    expect(res.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it.each(INJECTIONS.slice(0, 8).map((s) => [s]))('id %j', async (id) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/sites/${encodeURIComponent(id)}` });
    expectNo500(res, id);
    expect([400, 404]).toContain(res.statusCode);
  });

  it.each(INJECTIONS.slice(0, 6).map((s) => [s]))('analysis date %j', async (value) => {
    for (const path of [
      '/api/analysis/contested',
      '/api/analysis/routes',
      '/api/analysis/sites',
      '/api/analysis/priorities',
      '/api/analysis/permit-overlaps',
      '/api/export/count?layers=zones&',
    ]) {
      const url = `${path}${path.includes('?') ? '' : '?'}date=${encodeURIComponent(value)}`;
      const res = await t.app.inject({ method: 'GET', url });
      expectNo500(res, url);
      expect(res.statusCode).toBe(400);
    }
  });
});

const point = (coordinates: unknown) => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: { name: 'x' } });
const polygon = (coordinates: unknown) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates }, properties: { code: 'Z-HOSTILE' } });
const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

describe('broken, gigantic and strange bodies get a 4xx and write nothing', () => {
  /** [name, layer, body, words the refusal must contain (a string that is not a content type)] */
  const cases: Array<[string, string, unknown, string?]> = [
    ['NaN coordinate', 'sites', point(['NaN', -2])],
    ['string coordinates', 'sites', point(['28.7', '-2.1'])],
    ['one coordinate', 'sites', point([28.7])],
    ['nested coordinates', 'sites', point([[28.7, -2.1]])],
    ['infinite latitude', 'sites', '{"type":"Feature","geometry":{"type":"Point","coordinates":[28.7,1e999]},"properties":{"name":"x"}}'],
    ['null geometry where required', 'incidents', { type: 'Feature', geometry: null, properties: { occurred_on: '2019-01-01', category: 'other' } }],
    [
      'polygon with two points',
      'zones',
      polygon([
        [
          [28, -2],
          [28.1, -2],
        ],
      ]),
    ],
    [
      'polygon not closed',
      'zones',
      polygon([
        [
          [28, -2],
          [28.1, -2],
          [28.1, -2.1],
          [28, -2.1],
        ],
      ]),
    ],
    [
      'bow-tie polygon',
      'zones',
      polygon([
        [
          [28, -2],
          [28.1, -2.1],
          [28.1, -2],
          [28, -2.1],
          [28, -2],
        ],
      ]),
    ],
    [
      'hole outside shell',
      'zones',
      polygon([
        [
          [28, -2],
          [28.1, -2],
          [28.1, -2.1],
          [28, -2.1],
          [28, -2],
        ],
        [
          [29, -3],
          [29.1, -3],
          [29.1, -3.1],
          [29, -3],
        ],
      ]),
    ],
    [
      'repeated-point spike',
      'zones',
      polygon([
        [
          [28, -2],
          [28.1, -2],
          [28.1, -2],
          [28, -2],
        ],
      ]),
    ],
    [
      'too many vertices',
      'routes',
      {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: Array.from({ length: 60_000 }, (_, i) => [28 + i / 1e6, -2]) },
        properties: { name: 'x' },
      },
    ],
    ['GeometryCollection', 'sites', { type: 'Feature', geometry: { type: 'GeometryCollection', geometries: [] }, properties: { name: 'x' } }],
    ['deep JSON', 'sites', { type: 'Feature', geometry: { type: 'Point', coordinates: [28.7, -2.1] }, properties: { name: 'x', notes: nested(2_000) } }],
    ['array body', 'sites', [point([28.7, -2.1])]],
    ['number body', 'sites', '42'],
    ['empty body', 'sites', ''],
    ['null body', 'sites', 'null'],
    ['truncated JSON', 'sites', '{"type":"Feature","geometry":'],
    ['duplicate keys smuggling', 'sites', '{"type":"Feature","geometry":{"type":"Point","coordinates":[28.7,-2.1]},"properties":{"name":"x","name":null}}'],
    [
      '__proto__ property',
      'sites',
      '{"type":"Feature","geometry":{"type":"Point","coordinates":[28.7,-2.1]},"properties":{"name":"x","__proto__":{"admin":true}}}',
    ],
    [
      'constructor property',
      'sites',
      { type: 'Feature', geometry: { type: 'Point', coordinates: [28.7, -2.1] }, properties: { name: 'x', constructor: { prototype: {} } } },
    ],
    ['NUL byte in text', 'sites', { type: 'Feature', geometry: { type: 'Point', coordinates: [28.7, -2.1] }, properties: { name: 'a\u0000b' } }],
    ['lone surrogate in text', 'sites', '{"type":"Feature","geometry":{"type":"Point","coordinates":[28.7,-2.1]},"properties":{"name":"a\\ud800b"}}'],
    [
      'year 0 date',
      'incidents',
      { type: 'Feature', geometry: { type: 'Point', coordinates: [28.7, -2.1] }, properties: { occurred_on: '0000-01-01', category: 'other' } },
    ],
    [
      'year 99999 date',
      'incidents',
      { type: 'Feature', geometry: { type: 'Point', coordinates: [28.7, -2.1] }, properties: { occurred_on: '99999-01-01', category: 'other' } },
    ],
    [
      'huge integer',
      'incidents',
      { type: 'Feature', geometry: { type: 'Point', coordinates: [28.7, -2.1] }, properties: { occurred_on: '2019-01-01', category: 'other', victims: 1e20 } },
    ],
    [
      'fractional count',
      'incidents',
      { type: 'Feature', geometry: { type: 'Point', coordinates: [28.7, -2.1] }, properties: { occurred_on: '2019-01-01', category: 'other', victims: 2.5 } },
    ],
    [
      'reference to a huge id',
      'claims',
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [28, -2],
              [28.1, -2],
              [28.1, -2.1],
              [28, -2.1],
              [28, -2],
            ],
          ],
        },
        properties: { cooperative_id: 9_007_199_254_740_991, basis: 'title', valid_from: '2019-01-01' },
      },
    ],
    ['Z dimension', 'sites', point([28.7, -2.1, 1500]), 'heights (Z)'],
    [
      'Z and M dimensions',
      'routes',
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [28.7, -2.1, 1500, 3],
            [28.8, -2.1, 1500, 4],
          ],
        },
        properties: { name: 'x' },
      },
      'heights (Z)',
    ],
    [
      'whole-world polygon (antipodal edge)',
      'zones',
      polygon([
        [
          [-180, -90],
          [180, -90],
          [180, 90],
          [-180, 90],
          [-180, -90],
        ],
      ]),
      'antimeridian',
    ],
    [
      'polygon across the antimeridian',
      'zones',
      polygon([
        [
          [179.9, -2],
          [-179.9, -2],
          [-179.9, -2.1],
          [179.9, -2.1],
          [179.9, -2],
        ],
      ]),
      'antimeridian',
    ],
    [
      'route across the antimeridian',
      'routes',
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [179.9, -2],
            [-179.9, -2],
          ],
        },
        properties: { name: 'x' },
      },
      'antimeridian',
    ],
    ['wrong content type xml', 'sites', '<feature/>', 'application/xml'],
    ['form content type', 'sites', 'name=x', 'application/x-www-form-urlencoded'],
    ['multipart content type', 'sites', '--x\r\n', 'multipart/form-data; boundary=x'],
  ];

  it.each(cases)('%s', async (_name, layer, body, contentTypeOrWords) => {
    const contentType = contentTypeOrWords?.includes('/') ? contentTypeOrWords : undefined;
    const words = contentType ? undefined : contentTypeOrWords;
    const before = await snapshot();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/${layer}`,
      headers: { 'content-type': contentType ?? 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    expectNo500(res, _name);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(typeof res.json().message).toBe('string');
    if (words) expect(res.json().message).toContain(words);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      'whole-world polygon',
      [
        [
          [-180, -90],
          [180, -90],
          [180, 90],
          [-180, 90],
          [-180, -90],
        ],
      ],
    ],
    [
      'polygon with a Z',
      [
        [
          [28, -2, 5],
          [28.1, -2, 5],
          [28.1, -2.1, 5],
          [28, -2.1, 5],
          [28, -2, 5],
        ],
      ],
    ],
  ])('a claim draft: %s gets a 400 in words', async (_name, coordinates) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/analysis/claim-overlaps',
      payload: { geometry: { type: 'Polygon', coordinates } },
    });
    expectNo500(res, _name);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/antimeridian|heights/);
  });
});

describe('integers beyond what the database can take get a 400 in words, never a 500', () => {
  const huge = ['2147483648', '99999999999', '9223372036854775808', 'Infinity', '1e309', '-1', '1.5'];
  const urls = (v: string) => [
    `/api/sites?offset=${v}`,
    `/api/incidents?offset=${v}`,
    `/ogc/collections/sites/items?offset=${v}`,
    `/api/audit?offset=${v}`,
    `/api/audit/exports?offset=${v}`,
    `/api/audit?record_id=${v}`,
    `/api/sites/${v}`,
    `/ogc/collections/sites/items/${v}`,
  ];
  it.each(huge.map((v) => [v]))('%s', async (value) => {
    for (const url of urls(value)) {
      const res = await t.app.inject({ method: 'GET', url });
      expectNo500(res, url);
      // A record id the database can hold but that names nothing is an empty page (200) or a 404.
      expect([200, 400, 404], url).toContain(res.statusCode);
      if (res.statusCode === 400) expect(typeof res.json().message).toBe('string');
    }
  });
});

describe('broken polygons for an export area get a 400 in words, never a 500', () => {
  it.each([
    ['{"type":"Polygon","coordinates":[]}'],
    ['{"type":"Polygon","coordinates":"x"}'],
    ['{"type":"Polygon"}'],
    ['{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[]]}'],
    ['{"type":"Polygon","coordinates":[[["a",0],[1,0],[1,1],["a",0]]]}'],
    ['{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,1],[1,1],[0,0]]]}'],
    ['{"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}'],
    ['{"type":"Polygon","coordinates":[[[28,-2,9],[29,-2,9],[29,-3,9],[28,-2,9]]]}'],
  ])('%s', async (polygon) => {
    const before = await countRows(t.db, 'export_log');
    for (const path of ['/api/export/count', '/api/export']) {
      const res = await t.app.inject({ method: 'GET', url: `${path}?layers=zones&polygon=${encodeURIComponent(polygon)}` });
      expectNo500(res, polygon);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/polygon|geometry/);
    }
    expect(await countRows(t.db, 'export_log')).toBe(before);
  });
});
