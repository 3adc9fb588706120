/**
 * The incident vocabularies the map's editor, filters and chart offer: the server's own lists
 * (server/domain/vocabulary.ts holds constants only, so importing it brings no server code
 * into the browser bundle). tests/web/incident-vocabulary.test.ts checks them, the source
 * types and the 1–3 scales against the server's schema at run time. No DOM here, so that the
 * test can import it in Node.
 */
import { ACTOR_TYPES, FOLLOW_UPS, INCIDENT_CATEGORIES, VERIFICATIONS } from '../../../../server/domain/vocabulary.js';
import { COLOURS } from '../../shared/palette.js';

export const CATEGORIES = INCIDENT_CATEGORIES;
export type Category = (typeof CATEGORIES)[number];

export const PERPETRATOR_TYPES = ACTOR_TYPES;
export const VERIFICATION_LEVELS = VERIFICATIONS;
export const FOLLOW_UP_STATES = FOLLOW_UPS;
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

/** One Okabe–Ito colour per group, the same on the map's symbols and in the chart's bars. */
export const GROUP_COLOURS: Record<CategoryGroup, string> = {
  violence: COLOURS.vermillion,
  clash: COLOURS.blue,
  predation: COLOURS.orange,
  coercion: COLOURS.purple,
  other: COLOURS.grey,
};
