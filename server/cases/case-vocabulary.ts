/**
 * The vocabularies of dispute case files (issue 15), in the order of the working group's
 * process (docs/working-group.md, "Case files"). migrations/012.do.cases.sql holds the same
 * lists as CHECK constraints; tests/cases/case-vocabulary.test.ts proves the two agree. No
 * Node here: the pages import these.
 */
export const CASE_STATUSES = ['referred', 'under_review', 'fact_finding', 'mediation', 'agreement', 'monitoring', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STEP_KINDS = [
  'referral',
  'meeting_discussion',
  'fact_finding_mission',
  'finding',
  // a letter to an authority, or advocacy with it (informing the army command, asking for a withdrawal)
  'advocacy',
  'withdrawal_of_forces',
  'deployment_request',
  'deployment',
  'mediation_session',
  'agreement',
  'compensation',
  'communication_to_population',
  'monitoring_visit',
  // the dispute flares up again: a case in monitoring or closed goes back to work
  'relapse',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** The places a case concerns: records of a layer, or a town named in words (with a point if known). */
export const PLACE_KINDS = ['claim', 'zone', 'site', 'town'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PARTY_KINDS = ['cooperative', 'security_actor', 'authority', 'community', 'company', 'civil_society', 'other'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Who acted in a step, as a kind: what partners may see instead of the name (`acted_by`). */
export const ACTOR_KINDS = ['working_group', 'authority', 'security_actor', 'cooperative', 'community', 'court', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** The layers whose records a step may rest on. */
export const EVIDENCE_LAYERS = ['incidents', 'presence', 'claims'] as const;
export type EvidenceLayer = (typeof EVIDENCE_LAYERS)[number];
