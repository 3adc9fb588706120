import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../support/demo-seed.js';
import { LAYER_NAMES } from '../../server/layers/layer-definition.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

/**
 * The answers of the analyses and the layers are written as they were built (JSON.stringify,
 * server/http/response-serializer.ts), so their response schemas are not enforced when they
 * are sent. This holds the real answers, on the demo data, to the schema each route declares:
 * a member added, renamed or dropped without its schema fails here.
 */
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));

let t: TestApp;
/** The response schemas of the route that answered the last request. */
let declared: Record<string, object> | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

beforeAll(async () => {
  t = await openTestApp();
  await seedDemo(t.db);
  t.app.addHook('onSend', async (request, _reply, payload) => {
    declared = request.routeOptions.schema?.response as Record<string, object> | undefined;
    return payload;
  });
});
afterAll(() => t?.close());

/** The schema the route declares for this status: the exact code, else its class (4xx, 5xx). */
function schemaFor(status: number): object {
  expect(declared, 'the route declares response schemas').toBeDefined();
  const schema = declared![String(status)] ?? declared![`${String(status)[0]}xx`];
  expect(schema, `the route declares an answer for ${status}`).toBeDefined();
  return schema!;
}

function problems(schema: object, body: unknown): string[] {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  return validate(body) ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<{ res: LightMyRequestResponse; schema: object }> {
  declared = undefined;
  const res = await t.app.inject({ method, url, payload });
  return { res, schema: schemaFor(res.statusCode) };
}

/** Calls a route and checks its answer against the schema it declares for the status it answered. */
async function answerOf<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, status: number, payload?: object): Promise<T> {
  const { res, schema } = await call(method, url, payload);
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  if (status === 204) return undefined as T;
  const body = res.json() as T;
  expect(problems(schema, body), `${method} ${url}`).toEqual([]);
  return body;
}

type Collection = { features: { id: number; geometry: unknown; properties: Record<string, unknown> }[] };
const DATE = '2019-06-15';

describe('every answer of the analyses matches its declared schema', () => {
  it('contested zones, and the check can fail', async () => {
    const { res, schema } = await call('GET', `/api/analysis/contested?date=${DATE}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Collection;
    expect(body.features.length).toBeGreaterThan(0);
    expect(problems(schema, body)).toEqual([]);

    // A required member gone, or one the schema does not know: both are drift.
    const missing = structuredClone(body);
    delete missing.features[0]!.properties.severity;
    expect(problems(schema, missing).join()).toMatch(/severity/);
    const extra = structuredClone(body);
    extra.features[0]!.properties.undocumented = 1;
    expect(problems(schema, extra).join()).toMatch(/additionalProperty.*undocumented/);
  });

  it('claim overlaps of a drawn claim', async () => {
    const claims = await answerOf<Collection>('GET', `/api/claims?date=${DATE}&limit=5`, 200);
    const drawn = claims.features[0]!.geometry;
    const report = await answerOf<{ overlaps: unknown[] }>('POST', '/api/analysis/claim-overlaps', 200, { geometry: drawn, valid_from: DATE });
    expect(report.overlaps.length).toBeGreaterThan(0);
  });

  it('site and ZEA flags', async () => {
    expect((await answerOf<Collection>('GET', `/api/analysis/sites?date=${DATE}`, 200)).features.length).toBeGreaterThan(0);
    expect((await answerOf<Collection>('GET', `/api/analysis/zones?date=${DATE}`, 200)).features.length).toBeGreaterThan(0);
  });

  it('militarised routes, with evidence of both rules', async () => {
    const routes = await answerOf<Collection & { routes: unknown[] }>('GET', `/api/analysis/routes?date=${DATE}`, 200);
    const rules = new Set(routes.features.flatMap((f) => f.properties.rules as string[]));
    expect([...rules].sort()).toEqual(['R8', 'R9']);
    expect(routes.routes.length).toBeGreaterThan(0);
  });

  it('priorities and a deployment plan', async () => {
    expect((await answerOf<Collection>('GET', `/api/analysis/priorities?date=${DATE}`, 200)).features.length).toBeGreaterThan(0);
    expect((await answerOf<Collection>('POST', '/api/analysis/deployment-plan', 200, { units: 2, date: DATE })).features.length).toBe(2);
  });

  it('refusals have the one error shape', async () => {
    const refused = await answerOf<{ details: unknown[] }>('GET', '/api/analysis/contested?near_km=-1', 400);
    expect(refused.details.length).toBeGreaterThan(0);
    await answerOf('POST', '/api/analysis/claim-overlaps', 400, { geometry: { type: 'Point', coordinates: [28.8, -2.2] } });
  });
});

describe('every answer of the layer API matches its declared schema', () => {
  it('the list of layers', async () => {
    expect(await answerOf<unknown[]>('GET', '/api/layers', 200)).toHaveLength(LAYER_NAMES.length);
  });

  it.each(LAYER_NAMES)('%s: a page and a record, as each profile sees them', async (layer) => {
    for (const profile of ['internal', 'partner', 'public']) {
      const page = await answerOf<Collection>('GET', `/api/${layer}?limit=200&profile=${profile}`, 200);
      expect(page.features.length, `${layer} has demo records`).toBeGreaterThan(0);
      await answerOf('GET', `/api/${layer}/${page.features[0]!.id}?profile=${profile}`, 200);
    }
    await answerOf('GET', `/api/${layer}/999999999`, 404);
  });

  it('created, changed and deleted records', async () => {
    const created = await answerOf<{ id: number }>('POST', '/api/cooperatives', 201, {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [28.8, -2.2] },
      properties: { name: 'Contract test cooperative', legal_status: 'pending' },
    });
    await answerOf('PATCH', `/api/cooperatives/${created.id}`, 200, { type: 'Feature', properties: { acronym: 'CTC' } });
    await answerOf('DELETE', `/api/cooperatives/${created.id}`, 204);
    await answerOf('POST', '/api/cooperatives', 400, { type: 'Feature', geometry: null, properties: { name: 'x', legal_status: 'nonsense' } });
  });
});

describe('the OpenAPI document', () => {
  it('describes an answer and the error shape for every analysis and layer operation', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown; description?: string }> }>>;
    };
    const inScope = Object.keys(doc.paths).filter(
      (path) => path.startsWith('/api/analysis/') || path === '/api/layers' || LAYER_NAMES.some((l) => path.startsWith(`/api/${l}`)),
    );
    expect(inScope.length).toBeGreaterThan(LAYER_NAMES.length * 2);
    for (const path of inScope) {
      for (const [method, operation] of Object.entries(doc.paths[path]!)) {
        const codes = Object.keys(operation.responses ?? {});
        expect(codes, `${method} ${path}`).toEqual(expect.arrayContaining(['4XX', '5XX']));
        const success = codes.find((c) => c.startsWith('2'));
        expect(success, `${method} ${path} has a success answer`).toBeDefined();
        if (success !== '204') expect(operation.responses![success!]!.content, `${method} ${path} ${success}`).toBeDefined();
      }
    }
  });
});
