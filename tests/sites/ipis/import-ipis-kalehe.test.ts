import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database.js';
import { getFeature } from '../../../server/layers/layer-store.js';
import { sitesLayer } from '../../../server/sites/sites-layer.js';
import { importIpisCsv, type IpisImportReport } from '../../../server/sites/ipis/import-ipis.js';
import { openTestDatabase } from '../../support/test-database.js';

const FILE = 'ipis/ipis-kalehe-visits.csv';
const KALEHE = readFileSync(new URL(`../../../data/${FILE}`, import.meta.url));

let db: Database;
let first: IpisImportReport;

interface TableState {
  sites: number;
  visits: number;
  actors: number;
  lastWrite: string;
}

async function tableState(): Promise<TableState> {
  const [row] = await db.query<TableState>(`
    SELECT (SELECT count(*) FROM sites)::int AS sites,
           (SELECT count(*) FROM site_visits)::int AS visits,
           (SELECT count(*) FROM site_visit_actors)::int AS actors,
           greatest((SELECT max(updated_at) FROM sites), (SELECT max(updated_at) FROM site_visits))::text AS "lastWrite"`);
  return row!;
}

beforeAll(async () => {
  db = await openTestDatabase();
  first = await importIpisCsv(db, KALEHE, FILE);
});
afterAll(() => db?.close());

