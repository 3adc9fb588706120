import { Type, type Static, type TSchema } from 'typebox';
import { DATE } from '../../http/date-param.js';
import { featureCollectionSchema, featureSchema, polygonSchema } from '../../layers/geojson-schema.js';

/**
 * The answer of `GET /api/analysis/contested` (find-contested-zones.ts). No Node here: the map
 * page imports these types, so that it reads what the server sends and nothing else.
 */
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const hectares = (description: string) => Type.Number({ minimum: 0, description });

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

export const claimantSchema = Type.Object(
  {
    claim_id: Type.Integer(),
    claim_name: nullable(Type.String()),
    basis: Type.String(),
    status: Type.String(),
    valid_from: DATE,
    valid_to: nullable(DATE),
    cooperative_id: Type.Integer(),
    cooperative_name: Type.String(),
    legal_status: Type.Enum(['authorised', 'pending', 'unrecognised']),
    claim_ha: hectares('the whole claim'),
    contested_ha: hectares('the part of the claim inside the zone'),
    contested_share: Type.Number({ minimum: 0, maximum: 1, description: 'contested_ha / claim_ha' }),
  },
  { additionalProperties: false, description: 'a claim in force reaching into the zone, with its claimant' },
);

export const zoneHitSchema = Type.Object(
  {
    zone_id: Type.Integer(),
    code: Type.String(),
    name: nullable(Type.String()),
    status: Type.String(),
    overlap_ha: hectares('the part of the contested zone inside this ZEA'),
  },
  { additionalProperties: false, description: 'a ZEA in force that the contested zone lies in' },
);

export const nearbyPresenceSchema = Type.Object(
  {
    presence_id: Type.Integer(),
    actor_type: Type.String(),
    actor_name: nullable(Type.String()),
    behaviours: Type.Array(Type.String()),
    linked_cooperative_id: nullable(Type.Integer()),
    link_kind: nullable(Type.Enum(['hired', 'protecting'])),
    valid_from: DATE,
    valid_to: nullable(DATE),
    distance_km: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false, description: 'security presence in force linked to a claimant or within near_km' },
);

export const nearbyIncidentSchema = Type.Object(
  {
    incident_id: Type.Integer(),
    occurred_on: DATE,
    category: Type.String(),
    perpetrator_type: nullable(Type.String()),
    distance_km: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false, description: 'an incident within near_km in the incident_days before the date' },
);

export const ruleHitSchema = Type.Object(
  {
    rule: Type.Enum(['R5', 'R6', 'R7']),
    reason: Type.String(),
    evidence: Type.Array(
      Type.Object(
        { layer: Type.Enum(['claims', 'presence', 'zones', 'cooperatives']), id: Type.Integer(), why: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, description: 'one rule that fired on the zone: why, and the records that made it fire' },
);

export const contestedPropertiesSchema = Type.Object(
  {
    date: DATE,
    area_ha: hectares('area of the contested zone'),
    severity: Type.Enum([...SEVERITIES]),
    severity_rank: Type.Integer({ minimum: 1, maximum: 4, description: '4 critical … 1 low' }),
    severity_reason: Type.String(),
    rules: Type.Array(Type.Enum(['R5', 'R6', 'R7'])),
    rule_hits: Type.Array(ruleHitSchema),
    claimants: Type.Array(claimantSchema),
    cooperative_count: Type.Integer({ minimum: 2 }),
    zones: Type.Array(zoneHitSchema),
    outside_zea_ha: hectares('the part of the zone no ZEA in force covers (R7)'),
    presence: Type.Array(nearbyPresenceSchema),
    incidents: Type.Array(nearbyIncidentSchema),
    label: Type.Tuple([Type.Number(), Type.Number()], { description: 'longitude, latitude of a point inside the zone, for its marker' }),
  },
  { additionalProperties: false },
);

export const contestedZoneSchema = featureSchema(
  Type.Integer({ minimum: 1, description: 'rank in this answer, most severe first' }),
  polygonSchema,
  contestedPropertiesSchema,
  'a contested zone: a connected area where claims of two or more cooperatives overlap',
);

export const contestedCollectionSchema = featureCollectionSchema(contestedZoneSchema, {}, 'contested zones on the date, most severe first, then largest');

export type Severity = (typeof SEVERITIES)[number];
export type ContestedClaimant = Static<typeof claimantSchema>;
export type ZoneHit = Static<typeof zoneHitSchema>;
export type NearbyPresence = Static<typeof nearbyPresenceSchema>;
export type NearbyIncident = Static<typeof nearbyIncidentSchema>;
export type RuleHit = Static<typeof ruleHitSchema>;
export type ContestedProperties = Static<typeof contestedPropertiesSchema>;
export type ContestedZone = Static<typeof contestedZoneSchema>;
export type ContestedCollection = Static<typeof contestedCollectionSchema>;
