import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actorSlots, type IpisRecord } from '../../../server/sites/ipis/ipis-format.js';
import {
  actorsOf,
  canonicalPlaceName,
  classifyActor,
  cleanText,
  mapLocationPrecision,
  mapQualification,
  normaliseFrequency,
  normaliseIpisRow,
  numberedValues,
  parseCoordinate,
  parseFlag,
  parseVisitDate,
  parseWorkers,
  placeKey,
  type RowNote,
} from '../../../server/sites/ipis/normalise-ipis.js';
import { parseIpisCsv } from '../../../server/sites/ipis/parse-ipis-csv.js';

const KALEHE = new URL('../../../data/ipis/ipis-kalehe-visits.csv', import.meta.url);
const kalehe = parseIpisCsv(readFileSync(KALEHE));
const rowOf = (vid: string) => kalehe.rows.find((r) => r.record.vid === vid)!;
const SLOTS = [1, 2, 3];

describe('admin names: one spelling per place', () => {
  it.each([
    ['Mbinga Nord', 'Mbinga Nord'],
    ['Mbinga nord', 'Mbinga Nord'],
    ['Mbinga-Nord', 'Mbinga Nord'],
    ['  Mbinga   -  nord ', 'Mbinga Nord'],
    ['mbinga sud', 'Mbinga Sud'],
    ['Sud-Kivu', 'Sud-Kivu'],
    ['Sud Kivu', 'Sud-Kivu'],
    ['sud-kivu', 'Sud-Kivu'],
    ['Nord-Kivu', 'Nord-Kivu'],
    ['Haut-Uele', 'Haut-Uele'],
    ['Nord-Ouest', 'Nord-Ouest'],
    ['Buhavu', 'Buhavu'],
    ['kalehe', 'Kalehe'],
    ['Ville de Bukavu', 'Ville de Bukavu'],
  ])('%j → %j', (raw, expected) => {
    expect(canonicalPlaceName(raw)).toBe(expected);
  });

  it('turns an empty or blank value into null', () => {
    expect(canonicalPlaceName('')).toBeNull();
    expect(canonicalPlaceName('   ')).toBeNull();
    expect(canonicalPlaceName(undefined)).toBeNull();
  });

  it('keys ignore case, accents, apostrophe style and hyphens', () => {
    expect(placeKey('Maï-Maï')).toBe('mai mai');
    expect(placeKey('Pas d’ingérence')).toBe(placeKey("pas d'ingerence"));
    expect(cleanText('  Site   C ')).toBe('Site C');
  });
});

describe('values', () => {
  it('reads 0/1 flags, and tells an empty flag from an unreadable one', () => {
    expect(parseFlag('1')).toBe(true);
    expect(parseFlag('0')).toBe(false);
    expect(parseFlag(' Oui ')).toBe(true);
    expect(parseFlag('')).toBeNull();
    expect(parseFlag(undefined)).toBeNull();
    expect(parseFlag('x')).toBeUndefined();
  });

  it('reads calendar dates only', () => {
    expect(parseVisitDate('2022-02-25')).toBe('2022-02-25');
    expect(parseVisitDate(' 2022-02-25T00:00:00Z ')).toBe('2022-02-25');
    expect(parseVisitDate('2022/02/25')).toBe('2022-02-25');
    expect(parseVisitDate('2022-02-30')).toBeNull();
    expect(parseVisitDate('2020-13-45')).toBeNull();
    // day-first is ambiguous with month-first: refused rather than guessed
    expect(parseVisitDate('01/02/2020')).toBeNull();
    expect(parseVisitDate('')).toBeNull();
  });

  it('reads coordinates, with a decimal comma, and says when they are not numbers', () => {
    expect(parseCoordinate('28.8135413')).toBe(28.8135413);
    expect(parseCoordinate('-2,25')).toBe(-2.25);
    expect(parseCoordinate('')).toBeNull();
    expect(parseCoordinate('abc')).toBeNaN();
    expect(parseCoordinate('28.8°')).toBeNaN();
  });

  it('reads worker counts as whole numbers', () => {
    expect(parseWorkers('350')).toBe(350);
    expect(parseWorkers('1 160')).toBe(1160);
    expect(parseWorkers('30.0')).toBe(30);
    expect(parseWorkers('')).toBeNull();
    expect(parseWorkers('about 30')).toBeUndefined();
    expect(parseWorkers('-4')).toBeUndefined();
  });

  it('maps the ICGLR colours and nothing else', () => {
    expect(mapQualification('Vert')).toBe('green');
    expect(mapQualification('Jaune')).toBe('yellow');
    expect(mapQualification('Rouge')).toBe('red');
    expect(mapQualification('Bleu')).toBeNull();
    expect(mapQualification('Not class')).toBeNull();
    expect(mapQualification('')).toBeNull();
  });

  it('reads location_origin as a precision', () => {
    expect(mapLocationPrecision('GPS')).toEqual({ precision: 'gps', recognised: true });
    expect(mapLocationPrecision('GPS (Approximation)')).toEqual({ precision: 'approximate', recognised: true });
    expect(mapLocationPrecision('Approximation')).toEqual({ precision: 'approximate', recognised: true });
    expect(mapLocationPrecision('Centre du village')).toEqual({ precision: 'village', recognised: true });
    expect(mapLocationPrecision('Localité')).toEqual({ precision: 'village', recognised: true });
    expect(mapLocationPrecision('')).toEqual({ precision: 'approximate', recognised: false });
    expect(mapLocationPrecision('Carte')).toEqual({ precision: 'approximate', recognised: false });
  });

  it('unifies frequency spellings', () => {
    expect(normaliseFrequency('Permanent')).toBe('Permanente');
    expect(normaliseFrequency('Permanente')).toBe('Permanente');
    expect(normaliseFrequency('aléatoire')).toBe('Aléatoire');
    expect(normaliseFrequency(' Une fois par semaine ')).toBe('Une fois par semaine');
    expect(normaliseFrequency('')).toBeNull();
  });

  it('collects numbered columns in order, trimmed, without empties or repeats', () => {
    const record = { mineral1: ' Or ', mineral2: '', mineral3: 'Coltan', mineral10: 'or', selling_points_mineral1: 'Numbi' };
    expect(numberedValues(record, 'mineral')).toEqual(['Or', 'Coltan']);
    expect(numberedValues({ state_service2: 'Police des Mines', state_service1: 'SAESSCAM' }, 'state_service')).toEqual(['SAESSCAM', 'Police des Mines']);
  });
});

