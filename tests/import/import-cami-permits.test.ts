import { readFileSync } from 'node:fs';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { PERMIT_STATUSES, PERMIT_TYPES } from '../../server/domain/vocabulary.js';
import { importGeoJson } from '../../server/import/import-geojson.js';
import { formatReport, type ImportReport } from '../../server/import/import-report.js';
import { LAYERS } from '../../server/layers/registry.js';
import { camiPermitToLayer, isCamiPermit } from '../../server/permits/cami-permits.js';
import { countRows } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-database.js';

/** The real CAMI extract for South Kivu (data/README.md), as the demo loader imports it. */
const FILE = 'cami/permits-south-kivu.geojson';
const TEXT = readFileSync(new URL(`../../data/${FILE}`, import.meta.url), 'utf8');
const CAMI = JSON.parse(TEXT) as FeatureCollection<Polygon>;

let db: Database;
let first: ImportReport;
beforeAll(async () => {
  db = await openTestDatabase();
  first = await importGeoJson(db, LAYERS.permits, TEXT, FILE);
}, 120_000);
afterAll(() => db?.close());

const countBy = (values: unknown[]) => {
  const counts: Record<string, number> = {};
  for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  return counts;
};

describe('the CAMI titles of South Kivu into the permits layer', () => {
  it('are recognised as CAMI titles, every feature mapped to a type and a status of the vocabularies', () => {
    expect(CAMI.features.length).toBe(301);
    for (const feature of CAMI.features) {
      expect(isCamiPermit(feature), String(feature.properties!.code)).toBe(true);
      const mapped = camiPermitToLayer(feature).properties!;
      expect(PERMIT_TYPES, `${mapped.code}: ${feature.properties!.type}`).toContain(mapped.permit_type);
      expect(PERMIT_STATUSES, `${mapped.code}: ${feature.properties!.statut}`).toContain(mapped.permit_status);
    }
  });

  it('imports every polygon, none rejected, one record each (ZRG02225 has two polygons)', async () => {
    expect(first.rejected, formatReport(first)).toEqual([]);
    expect(first).toMatchObject({ kind: 'geojson:permits', inserted: CAMI.features.length, updated: 0, unchanged: 0 });
    expect(await countRows(db, 'permits')).toBe(CAMI.features.length);
    const [twice] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM permits WHERE code = 'ZRG02225'`);
    expect(twice!.n).toBe(2);
  });

  it('keeps as many of each CAMI type and status wording as the file has', async () => {
    const rows = await db.query<{ permit_type: string; cami_status: string; n: number }>(
      `SELECT permit_type, cami_status, count(*)::int AS n FROM permits GROUP BY 1, 2`,
    );
    const typeCounts: Record<string, number> = {};
    const statusCounts: Record<string, number> = {};
    for (const r of rows) {
      typeCounts[r.permit_type] = (typeCounts[r.permit_type] ?? 0) + r.n;
      statusCounts[r.cami_status] = (statusCounts[r.cami_status] ?? 0) + r.n;
    }
    const mappedTypes = countBy(CAMI.features.map((f) => camiPermitToLayer(f).properties!.permit_type));
    expect(typeCounts).toEqual(mappedTypes);
    expect(typeCounts).toMatchObject({ pe: 35, pepm: 7, zrg: 66, zea: 8 });
    expect(statusCounts).toEqual(countBy(CAMI.features.map((f) => f.properties!.statut)));
  });

  it('maps holder, dates, minerals and area of a Banro research permit', async () => {
    const [row] = await db.query<Record<string, unknown>>(
      `SELECT code, holder, permit_type, permit_status, cami_status, minerals, declared_area_ha, valid_from::text AS valid_from, valid_to::text AS valid_to, source
         FROM permits WHERE code = '1557'`,
    );
    const source = CAMI.features.find((f) => f.properties!.code === '1557')!.properties!;
    expect(row).toEqual({
      code: '1557',
      holder: 'BANRO CONGO MINING Sarl',
      permit_type: 'pr_as',
      permit_status: 'force_majeure',
      cami_status: 'Actif-En Force Majeure',
      minerals: String(source.resource)
        .split(',')
        .map((m) => m.trim()),
      declared_area_ha: source.sup_sig_ha,
      valid_from: '2007-02-05',
      valid_to: '2012-02-04',
      source: 'cami',
    });
  });

  it('shows a permit as of a date only within its grant–expiry period', async () => {
    const codesOn = async (date: string) =>
      (await db.query<{ code: string }>(`SELECT code FROM permits WHERE valid_from <= $1::date AND valid_to >= $1::date`, [date])).map((r) => r.code);
    expect(await codesOn('2010-06-01')).toContain('1557');
    expect(await codesOn('2013-01-01')).not.toContain('1557');
  });

  it('reports everything unchanged on a second import of the same file', async () => {
    const again = await importGeoJson(db, LAYERS.permits, TEXT, FILE);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: CAMI.features.length, rejected: [] });
  }, 120_000);

  it('rejects the second of two polygons that would get the same key, naming both', async () => {
    const [one] = CAMI.features;
    const twin = structuredClone(one!);
    const report = await importGeoJson(db, LAYERS.permits, { type: 'FeatureCollection', features: [one, twin] }, 'twins.geojson');
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.at).toContain(String(one!.properties!.gfwid));
    expect(report.rejected[0]!.reason).toMatch(/same source and source_id \(cami\/.+\) as feature 1/);
  });
});
