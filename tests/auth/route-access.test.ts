import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER_NAMES } from '../../server/layers/layer-definition.js';
import { ROLES, type Role } from '../../server/auth/roles.js';
import { openAuthFixture, PASSWORD, type AuthFixture } from './auth-fixture.js';

/**
 * Every route of the app against every role. The expected table is written here, by hand,
 * apart from server/auth/route-access.ts; the routes come from the app's own list, so a
 * route added without a line here fails the first test, and a line whose route is gone
 * fails it too.
 */
type Who = Role | 'anonymous';
const WHO: readonly Who[] = ['anonymous', ...ROLES];
const EVERYONE: readonly Who[] = WHO;
const SIGNED_IN: readonly Who[] = ROLES;
const WORKING_GROUP: readonly Who[] = ['viewer', 'editor', 'admin'];
const EDITORS: readonly Who[] = ['editor', 'admin'];
const ADMINS: readonly Who[] = ['admin'];

const EXPECTED: Record<string, readonly Who[]> = {
  'GET /api/health': EVERYONE,
  'GET /api/health/ready': EVERYONE,
  // No account opens the metrics, only this machine (inject's address) or the metrics token (tests/http/metrics.test.ts).
  'GET /metrics': ['anonymous'],
  'GET /api/session': EVERYONE,
  'POST /api/session': EVERYONE,
  'DELETE /api/session': SIGNED_IN,
  'GET /api/openapi.json': SIGNED_IN,
  'GET /api/layers': SIGNED_IN,
  // Partners read layers, exports and the OGC API through the partner profile (tested below).
  ...Object.fromEntries(
    LAYER_NAMES.flatMap((layer) => [
      [`GET /api/${layer}`, SIGNED_IN],
      [`GET /api/${layer}/:id`, SIGNED_IN],
      [`POST /api/${layer}`, EDITORS],
      [`PATCH /api/${layer}/:id`, EDITORS],
      [`DELETE /api/${layer}/:id`, EDITORS],
    ]),
  ),
  // Analyses cite evidence at the working group's precision: not for partners.
  'GET /api/analysis/contested': WORKING_GROUP,
  'POST /api/analysis/claim-overlaps': WORKING_GROUP,
  'GET /api/analysis/sites': WORKING_GROUP,
  'GET /api/analysis/zones': WORKING_GROUP,
  'GET /api/analysis/routes': WORKING_GROUP,
  'GET /api/analysis/timeline': WORKING_GROUP,
  'GET /api/analysis/changes': WORKING_GROUP,
  'GET /api/analysis/priorities': WORKING_GROUP,
  'POST /api/analysis/deployment-plan': WORKING_GROUP,
  'GET /api/analysis/permit-overlaps': WORKING_GROUP,
  // Case files (issue 15): partners read only shareable cases, through their profile (tests/cases/);
  // the follow-ups (owners, deadlines) are the working group's; editors write.
  'GET /api/cases': SIGNED_IN,
  'GET /api/cases/:id': SIGNED_IN,
  'GET /api/cases/follow-ups': WORKING_GROUP,
  'POST /api/cases': EDITORS,
  'PATCH /api/cases/:id': EDITORS,
  'DELETE /api/cases/:id': EDITORS,
  'POST /api/cases/:id/steps': EDITORS,
  'PATCH /api/cases/:id/steps/:stepId': EDITORS,
  'DELETE /api/cases/:id/steps/:stepId': EDITORS,
  'POST /api/cases/:id/steps/:stepId/follow-ups': EDITORS,
  'PATCH /api/cases/:id/follow-ups/:followUpId': EDITORS,
  'DELETE /api/cases/:id/follow-ups/:followUpId': EDITORS,
  'GET /api/export': SIGNED_IN,
  'GET /api/export/count': SIGNED_IN,
  'GET /ogc': SIGNED_IN,
  'GET /ogc/': SIGNED_IN,
  'GET /ogc/conformance': SIGNED_IN,
  'GET /ogc/api': SIGNED_IN,
  'GET /ogc/collections': SIGNED_IN,
  'GET /ogc/collections/:collectionId': SIGNED_IN,
  'GET /ogc/collections/:collectionId/items': SIGNED_IN,
  'GET /ogc/collections/:collectionId/items/:featureId': SIGNED_IN,
  'GET /tiles': SIGNED_IN,
  'GET /tiles/:layer/:z/:x/:y.mvt': SIGNED_IN,
  'GET /api/audit': ADMINS,
  'GET /api/audit/exports': ADMINS,
  'GET /api/accounts': ADMINS,
  'POST /api/accounts': ADMINS,
  'PATCH /api/accounts/:id': ADMINS,
  'GET /api/accounts/:id/tokens': ADMINS,
  'POST /api/accounts/:id/tokens': ADMINS,
  'GET /api/tokens': ADMINS,
  'DELETE /api/tokens/:id': ADMINS,
  // The web app's files: pages need a caller (anonymous callers are sent to the sign-in), checked below.
  'GET /*': SIGNED_IN,
};