describe('actor types', () => {
  it.each([
    ['FARDC', 'FARDC - Éléments indisciplinés', 'fardc'],
    ['FARDC', '', 'fardc'],
    ['Police des Mines (PMH)', 'PMH - Éléments indisciplinés', 'pmh'],
    ['PMH', '', 'pmh'],
    ['Police Nationale Congolaise (sauf PMH)', 'PNC - Pas d’ingérence constatée', 'pnc'],
    ['Police Nationale Congolaise (sauf PMH)', '', 'pnc'],
    ['Police', '', 'pnc'],
    ['FDLR', 'Groupe armé étranger', 'armed_group_foreign'],
    ['FDLR', '', 'armed_group_foreign'],
    ['Inconnus', 'Groupe armé étranger', 'armed_group_foreign'],
    ['Raïa Mutomboki', 'Groupe armé local', 'armed_group_local'],
    ['Raia Mutomboki', '', 'armed_group_local'],
    ['Maï-Maï Nyatura', 'Groupe armé local', 'armed_group_local'],
    ['Nyatura', '', 'armed_group_local'],
    ['Mayi-Mayi Yakutumba', '', 'armed_group_local'],
    ['Gardes du chef', '', 'unknown'],
  ])('%j typed %j → %s', (name, type, expected) => {
    expect(classifyActor(name, type || null)).toBe(expected);
  });

  it('reads three actors with their behaviours, keeping the type text and the slot', () => {
    const record: IpisRecord = {
      armed_group1: 'FARDC',
      type_armed_group1: 'FARDC - Éléments indisciplinés',
      frequency_armed_group1: 'Permanent',
      taxation_armed_group1: '1',
      pit_ownership_armed_group1: '1',
      digging_armed_group1: '0',
      armed_group2: '',
      type_armed_group2: 'Aucun',
      taxation_armed_group2: '0',
      armed_group3: 'Police des Mines (PMH)',
      type_armed_group3: 'PMH - Éléments indisciplinés',
      pillaging_armed_group3: '1',
      forced_labour_armed_group3: '1',
    };
    expect(actorsOf(record, [1, 2, 3])).toEqual([
      {
        position: 1,
        actorName: 'FARDC',
        actorType: 'fardc',
        actorTypeSource: 'FARDC - Éléments indisciplinés',
        frequency: 'Permanente',
        behaviours: ['taxation', 'pit_ownership'],
      },
      {
        position: 3,
        actorName: 'Police des Mines (PMH)',
        actorType: 'pmh',
        actorTypeSource: 'PMH - Éléments indisciplinés',
        frequency: null,
        behaviours: ['forced_labour', 'pillage'],
      },
    ]);
  });

  it('names a nameless actor by its type, and notes unknown actors and orphan flags', () => {
    const notes: RowNote[] = [];
    const actors = actorsOf(
      {
        armed_group1: '',
        type_armed_group1: 'Groupe armé local',
        armed_group2: 'Gardes du chef',
        type_armed_group2: '',
        taxation_armed_group2: 'x',
        armed_group3: '',
        type_armed_group3: 'Aucun',
        taxation_armed_group3: '1',
      },
      [1, 2, 3],
      notes,
    );
    expect(actors.map((a) => [a.position, a.actorName, a.actorType])).toEqual([
      [1, 'Groupe armé local', 'armed_group_local'],
      [2, 'Gardes du chef', 'unknown'],
    ]);
    expect(notes.map((n) => n.message)).toEqual([
      "taxation_armed_group2 'x' is not 0/1: read as not recorded",
      "actor 'Gardes du chef' (type '') matches no actor type: stored as unknown",
      'behaviour flags set in slot 3 without an actor named or typed there: ignored',
    ]);
  });

  it('finds the actor slots in the header', () => {
    expect(actorSlots(kalehe.header)).toEqual([1, 2, 3]);
    expect(actorSlots(['armed_group1', 'type_armed_group1', 'armed_group4', 'armed_group12'])).toEqual([1, 4]);
  });
});

