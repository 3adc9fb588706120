import { existsSync } from 'node:fs';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { PROJECT_ROOT } from './paths.js';
import type { Database } from './db/database.js';
import { installErrorHandler } from './http/error-handler.js';
import { requestIdOf } from './http/logging.js';
import { installCompression, serveWebApp } from './http/delivery.js';
import { installLoadShedding, type LoadShedding } from './http/load-shedding.js';
import { installMetrics } from './http/metrics.js';
import { refuseUnstorableText } from './http/text-hygiene.js';
import { validatorCompiler } from './http/validation.js';
import { analysisRoutes } from './analysis/analysis-routes.js';
import { auditRoutes } from './audit/audit-routes.js';
import { accountRoutes } from './auth/account-routes.js';
import { installAuth, type AuthOptions } from './auth/auth-hooks.js';
import { sessionRoutes } from './auth/session-routes.js';
import { SECURITY_SCHEMES } from './auth/security-schemes.js';
import { CONTENT_SECURITY_POLICY } from './http/security-headers.js';
import { priorityRoutes } from './analysis/priorities/priority-routes.js';
import { exportRoutes } from './export/export-routes.js';
import { healthRoutes } from './health.js';
import { layerRoutes } from './layers/layer-routes.js';
import { caseRoutes } from './cases/case-routes.js';
import { ogcRoutes } from './ogc/ogc-routes.js';
import { tileRoutes } from './tiles/tile-routes.js';
import { installTileMaking } from './tiles/tile-making.js';
import { installCostBounds } from './analysis/cost-ceilings.js';
import { defaultAnalysisLimits, installAnalysisLimits, type AnalysisLimits } from './analysis/analysis-limits.js';

export interface AppOptions {
  db: Database;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; served at `/` when it exists. */
  webRoot?: string;
  /** Accounts or the local demo mode; always said explicitly (README, "Accounts"). */
  auth: AuthOptions;
  /** Behind a TLS-terminating proxy: whose X-Forwarded-* headers to believe (hops or addresses; config.ts). */
  trustProxy?: false | number | string;
  /** The address users reach the app at (PUBLIC_URL), for absolute links; config.ts. */
  publicUrl?: string;
  /** Limits beyond which requests are shed with 503 (config.ts, load-shedding.ts); absent: none. */
  loadShedding?: LoadShedding;
  /** Analyses at once, waiting, and their statement timeout (config.ts, analysis-limits.ts); absent: the defaults for the database. */
  analysisLimits?: AnalysisLimits;
  /** HOME_PROVINCE (config.ts): the priorities' area when a request names none; absent: Sud-Kivu. */
  homeProvince?: string;
  /** TILE_CACHE_MB (config.ts): tiles kept once made, shared by callers who may see them (made-tiles.ts); absent: 64. */
  tileCacheMb?: number;
  /** TILE_WARM_ZOOM (config.ts): the large layers' tiles made ahead up to this zoom (tile-warmer.ts); absent or 0: none. */
  tileWarmZoom?: number;
}

/** Largest request body: a detailed ZEA polygon fits many times over; a runaway upload does not. */
export const BODY_LIMIT = 2 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const proxies = options.trustProxy ?? false;
  // A number of hops: believe that many proxies nearest the server, the way proxy-addr counts them.
  const trustProxy = typeof proxies === 'number' ? (_address: string, hop: number) => hop < proxies : proxies;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT, trustProxy, requestIdHeader: false, genReqId: requestIdOf });
  // The id every log line of this request carries: a user or a proxy can quote it to the operator.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setValidatorCompiler(validatorCompiler);
  // GeoJSON's own media type is JSON too.
  // Every body here is JSON; text would only reach the schema check and fail there less clearly.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/geo+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  installErrorHandler(app);
  await installCompression(app);
  app.addHook('preValidation', refuseUnstorableText);
  await app.register(fastifyHelmet, { contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });
  // API answers hold records a shared computer's cache must not keep.
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/assets/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  // After the security headers (a 503 carries them too), before the rate limit: a shed request
  // costs no rate-limit count (a database write) and no credential lookup.
  await installLoadShedding(app, options.loadShedding);
  // Before any route: each route's access level is attached as it is registered.
  await installAuth(app, options.db, options.auth);
  installCostBounds(app);
  // Before the analysis routes, whose handlers it wraps as they are registered.
  const analyse = installAnalysisLimits(app, options.db, options.analysisLimits ?? defaultAnalysisLimits(options.db.kind));
  // Before the metrics, which report the tile warmer.
  const madeTiles = installTileMaking(app, options.db, { cacheMb: options.tileCacheMb, warmZoom: options.tileWarmZoom });
  // Before the routes, so that every route is counted.
  await installMetrics(app, options.db);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Kivu mining risk map API', version: '0.1.0', description: 'Layers, analysis and exports for artisanal mining zones in South Kivu' },
      components: { securitySchemes: SECURITY_SCHEMES },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { db: options.db });
  await app.register(sessionRoutes, { db: options.db, demo: options.auth.demo, loginPerMinute: options.auth.loginPerMinute });
  await app.register(accountRoutes, { db: options.db });
  await app.register(layerRoutes, { db: options.db });
  await app.register(caseRoutes, { db: options.db });
  await app.register(analysisRoutes, { analyse, db: options.db });
  await app.register(priorityRoutes, { analyse, homeProvince: options.homeProvince });
  await app.register(ogcRoutes, { db: options.db, publicUrl: options.publicUrl });
  await app.register(tileRoutes, { db: options.db, made: madeTiles });
  await app.register(exportRoutes, { db: options.db });
  await app.register(auditRoutes, { db: options.db });

  const webRoot = options.webRoot ?? `${PROJECT_ROOT}web/dist`;
  if (existsSync(webRoot)) await serveWebApp(app, webRoot);
  return app;
}
