/**
 * What the export dialog asks the server for: the choices as URL parameters of
 * `GET /api/export` and `GET /api/export/count` (README, "Sharing profiles and exports").
 * Kept free of the DOM so that the URL the count is for is the URL the download fetches.
 */
import { getJson } from '../../shared/api.js';
import { getLang } from '../../shared/language.js';

export const EXPORT_LAYERS = ['zones', 'cooperatives', 'claims', 'presence', 'incidents', 'routes', 'roadblocks', 'sites', 'permits'] as const;
export type ExportLayer = (typeof EXPORT_LAYERS)[number];
export const EXPORT_PROFILES = ['internal', 'working-group', 'partner', 'public'] as const;
export type ExportProfile = (typeof EXPORT_PROFILES)[number];
export const EXPORT_FORMATS = ['geojson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** minLon, minLat, maxLon, maxLat. */
export type Bbox = [number, number, number, number];

export interface ExportChoices {
  layers: ExportLayer[];
  /** Absent: everything, wherever it is. */
  bbox?: Bbox;
  /** The map's date: records as the map shows them on it (exclusive of from/to). */
  asOf?: string;
  /** With asOf: incidents of this many days up to it, as the map's period filter; absent: all. */
  incidentDays?: number;
  from?: string;
  to?: string;
  profile: ExportProfile;
  format: ExportFormat;
}

export interface ExportCount {
  profile: ExportProfile;
  counts: Partial<Record<ExportLayer, number>>;
  total: number;
}

const round5 = (value: number) => Math.round(value * 1e5) / 1e5;
const clamp = (value: number, limit: number) => Math.min(limit, Math.max(-limit, value));

/**
 * A map view as an export bbox: 5 decimals (about a metre, and a stable URL), clamped to
 * the world so that a view zoomed out past the antimeridian still asks for something valid.
 */
export function viewBbox([[west, south], [east, north]]: [[number, number], [number, number]]): Bbox {
  return [round5(clamp(west, 180)), round5(clamp(south, 90)), round5(clamp(east, 180)), round5(clamp(north, 90))];
}

/** Plain decimals: the server's bbox pattern takes no exponent (1e-7) nor "-0". */
const decimal = (value: number) => (Object.is(value, -0) ? 0 : value).toFixed(5).replace(/\.?0+$/, '') || '0';

export function exportParams(choices: ExportChoices): URLSearchParams {
  const params = new URLSearchParams({ layers: choices.layers.join(',') });
  if (choices.bbox) params.set('bbox', choices.bbox.map(decimal).join(','));
  if (choices.asOf) params.set('as_of', choices.asOf);
  if (choices.asOf && choices.incidentDays) params.set('incident_days', String(choices.incidentDays));
  if (choices.from) params.set('from', choices.from);
  if (choices.to) params.set('to', choices.to);
  params.set('profile', choices.profile);
  params.set('format', choices.format);
  return params;
}

/**
 * Relative to the page, like every API call of the page (it may live under a path prefix). The
 * file carries the words of its codes in the page's language beside them (issue 14).
 */
export function exportUrl(choices: ExportChoices): string {
  const params = exportParams(choices);
  params.set('lang', getLang());
  return new URL(`api/export?${params}`, document.baseURI).href;
}

export function fetchExportCount(choices: ExportChoices, signal?: AbortSignal): Promise<ExportCount> {
  return getJson<ExportCount>(`api/export/count?${exportParams(choices)}`, signal);
}
