import { check } from '@placemarkio/check-geojson';
import { booleanClockwise, booleanValid } from '@turf/turf';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../support/demo-seed.js';
import { PAGE_SIZE } from '../../server/export/export-query.js';
import { LAYER_NAMES } from '../../server/layers/layer-definition.js';
import { ALLOWED_FIELDS } from '../../server/sharing/profiles.js';
import { countRows, openTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await seedDemo(t.db);
});
afterAll(() => t?.close());

async function get(url: string) {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res;
}

type Export = FeatureCollection & { metadata: Record<string, unknown>; name: string; crs?: unknown };

/** Exterior rings of every polygon, and their holes. */
function rings(geometry: Geometry): { outer: Position[][]; inner: Position[][] } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return { outer: polygons.map((p) => p[0]!), inner: polygons.flatMap((p) => p.slice(1)) };
}

function positions(geometry: Geometry): Position[] {
  const out: Position[] = [];
  const walk = (c: unknown): void =>
    Array.isArray(c) && typeof c[0] === 'number' ? void out.push(c as Position) : Array.isArray(c) ? c.forEach(walk) : undefined;
  walk((geometry as { coordinates?: unknown }).coordinates);
  return out;
}

describe('GeoJSON exports pass an independent RFC 7946 check', () => {
  it.each(LAYER_NAMES.map((l) => [l]))('%s, partner profile', async (layer) => {
    const res = await get(`/api/export?layers=${layer}&profile=partner`);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.headers['content-disposition']).toContain(`riskmap-${layer}-partner-`);
    // Placemark's validator: structure, types, positions.
    const doc = check(res.body) as unknown as Export;
    expect(doc.crs).toBeUndefined();
    const { counts } = (await get(`/api/export/count?layers=${layer}&profile=partner`)).json();
    expect(doc.features).toHaveLength(counts[layer]);
    expect(doc.metadata).toMatchObject({ profile: 'partner', statement: expect.stringContaining('No data is not no incidents') });
    expect((doc.metadata.licences as { licence: string }[]).map((l) => l.licence)).toContain('ODC-BY 1.0');
    const allowed = new Set([...ALLOWED_FIELDS[layer].partner, 'location_precision', 'small_counts_suppressed']);
    for (const feature of doc.features as Feature[]) {
      for (const key of Object.keys(feature.properties ?? {})) expect(allowed.has(key), `${layer}.${key}`).toBe(true);
      if (!feature.geometry) continue;
      expect(booleanValid(feature.geometry), `${layer} ${feature.id}`).toBe(true);
      const { outer, inner } = rings(feature.geometry);
      for (const ring of outer) expect(booleanClockwise(ring), `${layer} ${feature.id} exterior ring`).toBe(false);
      for (const ring of inner) expect(booleanClockwise(ring), `${layer} ${feature.id} hole`).toBe(true);
      for (const [lon, lat] of positions(feature.geometry)) {
        expect(String(lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7);
        const [w, s, e, n] = doc.bbox!;
        expect(lon! >= w! && lon! <= e! && lat! >= s! && lat! <= n!, `${layer} ${feature.id} inside bbox`).toBe(true);
      }
    }
  });
});

