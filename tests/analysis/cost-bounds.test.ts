import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWER_BOUNDS } from '../../server/analysis/cost-ceilings.js';
import { openAuthFixture, type AuthFixture } from '../auth/auth-fixture.js';

/** Issue 16: a viewer cannot tie up the database with the costliest parameters an analyst may use. */
let f: AuthFixture;
beforeAll(async () => {
  f = await openAuthFixture();
});
afterAll(() => f?.close());

/** Just past each bound: above a ceiling, under a floor. */
const beyond = (bound: { max: number } | { min: number }) => ('max' in bound ? bound.max + 1 : bound.min - 1);
const within = (bound: { max: number } | { min: number }) => ('max' in bound ? bound.max : bound.min);
const cases = Object.entries(VIEWER_BOUNDS).flatMap(([path, bounds]) => Object.entries(bounds).map(([name, bound]) => [path, name, bound] as const));

function call(path: string, params: Record<string, number>, who: 'viewer' | 'admin') {
  if (path === '/api/analysis/deployment-plan') return f.app.inject({ method: 'POST', url: path, headers: f.as(who), payload: { units: 1, ...params } });
  return f.app.inject({ method: 'GET', url: `${path}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`, headers: f.as(who) });
}

describe('cost bounds on analyses', () => {
  it.each(cases)('%s: a viewer may not ask %s beyond its bound, an admin may', async (path, name, bound) => {
    const refused = await call(path, { [name]: beyond(bound) }, 'viewer');
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().message).toMatch(
      new RegExp(`${name}=.*beyond what a viewer may ask.*${'max' in bound ? `at most ${bound.max}` : `at least ${bound.min}`}`),
    );
    expect((await call(path, { [name]: within(bound) }, 'viewer')).statusCode).toBe(200);
    expect((await call(path, { [name]: beyond(bound) }, 'admin')).statusCode).toBe(200);
  });

  it('says each bound in the OpenAPI document', async () => {
    const doc = JSON.stringify((await f.app.inject({ url: '/api/openapi.json', headers: f.as('viewer') })).json());
    for (const [, , bound] of cases) expect(doc).toContain(`viewers: ${'max' in bound ? `at most ${bound.max}` : `at least ${bound.min}`}`);
  });
});
