import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { forbidden, unauthorized } from '../http/errors.js';
import { accountForToken } from './api-tokens.js';
import { checkMetricsAccess } from './metrics-access.js';
import type { Caller } from './caller.js';
import { ACCESS_ROLES, OPEN_ACCESS, accessFor, isOpenFile, type Access } from './route-access.js';
import { sameSecret, secretHash } from './secrets.js';
import { accountForSession } from './sessions.js';
import { databaseRateLimitStore } from './rate-limit-store.js';

export const SESSION_COOKIE = 'riskmap_session';
export const CSRF_COOKIE = 'riskmap_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthOptions {
  /**
   * The local demo mode (README, "Demo mode"): a caller without credentials acts as an
   * admin named "demo". Only for the demo data on the machine's own address; main.ts refuses it elsewhere.
   */
  demo: boolean;
  /** Sign-in attempts per minute from one address (default 10). */
  loginPerMinute?: number;
  /** Requests per minute with one API token (default 600). */
  tokenRequestsPerMinute?: number;
  /** Requests per minute with one browser session (default 1200: a map page asks for a dozen layers at once). */
  sessionRequestsPerMinute?: number;
  /** METRICS_TOKEN: opens `/metrics` to a scraper elsewhere (metrics-access.ts); unset, only this machine reads it. */
  metricsToken?: string;
}

/** One registered route and the access level route-access.ts gave it (undefined: closed to all). */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access level, in registration order: for the route-by-role test and the README table. */
    accessTable: RouteAccess[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const DEMO_CALLER: Caller = { accountId: null, username: 'demo', role: 'admin', via: 'demo' };

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('the Authorization header must be "Bearer <API token>"');
  return match[1];
}

/** Credentials → caller: a token first (scripts), then the session cookie (browsers), then the demo mode. */
async function callerOf(db: Database, request: FastifyRequest, demo: boolean): Promise<Caller | null> {
  const token = bearerToken(request);
  if (token !== undefined) {
    const holder = await accountForToken(db, token);
    // A presented token that does not work is an error even in the demo mode: the script should know.
    if (!holder) throw unauthorized('this API token is unknown, revoked or expired, or its account is disabled');
    return { accountId: holder.accountId, username: holder.username, role: holder.role, via: 'token', tokenId: holder.tokenId };
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId) {
    const holder = await accountForSession(db, sessionId);
    if (holder) {
      // The cookie travels with any request the browser makes, even one another site starts;
      // the CSRF token in a header proves the page itself asked (SameSite=Strict is the first wall).
      // Signing in again is exempt: it uses no power of the current session, and a stale page has no token to send.
      if (!SAFE_METHODS.has(request.method) && !(request.method === 'POST' && request.routeOptions.url === '/api/session')) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameSecret(sent, holder.csrfToken)) {
          throw forbidden(`a change made with a browser session needs the session's CSRF token in the ${CSRF_HEADER} header`);
        }
      }
      return { accountId: holder.accountId, username: holder.username, role: holder.role, via: 'session' };
    }
  }
  return demo && fromThisMachine(request) ? DEMO_CALLER : null;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
export const isLoopback = (address: string) => LOOPBACK.test(address);
const LOCAL_NAMES = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1)$/;

/**
 * The demo mode serves this machine only: a request from elsewhere through a proxy on it
 * (forwarded headers), or a page of another site reaching 127.0.0.1 through DNS rebinding
 * (its own host name), is not the person at the keyboard.
 */
function fromThisMachine(request: FastifyRequest): boolean {
  const headers = request.headers;
  return (
    LOOPBACK.test(request.socket.remoteAddress ?? '') &&
    headers['x-forwarded-for'] === undefined &&
    headers.forwarded === undefined &&
    LOCAL_NAMES.test(request.hostname)
  );
}

const wantsPage = (request: FastifyRequest) => {
  const path = request.url.split('?')[0]!;
  return path === '/' || path.endsWith('.html');
};

/**
 * Installs authentication and the access policy on the whole app. Call before any route is
 * registered: each route's access level is attached as it is registered.
 */
export async function installAuth(app: FastifyInstance, db: Database, options: AuthOptions): Promise<void> {
  await app.register(fastifyCookie);
  // Callers with credentials: each API token, and each browser session (more generously: the map
  // asks for many layers at once). Sign-ins are limited on their own route; nothing else is open.
  const perSession = options.sessionRequestsPerMinute ?? 1200;
  const perToken = options.tokenRequestsPerMinute ?? 600;
  await app.register(fastifyRateLimit, {
    global: true,
    // In the database, not in this process: several instances share one count (issue 18).
    store: databaseRateLimitStore(db),
    max: (_request, key) => (key.startsWith('session:') ? perSession : perToken),
    timeWindow: '1 minute',
    allowList: (request) => !request.headers.authorization && !request.cookies?.[SESSION_COOKIE],
    // Keyed on the token or session itself, so "bearer x" and "Bearer  x" share one count; a
    // header that is not a bearer token at all counts against its address.
    keyGenerator: (request) => {
      if (request.headers.authorization) {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization);
        return match ? `token:${secretHash(match[1]!)}` : `address:${request.ip}`;
      }
      const session = request.cookies[SESSION_COOKIE];
      // The key is asked for before allowList is: a request with neither is let through there.
      return session ? `session:${secretHash(session)}` : `none:${request.ip}`;
    },
  });
  app.decorateRequest('caller', null);
  const table: RouteAccess[] = [];
  app.decorate('accessTable', table);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const levels = new Set(methods.map((method) => accessFor(method, route.url ?? route.path)));
    // One route with several methods must not end up with the loosest of their levels.
    const access = levels.size === 1 ? [...levels][0] : undefined;
    route.config = { ...(route.config ?? {}), access };
    for (const method of methods) table.push({ method, url: route.url ?? route.path, access });
  });

  // preParsing: after the rate limit (onRequest), before any body is read.
  app.addHook('preParsing', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    // Its Bearer is the metrics token, no API token: it must not be looked up as one.
    if (access === 'metrics') return checkMetricsAccess(request.headers.authorization, fromThisMachine(request), options.metricsToken);
    request.caller = await callerOf(db, request, options.demo);
    if (request.is404) {
      // An unknown path tells an outsider nothing either.
      if (!request.caller) throw unauthorized('sign in, or present an API token in the Authorization header');
      return;
    }
    if (access === undefined) throw forbidden('this route has no access rule, so it is closed to everyone (server/auth/route-access.ts)');
    if (access === 'page' && !request.caller && !isOpenFile(request.url.split('?')[0]!)) {
      if (wantsPage(request)) return reply.redirect(`login.html?next=${encodeURIComponent(request.url)}`, 303);
      throw unauthorized('sign in to see this page');
    }
    if (OPEN_ACCESS.includes(access)) return;
    if (!request.caller) throw unauthorized('sign in, or present an API token in the Authorization header');
    if (!ACCESS_ROLES[access].includes(request.caller.role)) {
      throw forbidden(`a ${request.caller.role} may not ${request.method === 'GET' ? 'read' : 'use'} ${request.routeOptions.url}`);
    }
  });
}
