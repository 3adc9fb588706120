import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFileSchema, caseListSchema, followUpListSchema, type CaseFile, type CaseList, type FollowUpList } from '../../server/cases/case-schema.js';
import { today } from '../../server/http/today.js';
import { countRows } from '../support/test-app.js';
import { loadDemoData } from '../../server/demo/load-demo.js';
import { openAuthFixture, type AuthFixture } from '../auth/auth-fixture.js';

/**
 * Dispute case files through the API (issue 15): who may read and write them, what partners and
 * the public see (only shareable cases, through their profile, and on no other path), refusals
 * that write nothing, overdue follow-ups against a day we control, and the places filters.
 */
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
const validators = new Map<object, ValidateFunction>();
function problems(schema: object, body: unknown): string[] {
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = ajv.compile(schema)));
  return validate(body) ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

const CASE_TABLES = ['cases', 'case_places', 'case_parties', 'case_steps', 'case_step_records', 'case_follow_ups', 'audit_log'] as const;
const SECRET_NOTE = 'internal note: the mediator suspects the chief';
const SECRET_SUMMARY = 'Witness X told the mission about the detention';
const SECRET_ACTOR = 'Jean-Baptiste M. (mission lead)';
const SECRET_OWNER = 'Aline K.';
const SECRET_PARTY = 'Chef de groupement Y';
const SECRET_TITLE = 'Numbi: confidential dispute over the pit of the D cooperative';

let f: AuthFixture;
const ids: Record<string, number> = {};

async function idBySource(table: string, source: string, sourceId: string): Promise<number> {
  const [row] = await f.db.query<{ id: number }>(`SELECT id::float8 AS id FROM ${table} WHERE source = $1 AND source_id = $2`, [source, sourceId]);
  expect(row, `${table} ${source}/${sourceId}`).toBeDefined();
  return row!.id;
}

async function counts(): Promise<Record<(typeof CASE_TABLES)[number], number>> {
  const out = {} as Record<(typeof CASE_TABLES)[number], number>;
  for (const table of CASE_TABLES) out[table] = await countRows(f.db, table);
  return out;
}

