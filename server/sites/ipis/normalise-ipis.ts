/**
 * IPIS open-data CSV → the project's records: how one raw row is read.
 * =====================================================================
 * Pure functions only: no database, no file; import-ipis.ts puts them to work.
 *
 * One row is one VISIT (`vid`) to one SITE (`pcode`). A visit keeps everything IPIS
 * recorded that day. The site is built from its visits (build-sites.ts): point and
 * precision from the latest visit (by visit_date, then vid), each descriptive field from
 * the latest visit that states it, valid_from = the first visit. Visits already stored
 * from another extract count too (import-ipis.ts), so a partial file never rolls a site back.
 *
 * Decisions, and why:
 * - Rejected rows: no `vid`, no `pcode`, a `visit_date` that is not a calendar date
 *   (YYYY-MM-DD, optionally followed by a time, or YYYY/MM/DD; day-first dates are
 *   ambiguous and refused), or coordinates that are not numbers / not on the globe.
 *   Everything else is kept: a doubtful value becomes NULL with a warning, because
 *   losing a whole visit over an unreadable worker count would hide an armed presence.
 * - Coordinates: `longitude`/`latitude`, else the `geom` WKT point when both are empty (parsed
 *   by PostGIS beforehand: `wktPoints`).
 *   A point outside the DRC or its territory is kept and flagged (location-check.ts).
 * - `location_origin` is a precision flag, not a provenance: 'GPS' → gps; anything
 *   saying approximation ('GPS (Approximation)', 'Approximation') → approximate;
 *   village / localité / centre → village. Empty or unknown → approximate, because a
 *   point of unknown origin must not be presented as a GPS fix.
 * - Flags: '1' yes, '0' no, '' not recorded (NULL). 'oui'/'non', 'true'/'false' are
 *   read too; any other value is NULL with a warning.
 * - `presence` empty: the row is a status record (qualification or iTSCi list), not a
 *   field visit, so presence_observed = false and armed_presence = NULL (not "no
 *   armed presence"). '0'/'1' → presence_observed = true and the flag.
 * - Armed actors: slot N of `armed_groupN`, `type_armed_groupN`, `frequency_armed_groupN`
 *   and the nine behaviour flags (`pillaging_` → 'pillage'). A slot whose name and type
 *   are empty or 'Aucun' holds no actor. The actor type comes from the IPIS type text
 *   first (it is IPIS's own classification), else from the name:
 *   FARDC → fardc; PNC / Police Nationale → pnc (tested before PMH because IPIS writes
 *   "Police Nationale Congolaise (sauf PMH)"); PMH / Police des Mines → pmh; FDLR and
 *   other foreign groups, 'Groupe armé étranger' → armed_group_foreign; Raïa Mutomboki,
 *   Maï-Maï, Nyatura and other Congolese groups, 'Groupe armé local' →
 *   armed_group_local; any other police → pnc; otherwise unknown (with a warning). The
 *   raw type text is kept in actor_type_source; a nameless actor is named by its type.
 * - Spelling: admin names (province, territoire, collectivite, groupement) are
 *   canonicalised so that 'Mbinga Nord', 'Mbinga nord' and 'Mbinga-Nord' are one place:
 *   a compass/elevation word AFTER a name is capitalised and joined by a space
 *   ('Mbinga Nord'), one BEFORE a name by a hyphen, as DRC province names are written
 *   ('Sud-Kivu', 'Haut-Uele'); all-lower-case words get a capital. A province written in
 *   English ('South Kivu') becomes its French name (server/domain/provinces.ts). Site and village names
 *   are only trimmed: their variants ('Nyawaronga'/'Nyawarongo') are not safely
 *   mergeable by rule. Frequencies: 'Permanent' → 'Permanente'; others as IPIS wrote them.
 * - Qualification: Vert/Jaune/Rouge → green/yellow/red; anything else ('Bleu',
 *   'Not class', empty) → NULL: not a qualification the ministerial order defines.
 * - Minerals (mineral1..n) and state services (state_service1..n): French names as IPIS
 *   gives them, trimmed, empties dropped, duplicates dropped (first spelling kept).
 * - The raw row goes to site_visits.source_record unchanged, for every column not mapped.
 */
import { utcMidnight } from '../../domain/iso-date.js';
import { canonicalProvince } from '../../domain/provinces.js';
import type { ActorType, Behaviour } from '../../domain/vocabulary.js';
import { BEHAVIOUR_COLUMNS, type IpisRecord, type IpisRow } from './ipis-format.js';

export type LocationPrecision = 'gps' | 'village' | 'approximate';
export type Qualification = 'green' | 'yellow' | 'red';

export interface IpisActor {
  position: number;
  actorName: string;
  actorType: ActorType;
  actorTypeSource: string | null;
  frequency: string | null;
  behaviours: Behaviour[];
}