describe('export formats and bundles', () => {
  it('bundles several layers as a zip, one file per layer plus the metadata', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/export?layers=zones,claims,incidents&profile=public' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual(['claims.geojson', 'data-dictionary.json', 'incidents.geojson', 'metadata.json', 'zones.geojson']);
    for (const layer of ['zones', 'claims', 'incidents']) {
      const doc = check(strFromU8(files[`${layer}.geojson`]!)) as unknown as Export;
      expect(doc.name).toBe(layer);
      expect(doc.metadata.profile).toBe('public');
    }
  });

  it.each(['partner', 'public', 'internal'])(
    'explains every field and every code of a %s zip in its data dictionary, in French and English',
    async (profile) => {
      const layers = ['zones', 'claims', 'presence', 'incidents', 'roadblocks', 'sites'];
      const res = await t.app.inject({ method: 'GET', url: `/api/export?layers=${layers.join(',')}&profile=${profile}` });
      const files = unzipSync(new Uint8Array(res.rawPayload));
      type Entry = { name: string; label: { fr: string; en: string }; codes?: Record<string, { fr: string; en: string }>; note?: { fr: string; en: string } };
      const dictionary = JSON.parse(strFromU8(files['data-dictionary.json']!)) as {
        profile: string;
        layers: Record<string, { file: string; fields: Entry[] }>;
        coarsening: { fr: string; en: string }[];
        licences: unknown[];
      };
      expect(dictionary.profile).toBe(profile);
      expect(dictionary.licences.length).toBeGreaterThan(0);
      let codesChecked = 0;
      for (const layer of layers) {
        const entry = dictionary.layers[layer]!;
        const doc = JSON.parse(strFromU8(files[entry.file]!)) as Export;
        const fields = new Map(entry.fields.map((f) => [f.name, f]));
        for (const field of entry.fields)
          expect(
            [field.label.fr, field.label.en].every((text) => text.length > 0),
            `${layer}.${field.name}`,
          ).toBe(true);
        for (const feature of doc.features) {
          for (const [name, value] of Object.entries(feature.properties ?? {})) {
            const field = fields.get(name);
            expect(field, `${layer}.${name} is in the dictionary`).toBeDefined();
            if (!field!.codes || value === null) continue;
            for (const code of Array.isArray(value) ? value : [value]) {
              expect(field!.codes[String(code)], `${layer}.${name} = ${String(code)} has a label`).toBeDefined();
              codesChecked++;
            }
          }
        }
        // What an id of another layer stands for.
        if (fields.has('zone_id')) expect(fields.get('zone_id')!.note!.en).toContain('zones.geojson');
      }
      expect(codesChecked, 'coded values were found and explained').toBeGreaterThan(50);
      expect(dictionary.coarsening.map((rule) => rule.en).join(' ')).toMatch(profile === 'internal' ? /as recorded/ : /grid cell/);
    },
  );

  it.each(['fr', 'en'] as const)('puts the words of each code beside it with lang=%s, and explains those columns too', async (lang) => {
    const res = await get(`/api/export?layers=incidents,presence&profile=partner&format=csv&lang=${lang}`);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const { valueLabel } = await import('../../server/domain/field-labels.js');
    const incidents = parse(strFromU8(files['incidents.csv']!), { columns: true }) as Record<string, string>[];
    expect(incidents.length).toBeGreaterThan(0);
    const header = Object.keys(incidents[0]!);
    // Each label column follows its code column.
    for (const coded of ['category', 'geo_precision', 'time_precision', 'verification']) {
      expect(header.indexOf(`${coded}_label`), coded).toBe(header.indexOf(coded) + 1);
    }
    for (const row of incidents) {
      for (const coded of ['category', 'geo_precision', 'time_precision']) {
        if (row[coded] === '') continue;
        expect(row[`${coded}_label`], `${coded} = ${row[coded]}`).toBe(valueLabel(coded, row[coded]!)![lang]);
      }
    }
    // A list of codes is a list of words.
    const presence = parse(strFromU8(files['presence.csv']!), { columns: true }) as Record<string, string>[];
    const withBehaviours = presence.find((r) => r.behaviours !== '')!;
    expect(withBehaviours.behaviours_label!.split('; ')).toEqual(withBehaviours.behaviours!.split('; ').map((code) => valueLabel('behaviours', code)![lang]));
    const dictionary = JSON.parse(strFromU8(files['data-dictionary.json']!)) as {
      layers: Record<string, { fields: { name: string; label: { en: string } }[] }>;
    };
    const names = dictionary.layers.incidents!.fields.map((f) => f.name);
    expect(names).toEqual(['id', ...header.filter((h) => !['id', 'longitude', 'latitude', 'geometry_geojson'].includes(h))]);
    expect(dictionary.layers.incidents!.fields.find((f) => f.name === 'geo_precision_label')!.label.en).toBe('Geographic precision (in words)');
  });

  it('keeps the codes alone without lang', async () => {
    const res = await get('/api/export?layers=incidents&profile=partner&format=csv');
    expect(res.body.split('\n')[0]).not.toContain('_label');
  });

  it('writes CSV with the profile columns, points as longitude and latitude', async () => {
    const res = await get('/api/export?layers=incidents&profile=partner&format=csv');
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    const { counts } = (await get('/api/export/count?layers=incidents&profile=partner')).json();
    expect(rows).toHaveLength(counts.incidents);
    const header = Object.keys(rows[0]!);
    expect(header[0]).toBe('id');
    expect(header.slice(-3)).toEqual(['longitude', 'latitude', 'geometry_geojson']);
    expect(header.slice(1, -3).sort()).toEqual([...ALLOWED_FIELDS.incidents.partner, 'location_precision', 'small_counts_suppressed'].sort());
    for (const row of rows) expect(Number(row.longitude)).toBeGreaterThan(28);
  });

  it('defuses a name a spreadsheet would run as a formula', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      payload: {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [28.7, -2.1] },
        properties: { name: '=HYPERLINK("http://evil","x")', source: 'test', source_id: 'formula' },
      },
    });
    const rows = parse((await get('/api/export?layers=sites&format=csv')).body, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.name!.includes('HYPERLINK'))!.name).toBe('\'=HYPERLINK("http://evil","x")');
  });
});

