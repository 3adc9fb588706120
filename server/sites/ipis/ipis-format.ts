import type { Behaviour } from '../../domain/vocabulary.js';

/**
 * The IPIS open-data CSV format (cod_mines_curated_all_opendata_p_ipis), as far as the
 * importer relies on it. IPIS has added and dropped columns over the years, so only the
 * columns without which a row would be misread are required; the rest are read when present.
 */

/** Without these a row cannot be placed, dated or told apart: the file is refused. */
export const REQUIRED_COLUMNS = [
  'vid',
  'pcode',
  'name',
  'visit_date',
  'longitude',
  'latitude',
  'territoire',
  'presence',
  'armed_group1',
  'type_armed_group1',
] as const;

/** Read when present; a file without one of them imports with a warning that says so. */
export const OPTIONAL_COLUMNS = [
  'geom',
  'project',
  'visit_onsite',
  'location_origin',
  'province',
  'collectivite',
  'groupement',
  'village',
  'workers_numb',
  'mineral1',
  'mineral2',
  'mineral3',
  'mercury',
  'interference',
  'state_service1',
  'state_service2',
  'state_service3',
  'state_service4',
  'traceability',
  'qualification',
] as const;

/** The behaviour flag columns of one armed actor, `<prefix>armed_group<N>`, and what each means. */
export const BEHAVIOUR_COLUMNS: ReadonlyArray<readonly [prefix: string, behaviour: Behaviour]> = [
  ['taxation_', 'taxation'],
  ['commerce_taxation_', 'commerce_taxation'],
  ['entrance_taxation_', 'entrance_taxation'],
  ['monopoly_', 'monopoly'],
  ['buying_minerals_', 'buying_minerals'],
  ['digging_', 'digging'],
  ['forced_labour_', 'forced_labour'],
  ['pillaging_', 'pillage'],
  ['pit_ownership_', 'pit_ownership'],
];

/** site_visit_actors.position is 1..9. */
export const MAX_ACTOR_SLOTS = 9;

/**
 * The actor slots a header carries (armed_group1..3 in every known file): counted from
 * the header rather than assumed, so a file with a fourth slot loses nothing.
 */
export function actorSlots(header: readonly string[]): number[] {
  const slots = header
    .map((name) => /^armed_group(\d+)$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .filter((n) => n >= 1 && n <= MAX_ACTOR_SLOTS);
  return [...new Set(slots)].sort((a, b) => a - b);
}

export type IpisRecord = Readonly<Record<string, string>>;

/** One data row of the file, with the line it starts on (the header is line 1). */
export interface IpisRow {
  line: number;
  record: IpisRecord;
}
