/**
 * R11 (DOMAIN.md): an observation older than the freshness window is stale and is never
 * shown as current. Its flags are kept, marked stale, so that the map can say "last seen
 * in 2019" instead of either hiding it or presenting it as today's situation.
 * Fixtures: tests/fixtures/security/sites/*stale*.
 */
export function ageInDays(observedOn: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${observedOn}T00:00:00Z`)) / 86_400_000);
}

export function isStale(observedOn: string, date: string, freshDays: number): boolean {
  return ageInDays(observedOn, date) > freshDays;
}
