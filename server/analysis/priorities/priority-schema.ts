import { Type, type Static } from 'typebox';
import { DATE } from '../../http/date-param.js';
import { featureCollectionSchema, featureSchema, geometrySchema, pointSchema } from '../../layers/geojson-schema.js';
import { areaListSchema, areaShownSchema } from './priority-area.js';
import { FACTORS } from './priority-params.js';

/**
 * The answers of `GET /api/analysis/priorities` (find-priorities.ts) and
 * `POST /api/analysis/deployment-plan` (deployment-plan.ts). No Node here: the priorities page
 * imports these types.
 */
const placeKind = Type.Enum(['zone', 'site']);
const longitudeLatitude = Type.Tuple([Type.Number(), Type.Number()], { description: 'longitude, latitude' });

export const evidenceItemSchema = Type.Object(
  {
    kind: Type.String(),
    layer: Type.String({ description: 'the layer or analysis the record comes from' }),
    id: Type.Union([Type.Integer(), Type.String()]),
    weight: Type.Number({ description: "how much it counts towards the factor's value" }),
    why: Type.String(),
  },
  { additionalProperties: false, description: 'one record behind a factor' },
);

export const factorResultSchema = Type.Object(
  {
    factor: Type.Enum([...FACTORS]),
    value: Type.Union([Type.Number(), Type.Null()], { description: "in the factor's own unit; null when the data says nothing" }),
    unit: Type.String(),
    score: Type.Number({ minimum: 0, maximum: 1 }),
    weight: Type.Number({ minimum: 0 }),
    contribution: Type.Number({ description: 'weight × score; negative for existing Mining Police coverage' }),
    evidence: Type.Array(evidenceItemSchema),
  },
  { additionalProperties: false },
);

export const placePropertiesSchema = Type.Object(
  {
    rank: Type.Integer({ minimum: 1 }),
    kind: placeKind,
    place_id: Type.Integer(),
    label: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
    illustrative: Type.Boolean(),
    need: Type.Number({ minimum: 0, description: 'the sum of the contributions, at least 0' }),
    factors: Type.Array(factorResultSchema),
    anchor: longitudeLatitude,
    date: DATE,
  },
  { additionalProperties: false },
);

export const placeFeatureSchema = featureSchema(Type.String({ description: 'kind and id: "zone-4", "site-12"' }), geometrySchema, placePropertiesSchema);

export const rankingSchema = featureCollectionSchema(
  placeFeatureSchema,
  {
    area: areaShownSchema,
    areas: areaListSchema,
    places: Type.Array(
      Type.Object(
        { key: Type.String(), kind: placeKind, id: Type.Integer(), anchor: pointSchema, need: Type.Number({ minimum: 0 }) },
        { additionalProperties: false },
      ),
      { description: 'the features again in short, for planners' },
    ),
  },
  'every ZEA in force and every observed site outside all ZEAs in the area, most in need first',
);

/** The plan's two objectives, each in a sentence (README, "Priorities for the Mining Police"). */
export const PLAN_OBJECTIVES = ['neediest_first', 'coverage'] as const;
export const planObjectiveSchema = Type.Enum([...PLAN_OBJECTIVES], {
  default: 'neediest_first',
  description:
    'neediest_first (default): each unit goes for the place with the highest need not yet covered, and is stationed within reach of it where it also covers the most other need. ' +
    'coverage: each unit goes where it covers the most summed need not yet covered (greedy maximum coverage), which may favour clusters of small needs over one acute need',
});

export const placementPropertiesSchema = Type.Object(
  {
    order: Type.Integer({ minimum: 1 }),
    place: Type.String({ description: 'the key of the place the unit is stationed at, as in `covers`' }),
    label: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
    kind: placeKind,
    marginal_need: Type.Number({ description: 'need covered by this unit that no earlier unit covers' }),
    covers: Type.Array(Type.String(), { description: 'places this unit covers that no earlier unit did' }),
    target: Type.Union([Type.String(), Type.Null()], {
      description:
        'neediest_first: the key of the place this unit was sent for, the neediest still uncovered (the station is within reach of it); coverage: null',
    }),
    target_label: Type.Union([Type.String(), Type.Null()], { description: "the target's label" }),
    radius_km: Type.Number(),
  },
  { additionalProperties: false },
);

export const planSchema = featureCollectionSchema(
  featureSchema(Type.Integer({ minimum: 1 }), pointSchema, placementPropertiesSchema),
  {
    date: DATE,
    units_requested: Type.Integer(),
    units_placed: Type.Integer(),
    radius_km: Type.Number(),
    total_need: Type.Number(),
    covered_need: Type.Number(),
    covered_share: Type.Number({ minimum: 0, maximum: 1 }),
    objective: planObjectiveSchema,
    method: Type.String({ description: 'the objective in a sentence' }),
    area: areaShownSchema,
    uncovered_top: Type.Array(
      Type.Object(
        {
          rank: Type.Integer({ minimum: 1 }),
          place: Type.String(),
          label: Type.String(),
          name: Type.Union([Type.String(), Type.Null()]),
          kind: placeKind,
          need: Type.Number({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
      { description: 'the places among the first 10 of the ranking that no unit of the plan covers, in rank order' },
    ),
  },
  'where to station the units, in order, each with the need it adds',
);

export type EvidenceItem = Static<typeof evidenceItemSchema>;
export type FactorResult = Static<typeof factorResultSchema>;
export type PlaceProperties = Static<typeof placePropertiesSchema>;
export type PlaceFeature = Static<typeof placeFeatureSchema>;
export type Ranking = Static<typeof rankingSchema>;
export type PlacementProperties = Static<typeof placementPropertiesSchema>;
export type Plan = Static<typeof planSchema>;
