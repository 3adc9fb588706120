import { hostname } from 'node:os';
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.js';

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
 * Absolute URLs, since GDAL resolves a link starting with `/` against the landing page's URL
 * (`…/ogc` + `/ogc/…`), so relative links would lead it astray. From PUBLIC_URL when it is set
 * (behind a proxy, or under a domain name); otherwise from the Host the client used, but only
 * when that names this machine (a loopback name, an IP address, the machine's own name): a
 * forged `Host: evil.example` must not turn up in the links the server hands out (issue 16).
 */
export function ogcBase(request: FastifyRequest, publicUrl?: string): string {
  if (publicUrl) return `${publicUrl}${OGC_PREFIX}`;
  if (!isOwnHostName(request.hostname)) {
    throw new HttpError(
      421,
      `the Host '${request.host}' does not name this server: set PUBLIC_URL (e.g. https://risk-map.example.org) so that links can be written`,
    );
  }
  return `${request.protocol}://${request.host}${OGC_PREFIX}`;
}

function isOwnHostName(name: string): boolean {
  const bare = name.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === hostname().toLowerCase() || isIP(bare) !== 0;
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
