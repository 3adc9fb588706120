import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSites, compareVids } from '../../../server/sites/ipis/build-sites.js';
import { DRC_BBOX, checkLocation, inBox, loadTerritoryEnvelopes, parseTerritoryEnvelopes } from '../../../server/sites/ipis/location-check.js';
import { normaliseIpisRow, type IpisVisit } from '../../../server/sites/ipis/normalise-ipis.js';
import { parseIpisCsv } from '../../../server/sites/ipis/parse-ipis-csv.js';

const fixtureVisits = (name: string): IpisVisit[] =>
  parseIpisCsv(readFileSync(new URL(`../../fixtures/ipis/${name}`, import.meta.url)))
    .rows.map((r) => normaliseIpisRow(r, [1, 2, 3]))
    .flatMap((r) => (r.ok ? [r.visit] : []));

const envelopes = loadTerritoryEnvelopes();

describe('plausibility of a point', () => {
  // Places named in docs/domain.md, all in Kalehe territory.
  it.each([
    ['Bitale', [28.63, -2.21]],
    ['Numbi', [28.89, -1.78]],
    ['Lumbishi', [28.81, -1.77]],
    ['Nyabibwe (Kalimbi)', [28.94, -1.94]],
    ['Kalehe centre', [28.91, -2.1]],
  ] as const)('%s lies in Kalehe', (_, point) => {
    expect(checkLocation(point, 'Kalehe', envelopes)).toEqual({ issue: null, territoryChecked: true });
  });

  it('flags Bukavu given as Kalehe as outside the territory, but not as Kabare', () => {
    expect(checkLocation([28.86, -2.51], 'Kalehe', envelopes).issue).toBe('outside_territory');
    expect(checkLocation([28.86, -2.51], 'Kabare', envelopes).issue).toBeNull();
  });

  it('flags swapped or zeroed coordinates as outside the country', () => {
    expect(checkLocation([-1.78, 28.89], 'Kalehe', envelopes).issue).toBe('outside_country');
    expect(checkLocation([0, 0], 'Kalehe', envelopes).issue).toBe('outside_country');
    expect(inBox([12.2, -13.5], DRC_BBOX) && inBox([31.4, 5.4], DRC_BBOX)).toBe(true);
  });

  it('does not check a territory it has no envelope for, and matches names loosely', () => {
    expect(checkLocation([29.2, 1.9], 'Mambasa', envelopes)).toEqual({ issue: null, territoryChecked: false });
    expect(checkLocation([28.9, -1.8], 'KALEHE ', envelopes)).toEqual({ issue: null, territoryChecked: true });
  });

  it('ships envelopes for the South and North Kivu territories', () => {
    for (const name of [
      'Kalehe',
      'Kabare',
      'Walungu',
      'Mwenga',
      'Uvira',
      'Fizi',
      'Shabunda',
      'Idjwi',
      'Masisi',
      'Rutshuru',
      'Walikale',
      'Lubero',
      'Beni',
      'Nyiragongo',
    ]) {
      expect(envelopes.byKey.has(name.toLowerCase()), name).toBe(true);
    }
    expect(envelopes.byKey.get('kalehe')).toEqual([28.45, -2.45, 29.1, -1.6]);
  });

  it('refuses a malformed envelope file', () => {
    expect(() => parseTerritoryEnvelopes({ territories: [{ name: 'X', bbox: [29, -2, 28, -1] }] })).toThrow('needs a name and a bbox');
    expect(() => parseTerritoryEnvelopes({})).toThrow('expected a "territories" array');
  });
});

describe('a site from its visits', () => {
  it('orders vids as numbers', () => {
    expect(['1200', '99', '150'].sort(compareVids)).toEqual(['99', '150', '1200']);
  });

  it('takes name, place and point from the latest visit (date, then vid), and starts at the first', () => {
    const [site, ...others] = buildSites(fixtureVisits('latest-visit.csv'));
    expect(others).toEqual([]);
    expect(site!.visits.map((v) => v.vid)).toEqual(['99', '150', '1200']);
    expect(site).toMatchObject({
      pcode: 'testmine0050',
      name: 'New name',
      point: [28.71, -2.01],
      locationPrecision: 'approximate',
      validFrom: '2015-07-20',
      // the latest visit leaves the village empty: the latest visit that gives one is used
      village: 'Village mid',
    });
  });

  it('keeps minerals and groupement a status record leaves empty', () => {
    const [site] = buildSites(fixtureVisits('status-record.csv'));
    expect(site!.latest.project).toBe('Qualification status');
    expect(site!.minerals).toEqual(['Cassitérite', 'Coltan']);
    expect(site!.groupement).toBe('Mbinga Nord');
    expect(site!.validFrom).toBe('2018-06-14');
  });
});