const call = (who: Parameters<AuthFixture['as']>[0], method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  f.app.inject({ method, url, headers: f.as(who), ...(payload ? { payload } : {}) });

/** A case the working group keeps to itself, resting on an incident, a presence record and a claim. */
function secretCase() {
  return {
    title: SECRET_TITLE,
    opened_on: '2019-05-02',
    status: 'fact_finding',
    notes: SECRET_NOTE,
    places: [
      { kind: 'claim', record_id: ids.numbiClaim },
      { kind: 'town', name: 'Numbi centre', coordinates: [28.89, -1.78] },
    ],
    parties: [
      { kind: 'cooperative', cooperative_id: ids.coopD },
      { kind: 'authority', name: SECRET_PARTY },
    ],
    steps: [
      {
        taken_on: '2019-05-10',
        kind: 'fact_finding_mission',
        summary: SECRET_SUMMARY,
        shared_summary: 'A mission visits Numbi.',
        actor_kind: 'working_group',
        acted_by: SECRET_ACTOR,
        rests_on: [
          { layer: 'incidents', id: ids.torture },
          { layer: 'presence', id: ids.fardcTown },
          { layer: 'claims', id: ids.numbiClaim },
        ],
        follow_ups: [
          { action: 'Write the mission report', owner: SECRET_OWNER, due_on: '2030-01-10' },
          { action: 'Call the cooperative', owner: SECRET_OWNER, due_on: '2019-05-20', done_on: '2019-05-18' },
        ],
      },
      { taken_on: '2019-05-02', kind: 'referral', summary: 'Referred by the D cooperative.', actor_kind: 'cooperative', acted_by: 'D cooperative' },
    ],
  };
}

let secretId: number;
let bitaleId: number;

beforeAll(async () => {
  f = await openAuthFixture();
  // The fixture's accounts come first, so the demo is loaded rather than copied (tests/support/demo-seed.ts).
  await loadDemoData(f.db);
  ids.numbiClaim = await idBySource('claims', 'demo', 'numbi-claim-coop-d');
  ids.coopAClaim = await idBySource('claims', 'demo', 'bitale-claim-coop-a');
  ids.zea005Claim = await idBySource('claims', 'demo', 'zea005-claim-coop-c');
  ids.zea798 = await idBySource('zones', 'demo', 'zea-798');
  ids.kainga = await idBySource('sites', 'ipis', 'codmine03107');
  ids.coopD = await idBySource('cooperatives', 'demo', 'coop-d');
  ids.torture = await idBySource('incidents', 'demo', 'bitale-inc-2019-05-06-torture');
  ids.fardcTown = await idBySource('security_presence', 'demo', 'bitale-fardc-town');
  bitaleId = await idBySource('cases', 'demo', 'bitale-case');
  const created = await call('editor', 'POST', '/api/cases', secretCase());
  expect(created.statusCode, created.body).toBe(201);
  secretId = (created.json() as CaseFile).id;
}, 120_000);
afterAll(() => f?.close());

describe('editors write, viewers read, partners neither write nor see what is not shared', () => {
  it('creates a case for an editor: 201, Location, the internal view with steps in date order and the records resolved', async () => {
    const res = await call('editor', 'GET', `/api/cases/${secretId}`);
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json() as CaseFile;
    expect(problems(caseFileSchema, file)).toEqual([]);
    expect(file).toMatchObject({
      title: SECRET_TITLE,
      status: 'fact_finding',
      shareable: false,
      notes: SECRET_NOTE,
      step_count: 2,
      last_step_on: '2019-05-10',
    });
    expect(file.steps.map((s) => s.kind)).toEqual(['referral', 'fact_finding_mission']);
    const mission = file.steps[1]!;
    expect(mission.acted_by).toBe(SECRET_ACTOR);
    expect(mission.rests_on.map((r) => [r.layer, r.id])).toEqual([
      ['incidents', ids.torture],
      ['presence', ids.fardcTown],
      ['claims', ids.numbiClaim],
    ]);
    expect(mission.rests_on[0]!.record).toMatchObject({ category: 'torture', source_id: 'bitale-inc-2019-05-06-torture' });
    expect(mission.follow_ups!.map((u) => u.owner)).toEqual([SECRET_OWNER, SECRET_OWNER]);
    expect(file.places).toEqual([
      { kind: 'claim', record_id: ids.numbiClaim, name: null, coordinates: null },
      { kind: 'town', record_id: null, name: 'Numbi centre', coordinates: [28.89, -1.78] },
    ]);
    expect(file.parties[0]).toEqual({ kind: 'cooperative', cooperative_id: ids.coopD, name: 'Coopérative minière D (illustrative)' });
  });

  it('refuses writes to viewers and partners (403) and to anonymous callers (401), and writes nothing', async () => {
    const before = await counts();
    for (const who of ['viewer', 'partner', 'anonymous'] as const) {
      const expected = who === 'anonymous' ? 401 : 403;
      expect((await call(who, 'POST', '/api/cases', secretCase())).statusCode, who).toBe(expected);
      expect((await call(who, 'PATCH', `/api/cases/${secretId}`, { status: 'closed' })).statusCode, who).toBe(expected);
      expect((await call(who, 'POST', `/api/cases/${secretId}/steps`, { taken_on: '2019-06-01', kind: 'finding', summary: 'x' })).statusCode, who).toBe(
        expected,
      );
      expect((await call(who, 'DELETE', `/api/cases/${secretId}`)).statusCode, who).toBe(expected);
    }
    expect(await counts()).toEqual(before);
  });

  it('changes a case for an editor and an admin, and keeps each change in the audit log, before and after', async () => {
    const patched = await call('editor', 'PATCH', `/api/cases/${secretId}`, { status: 'mediation' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((patched.json() as CaseFile).status).toBe('mediation');
    const byAdmin = await call('admin', 'PATCH', `/api/cases/${secretId}`, { status: 'fact_finding' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    const audit = await call('admin', 'GET', `/api/audit?layer=cases&record_id=${secretId}`);
    expect(audit.statusCode, audit.body).toBe(200);
    const entries = (audit.json() as { entries: { actor: string; action: string; before: CaseFile | null; after: CaseFile | null }[] }).entries;
    expect(entries.map((e) => [e.actor, e.action, e.before?.status ?? null, e.after?.status])).toEqual([
      ['admin (token #4)', 'update', 'mediation', 'fact_finding'],
      ['editor (token #2)', 'update', 'fact_finding', 'mediation'],
      ['editor (token #2)', 'create', null, 'fact_finding'],
    ]);
  });

  it('lets a viewer read through the working-group profile: no internal notes, but who acted, the follow-ups and every record', async () => {
    const res = await call('viewer', 'GET', `/api/cases/${secretId}`);
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json() as CaseFile;
    expect(problems(caseFileSchema, file)).toEqual([]);
    expect(file).not.toHaveProperty('notes');
    expect(file).not.toHaveProperty('source_id');
    expect(file.shareable).toBe(false);
    const mission = file.steps.find((s) => s.kind === 'fact_finding_mission')!;
    expect(mission.acted_by).toBe(SECRET_ACTOR);
    expect(mission.summary).toBe(SECRET_SUMMARY);
    expect(mission.follow_ups).toHaveLength(2);
    expect(mission.rests_on.map((r) => r.layer)).toEqual(['incidents', 'presence', 'claims']);
    // The incident as the working-group profile sees it: no notes, description, sources or perpetrator's name.
    expect(Object.keys(mission.rests_on[0]!.record!)).not.toContain('description');
    expect(Object.keys(mission.rests_on[0]!.record!)).not.toContain('source_id');
    expect(res.body).not.toContain(SECRET_NOTE);
  });

  it('lists the follow-ups for the working group only', async () => {
    expect((await call('viewer', 'GET', '/api/cases/follow-ups')).statusCode).toBe(200);
    expect((await call('partner', 'GET', '/api/cases/follow-ups')).statusCode).toBe(403);
  });
});

describe('partners and the public: nothing that is not shareable, on any path', () => {
  const secrets = [SECRET_TITLE, SECRET_NOTE, SECRET_SUMMARY, SECRET_ACTOR, SECRET_OWNER, SECRET_PARTY];
  const leaks = (body: string) => secrets.filter((s) => body.includes(s));

  it('lists only shareable cases, for the partner profile and the public one', async () => {
    for (const profile of ['', '?profile=public', '?profile=partner']) {
      const res = await call('partner', 'GET', `/api/cases${profile}`);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json() as CaseList;
      expect(problems(caseListSchema, list)).toEqual([]);
      expect(list.cases.map((c) => c.title)).toEqual([expect.stringMatching(/^Bitale/)]);
      expect(list.numberMatched).toBe(1);
      expect(leaks(res.body), profile).toEqual([]);
    }
    // An editor asking as a partner sees what a partner sees.
    const asPartner = (await call('editor', 'GET', '/api/cases?profile=partner')).json() as CaseList;
    expect(asPartner.cases).toHaveLength(1);
    // The working group sees both.
    expect(((await call('viewer', 'GET', '/api/cases')).json() as CaseList).numberMatched).toBe(2);
  });

  it('finds no unshared case by its database id nor by the opaque id it would have', async () => {
    const [opaque] = await f.db.query<{ id: number }>(
      `SELECT (('x' || substr(md5(ss.secret || ':case:' || $1::text), 1, 13))::bit(52)::bigint)::float8 AS id FROM sharing_secret ss`,
      [secretId],
    );
    for (const id of [secretId, opaque!.id, bitaleId]) {
      for (const profile of ['', '?profile=public']) {
        const res = await call('partner', 'GET', `/api/cases/${id}${profile}`);
        expect(res.statusCode, `${id}${profile}`).toBe(404);
        expect(leaks(res.body)).toEqual([]);
      }
    }
    // Filters cannot reach it either.
    for (const query of [`claim_id=${ids.numbiClaim}`, 'bbox=28.8,-1.9,29,-1.7', 'status=fact_finding']) {
      const res = await call('partner', 'GET', `/api/cases?${query}`);
      expect((res.json() as CaseList).cases, query).toEqual([]);
    }
    // Follow-ups are not theirs to filter on.
    const overdue = await call('partner', 'GET', '/api/cases?overdue=true');
    expect(overdue.statusCode).toBe(403);
    expect(overdue.json().message).toMatch(/follow-ups are the working group's/);
  });

  it('leaves cases out of the exports, the OGC API and the tiles', async () => {
    const exported = await call('partner', 'GET', '/api/export?layers=cases');
    expect(exported.statusCode).toBe(400);
    const all = await call('partner', 'GET', '/api/export?layers=claims,incidents,presence,zones,cooperatives,sites&format=geojson');
    expect(all.statusCode).toBe(200);
    expect(leaks(all.body)).toEqual([]);
    expect(all.body).not.toMatch(/fact_finding|case_id|shared_summary/);
    const collections = await call('partner', 'GET', '/ogc/collections?profile=partner');
    expect(collections.statusCode).toBe(200);
    expect((collections.json() as { collections: { id: string }[] }).collections.map((c) => c.id)).not.toContain('cases');
    expect((await call('partner', 'GET', '/ogc/collections/cases')).statusCode).toBe(404);
    expect((await call('partner', 'GET', '/ogc/collections/cases/items')).statusCode).toBe(404);
    const tile = await call('partner', 'GET', '/tiles/cases/3/4/4.mvt');
    expect(tile.statusCode).toBeGreaterThanOrEqual(400);
    expect(tile.statusCode).toBeLessThan(500);
    expect((await call('partner', 'GET', '/api/layers')).body).not.toContain('cases');
  });

  it('shows a shared case through the profile: no notes, summaries, names of who acted, follow-ups, nor incidents', async () => {
    expect((await call('editor', 'PATCH', `/api/cases/${secretId}`, { shareable: true })).statusCode).toBe(200);
    try {
      for (const profile of ['partner', 'public']) {
        const list = (await call('partner', 'GET', `/api/cases?profile=${profile}&claim_id=${ids.numbiClaim}`)).json() as CaseList;
        expect(list.cases.map((c) => c.title)).toEqual([SECRET_TITLE]);
        const shared = list.cases[0]!;
        expect(shared.id).not.toBe(secretId);
        expect(shared).not.toHaveProperty('shareable');
        expect(shared).not.toHaveProperty('overdue_follow_ups');
        const res = await call('partner', 'GET', `/api/cases/${shared.id}?profile=${profile}`);
        expect(res.statusCode, res.body).toBe(200);
        const file = res.json() as CaseFile;
        expect(problems(caseFileSchema, file)).toEqual([]);
        expect(leaks(res.body).filter((s) => s !== SECRET_TITLE)).toEqual([]);
        expect(file).not.toHaveProperty('notes');
        expect(file.parties).toEqual([
          { kind: 'cooperative', cooperative_id: ids.coopD, name: 'Coopérative minière D (illustrative)' },
          { kind: 'authority', cooperative_id: null },
        ]);
        const mission = file.steps.find((s) => s.kind === 'fact_finding_mission')!;
        expect(Object.keys(mission).sort()).toEqual(['actor_kind', 'kind', 'rests_on', 'shared_summary', 'taken_on']);
        expect(mission.shared_summary).toBe('A mission visits Numbi.');
        expect(mission.rests_on.map((r) => r.layer)).toEqual(['presence', 'claims']);
        // The presence record as the profile sees it: never the actor's name.
        expect(mission.rests_on[0]!.record).not.toHaveProperty('actor_name');
        expect(mission.rests_on[0]!.record).toHaveProperty('actor_type', 'fardc');
      }
      // A partner's reads are disclosures: in the export log.
      const [logged] = await f.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM export_log WHERE 'cases' = ANY (layers) AND via = 'layer-api'`);
      expect(logged!.n).toBeGreaterThan(0);
    } finally {
      expect((await call('editor', 'PATCH', `/api/cases/${secretId}`, { shareable: false })).statusCode).toBe(200);
    }
    expect(((await call('partner', 'GET', '/api/cases')).json() as CaseList).cases).toHaveLength(1);
  });
});

describe('bad input: a 4xx in words, and nothing written', () => {
  // Bodies are built when the test runs: the record ids are only known after beforeAll.
  const refusals: Array<[string, 'POST' | 'PATCH', () => string, () => object, RegExp]> = [
    [
      'an unknown step kind',
      'POST',
      () => '/api/cases',
      () => ({ ...secretCase(), steps: [{ taken_on: '2019-05-10', kind: 'tea', summary: 'x' }] }),
      /kind must be one of: referral/,
    ],
    ['an unknown status', 'PATCH', () => `/api/cases/${secretId}`, () => ({ status: 'lost' }), /status must be one of/],
    ['an impossible date', 'POST', () => '/api/cases', () => ({ ...secretCase(), opened_on: '2019-02-30' }), /opened_on must match format "date"/],
    ['an unknown member', 'POST', () => '/api/cases', () => ({ ...secretCase(), secret: 1 }), /unknown property 'secret'/],
    [
      'a town without a name',
      'POST',
      () => '/api/cases',
      () => ({ ...secretCase(), places: [{ kind: 'town', coordinates: [28.9, -1.8] }] }),
      /places\/0: a town needs its name/,
    ],
    [
      'a claim without its record',
      'POST',
      () => '/api/cases',
      () => ({ ...secretCase(), places: [{ kind: 'claim', name: 'x' }] }),
      /places\/0: a claim needs record_id/,
    ],
    [
      'a party of no kind',
      'POST',
      () => '/api/cases',
      () => ({ ...secretCase(), parties: [{ kind: 'authority' }] }),
      /parties\/0: a party of kind authority needs its name/,
    ],
    // The case and its first step are written before the second step's record turns out not to exist: all of it must go.
    [
      'a record that does not exist, in the last step',
      'POST',
      () => '/api/cases',
      () => ({
        ...secretCase(),
        steps: [...secretCase().steps, { taken_on: '2019-06-01', kind: 'finding', summary: 'x', rests_on: [{ layer: 'incidents', id: 999999 }] }],
      }),
      /refers to a record that does not exist.*incident/,
    ],
    [
      'a place that does not exist',
      'PATCH',
      () => `/api/cases/${secretId}`,
      () => ({ places: [{ kind: 'zone', record_id: 999999 }] }),
      /refers to a record that does not exist/,
    ],
    ['nothing to change', 'PATCH', () => `/api/cases/${secretId}`, () => ({}), /must NOT have fewer than 1 properties/],
    [
      'a follow-up done before its step',
      'POST',
      () => `/api/cases/${secretId}/steps`,
      () => ({ taken_on: '2019-06-01', kind: 'finding', summary: 'x', follow_ups: [{ action: 'a', owner: 'b', due_on: '2019-06-10', done_on: '2019-05-01' }] }),
      /done_on \(2019-05-01\) is before the step/,
    ],
  ];

  it.each(refusals)('refuses %s', async (_what, method, url, payload, message) => {
    const before = await counts();
    const res = await call('editor', method, url(), payload());
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for a case, step or follow-up that is not there, and writes nothing', async () => {
    const before = await counts();
    expect((await call('editor', 'PATCH', '/api/cases/999999', { status: 'closed' })).statusCode).toBe(404);
    expect((await call('editor', 'POST', '/api/cases/999999/steps', { taken_on: '2019-06-01', kind: 'finding', summary: 'x' })).statusCode).toBe(404);
    const [otherStep] = await f.db.query<{ id: number }>(`SELECT id::float8 AS id FROM case_steps WHERE case_id = $1::bigint LIMIT 1`, [bitaleId]);
    // A step of another case is not this case's step.
    const res = await call('editor', 'PATCH', `/api/cases/${secretId}/steps/${otherStep!.id}`, { summary: 'changed' });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(new RegExp(`case ${secretId} has no step`));
    expect((await call('editor', 'DELETE', `/api/cases/${secretId}/follow-ups/999999`)).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe('steps and follow-ups', () => {
  it('adds a step out of date order and answers the steps in date order; changes and deletes steps and follow-ups', async () => {
    const added = await call('editor', 'POST', `/api/cases/${secretId}/steps`, {
      taken_on: '2019-05-05',
      kind: 'meeting_discussion',
      summary: 'Monthly meeting.',
      rests_on: [{ layer: 'claims', id: ids.numbiClaim }],
      follow_ups: [{ action: 'Send the minutes', owner: SECRET_OWNER, due_on: '2019-05-12' }],
    });
    expect(added.statusCode, added.body).toBe(201);
    let file = added.json() as CaseFile;
    expect(file.steps.map((s) => s.taken_on)).toEqual(['2019-05-02', '2019-05-05', '2019-05-10']);
    const meeting = file.steps[1]!;

    const moved = await call('editor', 'PATCH', `/api/cases/${secretId}/steps/${meeting.id}`, { taken_on: '2019-05-12', rests_on: [] });
    expect(moved.statusCode, moved.body).toBe(200);
    file = moved.json() as CaseFile;
    expect(file.steps.map((s) => s.kind)).toEqual(['referral', 'fact_finding_mission', 'meeting_discussion']);
    expect(file.steps[2]!.rests_on).toEqual([]);

    const followUp = file.steps[2]!.follow_ups![0]!;
    const done = await call('editor', 'PATCH', `/api/cases/${secretId}/follow-ups/${followUp.id}`, { done_on: '2019-05-13' });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as CaseFile).steps[2]!.follow_ups![0]!.done_on).toBe('2019-05-13');

    const more = await call('editor', 'POST', `/api/cases/${secretId}/steps/${meeting.id}/follow-ups`, {
      action: 'Book the hall',
      owner: 'Secretariat',
      due_on: '2019-06-01',
    });
    expect(more.statusCode, more.body).toBe(201);
    expect((more.json() as CaseFile).steps[2]!.follow_ups).toHaveLength(2);

    const gone = await call('editor', 'DELETE', `/api/cases/${secretId}/steps/${meeting.id}`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect((gone.json() as CaseFile).steps.map((s) => s.kind)).toEqual(['referral', 'fact_finding_mission']);
    expect(await countRows(f.db, 'case_follow_ups')).toBe((await f.db.query(`SELECT 1 FROM case_follow_ups f JOIN case_steps s ON s.id = f.step_id`)).length);
  });
});

describe('overdue follow-ups, judged on a day we control', () => {
  // The secret case has "Write the mission report", due 2030-01-10 and not done.
  const overdueOn = async (query: string) => {
    const res = await call('viewer', 'GET', `/api/cases/follow-ups?overdue=true${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as FollowUpList;
    expect(problems(followUpListSchema, list)).toEqual([]);
    return list;
  };

  it('lists a follow-up as overdue from the day after it was due, not on the day', async () => {
    expect((await overdueOn('&as_of=2030-01-10')).follow_ups.map((u) => u.action)).not.toContain('Write the mission report');
    const after = await overdueOn('&as_of=2030-01-11');
    const report = after.follow_ups.find((u) => u.action === 'Write the mission report')!;
    expect(report).toMatchObject({ case_id: secretId, case_title: SECRET_TITLE, step_kind: 'fact_finding_mission', overdue: true, done_on: null });
    expect(after.as_of).toBe('2030-01-11');
    // Done follow-ups are never overdue.
    expect(after.follow_ups.every((u) => u.done_on === null && u.due_on < '2030-01-11')).toBe(true);
  });

  // Faking the clock would move the embedded database's clock too (and its rate-limit windows
  // with it), so "today" is checked against the real one: due yesterday is overdue, due today not yet.
  it('takes today in South Kivu when no day is given', async () => {
    const day = today();
    const yesterday = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const [step] = await f.db.query<{ id: number }>(`SELECT id::float8 AS id FROM case_steps WHERE case_id = $1::bigint AND kind = 'referral'`, [secretId]);
    for (const [action, due_on] of [
      ['Due yesterday', yesterday],
      ['Due today', day],
    ]) {
      const res = await call('editor', 'POST', `/api/cases/${secretId}/steps/${step!.id}/follow-ups`, { action, owner: SECRET_OWNER, due_on });
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = await overdueOn('');
    expect(list.as_of).toBe(day);
    const actions = list.follow_ups.map((u) => u.action);
    expect(actions).toContain('Due yesterday');
    expect(actions).not.toContain('Due today');
    const cases = (await call('viewer', 'GET', '/api/cases?overdue=true')).json() as CaseList;
    expect(cases.cases.find((c) => c.title === SECRET_TITLE)?.overdue_follow_ups).toBe(1);
  });

  it('lists the cases with an overdue follow-up', async () => {
    const before = (await call('viewer', 'GET', '/api/cases?overdue=true&as_of=2019-05-19')).json() as CaseList;
    expect(before.cases.map((c) => c.title)).not.toContain(SECRET_TITLE);
    const later = (await call('viewer', 'GET', '/api/cases?overdue=true&as_of=2030-02-01')).json() as CaseList;
    expect(later.cases.map((c) => c.title)).toContain(SECRET_TITLE);
  });
});

describe('finding cases by place', () => {
  const titles = async (query: string) => {
    const res = await call('viewer', 'GET', `/api/cases?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as CaseList).cases.map((c) => c.title);
  };

  it('by claim, zone (or a claim in it), site and bbox; not by a place the case does not name', async () => {
    expect(await titles(`claim_id=${ids.coopAClaim}`)).toEqual([expect.stringMatching(/^Bitale/)]);
    expect(await titles(`claim_id=${ids.zea005Claim}`)).toEqual([]);
    expect(await titles(`claim_id=${ids.zea005Claim}&claim_id=${ids.numbiClaim}`)).toEqual([SECRET_TITLE]);
    expect(await titles(`zone_id=${ids.zea798}`)).toEqual([expect.stringMatching(/^Bitale/)]);
    expect(await titles(`site_id=${ids.kainga}`)).toEqual([expect.stringMatching(/^Bitale/)]);
    expect(await titles('bbox=28.6,-2.25,28.7,-2.15')).toEqual([expect.stringMatching(/^Bitale/)]);
    expect(await titles('bbox=28.88,-1.79,28.9,-1.77')).toEqual([SECRET_TITLE]);
    expect(await titles('bbox=20,-10,21,-9')).toEqual([]);
    expect(await titles('status=monitoring&status=closed')).toEqual([expect.stringMatching(/^Bitale/)]);
  });

  it('refuses a malformed bbox or id in words', async () => {
    const res = await call('viewer', 'GET', '/api/cases?bbox=29,-1,28,-2');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/min ≤ max/);
    expect((await call('viewer', 'GET', '/api/cases?claim_id=abc')).statusCode).toBe(400);
  });
});

describe('deleting a case', () => {
  it('takes its places, parties, steps, records and follow-ups with it, and the audit log keeps it', async () => {
    const before = await counts();
    const res = await call('admin', 'DELETE', `/api/cases/${secretId}`);
    expect(res.statusCode, res.body).toBe(204);
    const after = await counts();
    expect(after.cases).toBe(before.cases - 1);
    expect(after.case_steps).toBeLessThan(before.case_steps);
    expect(after.audit_log).toBe(before.audit_log + 1);
    const [orphans] = await f.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM case_places WHERE case_id = $1::bigint`, [secretId]);
    expect(orphans!.n).toBe(0);
    expect((await call('viewer', 'GET', `/api/cases/${secretId}`)).statusCode).toBe(404);
    const [entry] = await f.db.query<{ action: string; before: CaseFile }>(
      `SELECT action, before FROM audit_log WHERE layer = 'cases' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ action: 'delete', before: { title: SECRET_TITLE } });
  });
});

describe('the OpenAPI document', () => {
  it('describes every case route with its answer and the error shape', async () => {
    const doc = (await call('viewer', 'GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    };
    const paths = Object.keys(doc.paths).filter((path) => path.startsWith('/api/cases'));
    expect(paths.sort()).toEqual([
      '/api/cases',
      '/api/cases/follow-ups',
      '/api/cases/{id}',
      '/api/cases/{id}/follow-ups/{followUpId}',
      '/api/cases/{id}/steps',
      '/api/cases/{id}/steps/{stepId}',
      '/api/cases/{id}/steps/{stepId}/follow-ups',
    ]);
    for (const path of paths) {
      for (const [method, operation] of Object.entries(doc.paths[path]!)) {
        const codes = Object.keys(operation.responses ?? {});
        expect(codes, `${method} ${path}`).toEqual(expect.arrayContaining(['4XX', '5XX']));
        const success = codes.find((c) => c.startsWith('2'))!;
        expect(success, `${method} ${path}`).toBeDefined();
        if (success !== '204') expect(operation.responses![success]!.content, `${method} ${path} ${success}`).toBeDefined();
      }
    }
  });
});
