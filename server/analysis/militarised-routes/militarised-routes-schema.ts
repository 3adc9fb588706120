import { Type, type Static, type TSchema } from 'typebox';
import { DATE } from '../../http/date-param.js';
import { featureCollectionSchema, featureSchema, lineStringSchema } from '../../layers/geojson-schema.js';

/**
 * The answer of `GET /api/analysis/routes` (militarised-routes.ts): route segments with the
 * evidence of R8 and R9. No Node here: the map page imports these types.
 */
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const metres = Type.Integer({ minimum: 0, description: 'distance from the segment, metres' });

/** What the evidence says as values, so that a page words it in its own language; `why` keeps the English sentence. */
export const evidenceFactsSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('roadblock'),
      armed: Type.Boolean(),
      taxes_minerals: Type.Boolean(),
      operator_type: Type.String(),
      operator_name: nullable(Type.String()),
      distance_m: metres,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('presence'),
      flag: Type.Enum(['R1', 'R2', 'R3']),
      actor_type: Type.String(),
      actor_name: nullable(Type.String()),
      observed_on: DATE,
      distance_m: metres,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('incident'),
      category: Type.String(),
      occurred_on: DATE,
      distance_m: metres,
      count: Type.Integer({ description: 'R9 incidents within the buffer and window' }),
      needed: Type.Integer({ description: 'k: how many make the segment militarised' }),
    },
    { additionalProperties: false },
  ),
]);

export const segmentEvidenceSchema = Type.Object(
  {
    rule: Type.Enum(['R8', 'R9']),
    layer: Type.Enum(['roadblocks', 'presence', 'incidents']),
    id: Type.Integer(),
    why: Type.String(),
    facts: evidenceFactsSchema,
  },
  { additionalProperties: false },
);

export const routeSegmentPropertiesSchema = Type.Object(
  {
    route_id: Type.Integer(),
    route_name: Type.String(),
    illustrative: Type.Boolean(),
    segment: Type.Integer({ minimum: 1, description: 'its place along the route, from 1' }),
    segments: Type.Integer({ minimum: 1, description: 'how many segments the route is cut into' }),
    length_m: Type.Number({ minimum: 0 }),
    militarised: Type.Boolean(),
    rules: Type.Array(Type.Enum(['R8', 'R9'])),
    evidence: Type.Array(segmentEvidenceSchema),
  },
  { additionalProperties: false },
);

export const routeSummarySchema = Type.Object(
  {
    route_id: Type.Integer(),
    name: Type.String(),
    illustrative: Type.Boolean(),
    length_km: Type.Number({ minimum: 0 }),
    militarised_km: Type.Number({ minimum: 0 }),
    militarised_share: Type.Number({ minimum: 0, maximum: 1 }),
    rules: Type.Array(Type.Enum(['R8', 'R9'])),
  },
  { additionalProperties: false, description: "one route's militarised length on the date" },
);

export const routeSegmentSchema = featureSchema(Type.String({ description: 'route id and segment: "12-3"' }), lineStringSchema, routeSegmentPropertiesSchema);

export const militarisedRoutesSchema = featureCollectionSchema(
  routeSegmentSchema,
  { routes: Type.Array(routeSummarySchema) },
  'routes in force on the date cut into segments, militarised or not, with evidence',
);

export type EvidenceFacts = Static<typeof evidenceFactsSchema>;
export type SegmentEvidence = Static<typeof segmentEvidenceSchema>;
export type RouteSegment = Static<typeof routeSegmentSchema>;
export type RouteSummary = Static<typeof routeSummarySchema>;
export type MilitarisedRoutes = Static<typeof militarisedRoutesSchema>;
