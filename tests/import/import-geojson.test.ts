import { readFileSync } from 'node:fs';
import { area } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { CLAIM_BASES } from '../../server/domain/vocabulary.js';
import { HttpError } from '../../server/http/errors.js';
import { importGeoJson } from '../../server/import/import-geojson.js';
import { formatReport } from '../../server/import/import-report.js';
import { resolveReferences } from '../../server/import/resolve-references.js';
import { getFeature, listFeatures } from '../../server/layers/layer-store.js';
import { LAYERS } from '../../server/layers/registry.js';
import { countRows } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-database.js';

const CAMI_FILE = 'cami/kalehe-zea.geojson';
const CAMI_TEXT = readFileSync(new URL(`../../data/${CAMI_FILE}`, import.meta.url), 'utf8');
const CAMI = JSON.parse(CAMI_TEXT) as FeatureCollection<Polygon>;

/** Read as text, as the CLI reads a file: some of these are not JSON at all. */
const fixtureText = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const fixture = (name: string) => JSON.parse(fixtureText(name)) as FeatureCollection;

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const layer of Object.values(LAYERS)) counts[layer.table] = await countRows(db, layer.table);
  return counts;
}

/** The whole row, as JSON so that both drivers hand back the same types. */
async function rowBySourceId(table: string, sourceId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await db.query<{ row: Record<string, unknown>; geom: string | null }>(
    `SELECT to_jsonb(t) - 'geom' AS row, ST_AsText(geom) AS geom FROM ${table} t WHERE source = 'test' AND source_id = $1`,
    [sourceId],
  );
  return row && { ...row.row, geom: row.geom };
}

const idOf = async (table: string, sourceId: string) => (await rowBySourceId(table, sourceId))?.id as number | undefined;

describe('the CAMI ZEA file into the zones layer', () => {
  it('inserts every feature of the file and rejects none', async () => {
    const report = await importGeoJson(db, LAYERS.zones, CAMI_TEXT, CAMI_FILE);
    expect(report.rejected, formatReport(report)).toEqual([]);
    expect(report).toMatchObject({ kind: 'geojson:zones', file: CAMI_FILE, inserted: CAMI.features.length, updated: 0, unchanged: 0 });
    expect(await countRows(db, 'zones')).toBe(CAMI.features.length);
  });

  it('reads the zones back through the layer store, keyed by their cadastre code, with their area kept', async () => {
    const page = await listFeatures(db, LAYERS.zones, { limit: 100, offset: 0 });
    expect(page.numberMatched).toBe(CAMI.features.length);
    const byCode = new Map(page.features.map((f) => [f.properties!.code as string, f]));
    for (const source of CAMI.features) {
      const code = source.properties!.code as string;
      const zone = byCode.get(code);
      expect(zone, code).toBeDefined();
      expect(zone!.properties).toMatchObject({ code, name: code, source: 'cami', source_id: code, illustrative: false });
      expect(zone!.properties!.status).toBe({ Actif: 'active' }[source.properties!.statut as string]);
      expect(zone!.properties!.notes).toContain(`Parties: ${source.properties!.parties}.`);
      expect(zone!.geometry.type).toBe('MultiPolygon');
      // Turf (sphere) and PostGIS (spheroid) agree to well under 1 % at this latitude.
      const expectedHa = area(source) / 10_000;
      expect(Math.abs((zone!.properties!.area_ha as number) - expectedHa) / expectedHa, code).toBeLessThan(0.01);
    }
  });

  it('finds everything unchanged on a second import, and rewrites nothing', async () => {
    const before = await db.query(`SELECT code, updated_at::text FROM zones ORDER BY code`);
    const report = await importGeoJson(db, LAYERS.zones, CAMI_TEXT, CAMI_FILE);
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: CAMI.features.length, rejected: [] });
    expect(await db.query(`SELECT code, updated_at::text FROM zones ORDER BY code`)).toEqual(before);
    expect(await countRows(db, 'zones')).toBe(CAMI.features.length);
  });

  it('counts a zone whose status changed as updated, and only that one', async () => {
    const changed = structuredClone(CAMI);
    const target = changed.features[0]!;
    target.properties!.statut = 'Suspendu';
    const code = target.properties!.code as string;
    const others = await db.query(`SELECT code, updated_at::text FROM zones WHERE code <> $1 ORDER BY code`, [code]);

    const report = await importGeoJson(db, LAYERS.zones, JSON.stringify(changed), CAMI_FILE);
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: CAMI.features.length - 1, rejected: [] });
    const [zone] = await db.query<{ status: string }>(`SELECT status FROM zones WHERE code = $1`, [code]);
    expect(zone!.status).toBe('suspended');
    expect(await db.query(`SELECT code, updated_at::text FROM zones WHERE code <> $1 ORDER BY code`, [code])).toEqual(others);
    expect(await countRows(db, 'zones')).toBe(CAMI.features.length);

    const restored = await importGeoJson(db, LAYERS.zones, CAMI_TEXT, CAMI_FILE);
    expect(restored).toMatchObject({ inserted: 0, updated: 1, unchanged: CAMI.features.length - 1 });
  });
});

