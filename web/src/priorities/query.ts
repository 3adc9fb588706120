/**
 * What the ranking is asked for — date, weights, a unit's reach, the area — and how it travels: as the
 * API's query string, and in the page address so that a meeting's settings can be shared
 * and reopened as they were.
 */
import { isIsoDate } from '../shared/iso-dates.js';
import { today } from '../shared/today.js';
import { DEFAULT_RADIUS_KM, DEFAULT_WEIGHTS, FACTORS, weightParam, type Weights } from './factors.js';

export interface RankingQuery {
  date: string;
  weights: Weights;
  radiusKm: number;
  /** A province as the API names it, or 'all'; null: the working group's home province (the API's HOME_PROVINCE). */
  province: string | null;
  /** A territory of that province; null: the whole province. */
  territory: string | null;
}

/** `province=all` in the API: every province. */
export const ALL_PROVINCES = 'all';
/** An area name from the address: what the API takes (1–100 characters), else none. */
const areaName = (raw: string | null) => (raw !== null && raw.trim() !== '' && raw.length <= 100 ? raw.trim() : null);

export { isIsoDate };

/** The API's bounds on a weight and on radius_km: the address cannot ask for what the API refuses. */
const inRange = (value: number, max: number) => Number.isFinite(value) && value >= 0 && value <= max;

export function queryFromAddress(search: string): RankingQuery {
  const params = new URLSearchParams(search);
  const date = params.get('date') ?? '';
  const weights = { ...DEFAULT_WEIGHTS };
  for (const factor of FACTORS) {
    const raw = params.get(weightParam(factor));
    const value = raw === null || raw === '' ? NaN : Number(raw);
    if (inRange(value, 100)) weights[factor] = value;
  }
  const radius = Number(params.get('radius_km') ?? NaN);
  return {
    date: isIsoDate(date) ? date : today(),
    weights,
    radiusKm: inRange(radius, 100) ? radius : DEFAULT_RADIUS_KM,
    province: areaName(params.get('province')),
    territory: areaName(params.get('territory')),
  };
}

/** The API's query string: every weight sent, so the answer does not depend on server defaults. */
export function rankingSearch(query: RankingQuery): string {
  const params = new URLSearchParams({ date: query.date, radius_km: String(query.radiusKm) });
  for (const factor of FACTORS) params.set(weightParam(factor), String(query.weights[factor]));
  if (query.province !== null) params.set('province', query.province);
  if (query.territory !== null) params.set('territory', query.territory);
  return params.toString();
}

/** Writes the query into the address, leaving defaults out so ordinary links stay short. */
export function writeAddress(query: RankingQuery): void {
  const url = new URL(location.href);
  url.searchParams.set('date', query.date);
  for (const factor of FACTORS) {
    if (query.weights[factor] === DEFAULT_WEIGHTS[factor]) url.searchParams.delete(weightParam(factor));
    else url.searchParams.set(weightParam(factor), String(query.weights[factor]));
  }
  if (query.radiusKm === DEFAULT_RADIUS_KM) url.searchParams.delete('radius_km');
  else url.searchParams.set('radius_km', String(query.radiusKm));
  for (const [name, value] of [
    ['province', query.province],
    ['territory', query.territory],
  ] as const) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  history.replaceState(null, '', url);
}

export function sameQuery(a: RankingQuery, b: RankingQuery): boolean {
  return rankingSearch(a) === rankingSearch(b);
}
