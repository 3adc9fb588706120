import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile, CaseList } from '../../server/cases/case-schema.js';
import { importCaseFile } from '../../server/cases/import-case.js';
import { DATA_DIR } from '../../server/demo/load-demo.js';
import { seedDemo } from '../support/demo-seed.js';
import { countRows, openTestApp, type TestApp } from '../support/test-app.js';

/**
 * The demo's Bitale case file (data/demo/bitale-case.json): loaded with the demo, its steps in
 * the case study's order on the dates of the illustrative timeline (data/demo/README.md), every
 * record it rests on found, reachable from the Bitale contested zone, and loaded only once.
 */
interface FileStep {
  taken_on: string;
  kind: string;
  rests_on?: { layer: string; ref: string }[];
}
const FILE = JSON.parse(readFileSync(new URL('../../data/demo/bitale-case.json', import.meta.url), 'utf8')) as {
  source: string;
  source_id: string;
  steps: FileStep[];
};
const CASE_TABLES = ['cases', 'case_places', 'case_parties', 'case_steps', 'case_step_records', 'case_follow_ups'];

let t: TestApp;
let bitale: CaseFile;

const get = async <T>(url: string): Promise<T> => {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as T;
};

/** A demo record's day in one of its date columns, by its source id. */
async function dayOf(table: string, sourceId: string, column: 'valid_from' | 'valid_to' | 'observed_on'): Promise<string> {
  const [row] = await t.db.query<{ day: string | null }>(`SELECT ${column}::text AS day FROM ${table} WHERE source = 'demo' AND source_id = $1`, [sourceId]);
  expect(row?.day, `${table} ${sourceId} ${column}`).toBeTruthy();
  return row!.day!;
}

beforeAll(async () => {
  t = await openTestApp();
  await seedDemo(t.db);
  const list = await get<CaseList>('/api/cases');
  expect(list.cases).toHaveLength(1);
  bitale = await get<CaseFile>(`/api/cases/${list.cases[0]!.id}`);
}, 120_000);
afterAll(() => t?.close());

