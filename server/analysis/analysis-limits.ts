import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Database, DatabaseKind, Queryable } from '../db/database.js';
import { isQueryCanceled, isStoppedWork, withStatementTimeout } from '../db/statement-timeout.js';
import { HttpError } from '../http/errors.js';
import { Gate, GateClosed } from './analysis-gate.js';

/** Every route under this prefix is an analysis, and only those: layer reads and tiles are never held here. */
export const ANALYSIS_PREFIX = '/api/analysis/';

/** Bounded cost per request (issue 12): how many analyses run at once, how many may wait, and for how long a statement may run. */
export interface AnalysisLimits {
  /** Analyses running at once in this process (ANALYSIS_CONCURRENCY). */
  concurrency: number;
  /** Analyses waiting for a slot; the next one gets 503 (ANALYSIS_QUEUE; 0: none wait). */
  queue: number;
  /** Each statement of an analysis is stopped after this long, on a server (ANALYSIS_TIMEOUT_MS); PGlite cannot stop one. */
  timeoutMs: number;
}

/**
 * On a server, two at once: the machine has two cores, and each analysis keeps one busy, so a
 * third would only slow the other two (eight at once took 280 s each where one took 28 s) and
 * take pool connections the layer reads need. On PGlite one: it runs one query at a time on the
 * event loop anyway, and an analysis queued here can still be dropped when its client goes away.
 * 20 s: the worst routes request the parameter ranges allow took 3–4 s at province scale
 * (route-params.ts), so a statement that runs five times as long is stuck or starved.
 */
export function defaultAnalysisLimits(kind: DatabaseKind): AnalysisLimits {
  return { concurrency: kind === 'postgres' ? 2 : 1, queue: 8, timeoutMs: 20_000 };
}

/** What each analysis can be asked to make its work smaller, for the words of a timeout. */
const NARROWER: Record<string, string> = {
  '/api/analysis/contested': 'Narrow the area (bbox), or lower incident_days or near_km',
  '/api/analysis/routes': 'Narrow the area (bbox), lower window_days or buffer_m, or raise segment_m',
  '/api/analysis/sites': 'Narrow the area (bbox)',
  '/api/analysis/zones': 'Narrow the area (bbox)',
  // No bbox, and near_km or radius_km change little: it weighs every place against every finding.
  '/api/analysis/priorities': 'It ranks every ZEA and site at once and cannot be narrowed to an area yet; an administrator can raise ANALYSIS_TIMEOUT_MS',
  '/api/analysis/deployment-plan': 'It weighs every ZEA and site at once and cannot be narrowed to an area yet; an administrator can raise ANALYSIS_TIMEOUT_MS',
  '/api/analysis/claim-overlaps': 'Draw a smaller claim or a shorter period',
  '/api/analysis/permit-overlaps': 'Narrow the area (bbox)',
  '/api/analysis/timeline': 'Narrow the area (bbox), or ask fewer months',
  '/api/analysis/changes': 'Narrow the area (bbox)',
};

/**
 * The signal that the client of the analysis being answered went away, for `analyse` to stop
 * its SQL by: the routes call `analyse` without the request, so it travels with the handler's
 * asynchronous context rather than through every route's arguments.
 */
const clientOfAnalysis = new AsyncLocalStorage<AbortSignal>();

/** Runs an analysis's SQL under the statement timeout; routes call their analysis through this. */
export type Analyse = <T>(work: (db: Queryable) => Promise<T>) => Promise<T>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The analyses' slots and queue: running and waiting counts for tests and operators. */
    analysisGate: Gate;
  }
  interface FastifyContextConfig {
    /**
     * An analysis route's answer already computed for this request (kept-by-data-version.ts),
     * or undefined: asked before the request takes a slot, so that an answer that costs a read
     * of the data version never waits, or is refused, behind analyses that compute.
     */
    keptAnswer?: (request: FastifyRequest) => Promise<unknown>;
  }
}

