import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedIncidentId } from '../support/published-ids.js';
import { createFeature } from '../../server/layers/layer-store.js';
import { LAYER_NAMES } from '../../server/layers/layer-definition.js';
import { LAYERS } from '../../server/layers/registry.js';
import { SENSITIVE_CATEGORIES } from '../../server/sharing/incident-coarsening.js';
import { ALLOWED_FIELDS } from '../../server/sharing/profiles.js';
import { openAuthFixture, type AuthFixture } from './auth-fixture.js';
import { decodeTile, tileAt } from '../support/decode-tile.js';

/**
 * Issue 7, "a partner token cannot reach anything beyond its profile by any route": every
 * route of the app's own list that answers a partner token is called with it, for every
 * layer, and nothing in any answer may hold what only the working group or the internal
 * profile sees. A route added later is swept too.
 */
const EXACT = { lon: 28.6123457, lat: -2.2345678, day: '2019-05-17' };
const SECRETS = {
  perpetrator_name: 'Commandant Secret-Nom',
  description: 'Témoin Marie Secret-Témoin',
  notes: 'note interne secrète',
  reference: 'téléphone +243 000 SECRET',
  actor_name: 'Colonel Secret-Acteur',
};
const FORBIDDEN_TEXT = ['28.6123', '-2.2345', EXACT.day, ...Object.values(SECRETS)];

let f: AuthFixture;
const ids = new Map<string, number>();
/** Ids as a partner sees them where they differ from the database's (incidents: tests/support/published-ids.ts). */
const partnerIds = new Map<string, number>();
beforeAll(async () => {
  f = await openAuthFixture();
  for (const category of SENSITIVE_CATEGORIES) {
    const incident = await createFeature(f.db, LAYERS.incidents, {
      geometry: { type: 'Point', coordinates: [EXACT.lon, EXACT.lat] },
      properties: {
        occurred_on: EXACT.day,
        category,
        perpetrator_type: 'fardc',
        perpetrator_name: SECRETS.perpetrator_name,
        victims: 2,
        description: SECRETS.description,
        notes: SECRETS.notes,
        sources: [{ type: 'witness', reference: SECRETS.reference }],
        source: 'test',
        source_id: category,
      },
    });
    ids.set('incidents', Number(incident.id));
  }
  const presence = await createFeature(f.db, LAYERS.presence, {
    geometry: { type: 'Point', coordinates: [28.7, -2.1] },
    properties: { actor_type: 'fardc', actor_name: SECRETS.actor_name, valid_from: '2019-01-01', notes: SECRETS.notes, source: 'test' },
  });
  ids.set('presence', Number(presence.id));
  partnerIds.set('incidents', await publishedIncidentId(f.db, ids.get('incidents')!));
});
afterAll(() => f?.close());

/** Every concrete URL a route pattern stands for: one per layer where it names a layer, with a real record id. */
function urlsFor(pattern: string): string[] {
  if (pattern === '/*') return ['/'];
  if (pattern.includes(':collectionId')) {
    return LAYER_NAMES.map((layer) => pattern.replace(':collectionId', layer).replace(':featureId', String(partnerIds.get(layer) ?? ids.get(layer) ?? 1)));
  }
  const layer = LAYER_NAMES.find((name) => pattern.startsWith(`/api/${name}`));
  const id = String((layer && (partnerIds.get(layer) ?? ids.get(layer))) ?? 1);
  if (pattern.includes('/:z/:x/:y.mvt')) {
    // Deep enough that a tile's grid would place a record to a metre: the exact point must not be in it.
    return LAYER_NAMES.flatMap((name) => [12, 18].map((z) => ({ ...tileAt(EXACT.lon, EXACT.lat, z), name }))).map(
      (t) => `/tiles/${t.name}/${t.z}/${t.x}/${t.y}.mvt`,
    );
  }
  if (pattern.startsWith('/api/export')) return LAYER_NAMES.flatMap((name) => [`${pattern}?layers=${name}`, `${pattern}?layers=${name}&format=csv`]);
  return [pattern.replace(':id', id)];
}

