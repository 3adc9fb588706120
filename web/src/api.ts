/**
 * The client of the layer API. URLs are relative to the page, so the app works behind a
 * path prefix as well as at the server's root.
 */
import type { Feature, Geometry } from 'geojson';
import type { Localized } from './i18n.js';

/** What `GET /api/layers` says about one layer. */
export interface LayerInfo {
  name: string;
  title: Localized;
  geometryTypes: string[];
  href: string;
}

export type LayerFeature = Feature<Geometry | null, Record<string, unknown>> & { id: number };
export interface LayerCollection {
  type: 'FeatureCollection';
  features: LayerFeature[];
  numberMatched?: number;
  numberReturned?: number;
}

/** The server's largest page: the map asks for everything in force at the date in one go. */
export const PAGE_LIMIT = 10_000;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(new URL(path, document.baseURI), { headers: { accept: 'application/json' }, signal });
  if (!response.ok) {
    // The server's errors carry a `message`; fall back to the status line when they do not.
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new ApiError(`${path}: ${body?.message ?? `${response.status} ${response.statusText}`}`, response.status);
  }
  return (await response.json()) as T;
}

export function fetchLayerList(signal?: AbortSignal): Promise<LayerInfo[]> {
  return getJson<LayerInfo[]>('api/layers', signal);
}

/** Every record of a layer in force on `date` (YYYY-MM-DD). */
export async function fetchLayer(name: string, date: string, signal?: AbortSignal): Promise<LayerCollection> {
  const query = new URLSearchParams({ date, limit: String(PAGE_LIMIT) });
  const collection = await getJson<LayerCollection>(`api/${encodeURIComponent(name)}?${query}`, signal);
  if (collection.numberMatched !== undefined && collection.numberMatched > collection.features.length) {
    // Silently drawing part of a layer would hide records; say so where a developer looks.
    console.warn(`${name}: ${collection.numberMatched} records match, only ${collection.features.length} drawn`);
  }
  return collection;
}
