import type { FastifyRequest } from 'fastify';
import { forbidden } from '../http/errors.js';
import type { Profile } from '../sharing/profiles.js';
import { ROLE_PROFILE, narrower, profileWithin, type Role } from './roles.js';

/** Who is calling, once auth-hooks.ts has looked at the request's credentials. */
export interface Caller {
  /** null in the local demo mode, which has no account behind it */
  accountId: number | null;
  username: string;
  role: Role;
  via: 'session' | 'token' | 'demo';
  tokenId?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** null: no credentials (only public routes get this far) */
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** Set from route-access.ts when the route is registered; never by the route itself. */
    access?: import('./route-access.js').Access;
  }
}

/** The name the audit log and the export log keep for a caller. */
export function actorName(caller: Caller | null): string {
  if (!caller) return 'anonymous';
  if (caller.via === 'demo') return 'demo (local demo mode)';
  if (caller.via === 'token') return `${caller.username} (token #${caller.tokenId})`;
  return caller.username;
}

/**
 * The sharing profile a request reads through: the one it names, if the caller's role
 * reaches that far, else the route's default narrowed to the role's ceiling.
 * Asking for more than the role allows is refused, not quietly narrowed: a partner's
 * script that asks for `internal` should learn it cannot have it.
 */
export function profileFor(request: FastifyRequest, requested: Profile | undefined, routeDefault?: Profile): Profile {
  const caller = request.caller;
  // Only open routes run without a caller, and none of them reads layers; the narrowest profile is the safe answer.
  if (!caller) return 'public';
  const ceiling = ROLE_PROFILE[caller.role];
  if (requested === undefined) return routeDefault ? narrower(routeDefault, ceiling) : ceiling;
  if (!profileWithin(requested, ceiling)) {
    throw forbidden(`the ${requested} profile is beyond what a ${caller.role} may see; ask for ${ceiling} or narrower`);
  }
  return requested;
}
