import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database.js';
import { importIpisCsv } from '../../../server/sites/ipis/import-ipis.js';
import { openTestDatabase } from '../../support/test-database.js';

/** Each fixture holds one case, with pcodes (testmineNNNN) and vids of its own. */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/ipis/${name}`, import.meta.url), 'utf8');

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const site = async (pcode: string) => {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT name, province, territory, groupement, village, minerals, location_precision, location_issue, valid_from::text AS valid_from,
            ST_X(geom)::float8 AS lon, ST_Y(geom)::float8 AS lat, updated_at::text AS updated_at
       FROM sites WHERE source = 'ipis' AND source_id = $1::text`,
    [pcode],
  );
  return row;
};
const visit = async (vid: string) => {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT presence_observed, armed_presence, interference, qualification, minerals, project, updated_at::text AS updated_at
       FROM site_visits WHERE source = 'ipis' AND source_id = $1::text`,
    [vid],
  );
  return row;
};
const actors = (vid: string) =>
  db.query(
    `SELECT a.position, a.actor_name, a.actor_type, a.actor_type_source, a.frequency, a.behaviours
       FROM site_visit_actors a JOIN site_visits v ON v.id = a.visit_id
      WHERE v.source = 'ipis' AND v.source_id = $1::text ORDER BY a.position`,
    [vid],
  );

describe('spelling variants', () => {
  it('stores one spelling of groupement, province and frequency', async () => {
    const report = await importIpisCsv(db, fixture('spelling-variants.csv'), 'spelling-variants.csv');
    expect(report).toMatchObject({ inserted: 6, rejected: [], warnings: [] });
    for (const pcode of ['testmine0001', 'testmine0002', 'testmine0003']) {
      expect(await site(pcode)).toMatchObject({ province: 'Sud-Kivu', territory: 'Kalehe', groupement: 'Mbinga Nord' });
    }
    expect(await site('testmine0003')).toMatchObject({ name: 'Site C' });
    expect((await actors('910001'))[0]).toMatchObject({ actor_type: 'fardc', frequency: 'Permanente' });
    expect((await actors('910002'))[0]).toMatchObject({ actor_type: 'fardc', frequency: 'Permanente' });
  });
});

describe('a status record after a field visit', () => {
  it('is a visit without a field observation, and does not blank what the field visit said', async () => {
    const report = await importIpisCsv(db, fixture('status-record.csv'), 'status-record.csv');
    expect(report).toMatchObject({ sites: { inserted: 1 }, visits: { inserted: 2 }, rejected: [], warnings: [] });
    expect(await visit('920002')).toMatchObject({
      project: 'Qualification status',
      presence_observed: false,
      armed_presence: null,
      interference: null,
      qualification: 'green',
      minerals: [],
    });
    expect(await actors('920002')).toEqual([]);
    // 'Bleu' is no ICGLR qualification
    expect(await visit('920001')).toMatchObject({ presence_observed: true, armed_presence: true, qualification: null, minerals: ['Cassitérite', 'Coltan'] });
    expect(await actors('920001')).toMatchObject([{ actor_type: 'fardc', behaviours: ['taxation'] }]);
    expect(await site('testmine0010')).toMatchObject({ minerals: ['Cassitérite', 'Coltan'], groupement: 'Mbinga Nord', valid_from: '2018-06-14' });
  });
});

describe('broken rows', () => {
  it('are rejected with their line and reason; the good rows around them are imported', async () => {
    const report = await importIpisCsv(db, fixture('broken-rows.csv'), 'broken-rows.csv');
    expect(report.rejected).toEqual([
      { at: 'line 3', reason: 'no pcode (site code)' },
      { at: 'line 4', reason: 'no vid (visit id)' },
      { at: 'line 5', reason: "visit_date '2020-13-45' is not a date (YYYY-MM-DD)" },
      { at: 'line 6', reason: "longitude 'abc' is not a number" },
      { at: 'line 7', reason: 'has 4 fields where the header has 85 columns' },
      { at: 'line 8', reason: 'vid 930001 is already the visit on line 2' },
      { at: 'line 12', reason: "visit_date '01/02/2020' is not a date (YYYY-MM-DD)" },
    ]);
    expect(report.warnings).toEqual([{ at: 'line 11', message: '1 row(s) without any value skipped' }]);
    expect(report).toMatchObject({ inserted: 4, sites: { inserted: 2 }, visits: { inserted: 2 } });
    expect(await site('testmine0020')).toMatchObject({ name: 'Good one' });
    expect(await site('testmine0025')).toBeUndefined();
    const [good2] = await db.query<{ womenwork: string }>(`SELECT source_record->>'womenwork' AS womenwork FROM site_visits WHERE source_id = '930008'`);
    expect(good2!.womenwork).toBe('Lavage,\nVendre');
  });
});

describe('a point given only as WKT', () => {
  it('is read by PostGIS from geom when longitude and latitude are empty; text that is no WKT point rejects its row', async () => {
    const [header, first, second] = fixture('spelling-variants.csv').split('\n') as [string, string, string];
    const onlyWkt = first
      .replaceAll('910001', '7101')
      .replace('testmine0001', 'testmine0071')
      .replace('POINT (28.93 -1.95),28.93,-1.95', 'POINT(28.931 -1.951),,');
    const notWkt = second.replaceAll('910002', '7102').replace('testmine0002', 'testmine0072').replace('POINT (28.94 -1.94),28.94,-1.94', 'POINT (28.94,,');
    const report = await importIpisCsv(db, `${header}\n${onlyWkt}\n${notWkt}\n`, 'wkt.csv');
    expect(report.rejected).toEqual([{ at: 'line 3', reason: "geom 'POINT (28.94' is not a WKT point, and longitude and latitude are empty" }]);
    expect(await site('testmine0071')).toMatchObject({ lon: 28.931, lat: -1.951 });
    expect(await site('testmine0072')).toBeUndefined();
  });
});

describe('points in the wrong place', () => {
  it('are kept, marked on the site and warned of; territories without an envelope are not checked', async () => {
    const report = await importIpisCsv(db, fixture('outside-territory.csv'), 'outside-territory.csv');
    expect(report).toMatchObject({ rejected: [], sites: { inserted: 4 }, visits: { inserted: 5 } });
    expect(await site('testmine0030')).toMatchObject({ location_issue: 'outside_territory', lon: 28.86, lat: -2.51 });
    expect(await site('testmine0031')).toMatchObject({ location_issue: 'outside_country', lon: -1.78, lat: 28.89 });
    expect(await site('testmine0032')).toMatchObject({ location_issue: null, territory: 'Mambasa' });
    // only an earlier visit of this site stood outside Kalehe; its latest point is fine
    expect(await site('testmine0033')).toMatchObject({ location_issue: null, lon: 28.7, lat: -2.2 });
    expect(report.warnings).toEqual([
      {
        at: 'line 2',
        message:
          'site testmine0030 (In Bukavu, said Kalehe): point 28.86, -2.51 lies outside the approximate envelope of territory Kalehe; kept; the site is marked outside_territory',
      },
      {
        at: 'line 3',
        message:
          'site testmine0031 (Swapped): point -1.78, 28.89 lies outside the DR Congo (bounding box 12.2, -13.5, 31.4, 5.4); kept; the site is marked outside_country',
      },
      {
        at: 'line 5',
        message:
          "site testmine0033 (Moved): point 28.2, -2.3 lies outside the approximate envelope of territory Kalehe; kept; an earlier point, the site's latest point is used",
      },
      {
        at: 'line 4',
        message: "territory 'Mambasa' has no envelope in data/reference/territories.json: its points were checked against the country only",
      },
    ]);
  });

  it('clears the mark when a corrected file moves the point back', async () => {
    const corrected = fixture('outside-territory.csv').replace('POINT (28.86 -2.51),28.86,-2.51', 'POINT (28.86 -2.31),28.86,-2.31');
    const report = await importIpisCsv(db, corrected, 'outside-territory.csv');
    expect(report).toMatchObject({ sites: { updated: 1, unchanged: 3 }, visits: { updated: 1, unchanged: 4 } });
    expect(await site('testmine0030')).toMatchObject({ location_issue: null, lat: -2.31 });
  });
});

describe('armed actors', () => {
  const FILE = 'three-actors.csv';

  it('keeps three actors per visit with their behaviours, and types every one', async () => {
    const report = await importIpisCsv(db, fixture(FILE), FILE);
    expect(report).toMatchObject({ inserted: 6, rejected: [] });
    expect(await actors('950001')).toEqual([
      {
        position: 1,
        actor_name: 'FARDC',
        actor_type: 'fardc',
        actor_type_source: 'FARDC - Éléments indisciplinés',
        frequency: 'Aléatoire',
        behaviours: ['taxation', 'pit_ownership'],
      },
      {
        position: 2,
        actor_name: 'Police Nationale Congolaise (sauf PMH)',
        actor_type: 'pnc',
        actor_type_source: 'PNC - Pas d’ingérence constatée',
        frequency: 'Régulière',
        behaviours: [],
      },
      {
        position: 3,
        actor_name: 'Police des Mines (PMH)',
        actor_type: 'pmh',
        actor_type_source: 'PMH - Éléments indisciplinés',
        frequency: 'Une fois par semaine',
        behaviours: ['taxation', 'commerce_taxation', 'forced_labour', 'pillage'],
      },
    ]);
    expect((await actors('950002')).map((a) => [a.position, a.actor_name, a.actor_type, a.behaviours])).toEqual([
      [1, 'FDLR', 'armed_group_foreign', ['monopoly', 'buying_minerals']],
      [2, 'Raïa Mutomboki', 'armed_group_local', ['entrance_taxation']],
      [3, 'Groupe armé local', 'armed_group_local', []],
    ]);
    expect((await actors('950003')).map((a) => [a.position, a.actor_name, a.actor_type, a.actor_type_source])).toEqual([
      [1, 'Gardes du chef', 'unknown', null],
      [2, 'Police', 'pnc', null],
    ]);
    expect(report.warnings).toEqual([
      { at: 'line 4', message: "taxation_armed_group1 'x' is not 0/1: read as not recorded" },
      { at: 'line 4', message: "actor 'Gardes du chef' (type '') matches no actor type: stored as unknown" },
      { at: 'line 4', message: 'behaviour flags set in slot 3 without an actor named or typed there: ignored' },
    ]);
  });

  it('rewrites only the actors that changed, and counts their visits as updated', async () => {
    const before = await visit('950001');
    const changed = fixture(FILE)
      .replace('Une fois par semaine', 'Quotidien') // the PMH of 950001 now comes daily
      .replace('Raïa Mutomboki,Groupe armé local', ',Aucun'); // slot 2 of 950002 emptied
    const report = await importIpisCsv(db, changed, FILE);
    expect(report).toMatchObject({
      sites: { inserted: 0, updated: 0, unchanged: 3 },
      visits: { inserted: 0, updated: 2, unchanged: 1 },
    });
    expect((await actors('950001'))[2]).toMatchObject({ actor_type: 'pmh', frequency: 'Quotidien' });
    expect((await actors('950002')).map((a) => a.position)).toEqual([1, 3]);
    expect((await visit('950001'))!.updated_at).not.toBe(before!.updated_at);

    const restored = await importIpisCsv(db, fixture(FILE), FILE);
    expect(restored).toMatchObject({ visits: { updated: 2, unchanged: 1 } });
    expect((await actors('950002')).map((a) => a.position)).toEqual([1, 2, 3]);
    const again = await importIpisCsv(db, fixture(FILE), FILE);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 });
  });
});

describe('the latest visit', () => {
  it('names and places the site, whatever the order of the rows', async () => {
    const report = await importIpisCsv(db, fixture('latest-visit.csv'), 'latest-visit.csv');
    expect(report).toMatchObject({ sites: { inserted: 1 }, visits: { inserted: 3 } });
    expect(await site('testmine0050')).toMatchObject({
      name: 'New name',
      lon: 28.71,
      lat: -2.01,
      location_precision: 'approximate',
      valid_from: '2015-07-20',
      village: 'Village mid',
    });
  });

  it('is looked for among stored visits too: an extract of older visits moves the start back, not the state', async () => {
    const [header, mid, old, latest] = fixture('latest-visit.csv')
      .replaceAll('testmine0050', 'testmine0070')
      .replace(',150,150,150,', ',8150,8150,8150,')
      .replace(',99,99,99,', ',8099,8099,8099,')
      .replace(',1200,1200,1200,', ',81200,81200,81200,')
      .split('\n');
    const recent = await importIpisCsv(db, [header, mid, latest, ''].join('\n'), 'recent.csv');
    expect(recent).toMatchObject({ sites: { inserted: 1 }, visits: { inserted: 2 } });
    expect(await site('testmine0070')).toMatchObject({ name: 'New name', valid_from: '2019-04-01' });

    const older = await importIpisCsv(db, [header, old, ''].join('\n'), 'older.csv');
    expect(older).toMatchObject({ sites: { updated: 1 }, visits: { inserted: 1 } });
    expect(await site('testmine0070')).toMatchObject({ name: 'New name', lon: 28.71, lat: -2.01, valid_from: '2015-07-20', village: 'Village mid' });

    const all = await importIpisCsv(db, [header, mid, old, latest, ''].join('\n'), 'all.csv');
    expect(all).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
  });
});

describe('a file that is not IPIS', () => {
  it('is refused whole, naming the missing columns, and writes nothing', async () => {
    const [before] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM site_visits');
    await expect(importIpisCsv(db, fixture('missing-columns.csv'), 'missing-columns.csv')).rejects.toThrow(
      'not an IPIS open-data CSV: missing required column(s) pcode, visit_date',
    );
    const [after] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM site_visits');
    expect(after!.n).toBe(before!.n);
  });
});

describe('a site the database refuses', () => {
  it('rejects that site with its lines and writes the others', async () => {
    await db.query(
      `INSERT INTO sites (name, pcode, source, source_id, geom) VALUES ('Hand-drawn', 'testmine0061', 'manual', 'm-1', ST_SetSRID(ST_MakePoint(28.9, -1.8), 4326))`,
    );
    const csv = fixture('latest-visit.csv')
      .replaceAll('testmine0050', 'testmine0061')
      .replace(',150,150,150,', ',7001,7001,7001,')
      .replace(',99,99,99,', ',7002,7002,7002,')
      .replace(',1200,1200,1200,', ',7003,7003,7003,');
    const other = fixture('spelling-variants.csv').split('\n')[1]!.replaceAll('910001', '7004').replace('testmine0001', 'testmine0062');
    const withOther = `${csv}${other}\n`;
    const report = await importIpisCsv(db, withOther, 'conflict.csv');
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.at).toBe('lines 2, 3, 4');
    expect(report.rejected[0]!.reason).toMatch(/^site testmine0061 and its 3 visit\(s\) not written: a record with the same key exists already/);
    expect(report).toMatchObject({ sites: { inserted: 1 }, visits: { inserted: 1 } });
    expect(await site('testmine0062')).toMatchObject({ name: 'Site A' });
    expect(await site('testmine0061')).toBeUndefined();
  });
});