/** How a route refuses an anonymous caller, where it is not 401: a page sends them to the sign-in. */
const ANONYMOUS_REFUSAL: Record<string, number> = { 'GET /*': 303 };

/** HEAD is answered wherever GET is, with the same rule. */
const ruleKey = (method: string, url: string) => `${method === 'HEAD' ? 'GET' : method} ${url}`;

/** A concrete URL for a route pattern: ids that do not exist, so an allowed call answers 404 or 400, never a change. */
function concrete(url: string): string {
  if (url === '/*') return '/';
  return url
    .replace(':collectionId', 'zones')
    .replace(':featureId', '999999')
    .replace(':id', '999999')
    .replace(/:(stepId|followUpId)/, '999999')
    .replace(':layer/:z/:x/:y', 'zones/3/1/1');
}

let f: AuthFixture;
beforeAll(async () => {
  f = await openAuthFixture();
});
afterAll(() => f?.close());

describe('the route-by-role table', () => {
  it('has a line for every route of the app, and no line for a route that is gone', () => {
    const routes = new Set(f.app.accessTable.map((r) => ruleKey(r.method, r.url)));
    expect(
      [...routes].filter((key) => !(key in EXPECTED)),
      'routes without an expected line: add them to EXPECTED',
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((key) => !routes.has(key)),
      'lines for routes the app no longer has',
    ).toEqual([]);
    expect(
      f.app.accessTable.filter((r) => r.access === undefined),
      'routes route-access.ts gives no rule',
    ).toEqual([]);
  });

  it('answers every route for every role as the table says: 401 without credentials, 403 for a role left out', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of f.app.accessTable) {
      const key = ruleKey(route.method, route.url);
      const allowed = EXPECTED[key] ?? [];
      for (const who of WHO) {
        const login = route.method === 'POST' && route.url === '/api/session';
        const res = await f.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: f.as(who),
          ...(route.method === 'POST' || route.method === 'PATCH' ? { payload: login ? { username: 'viewer', password: PASSWORD } : {} } : {}),
        });
        checked++;
        const expected = allowed.includes(who) ? 'allowed' : who === 'anonymous' ? (ANONYMOUS_REFUSAL[key] ?? 401) : 403;
        const denied = res.statusCode === 401 || res.statusCode === 403 || res.statusCode === 303;
        const ok = expected === 'allowed' ? !denied : res.statusCode === expected;
        if (!ok) mismatches.push(`${route.method} ${route.url} as ${who}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(f.app.accessTable.length * WHO.length);
  });

  it('sends an anonymous visitor of a page to the sign-in, and lets anyone load the sign-in and the scripts', async () => {
    for (const page of ['/', '/index.html', '/priorities.html']) {
      const res = await f.app.inject({ url: page });
      expect(res.statusCode, page).toBe(303);
      expect(res.headers.location).toBe(`login.html?next=${encodeURIComponent(page)}`);
      expect((await f.app.inject({ url: page, headers: f.as('partner') })).statusCode, page).toBe(200);
    }
    expect((await f.app.inject({ url: '/login.html' })).statusCode).toBe(200);
    expect((await f.app.inject({ url: '/assets/app.js' })).statusCode).toBe(200);
  });

  it('gives an unknown path 401 without credentials and 404 with them', async () => {
    expect((await f.app.inject({ url: '/api/nothing-here' })).statusCode).toBe(401);
    expect((await f.app.inject({ url: '/api/nothing-here', headers: f.as('viewer') })).statusCode).toBe(404);
  });
});
