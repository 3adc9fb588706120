import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeature } from '../../server/layers/layer-store.js';
import { LAYERS } from '../../server/layers/registry.js';
import { openAuthFixture, type AuthFixture } from '../auth/auth-fixture.js';

/** Issue 16: a partner paging through the layer API or the OGC API leaves the same trace as an export. */
let f: AuthFixture;
beforeAll(async () => {
  f = await openAuthFixture();
  for (const code of ['ZEA-1', 'ZEA-2', 'ZEA-3']) {
    await createFeature(f.db, LAYERS.zones, {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [28, -2],
            [28.1, -2],
            [28.1, -2.1],
            [28, -2.1],
            [28, -2],
          ],
        ],
      },
      properties: { code, name: code },
    });
  }
});
afterAll(() => f?.close());

const log = () =>
  f.db.query<{ requested_by: string; profile: string; layers: string[]; filters: Record<string, unknown>; feature_count: number; via: string }>(
    'SELECT requested_by, profile, layers, filters, feature_count, via FROM export_log ORDER BY id',
  );

describe("a partner's reads", () => {
  it('of the layer API and the OGC API are in the export log: who, which layer, which filters, how many', async () => {
    expect((await f.app.inject({ url: '/api/zones?limit=2', headers: f.as('partner') })).statusCode).toBe(200);
    expect((await f.app.inject({ url: '/ogc/collections/zones/items?limit=1&offset=1', headers: f.as('partner') })).statusCode).toBe(200);
    expect(await log()).toEqual([
      expect.objectContaining({
        requested_by: expect.stringMatching(/^partner \(token #\d+\)$/),
        profile: 'partner',
        layers: ['zones'],
        feature_count: 2,
        via: 'layer-api',
        filters: { limit: 2, offset: 0 },
      }),
      expect.objectContaining({
        requested_by: expect.stringMatching(/^partner/),
        profile: 'public',
        layers: ['zones'],
        feature_count: 1,
        via: 'ogc',
        filters: { limit: 1, offset: 1 },
      }),
    ]);
    // The admin's log lists them with the way they left.
    const listed = ((await f.app.inject({ url: '/api/audit/exports', headers: f.as('admin') })).json() as { entries: Array<{ via: string }> }).entries;
    expect(listed.map((e) => e.via).sort()).toEqual(['layer-api', 'ogc']);
  });

  it('are the only ones logged: viewers and editors read without a trace there', async () => {
    const before = (await log()).length;
    for (const who of ['viewer', 'editor', 'admin'] as const) await f.app.inject({ url: '/api/zones', headers: f.as(who) });
    expect((await log()).length).toBe(before);
  });
});