describe('a changed property on re-import', () => {
  it('is counted as updated; the record left as it was is unchanged', async () => {
    const first = await importGeoJson(db, LAYERS.cooperatives, fixtureText('cooperatives.geojson'), 'cooperatives.geojson');
    expect(first.rejected, formatReport(first)).toEqual([]);
    const coopA = await rowBySourceId('cooperatives', 'import-coop-a');
    expect(await rowBySourceId('cooperatives', 'import-coop-b')).toMatchObject({ legal_status: 'pending', geom: null });

    const count = await countRows(db, 'cooperatives');
    const report = await importGeoJson(db, LAYERS.cooperatives, fixtureText('cooperatives-b-authorised.geojson'), 'cooperatives-b-authorised.geojson');
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, rejected: [] });
    expect(await rowBySourceId('cooperatives', 'import-coop-b')).toMatchObject({ legal_status: 'authorised' });
    expect(await rowBySourceId('cooperatives', 'import-coop-a')).toEqual(coopA);
    expect(await countRows(db, 'cooperatives')).toBe(count);

    const back = await importGeoJson(db, LAYERS.cooperatives, fixtureText('cooperatives.geojson'), 'cooperatives.geojson');
    expect(back).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
  });

  it('takes a lone Feature as well as a FeatureCollection', async () => {
    const single = fixture('single-feature.geojson') as unknown as Feature;
    const report = await importGeoJson(db, LAYERS.cooperatives, fixtureText('single-feature.geojson'), 'single-feature.geojson');
    expect(report).toMatchObject({ inserted: 1, updated: 0, unchanged: 0, rejected: [] });
    expect(await rowBySourceId('cooperatives', single.properties!.source_id)).toMatchObject({ name: single.properties!.name });
  });
});

describe('references by source id', () => {
  const FILE = 'claims-referencing-cooperatives.geojson';

  beforeAll(async () => {
    await importGeoJson(db, LAYERS.cooperatives, fixtureText('cooperatives.geojson'), 'cooperatives.geojson');
  });

  it('resolve `cooperative_ref` to the id of the cooperative with that source and source_id', async () => {
    const report = await importGeoJson(db, LAYERS.claims, fixtureText(FILE), FILE);
    expect(report.rejected, formatReport(report)).toEqual([]);
    expect(report.inserted).toBe(fixture(FILE).features.length);
    for (const feature of fixture(FILE).features) {
      const [source, sourceId] = (feature.properties!.cooperative_ref as string).split('/') as [string, string];
      expect(source).toBe('test');
      const claim = await rowBySourceId('claims', feature.properties!.source_id);
      const cooperativeId = await idOf('cooperatives', sourceId);
      expect(cooperativeId).toEqual(expect.any(Number));
      expect(claim!.cooperative_id).toBe(cooperativeId);
      // a reference given as null, or not given, leaves the column empty
      expect(claim!.zone_id).toBeNull();
      const read = await getFeature(db, LAYERS.claims, claim!.id as number);
      const coop = await rowBySourceId('cooperatives', sourceId);
      expect(read!.properties).toMatchObject({ cooperative_name: coop!.name, legal_status: coop!.legal_status });
      expect(read!.properties).not.toHaveProperty('cooperative_ref');
    }
  });

  it('resolve to the same ids again, so a re-import is unchanged', async () => {
    const report = await importGeoJson(db, LAYERS.claims, fixtureText(FILE), FILE);
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: fixture(FILE).features.length, rejected: [] });
  });

  it('say which reference is wrong, and keep the properties as given', async () => {
    const properties = { cooperative_ref: 'test/nobody', basis: 'title' };
    expect(await resolveReferences(db, LAYERS.claims, properties)).toEqual({
      properties,
      error: 'cooperative_ref "test/nobody" matches no cooperatives record',
    });
    expect((await resolveReferences(db, LAYERS.claims, { cooperative_ref: 12 })).error).toBe('cooperative_ref must look like "<source>/<source_id>", not 12');
  });
});

