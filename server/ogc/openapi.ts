import { GEOJSON_TYPE, JSON_TYPE, OGC_PREFIX, OPENAPI_TYPE } from './ogc-links.js';
import { DEFAULT_LIMIT, DEFAULT_PROFILE, MAX_LIMIT } from './ogc-query.js';
import { TITLE } from './landing.js';
import { SECURITY_SCHEMES } from '../auth/security-schemes.js';

interface Parameter {
  name: string;
  in: string;
  schema?: Record<string, unknown>;
}
interface Operation {
  parameters?: Parameter[];
  responses?: Record<string, unknown>;
}

const error = (description: string) => ({
  description,
  content: {
    [JSON_TYPE]: { schema: { type: 'object', properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } } } },
  },
});

/** What each resource answers, by media type (/req/oas30/completeness, /req/oas30/exception-codes). */
function responses(path: string): Record<string, unknown> {
  const type = path.endsWith('/items') || path.endsWith('/{featureId}') ? GEOJSON_TYPE : path === '/api' ? OPENAPI_TYPE : JSON_TYPE;
  const out: Record<string, unknown> = {
    200: { description: 'success', content: { [type]: { schema: { type: 'object' } } } },
    400: error('an unknown query parameter, or a bad value for one'),
    401: error('no credentials, or an API token that is unknown, revoked or expired'),
    403: error("a profile beyond what the caller's role may see"),
  };
  if (path.includes('{collectionId}')) out[404] = error('no such collection or feature');
  return out;
}

/**
 * The API definition the landing page links as `service-desc`: the app's own OpenAPI document
 * (@fastify/swagger, generated from the route schemas) cut down to the OGC paths, relative to a
 * server at /ogc as the standard's paths are (/req/oas30/oas-impl). It adds what the route
 * schemas leave out on purpose: the maximum of `limit`, which the validator must not enforce
 * since a larger value is clamped (/req/core/fc-limit-definition), and the defaults applied in code.
 */
export function ogcApiDefinition(full: Record<string, unknown>, base: string): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [path, item] of Object.entries((full.paths ?? {}) as Record<string, Record<string, Operation>>)) {
    if (path !== OGC_PREFIX && !path.startsWith(`${OGC_PREFIX}/`)) continue;
    const relative = path.slice(OGC_PREFIX.length) || '/';
    const get = structuredClone(item.get);
    if (!get) continue;
    for (const parameter of get.parameters ?? []) {
      if (parameter.name === 'limit') Object.assign(parameter.schema ?? {}, { maximum: MAX_LIMIT, default: DEFAULT_LIMIT });
      if (parameter.name === 'profile') Object.assign(parameter.schema ?? {}, { type: 'string', default: DEFAULT_PROFILE });
      if (parameter.name === 'f') Object.assign(parameter.schema ?? {}, { type: 'string' });
    }
    get.responses = responses(relative);
    paths[relative] = { get };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: `${TITLE}: OGC API - Features`,
      version: ((full.info ?? {}) as { version?: string }).version ?? '0',
      description: `OGC API - Features - Part 1: Core over the layers. Features are shaped by a sharing profile (parameter \`profile\`, default ${DEFAULT_PROFILE}).`,
    },
    servers: [{ url: base }],
    tags: [{ name: 'OGC API - Features' }],
    components: { securitySchemes: SECURITY_SCHEMES },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}
