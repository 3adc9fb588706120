/**
 * The controlled vocabularies of the data model. migrations/001 holds the same lists as
 * CHECK constraints; tests/domain/vocabulary.test.ts proves the two agree.
 */
export const ACTOR_TYPES = [
  'fardc', // army: no lawful role at mine sites (R1)
  'pmh', // Mining Police: the lawful actor at mine sites (R4)
  'pnc', // national police: lawful, not the mining-site actor (R4, amber)
  'private_security',
  'armed_group_local', // Raïa Mutomboki, Maï-Maï… (R3)
  'armed_group_foreign', // FDLR… (R3)
  'other_state',
  'unknown',
] as const;

/** What an actor was seen doing; every one of these is illegal interference (OECD Annex II). */
export const BEHAVIOURS = [
  'taxation',
  'commerce_taxation',
  'entrance_taxation',
  'extortion',
  'monopoly',
  'buying_minerals',
  'digging',
  'forced_labour',
  'pillage',
  'pit_ownership',
] as const;

export const INCIDENT_CATEGORIES = [
  'armed_clash',
  'extortion',
  'illegal_taxation',
  'roadblock',
  'harassment',
  'arbitrary_arrest',
  'torture',
  'sexual_violence',
  'killing',
  'abduction',
  'forced_labour',
  'other',
] as const;

export const LEGAL_STATUSES = ['authorised', 'pending', 'unrecognised'] as const;
export const ZONE_STATUSES = ['active', 'suspended', 'closed'] as const;
export const PRODUCTION_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export const QUALIFICATIONS = ['green', 'yellow', 'red', 'none'] as const;
export const CLAIM_BASES = ['title', 'application', 'customary', 'occupation', 'agreement', 'other'] as const;
export const CLAIM_STATUSES = ['asserted', 'recognised', 'disputed', 'withdrawn', 'settled'] as const;
export const LINK_KINDS = ['hired', 'protecting'] as const;
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export const LOCATION_PRECISIONS = ['gps', 'village', 'approximate'] as const;
export const LOCATION_ISSUES = ['outside_territory', 'outside_country'] as const;
export const ROUTE_SURFACES = ['road', 'track', 'footpath', 'lake'] as const;
export const VERIFICATIONS = ['reported', 'corroborated', 'verified'] as const;
export const FOLLOW_UPS = ['none', 'open', 'referred', 'closed'] as const;
/**
 * Mining titles and zones in the mining cadastre (CAMI): exploitation permit, small-mine
 * exploitation permit, research permit for other substances or for precious stones, quarry
 * exploitation and research authorisations, artisanal zone, geological research zone.
 */
export const PERMIT_TYPES = ['pe', 'pepm', 'pr_as', 'pr_pp', 'aecp', 'arpc', 'zea', 'zrg'] as const;
/** What the platform reads from CAMI's status wording (server/permits/cami-permits.ts). */
export const PERMIT_STATUSES = ['application', 'active', 'force_majeure', 'lapsing', 'lapsed'] as const;

export type ActorType = (typeof ACTOR_TYPES)[number];
export type Behaviour = (typeof BEHAVIOURS)[number];
