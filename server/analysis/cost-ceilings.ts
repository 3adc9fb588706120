import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Role } from '../auth/roles.js';
import { forbidden } from '../http/errors.js';

/**
 * The analysis parameters that drive cost (distances searched, days looked back, segments
 * cut), and how far a viewer may push them (issue 16). Editors and admins, the working
 * group's analysts, may go to the schema's limits; partners never reach the analyses
 * (route-access.ts). A bound is a ceiling, or a floor where a smaller value costs more.
 */
type Bound = { max: number } | { min: number };
export const VIEWER_BOUNDS: Record<string, Record<string, Bound>> = {
  // Each within the schema's own range (CONTESTED_LIMITS, ROUTE_LIMITS), which bounds everyone.
  '/api/analysis/contested': { near_km: { max: 5 }, incident_days: { max: 730 } },
  '/api/analysis/routes': { buffer_m: { max: 2_000 }, segment_m: { min: 1_000 }, window_days: { max: 365 } },
  '/api/analysis/priorities': { near_km: { max: 20 }, radius_km: { max: 50 } },
  '/api/analysis/deployment-plan': { near_km: { max: 20 }, radius_km: { max: 50 }, units: { max: 50 } },
};
const BOUNDED_ROLES: readonly Role[] = ['viewer', 'partner'];

function words(bound: Bound): string {
  return 'max' in bound ? `at most ${bound.max}` : `at least ${bound.min}`;
}

/** The OpenAPI document says each bound beside the parameter it limits. */
function describeBounds(route: RouteOptions): void {
  const bounds = VIEWER_BOUNDS[route.url];
  const schema = (route.schema?.querystring ?? route.schema?.body) as { properties?: Record<string, { description?: string }> } | undefined;
  if (!bounds || !schema?.properties) return;
  for (const [name, bound] of Object.entries(bounds)) {
    const property = schema.properties[name];
    const note = `viewers: ${words(bound)}`;
    if (property && !property.description?.includes(note)) property.description = `${property.description ?? name}; ${note}`;
  }
}

/** 403 in words when a viewer asks for more than their bound; the request is refused before any SQL. */
async function enforceBounds(request: FastifyRequest): Promise<void> {
  const bounds = VIEWER_BOUNDS[request.routeOptions.url ?? ''];
  const role = request.caller?.role;
  if (!bounds || !role || !BOUNDED_ROLES.includes(role)) return;
  const values = (request.method === 'GET' ? request.query : request.body) as Record<string, unknown>;
  for (const [name, bound] of Object.entries(bounds)) {
    const value = values?.[name];
    if (typeof value !== 'number') continue;
    if ('max' in bound ? value > bound.max : value < bound.min) {
      throw forbidden(`${name}=${value} is beyond what a ${role} may ask of this analysis (${words(bound)}); editors and admins may go further`);
    }
  }
}

export function installCostBounds(app: FastifyInstance): void {
  app.addHook('onRoute', describeBounds);
  // After validation, so the values are numbers and defaults are filled in.
  app.addHook('preHandler', enforceBounds);
}
