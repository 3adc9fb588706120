/**
 * The client of the layer API. URLs are relative to the page, so the app works behind a
 * path prefix as well as at the server's root.
 */
import type { ErrorBody } from '../../../server/http/error-schema.js';
import type { ValidationIssue } from '../../../server/http/validation.js';
import type { LayerCollection, LayerFeature, LayerInfo } from '../../../server/layers/layer-schema.js';

/** The server's own shapes (server/layers/layer-schema.ts; type-only: no server code enters the bundle). */
export type { LayerCollection, LayerFeature, LayerInfo };

/** The server's largest page: the map asks for everything in force at the date in one go. */
export const PAGE_LIMIT = 10_000;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The server's own words (its `message`), for showing to the user without the path. */
    readonly detail: string = message,
    /** A 400 of the validator: its errors as they are (keyword, params, path), for the page to word (server-message.ts). */
    readonly issues: readonly ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function readJson<T>(path: string, response: Response): Promise<T> {
  if (!response.ok) {
    // The server's errors carry a `message`; fall back to the status line when they do not.
    const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
    const detail = body?.message ?? `${response.status} ${response.statusText}`;
    throw new ApiError(`${path}: ${detail}`, response.status, detail, response.status === 400 ? validationIssues(body?.details) : []);
  }
  return (await response.json()) as T;
}

/** The validator's errors of a 400 (server/http/error-handler.ts); other refusals' details are no list of them. */
function validationIssues(details: unknown): ValidationIssue[] {
  const isIssue = (d: unknown) =>
    typeof d === 'object' && d !== null && typeof (d as ValidationIssue).keyword === 'string' && typeof (d as ValidationIssue).instancePath === 'string';
  return Array.isArray(details) && details.every(isIssue) ? (details as ValidationIssue[]) : [];
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(new URL(path, document.baseURI), { headers: { accept: 'application/json' }, signal });
  return readJson<T>(path, response);
}

/**
 * The CSRF token of a browser session: the server puts it in a cookie that scripts of this
 * origin can read and another site cannot, and wants it back in a header on every write.
 * Empty in the local demo mode and for token callers, which have no session cookie.
 */
export function csrfToken(): string {
  const match = /(?:^|;\s*)riskmap_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : '';
}

/** Headers for a write: JSON in, JSON out, and the session's CSRF token. */
export function writeHeaders(): Record<string, string> {
  const token = csrfToken();
  return { accept: 'application/json', 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) };
}

/** A write (POST, PATCH, DELETE) with a JSON body; answers the parsed reply, or null for 204. */
export async function sendJson<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers = writeHeaders();
  if (body === undefined) delete headers['content-type'];
  const response = await fetch(new URL(path, document.baseURI), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (response.status === 204) return null as T;
  return readJson<T>(path, response);
}

export function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return sendJson<T>('POST', path, body, signal);
}

export function fetchLayerList(signal?: AbortSignal): Promise<LayerInfo[]> {
  return getJson<LayerInfo[]>('api/layers', signal);
}

/**
 * The records of a layer in force on `date` (YYYY-MM-DD), or of every date when `date` is null,
 * up to `limit`: `numberMatched` says how many there are in all, so a caller that got fewer knows.
 */
export async function fetchLayer(name: string, date: string | null, signal?: AbortSignal, limit = PAGE_LIMIT): Promise<LayerCollection> {
  const query = new URLSearchParams({ limit: String(limit), ...(date ? { date } : {}) });
  return getJson<LayerCollection>(`api/${encodeURIComponent(name)}?${query}`, signal);
}

/** One record, as the caller's profile sees it (a map tile carries only what drawing needs). */
export function fetchRecord(name: string, id: number, date: string | null, signal?: AbortSignal): Promise<LayerFeature> {
  const query = date ? `?${new URLSearchParams({ date })}` : '';
  return getJson<LayerFeature>(`api/${encodeURIComponent(name)}/${id}${query}`, signal);
}

/** What `GET /tiles` says: the data version that tile URLs carry so that a change is fetched anew. */
export interface TileIndex {
  version: number;
  cells: { aboveRecords: number; property: string };
}

export function fetchTileIndex(signal?: AbortSignal): Promise<TileIndex> {
  return getJson<TileIndex>('tiles', signal);
}
