/**
 * What the page compares — two days, which incidents, an optional area — and how it travels:
 * as the API's query string, and in the page's address so that a link to the minutes' list
 * opens it as it was. The map links here with `bbox=` for the part of the map in view.
 */
import { addDays, daysBetween, isIsoDate } from '../shared/iso-dates.js';
import { today } from '../shared/today.js';

export type IncidentChoice = 'serious' | 'all';
export const INCIDENT_CHOICES: readonly IncidentChoice[] = ['serious', 'all'];

/** A month between meetings: the default look back when the address names no date. */
export const DEFAULT_SPAN_DAYS = 30;
/** The API's longest span (server/analysis/changes/changes-params.ts, CHANGES_MAX_DAYS). */
export const MAX_SPAN_DAYS = 3_660;

export interface ChangesQuery {
  from: string;
  to: string;
  incidents: IncidentChoice;
  /** [west, south, east, north] in degrees, or null: everything the data holds. */
  bbox: [number, number, number, number] | null;
}

/** A box as the API takes it: four finite numbers, west below east, south below north, on the globe. */
export function parseBbox(raw: string | null): ChangesQuery['bbox'] {
  if (raw === null) return null;
  const parts = raw.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return null;
  const [west, south, east, north] = parts as [number, number, number, number];
  const onGlobe = west >= -180 && east <= 180 && south >= -90 && north <= 90;
  return onGlobe && west < east && south < north ? [west, south, east, north] : null;
}

export function queryFromAddress(search: string, now: string = today()): ChangesQuery {
  const params = new URLSearchParams(search);
  const rawTo = params.get('to') ?? '';
  const to = isIsoDate(rawTo) ? rawTo : now;
  const rawFrom = params.get('from') ?? '';
  const from = isIsoDate(rawFrom) && rawFrom < to && daysBetween(rawFrom, to) <= MAX_SPAN_DAYS ? rawFrom : addDays(to, -DEFAULT_SPAN_DAYS);
  const incidents = params.get('incidents') === 'all' ? 'all' : 'serious';
  return { from, to, incidents, bbox: parseBbox(params.get('bbox')) };
}

/** Why the API would refuse these two days, or null: `to` after `from`, at most MAX_SPAN_DAYS apart. */
export function periodProblem(from: string, to: string): 'order' | 'span' | null {
  if (to <= from) return 'order';
  return daysBetween(from, to) > MAX_SPAN_DAYS ? 'span' : null;
}

/** The API's query string (and the page's own: the same names). */
export function changesSearch(query: ChangesQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, incidents: query.incidents });
  if (query.bbox) params.set('bbox', query.bbox.join(','));
  return params.toString();
}

/** Writes the query into the address, so that the page can be shared and reopened as it is. */
export function writeAddress(query: ChangesQuery): void {
  const url = new URL(location.href);
  url.search = changesSearch(query);
  history.replaceState(null, '', url);
}
