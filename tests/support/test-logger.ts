import { mkdirSync } from 'node:fs';
import type { FastifyServerOptions } from 'fastify';
import pino from 'pino';
import { logOptions } from '../../server/http/logging.js';

/** Where every test app writes its log, a folder per run and a file per worker; tests/support/log-scan.ts reads them after the run. */
export const TEST_LOG_ROOT = new URL('../.artifacts/logs/', import.meta.url);
/** Set by the global setup in the main process before the workers start, so all of them write under one run. */
export const RUN_VARIABLE = 'RISKMAP_TEST_LOG_RUN';
export const runLogDir = (run: string) => new URL(`${run}/`, TEST_LOG_ROOT);

let destination: pino.DestinationStream | undefined;

/**
 * The production log options at level info (every request, every refusal), written to this
 * worker's file: the whole suite then serves as the "full run" whose logs are searched for
 * secrets (issue 18). Synchronous writes, so nothing is lost when a worker exits.
 */
export function testLogger(): NonNullable<FastifyServerOptions['logger']> {
  if (!destination) {
    const folder = runLogDir(process.env[RUN_VARIABLE] ?? 'unscanned');
    mkdirSync(folder, { recursive: true });
    destination = pino.destination({ dest: new URL(`worker-${process.pid}.ndjson`, folder).pathname, sync: true });
  }
  return logOptions('info', destination);
}
