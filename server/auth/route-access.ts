import { LAYER_NAMES } from '../layers/layer-definition.js';
import { ROLES, type Role } from './roles.js';

/**
 * Who may call which route: the one table of the server's access policy (issue 7).
 * Every route gets its level here when it is registered (auth-hooks.ts); a route this table
 * does not name answers 403 to everyone, so a new route is closed until someone decides.
 */
export type Access =
  /** anyone, signed in or not */
  | 'public'
  /** the web app's files: the login page and the scripts are open, the other pages need a caller */
  | 'page'
  /** any caller; what they see is cut to their role's sharing profile */
  | 'reader'
  /** the working group's analyses: their evidence is not cut to a partner's profile, so partners are out */
  | 'analyst'
  | 'editor'
  | 'admin'
  /** any caller at all (signing out) */
  | 'signed-in'
  /** no account: this machine, or a scraper with METRICS_TOKEN (metrics-access.ts) */
  | 'metrics';

export const ACCESS_ROLES: Record<Access, readonly Role[]> = {
  public: ROLES,
  page: ROLES,
  reader: ROLES,
  'signed-in': ROLES,
  analyst: ['viewer', 'editor', 'admin'],
  editor: ['editor', 'admin'],
  admin: ['admin'],
  metrics: [],
};

/** Levels that answer without credentials. */
export const OPEN_ACCESS: readonly Access[] = ['public', 'page'];

interface AccessRule {
  methods: readonly string[];
  path: RegExp;
  access: Access;
}

const READ = ['GET', 'HEAD'];
const WRITE = ['POST', 'PATCH', 'PUT', 'DELETE'];
const layers = LAYER_NAMES.join('|');

/** First match wins. Paths are the routes' registered patterns, not request URLs. */
const RULES: readonly AccessRule[] = [
  // Liveness and readiness: load balancers and orchestrators ask without credentials.
  { methods: READ, path: /^\/api\/health(\/ready)?$/, access: 'public' },
  { methods: READ, path: /^\/metrics$/, access: 'metrics' },
  { methods: [...READ, 'POST'], path: /^\/api\/session$/, access: 'public' },
  { methods: ['DELETE'], path: /^\/api\/session$/, access: 'signed-in' },
  { methods: READ, path: /^\/api\/(openapi\.json|layers)$/, access: 'reader' },
  { methods: READ, path: new RegExp(`^/api/(${layers})(/:id)?$`), access: 'reader' },
  { methods: WRITE, path: new RegExp(`^/api/(${layers})(/:id)?$`), access: 'editor' },
  // Case files (issue 15): any caller reads, cut to its profile (partners and the public: only
  // shareable cases, server/cases/case-sharing.ts); the follow-ups (owners, deadlines) are the working group's.
  { methods: READ, path: /^\/api\/cases\/follow-ups$/, access: 'analyst' },
  { methods: READ, path: /^\/api\/cases(\/:id)?$/, access: 'reader' },
  { methods: WRITE, path: /^\/api\/cases(\/.*)?$/, access: 'editor' },
  // Both POSTs here compute and write nothing: a draft claim's overlaps, a deployment plan.
  { methods: [...READ, 'POST'], path: /^\/api\/analysis\/[a-z-]+$/, access: 'analyst' },
  { methods: READ, path: /^\/api\/export(\/count)?$/, access: 'reader' },
  { methods: READ, path: /^\/ogc(\/.*)?$/, access: 'reader' },
  { methods: READ, path: /^\/tiles(\/:layer\/:z\/:x\/:y\.mvt)?$/, access: 'reader' },
  { methods: READ, path: /^\/api\/audit(\/exports)?$/, access: 'admin' },
  { methods: [...READ, ...WRITE], path: /^\/api\/(accounts|tokens)(\/.*)?$/, access: 'admin' },
  { methods: READ, path: /^\/\*$/, access: 'page' },
];

export function accessFor(method: string, path: string): Access | undefined {
  return RULES.find((rule) => rule.methods.includes(method) && rule.path.test(path))?.access;
}

/** Files anyone may fetch: the login page and the built scripts and styles, which hold no data. */
export function isOpenFile(path: string): boolean {
  return path === '/login.html' || path.startsWith('/assets/') || path === '/favicon.ico';
}
