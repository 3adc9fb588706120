/** Today as YYYY-MM-DD in UTC: the default "as of" of analyses and the day in a tile's ETag. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