/** A tile's features as text (positions in degrees, properties), so a tile is searched like any JSON answer. */
function readable(url: string, body: Buffer): string {
  const tile = /^\/tiles\/\w+\/(\d+)\/(\d+)\/(\d+)\.mvt/.exec(url);
  if (!tile) return body.toString('utf8');
  return JSON.stringify(decodeTile(body, { z: Number(tile[1]), x: Number(tile[2]), y: Number(tile[3]) }));
}

const get = (url: string, who: 'partner' | 'admin') => f.app.inject({ method: 'GET', url, headers: f.as(who) });

describe('a partner token', () => {
  it('gets nothing beyond the partner profile from any route it may call', async () => {
    const reached: string[] = [];
    for (const route of f.app.accessTable.filter((r) => r.method === 'GET')) {
      for (const url of urlsFor(route.url)) {
        const res = await get(url, 'partner');
        if (res.statusCode === 403 || res.statusCode === 404) continue;
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
        reached.push(url);
        for (const secret of FORBIDDEN_TEXT) expect(readable(url, res.rawPayload), `${url} leaks ${secret}`).not.toContain(secret);
      }
    }
    // The sweep must have reached the layer API, the export and the OGC API, or it proves nothing.
    for (const prefix of ['/api/incidents/', '/api/export?layers=incidents', '/ogc/collections/incidents/items/', '/api/presence/', '/tiles/incidents/']) {
      expect(
        reached.some((url) => url.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    // And the same sweep as an admin does see the secrets: the check can fail.
    expect((await get(`/api/incidents/${ids.get('incidents')}`, 'admin')).body).toContain(SECRETS.perpetrator_name);
    const deep = urlsFor('/tiles/:layer/:z/:x/:y.mvt').find((url) => url.startsWith('/tiles/incidents/18/'))!;
    expect(readable(deep, (await get(deep, 'admin')).rawPayload)).toContain('28.6123');
  });

  it('keeps to the partner allowlist, field by field, on every layer', async () => {
    for (const layer of LAYER_NAMES) {
      const res = await get(`/api/${layer}`, 'partner');
      expect(res.statusCode).toBe(200);
      const allowed = new Set([...ALLOWED_FIELDS[layer].partner, 'location_precision', 'small_counts_suppressed']);
      for (const feature of res.json().features) {
        for (const key of Object.keys(feature.properties)) expect(allowed.has(key), `${layer}.${key} reached a partner`).toBe(true);
      }
    }
  });

  it.each([
    '/api/incidents?profile=internal',
    '/api/incidents?profile=working-group',
    '/api/presence/{presence}?profile=internal',
    '/api/export?layers=incidents&profile=working-group',
    '/api/export/count?layers=incidents&profile=internal',
    '/ogc/collections/incidents/items?profile=internal',
    '/ogc/collections/incidents/items/{incidents}?profile=working-group',
    '/ogc/collections?profile=internal',
  ])('is refused, not quietly narrowed, when it asks for more: %s', async (template) => {
    const url = template.replace(/\{(\w+)\}/, (_m, layer: string) => String(ids.get(layer)));
    const res = await get(url, 'partner');
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().message).toMatch(/beyond what a partner may see/);
  });

  it('may still ask for less: the public profile', async () => {
    expect((await get('/api/incidents?profile=public', 'partner')).statusCode).toBe(200);
  });
});

describe('a viewer', () => {
  it('reads the working-group profile by default and may not ask for internal', async () => {
    const res = await f.app.inject({ url: `/api/presence/${ids.get('presence')}`, headers: f.as('viewer') });
    expect(res.json().properties.actor_name).toBe(SECRETS.actor_name);
    expect(res.json().properties).not.toHaveProperty('notes');
    expect((await f.app.inject({ url: '/api/presence?profile=internal', headers: f.as('viewer') })).statusCode).toBe(403);
  });
});
