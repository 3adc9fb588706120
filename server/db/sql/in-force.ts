/**
 * Records in force on a day: begun on or before it, and not ended before it. `from` and `to`
 * are SQL expressions (a column, or the date a sharing profile publishes) and `date` the
 * placeholder of the day. A null bound is unknown, which the schema reads as open-ended
 * (migrations/001), so a record with no dates is always in force; on the columns that are
 * NOT NULL the test is the same. Without `to` the record has no end: an event, in force
 * once it has happened.
 */
export function inForceOn(date: string, from: string, to?: string): string {
  const begun = `(${from} IS NULL OR ${from} <= ${date})`;
  return to ? `(${begun} AND (${to} IS NULL OR ${to} >= ${date}))` : begun;
}

/** inForceOn for a table read as `alias` whose period is `valid_from`–`valid_to` (zones, claims, presence, routes, roadblocks). */
export function validOn(alias: string, date: string): string {
  return inForceOn(date, `${alias}.valid_from`, `${alias}.valid_to`);
}