describe('importing the IPIS Kalehe subset', () => {
  it('writes 101 sites and 359 visits, rejects nothing and warns of nothing', async () => {
    expect(first).toMatchObject({
      kind: 'ipis',
      file: FILE,
      inserted: 460,
      updated: 0,
      unchanged: 0,
      sites: { inserted: 101, updated: 0, unchanged: 0 },
      visits: { inserted: 359, updated: 0, unchanged: 0 },
    });
    expect(first.rejected).toEqual([]);
    // every Kalehe point lies inside the Kalehe envelope: no location warnings
    expect(first.warnings).toEqual([]);
    expect(await tableState()).toMatchObject({ sites: 101, visits: 359, actors: 126 });
  });

  it('records every site as IPIS, keyed by pcode', async () => {
    const rows = await db.query<{ n: number; keyed: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE source = 'ipis' AND source_id = pcode)::int AS keyed FROM sites`,
    );
    expect(rows[0]).toEqual({ n: 101, keyed: 101 });
  });

  it('gives the Numbi "Central" site (codmine00846) a PMH that taxes, on its 25 February 2022 visit (vid 5957)', async () => {
    const actors = await db.query(
      `SELECT a.position, a.actor_name, a.actor_type, a.actor_type_source, a.frequency, a.behaviours
         FROM site_visit_actors a JOIN site_visits v ON v.id = a.visit_id JOIN sites s ON s.id = v.site_id
        WHERE v.source = 'ipis' AND v.source_id = '5957' AND s.pcode = 'codmine00846' AND v.visited_on = '2022-02-25'`,
    );
    expect(actors).toEqual([
      {
        position: 1,
        actor_name: 'Police des Mines (PMH)',
        actor_type: 'pmh',
        actor_type_source: 'PMH - Éléments indisciplinés',
        frequency: "Plus d'une fois par semaine",
        behaviours: ['taxation'],
      },
    ]);
  });

  it('keeps all three actors of the Chez Madame visit (vid 5940) in their IPIS slots', async () => {
    const actors = await db.query<{ position: number; actor_type: string; behaviours: string[] }>(
      `SELECT a.position, a.actor_type, a.behaviours FROM site_visit_actors a JOIN site_visits v ON v.id = a.visit_id
        WHERE v.source_id = '5940' ORDER BY a.position`,
    );
    expect(actors).toEqual([
      { position: 1, actor_type: 'fardc', behaviours: [] },
      { position: 2, actor_type: 'pnc', behaviours: [] },
      { position: 3, actor_type: 'pmh', behaviours: ['taxation'] },
    ]);
  });

  it('shows the site through the sites layer with that visit as its state on 1 March 2022, and a later one today', async () => {
    const [{ id }] = (await db.query<{ id: number }>(`SELECT id::float8 AS id FROM sites WHERE pcode = 'codmine00846'`)) as [{ id: number }];
    const then = await getFeature(db, sitesLayer, id, '2022-03-01');
    expect(then?.properties).toMatchObject({
      name: 'Central',
      territory: 'Kalehe',
      groupement: 'Buzi',
      village: 'Numbi',
      valid_from: '2015-04-07',
      visit_count: 9,
      latest_visit: { visited_on: '2022-02-25', armed_presence: true, actors: [{ type: 'pmh', behaviours: ['taxation'] }] },
    });
    const now = await getFeature(db, sitesLayer, id);
    expect(now?.properties).toMatchObject({ visit_count: 11, latest_visit: { visited_on: '2023-06-07', armed_presence: false, actors: [] } });
  });

  it('keeps the raw row of every visit', async () => {
    const [row] = await db.query<{ record: Record<string, string> }>(`SELECT source_record AS record FROM site_visits WHERE source_id = '5957'`);
    expect(Object.keys(row!.record)).toHaveLength(85);
    expect(row!.record).toMatchObject({ vid: '5957', pcode: 'codmine00846', taxation_armed_group1: '1', visit_date: '2022-02-25' });
  });

  it('merges the three spellings of Mbinga Nord', async () => {
    const rows = await db.query<{ groupement: string; n: number }>(
      `SELECT groupement, count(*)::int AS n FROM sites WHERE groupement ILIKE 'mbinga%' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { groupement: 'Mbinga Nord', n: 6 },
      { groupement: 'Mbinga Sud', n: 13 },
    ]);
  });

  it('stores the 49 status records (empty presence) as not observed, never as "no armed presence"', async () => {
    const rows = await db.query<{ project: string; n: number }>(
      `SELECT project, count(*)::int AS n FROM site_visits WHERE NOT presence_observed AND armed_presence IS NULL GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { project: 'Qualification status', n: 26 },
      { project: 'iTSCi status', n: 23 },
    ]);
    const [contradiction] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM site_visits WHERE NOT presence_observed AND armed_presence IS NOT NULL`,
    );
    expect(contradiction!.n).toBe(0);
  });

  it('reads location_origin as precision: the four approximated sites', async () => {
    const rows = await db.query<{ pcode: string; location_precision: string }>(
      `SELECT pcode, location_precision FROM sites WHERE location_precision <> 'gps' ORDER BY pcode`,
    );
    expect(rows).toEqual([
      { pcode: 'codmine00852', location_precision: 'approximate' },
      { pcode: 'codmine00857', location_precision: 'approximate' },
      { pcode: 'codmine00874', location_precision: 'approximate' },
      { pcode: 'codmine01341', location_precision: 'approximate' },
    ]);
    const [issues] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sites WHERE location_issue IS NOT NULL`);
    expect(issues!.n).toBe(0);
  });

  it('maps qualifications to the ICGLR colours and the minerals as IPIS names them', async () => {
    const qualifications = await db.query(`SELECT qualification, count(*)::int AS n FROM site_visits GROUP BY 1 ORDER BY 1 NULLS LAST`);
    expect(qualifications).toEqual([
      { qualification: 'green', n: 25 },
      { qualification: 'yellow', n: 2 },
      { qualification: null, n: 332 },
    ]);
    const [biriki] = await db.query(`SELECT name, minerals, valid_from::text AS valid_from FROM sites WHERE pcode = 'codmine00848'`);
    expect(biriki).toEqual({ name: 'Biriki', minerals: ['Cassitérite', 'Coltan'], valid_from: '2009-01-01' });
  });

  it('classifies every actor in the file', async () => {
    const rows = await db.query(`SELECT actor_type, count(*)::int AS n FROM site_visit_actors GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([
      { actor_type: 'armed_group_foreign', n: 3 },
      { actor_type: 'armed_group_local', n: 16 },
      { actor_type: 'fardc', n: 54 },
      { actor_type: 'pmh', n: 32 },
      { actor_type: 'pnc', n: 21 },
    ]);
  });
});

describe('importing it again', () => {
  it('changes nothing: every record unchanged, same rows, nothing rewritten', async () => {
    const before = await tableState();
    const again = await importIpisCsv(db, KALEHE, FILE);
    expect(again).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 460,
      sites: { inserted: 0, updated: 0, unchanged: 101 },
      visits: { inserted: 0, updated: 0, unchanged: 359 },
      rejected: [],
      warnings: [],
    });
    expect(await tableState()).toEqual(before);
  });
});