describe('the Bitale case file of the demo', () => {
  it('is loaded, marked illustrative like the rest of the demo, and shareable', () => {
    expect(bitale).toMatchObject({ source: 'demo', source_id: 'bitale-case', illustrative: true, shareable: true, status: 'monitoring' });
    expect(bitale.notes).toMatch(/^Illustrative:/);
    expect(bitale.steps.every((s) => s.summary!.startsWith('Illustrative:'))).toBe(true);
  });

  it('has every step of the file, in date order, following the case study', () => {
    expect(bitale.steps).toHaveLength(FILE.steps.length);
    const dates = bitale.steps.map((s) => s.taken_on);
    expect(dates).toEqual([...dates].sort());
    const firstOf = (kind: string) => bitale.steps.findIndex((s) => s.kind === kind);
    const process = [
      'referral',
      'meeting_discussion',
      'fact_finding_mission',
      'finding',
      'advocacy',
      'withdrawal_of_forces',
      'deployment',
      'mediation_session',
      'agreement',
      'compensation',
      'communication_to_population',
      'monitoring_visit',
    ];
    for (const kind of process) expect(firstOf(kind), kind).toBeGreaterThanOrEqual(0);
    expect(process.map(firstOf)).toEqual(process.map(firstOf).sort((a, b) => a - b));
    expect(firstOf('deployment_request')).toBeLessThan(firstOf('deployment'));
  });

  it('rests on the demo records it names, each found and read back', () => {
    const byKey = new Map(bitale.steps.map((s) => [`${s.taken_on} ${s.kind}`, s]));
    let refs = 0;
    for (const step of FILE.steps) {
      const loaded = byKey.get(`${step.taken_on} ${step.kind}`)!;
      expect(loaded, `${step.taken_on} ${step.kind}`).toBeDefined();
      const expected = (step.rests_on ?? []).map((r) => [r.layer, r.ref.replace(/^demo\//, '')]);
      expect(
        loaded.rests_on.map((r) => [r.layer, r.record?.source_id]),
        `${step.taken_on} ${step.kind}`,
      ).toEqual(expected);
      refs += expected.length;
    }
    expect(refs).toBeGreaterThan(20);
  });

  it('is dated as the illustrative timeline: each step on or after the records it rests on, and on the days the records change', async () => {
    for (const step of bitale.steps) {
      for (const ref of step.rests_on) {
        const started = (ref.record!.occurred_on ?? ref.record!.valid_from) as string;
        expect(started <= step.taken_on, `${step.kind} ${step.taken_on} rests on ${String(ref.record!.source_id)} of ${started}`).toBe(true);
      }
    }
    const on = (kind: string) => bitale.steps.filter((s) => s.kind === kind).map((s) => s.taken_on);
    expect(on('withdrawal_of_forces')).toEqual([await dayOf('security_presence', 'bitale-fardc-town', 'valid_to')]);
    expect(on('deployment')).toEqual([await dayOf('security_presence', 'bitale-pmh-site', 'valid_from')]);
    expect(on('agreement')).toEqual([await dayOf('claims', 'bitale-claim-inhabitants', 'valid_to')]);
    // The last monitoring visit is the day the Mining Police were last seen in place.
    expect(on('monitoring_visit').at(-1)).toBe(await dayOf('security_presence', 'bitale-pmh-town', 'observed_on'));
    expect(on('meeting_discussion').length).toBeGreaterThanOrEqual(2);
    expect(on('mediation_session').length).toBeGreaterThanOrEqual(2);
    // The referral comes after the court failed (April to June 2019) and the mission around the town presence's observation.
    expect(on('referral')[0]! >= '2019-06-01').toBe(true);
    const observed = await dayOf('security_presence', 'bitale-fardc-town', 'observed_on');
    const mission = on('fact_finding_mission')[0]!;
    expect(mission <= observed && observed <= on('finding')[0]!).toBe(true);
  });

  it('is found from the Bitale contested zone, by the claims of its claimants', async () => {
    const contested = await get<{ features: { properties: { claimants: { claim_id: number }[] } }[] }>('/api/analysis/contested?date=2019-06-15');
    expect(contested.features.length).toBeGreaterThan(0);
    for (const zone of contested.features) {
      const query = zone.properties.claimants.map((c) => `claim_id=${c.claim_id}`).join('&');
      const found = await get<CaseList>(`/api/cases?${query}`);
      expect(found.cases.map((c) => c.source_id)).toEqual(['bitale-case']);
    }
  });

  it('shows partners its shared summaries and no incident', async () => {
    const partner = (await get<CaseList>('/api/cases?profile=partner')).cases[0]!;
    const file = await get<CaseFile>(`/api/cases/${partner.id}?profile=partner`);
    expect(file.steps.every((s) => s.summary === undefined && typeof s.shared_summary === 'string')).toBe(true);
    expect(file.steps.flatMap((s) => s.rests_on.map((r) => r.layer))).not.toContain('incidents');
    expect(file.steps.flatMap((s) => s.rests_on.map((r) => r.layer))).toContain('presence');
  });

  it('has one follow-up still open, overdue long after the last monitoring visit', async () => {
    const open = bitale.steps.flatMap((s) => s.follow_ups!).filter((u) => u.done_on === null);
    expect(open.map((u) => u.due_on)).toEqual(['2020-12-15']);
    const overdue = await get<{ follow_ups: { case_id: number }[] }>('/api/cases/follow-ups?overdue=true&as_of=2021-01-01');
    expect(overdue.follow_ups.map((u) => u.case_id)).toEqual([bitale.id]);
    const notYet = await get<{ follow_ups: unknown[] }>('/api/cases/follow-ups?overdue=true&as_of=2020-12-15');
    expect(notYet.follow_ups).toEqual([]);
  });

  it('is loaded once: loading the demo again reports it unchanged and writes nothing', async () => {
    const before = Object.fromEntries(await Promise.all(CASE_TABLES.map(async (table) => [table, await countRows(t.db, table)])));
    // The case file's own import, as the demo's loader runs it (tests/demo/load-demo.test.ts loads the whole demo twice).
    const again = await importCaseFile(t.db, readFileSync(join(DATA_DIR, 'demo/bitale-case.json'), 'utf8'), 'demo/bitale-case.json');
    expect(again).toMatchObject({ file: 'demo/bitale-case.json', inserted: 0, unchanged: 1, rejected: [] });
    const after = Object.fromEntries(await Promise.all(CASE_TABLES.map(async (table) => [table, await countRows(t.db, table)])));
    expect(after).toEqual(before);
  });
});
