import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

/**
 * What the server's logs may hold (issue 18). A log line travels further than the database:
 * to a terminal, a log shipper, a support ticket. So no password, token, cookie, incident
 * description, person's name or exact place ever reaches one. Three walls:
 * - requests and responses are logged by serializers that pick a few harmless fields
 *   (never headers nor bodies);
 * - errors keep their type, SQLSTATE and message with precise numbers blanked, and drop the
 *   driver's `detail`, `where` and parameters, which quote the values of the failed row;
 * - a redaction list catches these names wherever a future log call would put them.
 * tests/http/log-hygiene.test.ts and the whole suite's log scan (tests/support/log-scan.ts) hold it.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-metrics-token"]',
  'res.headers["set-cookie"]',
  'headers',
  'body',
  'password',
  'token',
  'cookie',
  'description',
  'names',
  'geometry',
  'coordinates',
  '*.headers',
  '*.body',
  '*.password',
  '*.token',
  '*.cookie',
  '*.description',
  '*.names',
  '*.geometry',
  '*.coordinates',
];

/** Numbers with three decimals or more: a coordinate to the hundred metres, or a precise amount. */
const PRECISE_NUMBER = /-?\d+\.\d{3,}/g;
export const blankPreciseNumbers = (text: string) => text.replace(PRECISE_NUMBER, '[n]');

interface LoggedRequest {
  method?: string;
  url?: string;
  id?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
}

const serializers = {
  req: (request: LoggedRequest) => ({
    id: request.id,
    method: request.method,
    // The path, and the query's values only where they cannot be a place (bbox, polygon) or a name.
    url: redactQueryValues(request.url ?? ''),
    remoteAddress: request.ip ?? request.socket?.remoteAddress,
  }),
  res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
  err: (error: Error & { code?: unknown; statusCode?: unknown }) => ({
    type: error.name,
    code: typeof error.code === 'string' ? error.code : undefined,
    statusCode: typeof error.statusCode === 'number' ? error.statusCode : undefined,
    message: blankPreciseNumbers(String(error.message)),
    stack: blankPreciseNumbers(error.stack ?? ''),
  }),
};

/** Query parameters whose values say nothing of a place or a person, kept in the log for the operator. */
const PLAIN_PARAMETERS = new Set(['date', 'limit', 'offset', 'profile', 'format', 'layers', 'f', 'lang', 'v']);

export function redactQueryValues(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const kept = [...new URLSearchParams(url.slice(at + 1))].map(
    ([name, value]) => `${encodeURIComponent(name)}=${PLAIN_PARAMETERS.has(name) ? encodeURIComponent(value) : '…'}`,
  );
  return `${url.slice(0, at)}?${kept.join('&')}`;
}

/** The app's pino options: JSON lines at `level`, to `stream` (standard output by default). */
export function logOptions(level: string, stream?: DestinationStream): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return { level, serializers, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, ...(stream ? { stream } : {}) };
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * A request id per request, in every log line of it and in the `x-request-id` answer header:
 * the one a proxy in front sent, when it looks like an id, so one request is followed across
 * the proxy and several app instances; else a new UUID.
 */
export function requestIdOf(request: IncomingMessage): string {
  const sent = request.headers['x-request-id'];
  return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
}