describe('a whole row', () => {
  it('reads the 2022 Madini visit to Chez Madame (Numbi): FARDC, PNC and a taxing PMH', () => {
    const result = normaliseIpisRow(rowOf('5940'), SLOTS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { visit } = result;
    expect(visit).toMatchObject({
      vid: '5940',
      pcode: 'codmine00845',
      visitedOn: '2022-02-23',
      project: 'IPIS - Madini',
      presenceObserved: true,
      armedPresence: true,
      site: { name: 'Chez Madame', province: 'Sud-Kivu', territory: 'Kalehe', groupement: 'Buzi', village: 'Numbi', locationPrecision: 'gps' },
    });
    expect(visit.actors.map((a) => [a.position, a.actorType, a.behaviours])).toEqual([
      [1, 'fardc', []],
      [2, 'pnc', []],
      [3, 'pmh', ['taxation']],
    ]);
    expect(visit.sourceRecord).toBe(rowOf('5940').record);
    expect(result.notes).toEqual([]);
  });

  it('reads a status record (empty presence) as no field observation, not as "no armed presence"', () => {
    const result = normaliseIpisRow(rowOf('2016'), SLOTS);
    expect(result.ok && result.visit).toMatchObject({
      project: 'Qualification status',
      presenceObserved: false,
      armedPresence: null,
      interference: null,
      qualification: 'yellow',
      minerals: [],
      actors: [],
    });
  });

  it('reads "Mbinga-Nord", "Mbinga nord" and "Mbinga Nord" rows as one groupement', () => {
    const groupements = kalehe.rows
      .filter((r) => /mbinga.?nord/i.test(r.record.groupement!))
      .map((r) => normaliseIpisRow(r, SLOTS))
      .map((r) => (r.ok ? r.visit.site.groupement : r.reason));
    expect(new Set(kalehe.rows.filter((r) => /mbinga.?nord/i.test(r.record.groupement!)).map((r) => r.record.groupement)).size).toBe(3);
    expect(new Set(groupements)).toEqual(new Set(['Mbinga Nord']));
  });

  it('reads every one of the 359 Kalehe rows without rejecting or doubting any', () => {
    const results = kalehe.rows.map((r) => normaliseIpisRow(r, SLOTS));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.flatMap((r) => (r.ok ? r.notes : []))).toEqual([]);
  });

  it('rejects a row with every reason it has', () => {
    const record = { ...rowOf('5940').record, vid: ' ', pcode: '', visit_date: '2020-13-45', longitude: 'abc', geom: '' };
    expect(normaliseIpisRow({ line: 7, record }, SLOTS)).toEqual({
      ok: false,
      reason: "no vid (visit id); no pcode (site code); visit_date '2020-13-45' is not a date (YYYY-MM-DD); longitude 'abc' is not a number",
    });
  });

  it('falls back to the geom point when longitude and latitude are empty, and refuses an impossible point', () => {
    const base = rowOf('5940').record;
    // The geom cells come parsed by PostGIS (ipis-store.ts, wktPoints; tests/sites/ipis/import-ipis-fixtures.test.ts).
    const points = new Map<string, [number, number] | null>([
      ['POINT (28.9 -1.8)', [28.9, -1.8]],
      ['POINT (28.9', null],
    ]);
    const fromWkt = normaliseIpisRow({ line: 2, record: { ...base, longitude: '', latitude: '', geom: 'POINT (28.9 -1.8)' } }, SLOTS, points);
    expect(fromWkt.ok && fromWkt.visit.site.point).toEqual([28.9, -1.8]);
    expect(normaliseIpisRow({ line: 2, record: { ...base, longitude: '', latitude: '', geom: 'POINT (28.9' } }, SLOTS, points)).toEqual({
      ok: false,
      reason: "geom 'POINT (28.9' is not a WKT point, and longitude and latitude are empty",
    });
    const impossible = normaliseIpisRow({ line: 2, record: { ...base, longitude: '-1.78', latitude: '128.9' } }, SLOTS);
    expect(impossible).toEqual({ ok: false, reason: 'coordinates -1.78, 128.9 are not a longitude and latitude' });
  });
});
