import { Type, type Static } from 'typebox';
import { DATE } from '../../http/date-param.js';
import { featureCollectionSchema, featureSchema, multiPolygonSchema } from '../../layers/geojson-schema.js';

/**
 * `GET /api/analysis/permit-overlaps` (permit-overlaps.ts): claims and ZEAs on industrial
 * titles (R12). No Node here: the map imports these types.
 */
const hectares = (description: string) => Type.Number({ minimum: 0, description });

export const permitOverlapSchema = Type.Object(
  {
    permit_id: Type.Integer(),
    code: Type.String(),
    holder: Type.Union([Type.String(), Type.Null()]),
    permit_type: Type.String(),
    permit_status: Type.String(),
    valid_from: Type.Union([DATE, Type.Null()]),
    valid_to: Type.Union([DATE, Type.Null()]),
    overlap_ha: hectares('ground the claim or ZEA shares with this title'),
  },
  { additionalProperties: false, description: 'an industrial title in force that the claim or ZEA overlaps' },
);

export const r12HitSchema = Type.Object(
  {
    rule: Type.Literal('R12'),
    reason: Type.String(),
    evidence: Type.Array(
      Type.Object({ layer: Type.Enum(['claims', 'zones', 'permits']), id: Type.Integer(), why: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export const permitOverlapPropertiesSchema = Type.Object(
  {
    date: DATE,
    subject_layer: Type.Enum(['claims', 'zones']),
    subject_id: Type.Integer(),
    label: Type.String({ description: 'the claim (and its cooperative) or the ZEA code' }),
    illustrative: Type.Boolean(),
    overlap_ha: hectares('sum of the hectares shared with each title (titles can overlap each other)'),
    holders: Type.Array(Type.String(), { description: 'the titles’ holders, largest overlap first' }),
    permits: Type.Array(permitOverlapSchema, { description: 'largest overlap first' }),
    rules: Type.Array(Type.Literal('R12')),
    rule_hits: Type.Array(r12HitSchema),
  },
  { additionalProperties: false },
);

export const permitOverlapsSchema = featureCollectionSchema(
  featureSchema(Type.String({ description: 'layer and id: "claims-12", "zones-3"' }), multiPolygonSchema, permitOverlapPropertiesSchema, 'the ground shared'),
  { date: DATE, min_area_ha: Type.Number({ minimum: 0 }) },
  'claims and ZEAs in force on the date that overlap an industrial title in force (R12)',
);

export type PermitOverlap = Static<typeof permitOverlapSchema>;
export type PermitOverlapFeature = Static<typeof permitOverlapsSchema>['features'][number];
export type PermitOverlaps = Static<typeof permitOverlapsSchema>;