/**
 * Installs the limits on every route under /api/analysis/ registered after this call (so call
 * it before the analysis routes): a request takes a slot once it has passed authentication,
 * validation and the cost bounds, waits in the queue when all are taken, gets 503 with
 * Retry-After when the queue is full too, and gives its slot back on every outcome. Returns
 * the function the routes run their SQL through.
 */
export function installAnalysisLimits(app: FastifyInstance, db: Database, limits: AnalysisLimits): Analyse {
  const gate = new Gate(limits.concurrency, limits.queue);
  app.decorate('analysisGate', gate);
  const seconds = Math.max(1, Math.ceil(limits.timeoutMs / 1000));
  const timeout = limits.timeoutMs < 1000 ? `${limits.timeoutMs} ms` : `${Math.round(limits.timeoutMs / 1000)} s`;
  // Within that time at least one running analysis has finished or been stopped.
  const retryAfter = { 'retry-after': String(seconds) };
  let lastWarned = 0;

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith(ANALYSIS_PREFIX)) return;
    const hint = NARROWER[url] ?? 'Ask for less';
    route.schema = {
      ...route.schema,
      description: `${route.schema?.description ? `${route.schema.description} ` : ''}At most ${limits.concurrency} analyses run at once and ${limits.queue} wait; beyond that, and when a statement runs longer than ${timeout}, the answer is 503 with Retry-After.`,
    };
    const handler = route.handler as RouteHandlerMethod;
    const keptAnswer = route.config?.keptAnswer;
    route.handler = async function (this: FastifyInstance, request, reply) {
      const kept = await keptAnswer?.(request);
      if (kept !== undefined) return kept;
      let release: () => void;
      const gone = clientGone(reply);
      try {
        release = await gate.acquire(gone);
      } catch (error) {
        if (!(error instanceof GateClosed)) throw error;
        if (error.reason === 'aborted') throw new HttpError(503, 'the client went away before its analysis could start');
        if (Date.now() - lastWarned > 10_000) {
          lastWarned = Date.now();
          request.log.warn(
            { route: url, running: gate.active, waiting: gate.waiting },
            'analysis queue full: analyses get 503 (ANALYSIS_CONCURRENCY, ANALYSIS_QUEUE)',
          );
        }
        throw new HttpError(
          503,
          `the server is busy with other analyses (${gate.active} running, ${gate.waiting} waiting, the most it takes at once) and did not start this one; try again in ${seconds} s. Layers and tiles still answer`,
          undefined,
          retryAfter,
        );
      }
      try {
        return await clientOfAnalysis.run(gone, () => handler.call(this, request, reply));
      } catch (error) {
        if (gone.aborted && isStoppedWork(error)) {
          // Its SQL was stopped (withStatementTimeout): no one is left to answer. Any other error is a fault, reported as such.
          request.log.info({ route: url }, 'analysis stopped: its client went away');
          throw new HttpError(503, 'the client went away before its analysis was done');
        }
        if (!isQueryCanceled(error)) throw error;
        request.log.warn({ route: url, timeoutMs: limits.timeoutMs }, 'analysis stopped by its statement timeout (ANALYSIS_TIMEOUT_MS)');
        throw new HttpError(
          503,
          `the analysis took longer than ${timeout}, the most this server gives one, and was stopped. ${hint}; or try again when the server is less busy`,
          undefined,
          retryAfter,
        );
      } finally {
        release();
      }
    };
  });

  return (work) => withStatementTimeout(db, limits.timeoutMs, work, clientOfAnalysis.getStore());
}

/**
 * Aborts when the client goes away before its answer. The response's 'close' is the signal:
 * the request's own 'close' (and so Fastify's request.signal) comes as soon as a body has been
 * read on Node 20, which would drop every queued POST.
 */
function clientGone(reply: FastifyReply): AbortSignal {
  const gone = new AbortController();
  if (reply.raw.destroyed) gone.abort();
  else reply.raw.once('close', () => !reply.raw.writableFinished && gone.abort());
  return gone.signal;
}
