import { Type, type Static } from 'typebox';
import { DATE } from '../../http/date-param.js';
import { HOME_PROVINCE_DEFAULT, areaAsked, areaProperties, type PriorityArea } from './priority-area.js';

export const FACTORS = [
  'contested',
  'illegal_presence',
  'incidents',
  'militarised_routes',
  'activity',
  'certification',
  'industrial_overlap',
  'pmh_coverage',
] as const;
export type Factor = (typeof FACTORS)[number];

/**
 * Default weights, each on the 0–1 score of its factor (README, "Priorities", explains them):
 * armed actors and armed disputes weigh most, because that is where people get hurt and
 * where the Mining Police replace an unlawful force; recent predatory incidents next;
 * activity matters because the case study's trade-off puts precarious, busy sites before
 * quiet ones; existing lawful coverage subtracts, so units are not sent twice to one place.
 */
export const DEFAULT_WEIGHTS: Record<Factor, number> = {
  contested: 3,
  illegal_presence: 3,
  incidents: 2,
  militarised_routes: 1,
  activity: 1.5,
  certification: 1,
  // A ZEA or claim on an industrial title (R12): a conflict with the holder in waiting, as at
  // Twangiza and Kamituga; it weighs like certification, below the armed findings.
  industrial_overlap: 1,
  pmh_coverage: 2,
};

export const PRIORITY_DEFAULTS = {
  /** An incident counts half after this many days: last season's abuses still matter, last decade's much less. */
  half_life_days: 180,
  /** Records this close to a ZEA or site are part of its situation. */
  near_km: 2,
  /** A Mining Police unit is taken to cover sites within this distance: a morning's walk. */
  radius_km: 10,
  fresh_days: 365,
} as const;

const weight = (factor: Factor, description: string) =>
  Type.Number({ minimum: 0, maximum: 100, default: DEFAULT_WEIGHTS[factor], description: `weight of ${factor}: ${description}` });

export const priorityProperties = {
  date: Type.Optional({ ...DATE, description: 'as-of date (default today)' }),
  half_life_days: Type.Number({
    minimum: 1,
    maximum: 36_500,
    default: PRIORITY_DEFAULTS.half_life_days,
    description: 'incident weight halves every this many days',
  }),
  near_km: Type.Number({ minimum: 0, maximum: 50, default: PRIORITY_DEFAULTS.near_km, description: 'records within this distance belong to a place' }),
  radius_km: Type.Number({
    minimum: 0,
    maximum: 100,
    default: PRIORITY_DEFAULTS.radius_km,
    description: 'a Mining Police unit covers places within this distance',
  }),
  fresh_days: Type.Integer({ minimum: 0, maximum: 36_500, default: PRIORITY_DEFAULTS.fresh_days, description: 'observations older than this are stale (R11)' }),
  ...areaProperties,
  w_contested: weight('contested', 'contested claims (R5; R6 counts double)'),
  w_illegal_presence: weight('illegal_presence', 'army, interfering security or armed groups seen (R1–R3)'),
  w_incidents: weight('incidents', 'incident pressure, severity-weighted and decaying with age'),
  w_militarised_routes: weight('militarised_routes', 'militarised route length nearby (R8, R9)'),
  w_activity: weight('activity', 'production level and workers: busy, precarious places first'),
  w_certification: weight('certification', 'certification at risk: red or yellow, or green with red flags'),
  w_industrial_overlap: weight('industrial_overlap', 'claims or ZEAs on an industrial title in force, with holder and hectares (R12)'),
  w_pmh_coverage: weight('pmh_coverage', 'lawful Mining Police already within radius_km (subtracts)'),
};

export const prioritiesQuerySchema = Type.Object(priorityProperties, { additionalProperties: false });
export type PrioritiesQuery = Static<typeof prioritiesQuerySchema>;

export interface PriorityParams {
  date: string;
  halfLifeDays: number;
  nearKm: number;
  radiusKm: number;
  freshDays: number;
  weights: Record<Factor, number>;
  /** Which places are ranked: a province, a territory, a drawn box (priority-area.ts). */
  area: PriorityArea;
}

/** Defaults applied here too: request bodies are validated without filling defaults in. */
export function priorityParamsFrom(q: Partial<PrioritiesQuery>, today: string, homeProvince: string = HOME_PROVINCE_DEFAULT): PriorityParams {
  return {
    area: areaAsked(q, homeProvince),
    date: q.date ?? today,
    halfLifeDays: q.half_life_days ?? PRIORITY_DEFAULTS.half_life_days,
    nearKm: q.near_km ?? PRIORITY_DEFAULTS.near_km,
    radiusKm: q.radius_km ?? PRIORITY_DEFAULTS.radius_km,
    freshDays: q.fresh_days ?? PRIORITY_DEFAULTS.fresh_days,
    weights: Object.fromEntries(FACTORS.map((f) => [f, q[`w_${f}`] ?? DEFAULT_WEIGHTS[f]])) as Record<Factor, number>,
  };
}
