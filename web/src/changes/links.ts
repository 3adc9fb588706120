/**
 * Where each change leads: the map on the day it shows the change, centred on it, and for a
 * contested zone the case files that name its claims (`cases.html?claim_id=…`, the case
 * list's own filter; README, "Case files").
 */
import type { Change } from './api.js';

/** Close enough to see the site or the zone and what is around it. */
export const MAP_ZOOM = 13;

/** The map at the change's date, with MapLibre's `#view=zoom/lat/lon` (web/src/map/page-address.ts). */
export function mapLink(change: Pick<Change, 'date' | 'lat' | 'lon'>): string {
  const round = (value: number) => String(Math.round(value * 1e5) / 1e5);
  return `./index.html?date=${encodeURIComponent(change.date)}#view=${MAP_ZOOM}/${round(change.lat)}/${round(change.lon)}`;
}

/** The claims a change rests on: for a contested zone, its claimants' claims. */
export function claimIds(change: Pick<Change, 'evidence'>): number[] {
  return [...new Set(change.evidence.filter((e) => e.layer === 'claims').map((e) => e.id))];
}

/** The case files about a contested zone, found by its claims; null for anything else. */
export function caseLink(change: Pick<Change, 'kind' | 'evidence'>): string | null {
  if (change.kind !== 'contested') return null;
  const ids = claimIds(change);
  if (ids.length === 0) return null;
  const params = new URLSearchParams();
  for (const id of ids) params.append('claim_id', String(id));
  return `./cases.html?${params.toString()}`;
}
