import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Feature, Geometry } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeoJson } from '../../server/import/import-geojson.js';
import { LAYER_NAMES } from '../../server/layers/layer-definition.js';
import { LAYERS } from '../../server/layers/registry.js';
import { GDAL_INSTALL_HINT as INSTALL_HINT, gdal, gdalVersion as findGdal } from '../support/gdal.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { seedDemo } from '../support/demo-seed.js';

/**
 * GIS interoperability: what a QGIS or GDAL user gets from the API. GDAL (Debian's gdal-bin)
 * reads the layers straight from the running server, converts the zones to GeoPackage and
 * back, and the importer takes GDAL's GeoJSON.
 */
const gdalVersion = await findGdal();
const hasOgr2ogr = gdalVersion !== null;

/** What `ogrinfo -so` says about the one layer of a data source. */
interface OgrSummary {
  geometry: string;
  featureCount: number;
  srsWkt: string;
  fields: Map<string, string>;
}

function parseSummary(stdout: string): OgrSummary {
  const line = (label: string) => {
    const match = new RegExp(`^${label}: (.*)$`, 'm').exec(stdout);
    if (!match) throw new Error(`ogrinfo said no "${label}":\n${stdout}`);
    return match[1]!.trim();
  };
  const wkt = /^Layer SRS WKT:\n([\s\S]*?)\n(?:Data axis|[A-Za-z_]+ Column =|\w+: )/m.exec(stdout);
  const fieldSection = stdout.slice(stdout.lastIndexOf('Data axis to CRS axis mapping'));
  const fields = new Map([...fieldSection.matchAll(/^(\w+): (.+) \(\d+\.\d+\)$/gm)].map((m) => [m[1]!, m[2]!]));
  return { geometry: line('Geometry'), featureCount: Number(line('Feature Count')), srsWkt: wkt?.[1] ?? '', fields };
}

const isWgs84 = (wkt: string) => /^GEOGCRS\["WGS 84"/.test(wkt) && /ID\["EPSG",4326\]\]\s*$/.test(wkt);

/** How ogrinfo names the geometry type of a layer whose features are all of one type. */
const OGR_GEOMETRY: Record<string, string> = {
  Point: 'Point',
  MultiPoint: 'Multi Point',
  LineString: 'Line String',
  MultiLineString: 'Multi Line String',
  Polygon: 'Polygon',
  MultiPolygon: 'Multi Polygon',
};
/** Mixed types make a layer of any geometry, as GDAL's GeoJSON driver reads it. */
function expectedOgrGeometry(features: ApiFeature[]): string {
  const types = new Set(features.flatMap((f) => (f.geometry ? [f.geometry.type] : [])));
  return types.size === 1 ? OGR_GEOMETRY[[...types][0]!]! : 'Unknown (any)';
}

type ApiFeature = Feature<Geometry | null, Record<string, unknown>> & { id: number };
interface ApiCollection {
  features: ApiFeature[];
  numberMatched?: number;
}
interface LayerInfo {
  name: string;
  properties: Array<{ name: string }>;
}

const withoutTimestamps = ({ created_at: _c, updated_at: _u, ...rest }: Record<string, unknown>) => rest;