describe('export filters', () => {
  it('keeps to the dates: incidents from June to August 2019', async () => {
    const doc = (await get('/api/export?layers=incidents&profile=internal&from=2019-06-01&to=2019-08-31')).json() as Export;
    expect(doc.features.length).toBeGreaterThan(0);
    for (const f of doc.features) expect(f.properties!.occurred_on >= '2019-06-01' && f.properties!.occurred_on <= '2019-08-31').toBe(true);
  });

  it('keeps to what the map shows on a day: each layer as the layer API has it on that date, incidents of the N days up to it', async () => {
    const day = '2019-07-25';
    for (const layer of LAYER_NAMES) {
      const exported = (await get(`/api/export?layers=${layer}&profile=internal&as_of=${day}&incident_days=365`)).json() as Export;
      const listed = (await get(`/api/${layer}?date=${day}&limit=10000`)).json() as FeatureCollection;
      const expected = listed.features.filter((f) => layer !== 'incidents' || String(f.properties!.occurred_on) >= '2018-07-26');
      expect({ layer, ids: exported.features.map((f) => f.id).sort() }).toEqual({ layer, ids: expected.map((f) => f.id).sort() });
      // A site's latest visit as of that day, not today.
      if (layer === 'sites') {
        const visits = (features: Feature[]) => Object.fromEntries(features.map((f) => [String(f.id), f.properties!.latest_visit ?? null]));
        expect(visits(exported.features)).toEqual(visits(expected));
      }
    }
    const all = (await get(`/api/export?layers=incidents&profile=internal&as_of=${day}`)).json() as Export;
    const lastDays = (await get(`/api/export?layers=incidents&profile=internal&as_of=${day}&incident_days=90`)).json() as Export;
    expect(lastDays.features.length).toBeGreaterThan(0);
    expect(lastDays.features.length).toBeLessThan(all.features.length);
  });

  it('keeps to a polygon and to a bbox', async () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [28.6, -2.25],
          [28.7, -2.25],
          [28.7, -2.15],
          [28.6, -2.15],
          [28.6, -2.25],
        ],
      ],
    };
    const byPolygon = (await get(`/api/export?layers=incidents&profile=internal&polygon=${encodeURIComponent(JSON.stringify(square))}`)).json() as Export;
    const byBbox = (await get('/api/export?layers=incidents&profile=internal&bbox=28.6,-2.25,28.7,-2.15')).json() as Export;
    expect(byPolygon.features.length).toBeGreaterThan(0);
    expect(byPolygon.features.map((f) => f.id).sort()).toEqual(byBbox.features.map((f) => f.id).sort());
    const all = (await get('/api/export?layers=incidents&profile=internal')).json() as Export;
    expect(byPolygon.features.length).toBeLessThan(all.features.length);
  });

  it.each([
    ['layers=nowhere', 'layers'],
    ['layers=zones&polygon=not-json', 'polygon'],
    [
      'layers=zones&polygon=' +
        encodeURIComponent(
          JSON.stringify({
            type: 'Polygon',
            coordinates: [
              [
                [28.6, -2.2],
                [28.7, -2.3],
                [28.7, -2.2],
                [28.6, -2.3],
                [28.6, -2.2],
              ],
            ],
          }),
        ),
      'Self-intersection',
    ],
    ['layers=zones&from=2020-01-01&to=2019-01-01', 'to must not be before from'],
    ['layers=zones&as_of=2019-07-25&from=2019-01-01', 'not both'],
    ['layers=incidents&incident_days=90', 'give as_of too'],
    ['layers=zones&profile=everyone', 'profile'],
    ['layers=zones&colour=red', 'colour'],
  ])('refuses %s with a 400, and logs nothing', async (query, message) => {
    const before = await countRows(t.db, 'export_log');
    const res = await t.app.inject({ method: 'GET', url: `/api/export?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
    expect(await countRows(t.db, 'export_log')).toBe(before);
  });
});

describe('streaming and the export log', () => {
  it('streams more than one page completely, each record once', async () => {
    await t.db.query(
      `INSERT INTO sites (name, source, source_id, geom)
       SELECT 'Generated ' || i, 'test', 'gen-' || i, ST_SetSRID(ST_MakePoint(28 + i / 10000.0, -2), 4326) FROM generate_series(1, $1::int) i`,
      [PAGE_SIZE * 2 + 17],
    );
    const doc = (await get('/api/export?layers=sites&profile=public')).json() as Export;
    expect(doc.features.length).toBe(await countRows(t.db, 'sites'));
    expect(new Set(doc.features.map((f) => f.id)).size).toBe(doc.features.length);
  });

  it('records who exported what, when, with which profile and filters', async () => {
    const before = await countRows(t.db, 'export_log');
    await get('/api/export?layers=zones,incidents&profile=partner&from=2019-01-01');
    const [row] = await t.db.query<Record<string, unknown>>('SELECT * FROM export_log ORDER BY id DESC LIMIT 1');
    expect(await countRows(t.db, 'export_log')).toBe(before + 1);
    expect(row).toMatchObject({ requested_by: 'demo (local demo mode)', profile: 'partner', format: 'geojson', layers: ['zones', 'incidents'] });
    expect((row!.filters as { from: string }).from).toBe('2019-01-01');
    expect(row!.feature_count).toBeGreaterThan(0);
  });
});
