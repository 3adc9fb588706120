/**
 * The page's state in its address, so that a view can be shared (issue 14): `date` (the date
 * control keeps it), `lang`, `days` (the incident period) and, in the hash, MapLibre's own
 * `view=zoom/lat/lon`. What the address says wins over what the browser remembered.
 */
import { LANGUAGES, type Lang } from './messages.js';

/** The hash parameter MapLibre keeps the view in (its `hash` option). */
export const VIEW_HASH = 'view';

const param = (name: string) => new URLSearchParams(location.search).get(name);

export function languageFromAddress(): Lang | null {
  const value = param('lang');
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Lang) : null;
}

/** A whole number from the address, or null. */
export function numberFromAddress(name: string): number | null {
  const value = param(name);
  return value !== null && /^\d{1,5}$/.test(value) ? Number(value) : null;
}

/** Whether the address names a view: the page then opens there rather than fitting to the data. */
export function viewInAddress(): boolean {
  return new URLSearchParams(location.hash.slice(1)).has(VIEW_HASH);
}

/** Writes `name=value` into the address without a new history entry (the hash is kept). */
export function keepInAddress(name: string, value: string | number): void {
  const url = new URL(location.href);
  if (url.searchParams.get(name) === String(value)) return;
  url.searchParams.set(name, String(value));
  history.replaceState(history.state, '', url);
}