if (!(gdalVersion && hasOgr2ogr) && process.env.CI) {
  it('has GDAL for the interoperability tests', () => {
    throw new Error(`ogrinfo/ogr2ogr not found: the GDAL tests cannot run; ${INSTALL_HINT}`);
  });
} else if (!(gdalVersion && hasOgr2ogr)) {
  console.warn(`Skipping the GDAL tests: ogrinfo/ogr2ogr not found; ${INSTALL_HINT}.`);
  it.skip(`GDAL interoperability (skipped: ogrinfo/ogr2ogr not found; ${INSTALL_HINT})`, () => {});
} else {
  describe(`the API read by GDAL (${gdalVersion})`, () => {
    let demo: TestApp;
    let origin: string;
    let workDir: string;
    let layerInfo: Map<string, LayerInfo>;
    const api = new Map<string, ApiCollection>();
    const url = (layer: string) => `${origin}/api/${layer}?limit=10000`;
    const gpkg = () => join(workDir, 'zones.gpkg');

    let fresh: TestApp | undefined;
    /**
     * A second, empty database to import into, as another installation would be. The one a
     * test before opened is closed first: on the embedded database a closed one is emptied and
     * handed back in milliseconds, where a new one costs seconds of WebAssembly.
     */
    const freshApp = async () => {
      await fresh?.close();
      fresh = await openTestApp();
      return fresh;
    };

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), 'riskmap-gdal-'));
      demo = await openTestApp();
      await seedDemo(demo.db);
      await demo.app.listen({ host: '127.0.0.1', port: 0 });
      origin = `http://127.0.0.1:${(demo.app.server.address() as AddressInfo).port}`;
      const layers = (await (await fetch(`${origin}/api/layers`)).json()) as LayerInfo[];
      layerInfo = new Map(layers.map((l) => [l.name, l]));
      for (const name of LAYER_NAMES) {
        const res = await fetch(url(name));
        expect(res.status, `GET /api/${name}`).toBe(200);
        api.set(name, (await res.json()) as ApiCollection);
      }
    });

    afterAll(async () => {
      await demo?.close();
      await fresh?.close();
      if (workDir) await rm(workDir, { recursive: true, force: true });
    });

    it.each(LAYER_NAMES)('ogrinfo reads %s from the API: every feature, its geometry type, WGS 84', async (layer) => {
      const { features, numberMatched } = api.get(layer)!;
      // Otherwise 0 = 0 would pass, and a page cut short would be compared with itself.
      expect(features.length).toBeGreaterThan(0);
      expect(numberMatched ?? features.length).toBe(features.length);

      const { stdout, stderr } = await gdal('ogrinfo', ['-ro', '-so', '-al', url(layer)]);
      expect(stderr).not.toMatch(/ERROR/);
      const summary = parseSummary(stdout);
      expect(summary.featureCount).toBe(features.length);
      expect(summary.geometry).toBe(expectedOgrGeometry(features));
      expect(isWgs84(summary.srsWkt), `CRS:\n${summary.srsWkt}`).toBe(true);
      // Every property the API sends is a field GDAL sees, none lost to a type it cannot read.
      const properties = new Set(features.flatMap((f) => Object.keys(f.properties)));
      expect([...summary.fields.keys()].sort()).toEqual([...properties].sort());
    });

    it('ogr2ogr converts the zones to GeoPackage keeping ids, codes and areas', async () => {
      const zones = api.get('zones')!.features;
      await gdal('ogr2ogr', ['-f', 'GPKG', gpkg(), url('zones'), '-nln', 'zones']);

      const summary = parseSummary((await gdal('ogrinfo', ['-ro', '-so', '-al', gpkg()])).stdout);
      expect(summary.featureCount).toBe(zones.length);
      expect(summary.geometry).toBe(expectedOgrGeometry(zones));
      expect(isWgs84(summary.srsWkt), `CRS:\n${summary.srsWkt}`).toBe(true);

      // The area GDAL (SpatiaLite, on the ellipsoid) measures against the API's area_ha (PostGIS
      // geography): a swapped axis, a lost ring or a sphere instead of the ellipsoid would not
      // agree to a tenth of a hectare. SpatiaLite grumbles on stderr that a GeoPackage has no
      // spatial_ref_sys table, and measures on WGS 84 all the same. The fid is cast, or the CSV
      // driver takes it as the row's FID and leaves it out.
      const { stdout } = await gdal('ogr2ogr', [
        '-f',
        'CSV',
        '/vsistdout/',
        gpkg(),
        '-dialect',
        'SQLite',
        '-sql',
        'SELECT CAST(fid AS INTEGER) AS zone_fid, code, area_ha, ST_Area(geom, 1) / 10000 AS geodesic_ha FROM zones ORDER BY fid',
      ]);
      const rows = parse(stdout, { columns: true }) as Array<{ zone_fid: string; code: string; area_ha: string; geodesic_ha: string }>;
      // GDAL takes the GeoJSON feature id as the GeoPackage fid: a GIS user can join back on it.
      expect(rows.map((r) => Number(r.zone_fid)).sort((a, b) => a - b)).toEqual(zones.map((z) => z.id).sort((a, b) => a - b));
      for (const row of rows) {
        const zone = zones.find((z) => z.id === Number(row.zone_fid))!;
        expect(row.code).toBe(zone.properties.code);
        expect(Number(row.area_ha)).toBe(zone.properties.area_ha);
        expect(Math.abs(Number(row.geodesic_ha) - Number(zone.properties.area_ha)), `${row.code}: ${row.geodesic_ha} ha by GDAL`).toBeLessThan(0.1);
      }
    });

    it('GDAL adds no property of its own when it writes the GeoPackage back to GeoJSON', async () => {
      const out = join(workDir, 'zones-full.geojson');
      await gdal('ogr2ogr', ['-f', 'GeoJSON', out, gpkg(), 'zones']);
      const exported = JSON.parse(await readFile(out, 'utf8')) as ApiCollection;
      const keys = (features: ApiFeature[]) => [...new Set(features.flatMap((f) => Object.keys(f.properties)))].sort();
      expect(keys(exported.features)).toEqual(keys(api.get('zones')!.features));

      // The API sends properties it computes (area_ha) and stamps (created_at, updated_at):
      // the importer sets those aside with one warning, so a full export goes straight back in.
      const writable = new Set(layerInfo.get('zones')!.properties.map((p) => p.name));
      const computed = keys(api.get('zones')!.features).filter((k) => !writable.has(k));
      expect(computed.length).toBeGreaterThan(0);
      const report = await importGeoJson((await freshApp()).db, LAYERS.zones, exported, 'zones-full.geojson');
      expect(report.rejected).toEqual([]);
      expect(report.inserted).toBe(exported.features.length);
      expect(report.warnings).toEqual([{ at: 'file', message: `ignored properties that the API computes itself: ${computed.join(', ')}` }]);
    });

    it('the importer takes back GDAL GeoJSON of the GeoPackage, and the zones come out as they went in', async () => {
      const zones = api.get('zones')!.features;
      const out = join(workDir, 'zones-roundtrip.geojson');
      // Only what the layer stores: what a user exporting for re-import would select.
      const stored = layerInfo.get('zones')!.properties.map((p) => p.name);
      await gdal('ogr2ogr', ['-f', 'GeoJSON', out, gpkg(), 'zones', '-select', stored.join(',')]);

      const fresh = await freshApp();
      const report = await importGeoJson(fresh.db, LAYERS.zones, await readFile(out, 'utf8'), 'zones-roundtrip.geojson');
      expect(report.rejected).toEqual([]);
      expect(report.inserted).toBe(zones.length);

      const res = await fresh.app.inject({ method: 'GET', url: '/api/zones?limit=10000' });
      const back = (res.json() as ApiCollection).features;
      expect(back).toHaveLength(zones.length);
      const key = (f: ApiFeature) => `${String(f.properties.source)}/${String(f.properties.source_id)}`;
      for (const original of zones) {
        const copy = back.find((f) => key(f) === key(original));
        expect(copy, key(original)).toBeDefined();
        // Dates, booleans, lists and nulls all survive GeoPackage; so do coordinates, to the API's 7 decimals.
        expect(withoutTimestamps(copy!.properties), key(original)).toEqual(withoutTimestamps(original.properties));
        expect(copy!.geometry, key(original)).toEqual(original.geometry);
      }
    });
  });
}
