/**
 * The incident vocabularies the map's editor, filters and chart offer, the same lists as the
 * server's (server/domain/vocabulary.ts, server/incidents/incidents-layer.ts). They are typed
 * against the server's lists (types only, so no server code enters the browser bundle): tsc
 * fails when a list there changes and not here. tests/web/incident-vocabulary.test.ts checks
 * every list, the source types and the 1–3 scales against the server's schema at run time.
 * No DOM here, so that the test can import it in Node.
 */
import type { ACTOR_TYPES, FOLLOW_UPS, INCIDENT_CATEGORIES, VERIFICATIONS } from '../../server/domain/vocabulary.js';

export const CATEGORIES: typeof INCIDENT_CATEGORIES = [
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
];
export type Category = (typeof CATEGORIES)[number];

export const PERPETRATOR_TYPES: typeof ACTOR_TYPES = [
  'fardc',
  'pmh',
  'pnc',
  'private_security',
  'armed_group_local',
  'armed_group_foreign',
  'other_state',
  'unknown',
];
export const VERIFICATION_LEVELS: typeof VERIFICATIONS = ['reported', 'corroborated', 'verified'];
export const FOLLOW_UP_STATES: typeof FOLLOW_UPS = ['none', 'open', 'referred', 'closed'];
/** `sources[].type` (an inline enum of the incidents layer, hence the run-time test only). */
export const SOURCE_TYPES = ['witness', 'victim', 'civil_society', 'authority', 'media', 'un', 'field_mission', 'other'] as const;
/** ACLED-style scales for `time_precision` and `geo_precision`: 1 is the most precise. */
export const PRECISIONS = [1, 2, 3] as const;
/** The largest victim count the server takes (`col.count`). */
export const MAX_COUNT = 10_000_000;

/**
 * The chart's colour groups: twelve categories are too many colours to tell apart, so they are
 * stacked by what kind of harm they are, each group with an Okabe–Ito colour and a pattern.
 */
export const CATEGORY_GROUPS = {
  violence: ['killing', 'torture', 'sexual_violence', 'abduction'],
  clash: ['armed_clash'],
  predation: ['extortion', 'illegal_taxation', 'roadblock', 'forced_labour'],
  coercion: ['harassment', 'arbitrary_arrest'],
  other: ['other'],
} as const satisfies Record<string, readonly Category[]>;
export type CategoryGroup = keyof typeof CATEGORY_GROUPS;
export const GROUPS = Object.keys(CATEGORY_GROUPS) as CategoryGroup[];

export function groupOf(category: unknown): CategoryGroup {
  return GROUPS.find((g) => (CATEGORY_GROUPS[g] as readonly unknown[]).includes(category)) ?? 'other';
}
