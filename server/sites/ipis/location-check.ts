import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../paths.js';
import { placeKey } from './normalise-ipis.js';

/** [minLon, minLat, maxLon, maxLat] */
export type BBox = readonly [number, number, number, number];

/**
 * The DR Congo's extent, rounded outwards (about lon 12.2 at the Atlantic to 31.3 at Lake
 * Albert, lat -13.5 in the Katanga panhandle to 5.4 on the Ubangi). A box, so Rwanda,
 * Burundi and parts of Uganda and Zambia lie inside it: it catches swapped, zeroed or
 * mistyped coordinates, not a point a few kilometres across the border.
 */
export const DRC_BBOX: BBox = [12.2, -13.5, 31.4, 5.4];

export const TERRITORIES_FILE = join(PROJECT_ROOT, 'data', 'reference', 'territories.json');

export interface TerritoryEnvelopes {
  /** placeKey(territory name) → its approximate envelope */
  byKey: ReadonlyMap<string, BBox>;
}

export type LocationIssue = 'outside_country' | 'outside_territory';

export interface LocationCheck {
  issue: LocationIssue | null;
  /** false when the territory has no reference envelope: only the country was checked. */
  territoryChecked: boolean;
}

export function inBox([lon, lat]: readonly [number, number], [minLon, minLat, maxLon, maxLat]: BBox): boolean {
  return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
}

/** Whether a point can be where its row says it is; the row is kept either way. */
export function checkLocation(point: readonly [number, number], territory: string | null, envelopes: TerritoryEnvelopes): LocationCheck {
  const envelope = territory ? envelopes.byKey.get(placeKey(territory)) : undefined;
  if (!inBox(point, DRC_BBOX)) return { issue: 'outside_country', territoryChecked: envelope !== undefined };
  if (!envelope) return { issue: null, territoryChecked: false };
  return { issue: inBox(point, envelope) ? null : 'outside_territory', territoryChecked: true };
}

export function parseTerritoryEnvelopes(json: unknown): TerritoryEnvelopes {
  const territories = (json as { territories?: unknown })?.territories;
  if (!Array.isArray(territories)) throw new Error(`${TERRITORIES_FILE}: expected a "territories" array`);
  const byKey = new Map<string, BBox>();
  for (const entry of territories as Array<{ name?: unknown; bbox?: unknown }>) {
    const box = entry.bbox;
    const valid =
      typeof entry.name === 'string' &&
      Array.isArray(box) &&
      box.length === 4 &&
      box.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
      box[0] < box[2] &&
      box[1] < box[3];
    if (!valid) throw new Error(`${TERRITORIES_FILE}: entry ${JSON.stringify(entry)} needs a name and a bbox [minLon, minLat, maxLon, maxLat]`);
    byKey.set(placeKey(entry.name as string), box as unknown as BBox);
  }
  return { byKey };
}

let cached: TerritoryEnvelopes | undefined;

export function loadTerritoryEnvelopes(file = TERRITORIES_FILE): TerritoryEnvelopes {
  if (file !== TERRITORIES_FILE) return parseTerritoryEnvelopes(JSON.parse(readFileSync(file, 'utf8')));
  cached ??= parseTerritoryEnvelopes(JSON.parse(readFileSync(file, 'utf8')));
  return cached;
}
