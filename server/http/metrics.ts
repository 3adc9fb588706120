import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../db/database.js';
import { LAYER_NAMES } from '../layers/layer-definition.js';

const TILE_ROUTE = '/tiles/:layer/:z/:x/:y.mvt';
const ANALYSIS_PREFIX = '/api/analysis/';

let processMetrics: Registry | undefined;

/**
 * The process's own metrics (CPU, memory, event loop, GC), once per process in a registry of
 * their own: they describe the process, not an app, and each collection starts an observer
 * that is never stopped, so tests that build many apps must not start one each.
 */
function sharedProcessMetrics(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

/**
 * Labels come from the route's registered pattern (`/api/zones/:id`), never from the URL: an
 * id, a query string or a tile address would make a series per request and put what a caller
 * asked for into the metrics. Nothing here names a caller, a token or a place.
 */
const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? 'unmatched';
const statusClass = (reply: FastifyReply) => `${Math.floor(reply.statusCode / 100)}xx`;

/**
 * Prometheus metrics at `GET /metrics` (issue 18) on a registry of this app's own: requests by
 * route, method and status class, their latency, the analyses' durations, tile answers sent
 * afresh or revalidated (304), the database pool, and the process. Who may read them is decided
 * in route-access.ts and metrics-access.ts.
 */
export async function installMetrics(app: FastifyInstance, db: Database): Promise<void> {
  const own = new Registry();
  const labelNames = ['route', 'method', 'status_class'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status class',
    labelNames,
    registers: [own],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to the end of its answer, by route pattern, method and status class',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [own],
  });
  const analyses = new Histogram({
    name: 'analysis_duration_seconds',
    help: 'Time an analysis under /api/analysis/ took to answer successfully, by route',
    labelNames: ['route'],
    // Analyses run from tens of milliseconds to many seconds on province-scale data.
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [own],
  });
  const tiles = new Counter({
    name: 'tile_responses_total',
    help: 'Vector tiles answered in full (200) or as still current (304, If-None-Match), by layer',
    labelNames: ['layer', 'status'],
    registers: [own],
  });
  const keptTiles = new Counter({
    name: 'tile_cache_total',
    help: 'Vector tiles sent in full, by layer: made for the request (miss) or made before, by another caller or ahead (hit)',
    labelNames: ['layer', 'result'],
    registers: [own],
  });
  if (db.poolStats) {
    const poolStats = db.poolStats.bind(db);
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool: connections open (total), of them idle, queries waiting for one, and the most the pool opens (max)',
      labelNames: ['state'],
      registers: [own],
      collect() {
        const stats = poolStats();
        for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, stats[state]);
      },
    });
  }

  // The analyses' gate (analysis-limits.ts), when the app has one: a queue that stays full says to raise ANALYSIS_CONCURRENCY or to look at what runs.
  if (app.hasDecorator('analysisGate')) {
    const gate = app.analysisGate;
    new Gauge({
      name: 'analyses_in_progress',
      help: 'Analyses under /api/analysis/ running now, and waiting for a slot (ANALYSIS_CONCURRENCY, ANALYSIS_QUEUE)',
      labelNames: ['state'],
      registers: [own],
      collect() {
        this.set({ state: 'running' }, gate.active);
        this.set({ state: 'waiting' }, gate.waiting);
      },
    });
  }

  tileWarmerGauges(app, own);

  app.addHook('onResponse', async (request, reply) => {
    const route = routeOf(request);
    const labels = { route, method: request.method, status_class: statusClass(reply) };
    const seconds = reply.elapsedTime / 1000;
    requests.inc(labels);
    latency.observe(labels, seconds);
    if (route.startsWith(ANALYSIS_PREFIX) && reply.statusCode < 400) analyses.observe({ route }, seconds);
    if (route === TILE_ROUTE && (reply.statusCode === 200 || reply.statusCode === 304)) {
      const layer = (request.params as { layer?: string }).layer;
      // Only the known layers: the path segment is the caller's to write.
      if (layer && (LAYER_NAMES as readonly string[]).includes(layer)) {
        tiles.inc({ layer, status: String(reply.statusCode) });
        // Set by the tile route (made-tiles.ts): only the two values it writes become a label.
        const result = reply.getHeader('x-tile-cache');
        if (result === 'hit' || result === 'miss') keptTiles.inc({ layer, result });
      }
    }
  });

  const registry = Registry.merge([own, sharedProcessMetrics()]);
  app.get(
    '/metrics',
    // No rate limit: its count is kept in the database, and the metrics must answer while the database does not.
    { schema: { hide: true }, config: { rateLimit: false } },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
}

/** The tile warmer's last round (tile-warmer.ts): a round near a minute long (its period) says to lower TILE_WARM_ZOOM. */
function tileWarmerGauges(app: FastifyInstance, own: Registry): void {
  const lastRound = () => app.tileWarmer.lastRound;
  new Gauge({
    name: 'tiles_made_ahead',
    help: 'Tiles the tile warmer made in its last round (TILE_WARM_ZOOM), for the data version and day it last saw change',
    registers: [own],
    collect() {
      this.set(lastRound()?.tiles ?? 0);
    },
  });
  new Gauge({
    name: 'tile_warming_seconds',
    help: "How long the tile warmer's last round took",
    registers: [own],
    collect() {
      this.set((lastRound()?.ms ?? 0) / 1000);
    },
  });
}
