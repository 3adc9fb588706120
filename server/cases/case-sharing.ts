import type { Profile } from '../sharing/profiles.js';
import type { CaseFile, CaseStep, CaseSummary, Party } from './case-schema.js';
import type { EvidenceLayer } from './case-vocabulary.js';

/**
 * What each sharing profile sees of a case file (issue 15; README, "Case files"). Allowlists,
 * like server/sharing/profiles.ts for the layers: a member not listed stays internal.
 *
 * - Partners and the public see **only cases marked `shareable`**, under opaque ids
 *   (case-sql.ts publishedCaseIdSql), so the gaps between ids do not count the cases kept back.
 * - They never get the internal notes, a step's own `summary` (only its `shared_summary`,
 *   written to be shared), the names of who acted (only `actor_kind`), the names of parties
 *   other than cooperatives (a cooperative's name is in their profile of that layer anyway),
 *   nor follow-ups (owners are people).
 * - A step's records reach them only for claims and presence, as their profile of those layers
 *   sees them; never incidents: partners see incidents under opaque ids and coarsened dates,
 *   and a dated step naming one would undo both.
 * - The working group sees everything but the internal notes, the source key and timestamps.
 */
const CASE_MEMBERS: Record<Profile, readonly (keyof CaseSummary)[]> = {
  internal: [
    'id',
    'title',
    'status',
    'opened_on',
    'shareable',
    'illustrative',
    'source',
    'source_id',
    'notes',
    'places',
    'parties',
    'step_count',
    'last_step_on',
    'overdue_follow_ups',
    'created_at',
    'updated_at',
  ],
  'working-group': [
    'id',
    'title',
    'status',
    'opened_on',
    'shareable',
    'illustrative',
    'source',
    'places',
    'parties',
    'step_count',
    'last_step_on',
    'overdue_follow_ups',
  ],
  partner: ['id', 'title', 'status', 'opened_on', 'illustrative', 'source', 'places', 'parties', 'step_count', 'last_step_on'],
  public: ['id', 'title', 'status', 'opened_on', 'illustrative', 'source', 'places', 'parties', 'step_count', 'last_step_on'],
};

const STEP_MEMBERS: Record<Profile, readonly (keyof CaseStep)[]> = {
  internal: ['id', 'taken_on', 'kind', 'summary', 'shared_summary', 'actor_kind', 'acted_by', 'rests_on', 'follow_ups'],
  'working-group': ['id', 'taken_on', 'kind', 'summary', 'shared_summary', 'actor_kind', 'acted_by', 'rests_on', 'follow_ups'],
  partner: ['taken_on', 'kind', 'shared_summary', 'actor_kind', 'rests_on'],
  public: ['taken_on', 'kind', 'shared_summary', 'actor_kind', 'rests_on'],
};

const EVIDENCE: Record<Profile, readonly EvidenceLayer[]> = {
  internal: ['incidents', 'presence', 'claims'],
  'working-group': ['incidents', 'presence', 'claims'],
  partner: ['claims', 'presence'],
  public: ['claims', 'presence'],
};

/** Partners and the public: only shareable cases, under opaque ids. */
export function seesOnlyShareable(profile: Profile): boolean {
  return profile === 'partner' || profile === 'public';
}

/** Follow-ups (and the overdue filter) are the working group's: internal and working-group profiles only. */
export function seesFollowUps(profile: Profile): boolean {
  return STEP_MEMBERS[profile].includes('follow_ups');
}

/** The layers whose records a step may name to this profile. */
export function evidenceLayersFor(profile: Profile): readonly EvidenceLayer[] {
  return EVIDENCE[profile];
}

function pick<T extends object>(value: T, members: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const member of members) if (member in value) out[member] = value[member];
  return out;
}

function publishParty(party: Party, profile: Profile): Party {
  if (!seesOnlyShareable(profile) || party.kind === 'cooperative') return party;
  return { kind: party.kind, cooperative_id: null };
}

/** A case without its steps, as the profile sees it. */
export function publishCaseSummary<T extends CaseSummary>(file: T, profile: Profile): CaseSummary {
  const out = pick<CaseSummary>(file, CASE_MEMBERS[profile]) as CaseSummary;
  out.parties = file.parties.map((p) => publishParty(p, profile));
  return out;
}

/** One step as the profile sees it: its members, and only the records of the layers it may see named. */
export function publishStep(step: CaseStep, profile: Profile): CaseStep {
  const out = pick(step, STEP_MEMBERS[profile]) as CaseStep;
  out.rests_on = step.rests_on.filter((ref) => EVIDENCE[profile].includes(ref.layer));
  return out;
}

/** A case with its steps, as the profile sees it. */
export function publishCaseFile(file: CaseFile, profile: Profile): CaseFile {
  return { ...publishCaseSummary(file, profile), steps: file.steps.map((s) => publishStep(s, profile)) };
}