describe('a file with good and bad features', () => {
  const FILE = 'claims-good-and-bad.geojson';
  const features = fixture(FILE).features;
  const index = (sourceId: string) => features.findIndex((f) => f.properties?.source_id === sourceId);
  /** What each bad feature's rejection must say, so a user can find and fix it. */
  const expectedReasons: Record<string, string | RegExp> = {
    'mixed-bowtie': /^geometry is not valid: Self-intersection\[/,
    'mixed-unknown-property': "has an unknown property 'colour'",
    'mixed-wrong-basis': `feature/properties/basis must be one of: ${CLAIM_BASES.join(', ')}`,
    'mixed-unknown-cooperative': 'cooperative_ref "test/no-such-coop" matches no cooperatives record',
    'mixed-malformed-ref': 'cooperative_ref must look like "<source>/<source_id>", not "import-coop-a"',
    // reaches the database: its CHECK refuses it inside the record's savepoint
    'mixed-period-reversed': 'valid_to must not be before valid_from',
    'mixed-no-source': 'an imported record needs `source` and `source_id`',
  };
  const good = features.map((f) => f.properties!.source_id as string).filter((id) => !(id in expectedReasons));
  let before: Record<string, number>;

  beforeAll(async () => {
    await importGeoJson(db, LAYERS.cooperatives, fixtureText('cooperatives.geojson'), 'cooperatives.geojson');
    before = await rowCounts();
  });

  it('inserts the good features and rejects each bad one with its place in the file and the reason', async () => {
    const report = await importGeoJson(db, LAYERS.claims, fixtureText(FILE), FILE);
    expect(good.length).toBeGreaterThan(1);
    expect(report).toMatchObject({ inserted: good.length, updated: 0, unchanged: 0 });
    expect(report.rejected.map((r) => r.at)).toEqual(Object.keys(expectedReasons).map((id) => `feature ${index(id) + 1} (${id})`));
    for (const [id, reason] of Object.entries(expectedReasons)) {
      const rejection = report.rejected.find((r) => r.at === `feature ${index(id) + 1} (${id})`);
      if (typeof reason === 'string') expect(rejection?.reason, id).toContain(reason);
      else expect(rejection?.reason, id).toMatch(reason);
    }
  });

  it('writes the good features whole, and nothing of the rejected ones', async () => {
    for (const id of good) {
      const cooperativeRef = (features[index(id)]!.properties!.cooperative_ref as string).split('/')[1]!;
      expect((await rowBySourceId('claims', id))?.cooperative_id, id).toBe(await idOf('cooperatives', cooperativeRef));
    }
    for (const id of Object.keys(expectedReasons)) {
      const [row] = await db.query(`SELECT id FROM claims WHERE source_id = $1`, [id]);
      expect(row, id).toBeUndefined();
    }
    expect(await rowCounts()).toEqual({ ...before, claims: before.claims! + good.length });
  });

  it('rejects the same records again on a re-import, and finds the good ones unchanged', async () => {
    const report = await importGeoJson(db, LAYERS.claims, fixtureText(FILE), FILE);
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: good.length });
    expect(report.rejected).toHaveLength(Object.keys(expectedReasons).length);
  });
});

describe('a file that cannot be imported', () => {
  it.each([
    ['not-json.csv', 'the file is not JSON'],
    ['truncated.geojson', 'the file is not JSON'],
    ['not-geojson.json', 'a GeoJSON import must be a FeatureCollection or a Feature'],
  ])('%s is refused whole with a 400, and nothing is written', async (name, message) => {
    const before = await rowCounts();
    const error = await importGeoJson(db, LAYERS.zones, fixtureText(name), name).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ statusCode: 400 });
    expect((error as HttpError).message).toContain(message);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('entries that are not features, and a key given twice', () => {
  const FILE = 'claims-null-and-duplicate.geojson';

  it('rejects them one by one and keeps the first of two records with the same key', async () => {
    await importGeoJson(db, LAYERS.cooperatives, fixtureText('cooperatives.geojson'), 'cooperatives.geojson');
    const report = await importGeoJson(db, LAYERS.claims, fixtureText(FILE), FILE);
    expect(report.inserted).toBe(1);
    expect(report.rejected).toEqual([
      { at: 'feature 1', reason: expect.stringContaining('not a GeoJSON Feature') },
      { at: 'feature 3', reason: expect.stringContaining('not a GeoJSON Feature') },
      { at: 'feature 4 (odd-first)', reason: expect.stringContaining('as feature 2 (odd-first)') },
    ]);
    const row = await rowBySourceId('claims', 'odd-first');
    expect(row?.basis).toBe(fixture(FILE).features[1]!.properties!.basis);
  });
});
