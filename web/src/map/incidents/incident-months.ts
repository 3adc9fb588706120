/**
 * The incident chart's counting: the twelve months up to the map's date, and per month the
 * incidents in the area by group of harm and by category. No DOM here.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { LayerFeature } from '../../shared/api.js';
import { getLang } from '../messages.js';
import { GROUPS, groupOf, type CategoryGroup } from './incident-vocabulary.js';

export const MONTHS = 12;

export interface Month {
  key: string;
  counts: Record<CategoryGroup, number>;
  categories: Map<string, number>;
  total: number;
}

/** The twelve months ending with the date's, oldest first, as YYYY-MM. */
export function monthsUpTo(date: string): string[] {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return Array.from({ length: MONTHS }, (_, i) => {
    const m = year * 12 + (month - 1) - (MONTHS - 1 - i);
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

const locale = () => (getLang() === 'fr' ? 'fr-FR' : 'en-GB');

/** A month (YYYY-MM) named in the page's language. */
export const monthName = (key: string, month: 'long' | 'short' | 'narrow', withYear = true) =>
  new Date(`${key}-01T00:00:00Z`).toLocaleDateString(locale(), { month, ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });

const isPoint = (f: LayerFeature): f is LayerFeature & { geometry: { type: 'Point'; coordinates: number[] } } => f.geometry?.type === 'Point';

/** Where incidents are counted: inside a bounding test (the map's view) or a polygon (a zone). */
export type CountArea = { contains(lngLat: [number, number]): boolean } | Polygon | MultiPolygon;

/** The incidents of each of the twelve months up to the date, in the area, none after the date. */
export function countByMonth(incidents: LayerFeature[], date: string, area: CountArea): Month[] {
  const byKey = new Map<string, Month>(
    monthsUpTo(date).map((key) => [
      key,
      { key, counts: Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<CategoryGroup, number>, categories: new Map(), total: 0 },
    ]),
  );
  const inArea = (lngLat: [number, number]) => ('contains' in area ? area.contains(lngLat) : booleanPointInPolygon(lngLat, area));
  for (const incident of incidents) {
    const day = String(incident.properties.occurred_on ?? '');
    const month = byKey.get(day.slice(0, 7));
    if (!month || day > date || !isPoint(incident)) continue;
    if (!inArea(incident.geometry.coordinates as [number, number])) continue;
    const category = String(incident.properties.category);
    month.counts[groupOf(category)] += 1;
    month.categories.set(category, (month.categories.get(category) ?? 0) + 1);
    month.total += 1;
  }
  return [...byKey.values()];
}
