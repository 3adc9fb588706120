/**
 * R11 (docs/domain.md): an observation older than the freshness window is stale and is never
 * shown as current. Its flags are kept, marked stale, so that the map can say "last seen
 * in 2019" instead of either hiding it or presenting it as today's situation.
 * Fixtures: tests/fixtures/security/observations/stale-army.json,
 * tests/fixtures/security/routes/false/stale-army-sighting.geojson.
 */
import { daysBetween } from '../domain/iso-date.js';

export function ageInDays(observedOn: string, date: string): number {
  return daysBetween(observedOn, date);
}

export function isStale(observedOn: string, date: string, freshDays: number): boolean {
  return ageInDays(observedOn, date) > freshDays;
}
