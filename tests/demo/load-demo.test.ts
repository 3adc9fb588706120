import { readFileSync, readdirSync } from 'node:fs';
import { area, booleanPointInPolygon, featureCollection, intersect } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmpty, loadDemoData } from '../../server/demo/load-demo.js';
import { formatReport, type ImportReport } from '../../server/import/import-report.js';
import type { LayerName } from '../../server/layers/layer-definition.js';
import { LAYERS } from '../../server/layers/registry.js';
import type { IpisImportReport } from '../../server/sites/ipis/import-ipis.js';
import { countRows, openTestApp, type TestApp } from '../support/test-app.js';

const DATA = new URL('../../data/', import.meta.url);
const readData = (path: string) => readFileSync(new URL(path, DATA), 'utf8');
const DEMO_FILES = readdirSync(new URL('demo/', DATA))
  .filter((f) => f.endsWith('.geojson'))
  .sort();
const demo = (file: string) => JSON.parse(readData(`demo/${file}`)) as FeatureCollection;
/** `03-claims.geojson` → the claims layer, as the loader reads it. */
const layerOfFile = (file: string) => LAYERS[file.replace(/^\d+-/, '').replace(/\.geojson$/, '') as LayerName];

const CAMI_FILE = 'cami/kalehe-zea.geojson';
const PERMITS_FILE = 'cami/permits-south-kivu.geojson';
const IPIS_FILE = 'ipis/ipis-kalehe-visits.csv';
/** Case files load last, their steps naming the records above (tests/cases/bitale-case.test.ts looks inside). */
const CASE_FILES = readdirSync(new URL('demo/', DATA))
  .filter((f) => f.endsWith('-case.json'))
  .sort();
const REPORT_FILES = [CAMI_FILE, PERMITS_FILE, IPIS_FILE, ...DEMO_FILES.map((f) => `demo/${f}`), ...CASE_FILES.map((f) => `demo/${f}`)];
const TABLES = [...new Set(Object.values(LAYERS).map((l) => l.table)), 'site_visits', 'site_visit_actors'];

/** The contested spot of the scenario (data/demo/README.md, "Places"). */
const BITALE: [number, number] = [28.63, -2.21];
const CLAIMS = demo('03-claims.geojson').features as Feature<Polygon>[];
const BITALE_CLAIMS = CLAIMS.filter((c) => booleanPointInPolygon(BITALE, c));
const sourceIdsOf = (features: Feature[]) => features.map((f) => f.properties!.source_id as string).sort();

/** The days both Bitale claims are in force, from the file: the later start to the earlier end. */
const BOTH_FROM = BITALE_CLAIMS.map((c) => c.properties!.valid_from as string)
  .sort()
  .at(-1)!;
const BOTH_TO = BITALE_CLAIMS.map((c) => c.properties!.valid_to as string | undefined)
  .filter((d): d is string => !!d)
  .sort()[0];
const LATER_CLAIM = BITALE_CLAIMS.find((c) => c.properties!.valid_from === BOTH_FROM)!;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

let t: TestApp;
let emptyAtStart: boolean;
let first: ImportReport[];

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = await countRows(t.db, table);
  return counts;
}

const reportOf = (reports: ImportReport[], file: string) => reports.find((r) => r.file === file);

beforeAll(async () => {
  t = await openTestApp();
  emptyAtStart = await isEmpty(t.db);
  first = await loadDemoData(t.db);
});
afterAll(() => t?.close());

describe('a fresh database', () => {
  it('is empty before the demo data is loaded, and no longer after', async () => {
    expect(emptyAtStart).toBe(true);
    expect(await isEmpty(t.db)).toBe(false);
  });
});

