import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { offsetParam } from '../http/paging-params.js';
import { badRequest } from '../http/errors.js';
import { PROFILES, type Profile } from '../sharing/profiles.js';

/** /req/core/fc-limit-definition: the standard's example values, which are also ours. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

/**
 * Outside GIS clients get the public profile unless they name another. Until accounts decide
 * it (a later issue) anyone may name one, so the OGC API must not be reachable by those who
 * should see less than they could ask for.
 */
export const DEFAULT_PROFILE: Profile = 'public';

export const profileParam = Type.Optional(
  Type.Enum([...PROFILES], { description: `sharing profile: which fields, at which precision; default ${DEFAULT_PROFILE}` }),
);
/** Only JSON is served; `f` is taken so that clients that always send `f=json` work. */
export const formatParam = Type.Optional(Type.Enum(['json', 'geojson'], { description: 'output format; JSON (GeoJSON for features) is the only one' }));

/** Query of the metadata resources (landing page, conformance, collections, API definition). */
export const metadataQuery = Type.Object({ profile: profileParam, f: formatParam }, { additionalProperties: false });

export const itemsQuery = Type.Object(
  {
    bbox: Type.Optional(
      Type.String({ description: 'minLon,minLat,maxLon,maxLat in WGS 84 (CRS84); six numbers with heights are taken and the heights ignored' }),
    ),
    datetime: Type.Optional(
      Type.String({ description: 'an RFC 3339 instant or interval start/end (`..` or empty for an open end): records whose period overlaps it' }),
    ),
    // No `maximum` for the validator: a larger limit is clamped, not refused (/req/core/fc-limit-response-1 C).
    limit: Type.Optional(Type.Integer({ minimum: 1, description: `default ${DEFAULT_LIMIT}; at most ${MAX_LIMIT}, larger values are taken as ${MAX_LIMIT}` })),
    offset: Type.Optional(offsetParam('features to skip: the paging links set it', { defaultZero: false })),
    profile: profileParam,
    f: formatParam,
  },
  { additionalProperties: false },
);

export interface ItemsQuery {
  bbox?: string;
  datetime?: string;
  limit?: number;
  offset?: number;
  profile?: Profile;
  f?: string;
}

/**
 * Before validation: a parameter the route does not define is refused by name, with the list of
 * those it takes (/req/core/query-param-unknown), and one repeated with the same value is taken
 * once, since GDAL appends the query of the URL it was given to links that already carry part of it.
 */
export async function checkQueryNames(request: FastifyRequest): Promise<void> {
  const schema = request.routeOptions.schema?.querystring as { properties?: Record<string, unknown> } | undefined;
  const known = Object.keys(schema?.properties ?? {});
  const query = request.query as Record<string, unknown>;
  for (const [name, value] of Object.entries(query)) {
    if (!known.includes(name)) {
      const takes = known.length > 0 ? `it takes ${known.join(', ')}` : 'it takes none';
      throw badRequest(`unknown query parameter '${name}' for ${request.url.split('?')[0]}: ${takes}`);
    }
    if (Array.isArray(value)) {
      if (new Set(value).size > 1) throw badRequest(`query parameter '${name}' is given ${value.length} times with different values; give it once`);
      query[name] = value[0];
    }
  }
}

/** "28.5,-2.4,29,-1.7" → [west, south, east, north]; six numbers lose their heights. */
export function parseOgcBbox(text: string): [number, number, number, number] {
  const parts = text.split(',');
  const numbers = parts.map((part) => (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(part) ? Number(part) : Number.NaN));
  if ((parts.length !== 4 && parts.length !== 6) || numbers.some((n) => !Number.isFinite(n))) {
    throw badRequest(`bbox '${text}' must be four numbers minLon,minLat,maxLon,maxLat (or six with heights), separated by commas`);
  }
  const [west, south, east, north] = (parts.length === 6 ? [numbers[0], numbers[1], numbers[3], numbers[4]] : numbers) as [number, number, number, number];
  // /req/core/fc-bbox-response: the values lie within the CRS's extent. A west edge east of the
  // east edge is a box across the antimeridian (/req/core/fc-bbox-definition), not an error.
  if ([west, east].some((x) => x < -180 || x > 180) || [south, north].some((y) => y < -90 || y > 90)) {
    throw badRequest(`bbox '${text}' lies outside WGS 84 (longitudes -180 to 180, latitudes -90 to 90)`);
  }
  if (south > north) throw badRequest(`bbox '${text}' has its south edge (${south}) north of its north edge (${north})`);
  return [west, south, east, north];
}

/** /req/core/fc-limit-response-1: never more than the maximum, and a larger limit is no error. */
export function clampLimit(limit: number | undefined): number {
  return Math.min(limit ?? DEFAULT_LIMIT, MAX_LIMIT);
}
