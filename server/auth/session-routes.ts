import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../db/database.js';
import { forbidden, unauthorized } from '../http/errors.js';
import { passwordHashOf } from './accounts.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth-hooks.js';
import { actorName, type Caller } from './caller.js';
import { recordChange } from '../audit/audit-log.js';
import { UNMATCHABLE_HASH, verifyPassword } from './passwords.js';
import { ROLE_PROFILE } from './roles.js';
import { isLoopback } from './auth-hooks.js';
import { SESSION_HOURS, closeSession, openSession } from './sessions.js';
import { SignInBackoff } from './sign-in-backoff.js';

const loginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

function describe(caller: Caller | null, demo: boolean) {
  return {
    demo,
    account: caller && caller.via !== 'demo' ? { username: caller.username, role: caller.role } : null,
    role: caller?.role ?? null,
    profile: caller ? ROLE_PROFILE[caller.role] : null,
  };
}

function cookieOptions(request: FastifyRequest, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'strict' as const, secure: request.protocol === 'https', maxAge: SESSION_HOURS * 3600 };
}

function clearCookies(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, true)).clearCookie(CSRF_COOKIE, cookieOptions(request, false));
}

/** Signing in and out of the browser app; `GET` says who the page is talking as. */
export async function sessionRoutes(
  app: FastifyInstance,
  options: { db: Database; demo: boolean; loginPerMinute?: number; signInBackoff?: SignInBackoff },
): Promise<void> {
  const { db, demo } = options;
  const backoff = options.signInBackoff ?? new SignInBackoff(db);

  app.get(
    '/api/session',
    { schema: { tags: ['session'], summary: 'Who is calling: account, role, sharing profile, and whether this is the local demo mode' } },
    async (request) => describe(request.caller, demo),
  );

  app.post<{ Body: { username: string; password: string } }>(
    '/api/session',
    {
      schema: { tags: ['session'], summary: 'Sign in: sets an HttpOnly session cookie and a CSRF cookie', body: loginBody },
      config: {
        // Per address, whatever the credentials: guessing passwords takes years at this pace.
        rateLimit: {
          max: options.loginPerMinute ?? 10,
          timeWindow: '1 minute',
          allowList: () => false,
          keyGenerator: (request: FastifyRequest) => `login:${request.ip}`,
        },
      },
    },
    async (request, reply) => {
      // Over plain HTTP from another machine the session cookie could be read on the way.
      if (request.protocol !== 'https' && !isLoopback(request.ip)) {
        throw forbidden('sign-in needs HTTPS; behind a TLS proxy set TRUST_PROXY=1 (README, "Accounts")');
      }
      const { username, password } = request.body;
      await backoff.check(username);
      const stored = await passwordHashOf(db, username);
      // The hash is checked even for an unknown name, so the answer's timing does not say which names exist.
      const matches = await verifyPassword(password, stored?.hash ?? UNMATCHABLE_HASH);
      if (!stored || !stored.hash || stored.disabled || !matches) {
        // At warn, the server's default level: repeated failures are what an operator must see.
        // The name only when it is an account's: a password typed into the name field must not reach the log.
        request.log.warn({ account: stored ? stored.username : null, address: request.ip }, 'sign-in refused');
        await backoff.failed(username);
        throw unauthorized('wrong username or password');
      }
      await backoff.succeeded(username);
      const session = await db.transaction(async (tx) => {
        const opened = await openSession(tx, stored.id);
        await recordChange(tx, {
          actor: stored.username,
          action: 'create',
          layer: 'sessions',
          recordId: null,
          before: null,
          after: { address: request.ip, expires_at: opened.expiresAt.toISOString() },
        });
        return opened;
      });
      reply.setCookie(SESSION_COOKIE, session.id, cookieOptions(request, true));
      reply.setCookie(CSRF_COOKIE, session.csrfToken, cookieOptions(request, false));
      return describe({ accountId: stored.id, username: stored.username, role: stored.role, via: 'session' }, demo);
    },
  );

  app.delete(
    '/api/session',
    { schema: { tags: ['session'], summary: 'Sign out: ends the session on the server and clears its cookies' } },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) {
        await db.transaction(async (tx) => {
          await closeSession(tx, sessionId);
          await recordChange(tx, {
            actor: actorName(request.caller),
            action: 'delete',
            layer: 'sessions',
            recordId: null,
            before: null,
            after: { address: request.ip },
          });
        });
      }
      clearCookies(request, reply);
      // Map tiles may sit in the browser's cache for minutes (tiles/tile-cache.ts): the next person at this computer must not see them.
      reply.header('clear-site-data', '"cache"');
      return reply.status(204).send();
    },
  );
}
