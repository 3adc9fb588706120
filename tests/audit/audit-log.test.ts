import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeoJson } from '../../server/import/import-geojson.js';
import { LAYERS } from '../../server/layers/registry.js';
import { countRows, openTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.close());

const site = (name: string) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [28.7, -2.1] }, properties: { name } });

async function audit(query = '') {
  const res = await t.app.inject({ method: 'GET', url: `/api/audit?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the audit's before/after are whatever record was changed
  return res.json().entries as Array<{ action: string; actor: string; layer: string; record_id: number; before: any; after: any }>;
}

describe('the audit log', () => {
  it('records create, update and delete with the record before and after', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/sites', payload: site('Audit A') })).json();
    await t.app.inject({ method: 'PATCH', url: `/api/sites/${created.id}`, payload: { type: 'Feature', properties: { name: 'Audit B' } } });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/sites/${created.id}` })).statusCode).toBe(204);
    const entries = await audit(`layer=sites&record_id=${created.id}`);
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    const [deleted, updated, inserted] = entries;
    expect(inserted!.before).toBeNull();
    expect(inserted!.after.properties.name).toBe('Audit A');
    expect(updated!.before.properties.name).toBe('Audit A');
    expect(updated!.after.properties.name).toBe('Audit B');
    expect(deleted!.before.properties.name).toBe('Audit B');
    expect(deleted!.after).toBeNull();
    for (const e of entries) expect(e.actor).toBe('demo (local demo mode)');
  });

  it('records nothing for a refused write', async () => {
    const before = await countRows(t.db, 'audit_log');
    expect((await t.app.inject({ method: 'POST', url: '/api/sites', payload: site('') })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/sites/987654', payload: { type: 'Feature', properties: { name: 'x' } } })).statusCode).toBe(404);
    expect(await countRows(t.db, 'audit_log')).toBe(before);
  });

  it('records what an import changed, and nothing when a re-import changes nothing', async () => {
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ ...site('Imported'), properties: { name: 'Imported', source: 'test', source_id: 'audit-1' } }],
    });
    await importGeoJson(t.db, LAYERS.sites, file, 'audit.geojson');
    const [entry] = await audit('layer=sites&limit=1');
    expect(entry).toMatchObject({ action: 'create', actor: 'import:audit.geojson' });
    const before = await countRows(t.db, 'audit_log');
    await importGeoJson(t.db, LAYERS.sites, file, 'audit.geojson');
    expect(await countRows(t.db, 'audit_log')).toBe(before);
  });

  it.each(['audit_log', 'export_log'])('%s cannot be edited, deleted or truncated, even in SQL', async (table) => {
    if (table === 'export_log') expect((await t.app.inject({ method: 'GET', url: '/api/export?layers=zones' })).statusCode).toBe(200);
    const rows = await countRows(t.db, table);
    expect(rows).toBeGreaterThan(0);
    for (const sql of [`UPDATE ${table} SET ${table === 'audit_log' ? 'actor = actor' : 'profile = profile'}`, `DELETE FROM ${table}`, `TRUNCATE ${table}`]) {
      await expect(t.db.exec(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await countRows(t.db, table)).toBe(rows);
  });
});