/** What a visit says about its site; the site takes these from its latest visit. */
export interface IpisSiteFacts {
  name: string | null;
  province: string | null;
  territory: string | null;
  collectivite: string | null;
  groupement: string | null;
  village: string | null;
  /** [lon, lat], WGS 84 */
  point: [number, number];
  locationPrecision: LocationPrecision;
}

export interface IpisVisit {
  line: number;
  vid: string;
  pcode: string;
  /** YYYY-MM-DD */
  visitedOn: string;
  site: IpisSiteFacts;
  project: string | null;
  onsite: boolean | null;
  presenceObserved: boolean;
  armedPresence: boolean | null;
  interference: boolean | null;
  workers: number | null;
  minerals: string[];
  mercury: boolean | null;
  qualification: Qualification | null;
  stateServices: string[];
  traceability: string | null;
  actors: IpisActor[];
  sourceRecord: IpisRecord;
}

/**
 * Something read doubtfully but kept. `key` is the same for the same problem on many rows,
 * so the report can say it once with the lines it concerns.
 */
export interface RowNote {
  key: string;
  message: string;
}

export type NormalisedRow = { ok: true; visit: IpisVisit; notes: RowNote[] } | { ok: false; reason: string };

// ---------------------------------------------------------------------------- text

/** Trimmed, inner whitespace collapsed, NFC; empty → null. */
export function cleanText(raw: string | undefined): string | null {
  const text = (raw ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** A comparison key: case, accents, apostrophe style, hyphens and spacing ignored. */
export function placeKey(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const QUALIFIERS = new Map([
  ['nord', 'Nord'],
  ['sud', 'Sud'],
  ['est', 'Est'],
  ['ouest', 'Ouest'],
  ['centre', 'Centre'],
  ['haut', 'Haut'],
  ['bas', 'Bas'],
]);
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', "d'", "l'"]);

/** One spelling per admin unit: 'Mbinga nord' / 'Mbinga-Nord' → 'Mbinga Nord'; 'Sud Kivu' → 'Sud-Kivu'. */
export function canonicalPlaceName(raw: string | undefined): string | null {
  const text = cleanText(raw)?.replace(/\s*-\s*/g, '-');
  if (!text) return null;
  const words = text.split(/[ -]/);
  const separators = [...text.matchAll(/[ -]/g)].map((m) => m[0]);
  const out = words.map((word, i) => {
    const qualifier = QUALIFIERS.get(word.toLowerCase());
    if (qualifier) return qualifier;
    if (word !== word.toLowerCase() || (i > 0 && PARTICLES.has(word))) return word;
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
  const qualifier = words.map((word) => QUALIFIERS.has(word.toLowerCase()));
  const separator = (i: number): string => {
    if (qualifier[i] && qualifier[i + 1]) return separators[i]!; // 'Nord-Ouest' stays as written
    if (qualifier[i + 1]) return ' '; // 'Mbinga-Nord' → 'Mbinga Nord'
    if (i === 0 && qualifier[0]) return '-'; // 'Sud Kivu' → 'Sud-Kivu'
    return separators[i]!;
  };
  return out.map((word, i) => (i === out.length - 1 ? word : word + separator(i))).join('');
}

/** Frequency of an actor's presence, French as IPIS writes it, one spelling per value. */
export function normaliseFrequency(raw: string | undefined): string | null {
  const text = cleanText(raw);
  if (!text) return null;
  const key = placeKey(text);
  if (key === 'permanent' || key === 'permanente') return 'Permanente';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------- values

/** '1' yes, '0' no, '' not recorded (null); undefined when the value is none of these. */
export function parseFlag(raw: string | undefined): boolean | null | undefined {
  const key = placeKey(raw ?? '');
  if (key === '') return null;
  if (['1', 'oui', 'yes', 'true', 'vrai'].includes(key)) return true;
  if (['0', 'non', 'no', 'false', 'faux'].includes(key)) return false;
  return undefined;
}

/** A calendar date as YYYY-MM-DD, or null. */
export function parseVisitDate(raw: string | undefined): string | null {
  const text = (raw ?? '').trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z ]*)?$/.exec(text) ?? /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2100 || utcMidnight(year, month, day) === null) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** A decimal degree; a decimal comma is accepted. Null when empty, NaN when not a number. */
export function parseCoordinate(raw: string | undefined): number | null {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^[+-]?\d+,\d+$/.test(text)) return Number(text.replace(',', '.'));
  return Number.NaN;
}

export function parseWorkers(raw: string | undefined): number | null | undefined {
  const text = (raw ?? '').replace(/\s+/g, '');
  if (text === '') return null;
  if (!/^\d+(\.0+)?$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 10_000_000 ? n : undefined;
}

export function mapQualification(raw: string | undefined): Qualification | null {
  const key = placeKey(raw ?? '');
  if (key === 'vert' || key === 'green') return 'green';
  if (key === 'jaune' || key === 'yellow') return 'yellow';
  if (key === 'rouge' || key === 'red') return 'red';
  return null;
}

/** `location_origin` → how precise the point is; `recognised` false when guessed. */
export function mapLocationPrecision(raw: string | undefined): { precision: LocationPrecision; recognised: boolean } {
  const key = placeKey(raw ?? '');
  if (key.includes('approx')) return { precision: 'approximate', recognised: true };
  if (key === 'gps') return { precision: 'gps', recognised: true };
  if (/village|localite|centre|chef lieu|agglomeration/.test(key)) return { precision: 'village', recognised: true };
  return { precision: 'approximate', recognised: false };
}

/** The values of the numbered columns `<stem>1..n`, trimmed, without empties or repeats. */
export function numberedValues(record: IpisRecord, stem: string): string[] {
  const pattern = new RegExp(`^${stem}(\\d+)$`);
  const columns = Object.keys(record)
    .map((name) => ({ name, n: Number(pattern.exec(name)?.[1]) }))
    .filter((c) => Number.isInteger(c.n))
    .sort((a, b) => a.n - b.n);
  const seen = new Set<string>();
  const values: string[] = [];
  for (const { name } of columns) {
    const value = cleanText(record[name]);
    if (!value || seen.has(placeKey(value))) continue;
    seen.add(placeKey(value));
    values.push(value);
  }
  return values;
}

// ---------------------------------------------------------------------------- actors

const NONE = new Set(['aucun', 'aucune', 'none', 'neant', 'rien', 'n/a', 'na', '-', '0']);

const ACTOR_PATTERNS: ReadonlyArray<readonly [RegExp, ActorType]> = [
  [/\bfardc\b|forces armees de la r/, 'fardc'],
  // before PMH: IPIS writes "Police Nationale Congolaise (sauf PMH)"
  [/\bpnc\b|police nationale/, 'pnc'],
  [/\bpmh\b|police des mines/, 'pmh'],
  [/groupe arme etranger|\bfdlr\b|\bcnrd\b|\bfnl\b|\badf\b|red tabara|\blra\b/, 'armed_group_foreign'],
  [/groupe arme local|raia mutomboki|mai ?mai|mayi ?mayi|nyatura|\bndc\b|\bapcls\b|codeco|twirwaneho/, 'armed_group_local'],
  [/securite privee|gardiennage|private security/, 'private_security'],
  [/\bpolice\b/, 'pnc'],
];

function classifyText(text: string | null): ActorType | null {
  if (!text) return null;
  const key = placeKey(text);
  return ACTOR_PATTERNS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/** The actor_type of an IPIS actor: its type text first (IPIS's own classification), then its name. */
export function classifyActor(name: string | null, typeText: string | null): ActorType {
  return classifyText(typeText) ?? classifyText(name) ?? 'unknown';
}

function isNone(text: string | null): boolean {
  return text === null || NONE.has(placeKey(text));
}

/** The armed actors of one row, slot by slot. */
export function actorsOf(record: IpisRecord, slots: readonly number[], notes: RowNote[] = []): IpisActor[] {
  const actors: IpisActor[] = [];
  for (const slot of slots) {
    const suffix = `armed_group${slot}`;
    const name = cleanText(record[suffix]);
    const typeText = cleanText(record[`type_${suffix}`]);
    const behaviours: Behaviour[] = [];
    for (const [prefix, behaviour] of BEHAVIOUR_COLUMNS) {
      const column = `${prefix}${suffix}`;
      const flag = parseFlag(record[column]);
      if (flag === undefined) notes.push(flagNote(column, record[column]));
      if (flag === true) behaviours.push(behaviour);
    }
    if (isNone(name) && isNone(typeText)) {
      if (behaviours.length > 0) {
        notes.push({ key: `orphan-behaviours:${slot}`, message: `behaviour flags set in slot ${slot} without an actor named or typed there: ignored` });
      }
      continue;
    }
    const actorName = isNone(name) ? typeText! : name!;
    const actorType = classifyActor(isNone(name) ? null : name, isNone(typeText) ? null : typeText);
    if (actorType === 'unknown') {
      notes.push({
        key: `actor:${actorName}|${typeText ?? ''}`,
        message: `actor '${actorName}' (type '${typeText ?? ''}') matches no actor type: stored as unknown`,
      });
    }
    actors.push({
      position: slot,
      actorName,
      actorType,
      actorTypeSource: isNone(typeText) ? null : typeText,
      frequency: normaliseFrequency(record[`frequency_${suffix}`]),
      behaviours,
    });
  }
  return actors;
}

function flagNote(column: string, raw: string | undefined): RowNote {
  return { key: `flag:${column}:${raw}`, message: `${column} '${raw}' is not 0/1: read as not recorded` };
}

// ---------------------------------------------------------------------------- the row

/**
 * The points of `geom` cells, parsed by PostGIS (ipis-store.ts, `wktPoints`): a cell's text →
 * its point, or null when the text is not a WKT point.
 */
export type WktPoints = ReadonlyMap<string, [number, number] | null>;

function readPoint(record: IpisRecord, wktPoints: WktPoints, reasons: string[], notes: RowNote[]): [number, number] | null {
  const lon = parseCoordinate(record.longitude);
  const lat = parseCoordinate(record.latitude);
  const geom = record.geom?.trim() ?? '';
  const wkt = geom ? (wktPoints.get(geom) ?? null) : null;
  if (lon === null && lat === null) {
    if (wkt) return checkRange(wkt, reasons);
    reasons.push(geom ? `geom '${geom}' is not a WKT point, and longitude and latitude are empty` : 'no coordinates (longitude, latitude and geom are empty)');
    return null;
  }
  if (lon === null || Number.isNaN(lon)) reasons.push(`longitude '${record.longitude ?? ''}' is not a number`);
  if (lat === null || Number.isNaN(lat)) reasons.push(`latitude '${record.latitude ?? ''}' is not a number`);
  if (lon === null || lat === null || Number.isNaN(lon) || Number.isNaN(lat)) return null;
  if (wkt && (Math.abs(wkt[0] - lon) > 1e-4 || Math.abs(wkt[1] - lat) > 1e-4)) {
    notes.push({ key: 'geom-disagrees', message: 'longitude/latitude and geom give different points: longitude/latitude used' });
  }
  return checkRange([lon, lat], reasons);
}

function checkRange(point: [number, number], reasons: string[]): [number, number] | null {
  const [lon, lat] = point;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    reasons.push(`coordinates ${lon}, ${lat} are not a longitude and latitude`);
    return null;
  }
  return point;
}

function readFlag(record: IpisRecord, column: string, notes: RowNote[]): boolean | null {
  const flag = parseFlag(record[column]);
  if (flag === undefined) {
    notes.push(flagNote(column, record[column]));
    return null;
  }
  return flag;
}

/** One raw row → a typed visit with its site facts and actors, or the reason it cannot be. */
export function normaliseIpisRow(row: IpisRow, actorSlots: readonly number[], wktPoints: WktPoints = new Map()): NormalisedRow {
  const { record, line } = row;
  const reasons: string[] = [];
  const notes: RowNote[] = [];

  const vid = cleanText(record.vid);
  const pcode = cleanText(record.pcode);
  if (!vid) reasons.push('no vid (visit id)');
  if (!pcode) reasons.push('no pcode (site code)');
  const visitedOn = parseVisitDate(record.visit_date);
  if (!visitedOn) reasons.push(record.visit_date?.trim() ? `visit_date '${record.visit_date}' is not a date (YYYY-MM-DD)` : 'no visit_date');
  const point = readPoint(record, wktPoints, reasons, notes);
  if (reasons.length > 0 || !vid || !pcode || !visitedOn || !point) return { ok: false, reason: reasons.join('; ') };

  const origin = mapLocationPrecision(record.location_origin);
  if (!origin.recognised) {
    const raw = cleanText(record.location_origin) ?? '';
    notes.push({ key: `location_origin:${raw}`, message: `location_origin '${raw}' not recognised: point taken as approximate` });
  }
  const workers = parseWorkers(record.workers_numb);
  if (workers === undefined) notes.push({ key: 'workers_numb', message: `workers_numb is not a whole number: stored as unknown` });
  const presence = cleanText(record.presence);
  const armedPresence = presence === null ? null : readFlag(record, 'presence', notes);

  return {
    ok: true,
    notes,
    visit: {
      line,
      vid,
      pcode,
      visitedOn,
      site: {
        name: cleanText(record.name),
        province: canonicalProvince(canonicalPlaceName(record.province)),
        territory: canonicalPlaceName(record.territoire),
        collectivite: canonicalPlaceName(record.collectivite),
        groupement: canonicalPlaceName(record.groupement),
        village: cleanText(record.village),
        point,
        locationPrecision: origin.precision,
      },
      project: cleanText(record.project),
      onsite: readFlag(record, 'visit_onsite', notes),
      presenceObserved: presence !== null,
      armedPresence,
      interference: readFlag(record, 'interference', notes),
      workers: workers ?? null,
      minerals: numberedValues(record, 'mineral'),
      mercury: readFlag(record, 'mercury', notes),
      qualification: mapQualification(record.qualification),
      stateServices: numberedValues(record, 'state_service'),
      traceability: cleanText(record.traceability),
      actors: actorsOf(record, actorSlots, notes),
      sourceRecord: record,
    },
  };
}
