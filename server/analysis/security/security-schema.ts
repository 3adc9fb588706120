import { Type, type Static, type TSchema } from 'typebox';
import { DATE } from '../../http/date-param.js';
import { featureCollectionSchema, featureSchema, multiPolygonSchema, pointSchema } from '../../layers/geojson-schema.js';

/**
 * The answers of `GET /api/analysis/sites` and `GET /api/analysis/zones` (site-flags.ts,
 * zone-flags.ts): R1–R4 flags judged fresh or stale by R11. No Node here: the map page imports
 * these types.
 */
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const judgedFlagSchema = Type.Object(
  {
    rule: Type.Enum(['R1', 'R2', 'R3', 'R4']),
    level: Type.Enum(['red', 'amber', 'info']),
    reason: Type.String(),
    stale: Type.Boolean({ description: 'the observation is older than fresh_days (R11): it never makes a place red' }),
    observed_on: DATE,
    evidence: Type.Object({ layer: Type.Enum(['site_visits', 'presence']), id: Type.Integer() }, { additionalProperties: false }),
  },
  { additionalProperties: false, description: 'what one rule says about one observation' },
);

const level = Type.Enum(['red', 'amber', 'info', 'none', 'stale'], {
  description: 'the strongest current flag; stale when only observations too old to count say anything',
});
const flagged = {
  illustrative: Type.Boolean(),
  date: DATE,
  level,
  level_rank: Type.Integer({ minimum: 0, maximum: 3, description: 'red 3, amber 2, info 1, none and stale 0' }),
  rules: Type.Array(Type.Enum(['R1', 'R2', 'R3', 'R4']), { description: 'rules with a current (not stale) flag' }),
  flags: Type.Array(judgedFlagSchema),
};

export const siteFlagsPropertiesSchema = Type.Object(
  {
    site_id: Type.Integer(),
    name: Type.String(),
    pcode: nullable(Type.String()),
    ...flagged,
    last_visit_on: nullable(DATE),
    last_observed_on: DATE,
    age_days: Type.Integer({ description: 'days from the last observation to the date' }),
    stale: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const zoneFlagsPropertiesSchema = Type.Object(
  { zone_id: Type.Integer(), code: Type.String(), name: nullable(Type.String()), ...flagged },
  { additionalProperties: false },
);

export const siteFlagsSchema = featureCollectionSchema(
  featureSchema(Type.Integer({ description: 'the site id' }), pointSchema, siteFlagsPropertiesSchema),
  {},
  'mine sites observed by the date (a field visit or presence records), with their flags',
);

export const zoneFlagsSchema = featureCollectionSchema(
  featureSchema(Type.Integer({ description: 'the ZEA id' }), multiPolygonSchema, zoneFlagsPropertiesSchema),
  {},
  'ZEAs in force on the date, with their flags',
);

export type JudgedFlag = Static<typeof judgedFlagSchema>;
export type SiteFlags = Static<typeof siteFlagsSchema>;
export type SiteFlagsFeature = SiteFlags['features'][number];
export type ZoneFlags = Static<typeof zoneFlagsSchema>;
export type ZoneFlagsFeature = ZoneFlags['features'][number];
