import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../server/cases/case-schema.js';
import { evidenceLayersFor, publishCaseFile, seesFollowUps, seesOnlyShareable } from '../../server/cases/case-sharing.js';
import { PROFILES } from '../../server/sharing/profiles.js';

/** The allowlists of case-sharing.ts on one internal case file: what each profile keeps. */
const internal = {
  id: 7,
  title: 'T',
  status: 'mediation',
  opened_on: '2019-06-20',
  shareable: true,
  illustrative: false,
  source: 'manual',
  source_id: 'k-1',
  notes: 'internal notes',
  places: [{ kind: 'town', record_id: null, name: 'Bitale', coordinates: [28.6, -2.2] }],
  parties: [
    { kind: 'cooperative', cooperative_id: 3, name: 'Coop A' },
    { kind: 'authority', cooperative_id: null, name: 'Colonel Z' },
  ],
  step_count: 1,
  last_step_on: '2019-07-01',
  overdue_follow_ups: 1,
  created_at: '2019-06-20T10:00:00Z',
  updated_at: '2019-06-20T10:00:00Z',
  // A member added to the internal view later, and not yet decided for the other profiles.
  undecided: 'must not leave',
  steps: [
    {
      id: 11,
      taken_on: '2019-07-01',
      kind: 'finding',
      summary: 'Witness W said…',
      shared_summary: 'Findings shared.',
      actor_kind: 'working_group',
      acted_by: 'Person P',
      undecided: 'must not leave',
      rests_on: [
        { layer: 'incidents', id: 5, record: null },
        { layer: 'presence', id: 6, record: null },
        { layer: 'claims', id: 8, record: null },
      ],
      follow_ups: [{ id: 1, case_id: 7, step_id: 11, action: 'a', owner: 'Person Q', due_on: '2019-08-01', done_on: null, overdue: true }],
    },
  ],
} as unknown as CaseFile;

describe('what each profile sees of a case file', () => {
  it('keeps everything for internal callers, but never a member nobody has decided on', () => {
    const out = publishCaseFile(internal, 'internal');
    expect(out.notes).toBe('internal notes');
    expect(out.steps[0]!.follow_ups).toHaveLength(1);
    for (const profile of PROFILES) {
      expect(JSON.stringify(publishCaseFile(internal, profile)), profile).not.toContain('must not leave');
    }
  });

  it('keeps names of who acted and follow-ups for the working group, not the notes', () => {
    const out = publishCaseFile(internal, 'working-group');
    expect(out).not.toHaveProperty('notes');
    expect(out).not.toHaveProperty('source_id');
    expect(out.steps[0]!.acted_by).toBe('Person P');
    expect(out.steps[0]!.rests_on.map((r) => r.layer)).toEqual(['incidents', 'presence', 'claims']);
  });

  it.each(['partner', 'public'] as const)('gives %s no notes, summaries, names of people, follow-ups or incidents', (profile) => {
    const out = publishCaseFile(internal, profile);
    const text = JSON.stringify(out);
    for (const secret of ['internal notes', 'Witness W', 'Person P', 'Person Q', 'Colonel Z', 'k-1']) expect(text).not.toContain(secret);
    expect(out.parties).toEqual([
      { kind: 'cooperative', cooperative_id: 3, name: 'Coop A' },
      { kind: 'authority', cooperative_id: null },
    ]);
    expect(out.steps[0]).toEqual({
      taken_on: '2019-07-01',
      kind: 'finding',
      shared_summary: 'Findings shared.',
      actor_kind: 'working_group',
      rests_on: out.steps[0]!.rests_on,
    });
    expect(out.steps[0]!.rests_on.map((r) => r.layer)).toEqual(['presence', 'claims']);
    expect(seesOnlyShareable(profile)).toBe(true);
    expect(seesFollowUps(profile)).toBe(false);
    expect(evidenceLayersFor(profile)).not.toContain('incidents');
  });
});
