import type { FastifyRequest } from 'fastify';

export const OGC_PREFIX = '/ogc';
export const JSON_TYPE = 'application/json';
export const GEOJSON_TYPE = 'application/geo+json';
/** /req/oas30/oas-definition-1: the media type of an OpenAPI 3.0 definition in JSON. */
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

/** /req/core/fc-rel-type: every link says its relation and media type. */
export interface Link {
  href: string;
  rel: string;
  type: string;
  title?: string;
}

export type QueryValues = Record<string, string | number | undefined>;

/**
 * Absolute URLs from the Host the client used: GDAL resolves a link starting with `/` against
 * the landing page's URL (`…/ogc` + `/ogc/…`), so relative links would lead it astray. Behind a
 * reverse proxy the proxy must pass the Host header on.
 */
export function ogcBase(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${OGC_PREFIX}`;
}

/** A query value, leaving readable the `,` of a bbox and the `/` and `:` of a datetime (RFC 3986 allows them in a query). */
const encodeValue = (value: string) => encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%3A/gi, ':');

/** `base + path`, with the defined query values in the order given. */
export function ogcUrl(base: string, path: string, query: QueryValues = {}): string {
  const pairs = Object.entries(query).flatMap(([name, value]) => (value === undefined ? [] : [`${encodeURIComponent(name)}=${encodeValue(String(value))}`]));
  return `${base}${path}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
}

export function link(href: string, rel: string, type: string, title?: string): Link {
  return title ? { href, rel, type, title } : { href, rel, type };
}
