import fastifyUnderPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';

export interface LoadShedding {
  /** 503 while the event loop's mean delay over a sample is above this (ms); 0: not checked. */
  maxEventLoopDelayMs: number;
  /** 503 while the event loop is busy more than this share (0–1) of a sample; 0: not checked. */
  maxEventLoopUtilization: number;
  /** 503 while the JavaScript heap holds more than this (bytes); 0: not checked. */
  maxHeapUsedBytes: number;
  /** How often the pressure is measured (ms; under-pressure's default 1000). Tests shorten it. */
  sampleIntervalMs?: number;
}

/** Seconds a shed client is told to wait: a few samples, long enough for a burst to drain. */
export const SHED_RETRY_SECONDS = 10;
const LOG_EVERY_MS = 10_000;

/**
 * Never shed: liveness (an overloaded process is alive, and restarting it would lose the work
 * it is doing) and the metrics (the moment of overload is when they are read). Readiness is
 * shed like any route: a 503 there takes the instance out of a load balancer until it recovers.
 */
const NEVER_SHED = new Set(['/api/health', '/metrics']);

/**
 * Load shedding (issue 18): while the process is overloaded, new requests get 503 with
 * Retry-After at once, before authentication or any query, instead of queuing behind the work
 * that overloads it. Nothing is installed when every limit is 0.
 */
export async function installLoadShedding(app: FastifyInstance, limits: LoadShedding | undefined): Promise<void> {
  if (!limits || (!limits.maxEventLoopDelayMs && !limits.maxEventLoopUtilization && !limits.maxHeapUsedBytes)) return;
  // One line per episode, not per request: under overload a line each would add to the load.
  let lastWarned = 0;
  await app.register(fastifyUnderPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxEventLoopUtilization: limits.maxEventLoopUtilization,
    // Each sample on its own: the default measures since start, which an hour of calm dilutes.
    eventLoopUtilizationMode: 'interval',
    maxHeapUsedBytes: limits.maxHeapUsedBytes,
    sampleInterval: limits.sampleIntervalMs,
    // Thrown rather than sent, so the one error handler gives it the app's error shape.
    pressureHandler: async (request, _reply, type) => {
      if (NEVER_SHED.has(request.routeOptions.url ?? '')) return;
      if (Date.now() - lastWarned > LOG_EVERY_MS) {
        lastWarned = Date.now();
        request.log.warn({ pressure: type, usage: app.memoryUsage() }, 'shedding load: requests get 503 until the pressure falls (SHED_* limits)');
      }
      throw new HttpError(503, 'the server is overloaded just now and did not start on this request; try again in a few seconds', undefined, {
        'retry-after': String(SHED_RETRY_SECONDS),
      });
    },
  });
}