describe('loading the demo data', () => {
  it('reports one import per data file, in load order', () => {
    expect(first.map((r) => r.file)).toEqual(REPORT_FILES);
  });

  it.each(REPORT_FILES)('imports %s with nothing rejected', (file) => {
    const report = reportOf(first, file)!;
    expect(report.rejected, formatReport(report)).toEqual([]);
    expect(report.inserted, formatReport(report)).toBeGreaterThan(0);
  });

  it('fills every layer table, one row a record of the files', async () => {
    const counts = await rowCounts();
    const cami = JSON.parse(readData(CAMI_FILE)) as FeatureCollection;
    const ipis = reportOf(first, IPIS_FILE) as IpisImportReport;
    const permits = JSON.parse(readData(PERMITS_FILE)) as FeatureCollection;
    const expected: Record<string, number> = {
      zones: cami.features.length,
      permits: permits.features.length,
      sites: ipis.sites.inserted,
      site_visits: ipis.visits.inserted,
    };
    for (const file of DEMO_FILES) {
      const table = layerOfFile(file).table;
      expected[table] = (expected[table] ?? 0) + demo(file).features.length;
    }
    for (const layer of Object.values(LAYERS)) expect(expected[layer.table], `${layer.table} has no data file`).toBeGreaterThan(0);
    expect(expected.site_visits).toBeGreaterThan(0);
    const { site_visit_actors: _actors, ...layerCounts } = counts;
    expect(layerCounts).toEqual(expected);
  });

  it('marks every record of data/demo illustrative, as its README promises, and no real record', async () => {
    for (const file of DEMO_FILES) {
      const { table } = layerOfFile(file);
      const features = demo(file).features;
      const rows = await t.db.query<{ source_id: string; illustrative: boolean; notes: string | null }>(
        `SELECT source_id, illustrative, notes FROM ${table} WHERE source = 'demo' AND source_id = ANY($1::text[]) ORDER BY source_id`,
        [features.map((f) => f.properties!.source_id)],
      );
      expect(
        features.every((f) => f.properties!.source === 'demo'),
        file,
      ).toBe(true);
      expect(
        rows.map((r) => r.source_id),
        file,
      ).toEqual(sourceIdsOf(features));
      for (const row of rows) {
        expect(row.illustrative, `${file} ${row.source_id}`).toBe(true);
        expect(row.notes, `${file} ${row.source_id}`).toMatch(/^Illustrative:/);
      }
    }
    for (const table of new Set(Object.values(LAYERS).map((l) => l.table))) {
      const [row] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE illustrative <> (source = 'demo')`);
      expect(row!.n, `${table}: real records marked illustrative or demo records not`).toBe(0);
    }
  });
});

describe('the Bitale scenario', () => {
  it('has two claims of different cooperatives at the contested spot, one starting later', () => {
    expect(BITALE_CLAIMS).toHaveLength(2);
    expect(new Set(BITALE_CLAIMS.map((c) => c.properties!.cooperative_ref)).size).toBe(2);
    expect(BITALE_CLAIMS.filter((c) => c.properties!.valid_from === BOTH_FROM)).toHaveLength(1);
    expect(BOTH_TO).toBeDefined();
    expect(BOTH_FROM < BOTH_TO!).toBe(true);
  });

  it('stores the two claims as the one overlap of claims by different cooperatives, covering the spot', async () => {
    const pairs = await t.db.query<{ a: string; b: string; covers_spot: boolean; overlap_ha: number; a_ha: number; b_ha: number }>(
      `SELECT a.source_id AS a, b.source_id AS b,
              ST_Intersects(ST_Intersection(a.geom, b.geom), ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)) AS covers_spot,
              (ST_Area(ST_Intersection(a.geom, b.geom)::geography) / 10000)::float8 AS overlap_ha,
              (ST_Area(a.geom::geography) / 10000)::float8 AS a_ha,
              (ST_Area(b.geom::geography) / 10000)::float8 AS b_ha
         FROM claims a JOIN claims b ON a.source_id < b.source_id AND a.cooperative_id <> b.cooperative_id
        WHERE ST_Intersects(a.geom, b.geom) AND NOT ST_Touches(a.geom, b.geom)`,
      BITALE,
    );
    expect(pairs.map((p) => [p.a, p.b])).toEqual([sourceIdsOf(BITALE_CLAIMS)]);
    const [pair] = pairs as [(typeof pairs)[0]];
    expect(pair.covers_spot).toBe(true);
    expect(pair.overlap_ha).toBeGreaterThan(0);
    expect(pair.overlap_ha).toBeLessThan(Math.min(pair.a_ha, pair.b_ha));
    // Turf on the file's polygons (sphere) against PostGIS (spheroid): well within 1 %.
    const turfHa = area(intersect(featureCollection(BITALE_CLAIMS))!) / 10_000;
    expect(Math.abs(pair.overlap_ha - turfHa) / turfHa).toBeLessThan(0.01);
  });

  it('has the overlap in force only on the days both claims are', async () => {
    const overlapsOn = async (date: string) => {
      const rows = await t.db.query<{ a: string; b: string }>(
        `SELECT a.source_id AS a, b.source_id AS b
           FROM claims a JOIN claims b ON a.source_id < b.source_id AND a.cooperative_id <> b.cooperative_id
          WHERE ST_Intersects(a.geom, b.geom) AND NOT ST_Touches(a.geom, b.geom)
            AND a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to >= $1::date)
            AND b.valid_from <= $1::date AND (b.valid_to IS NULL OR b.valid_to >= $1::date)`,
        [date],
      );
      return rows.map((r) => [r.a, r.b]);
    };
    const bitale = [sourceIdsOf(BITALE_CLAIMS)];
    expect(await overlapsOn(addDays(BOTH_FROM, -1))).toEqual([]);
    expect(await overlapsOn(BOTH_FROM)).toEqual(bitale);
    expect(await overlapsOn(BOTH_TO!)).toEqual(bitale);
    expect(await overlapsOn(addDays(BOTH_TO!, 1))).toEqual([]);

    const [span] = await t.db.query<{ from: string; to: string }>(
      `SELECT max(valid_from)::text AS from, min(valid_to)::text AS to FROM claims WHERE source = 'demo' AND source_id = ANY($1::text[])`,
      [sourceIdsOf(BITALE_CLAIMS)],
    );
    expect(span).toEqual({ from: BOTH_FROM, to: BOTH_TO });
  });

  it("agrees with the README's timeline on when each Bitale claim starts and ends", () => {
    const readme = readData('demo/README.md');
    for (const claim of BITALE_CLAIMS) {
      const id = claim.properties!.source_id as string;
      const dates = readme
        .split('\n')
        .filter((line) => line.includes(`\`${id}\``))
        .map((line) => /^\| (\d{4}-\d{2}-\d{2}) \|/.exec(line)?.[1])
        .filter(Boolean);
      expect(dates, id).toContain(claim.properties!.valid_from);
      if (claim.properties!.valid_to) expect(dates, id).toContain(claim.properties!.valid_to);
    }
  });

  it('lists both claims through the API on a day both are in force, and not the later one the day before it starts', async () => {
    const claimsOn = async (date: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/claims?date=${date}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as FeatureCollection).features.map((f) => f.properties!.source_id as string);
    };
    const laterId = LATER_CLAIM.properties!.source_id as string;
    const earlierId = sourceIdsOf(BITALE_CLAIMS).find((id) => id !== laterId)!;
    expect(await claimsOn(BOTH_FROM)).toEqual(expect.arrayContaining(sourceIdsOf(BITALE_CLAIMS)));
    expect(await claimsOn(BOTH_TO!)).toEqual(expect.arrayContaining(sourceIdsOf(BITALE_CLAIMS)));
    const before = await claimsOn(addDays(BOTH_FROM, -1));
    expect(before).toContain(earlierId);
    expect(before).not.toContain(laterId);
    const after = await claimsOn(addDays(BOTH_TO!, 1));
    expect(after).toContain(laterId);
    expect(after).not.toContain(earlierId);
  });
});

describe('loading a second time', () => {
  it('inserts and updates nothing, rejects nothing, and leaves every table as it was', async () => {
    const before = await rowCounts();
    const again = await loadDemoData(t.db);
    expect(again.map((r) => r.file)).toEqual(REPORT_FILES);
    for (const report of again) {
      expect(report.rejected, formatReport(report)).toEqual([]);
      expect({ file: report.file, inserted: report.inserted, updated: report.updated }, formatReport(report)).toEqual({
        file: report.file,
        inserted: 0,
        updated: 0,
      });
      expect(report.unchanged).toBe(reportOf(first, report.file)!.inserted);
    }
    expect(await rowCounts()).toEqual(before);
    expect(await isEmpty(t.db)).toBe(false);
  });
});
