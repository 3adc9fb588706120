import { Type } from 'typebox';
import { col, provenanceColumns, type LayerDefinition } from '../layers/layer-definition.js';
import { ACTOR_TYPES, FOLLOW_UPS, INCIDENT_CATEGORIES, VERIFICATIONS } from '../domain/vocabulary.js';

const incidentSource = Type.Object(
  {
    type: Type.Enum(['witness', 'victim', 'civil_society', 'authority', 'media', 'un', 'field_mission', 'other']),
    reference: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/**
 * Security and human-rights incidents. Victims are counted, never named; the description
 * and source references are internal and never leave through a partner profile.
 */
export const incidentsLayer: LayerDefinition = {
  name: 'incidents',
  table: 'incidents',
  title: { fr: 'Incidents', en: 'Incidents' },
  geometry: { types: ['Point'], required: true },
  columns: [
    col.date('occurred_on', { required: true }),
    col.smallint('time_precision', 1, 3),
    col.enum('category', INCIDENT_CATEGORIES, { required: true }),
    col.text('sub_category'),
    col.enum('perpetrator_type', ACTOR_TYPES),
    col.text('perpetrator_name'),
    col.count('victims'),
    col.count('killed'),
    col.count('injured'),
    col.smallint('geo_precision', 1, 3),
    col.reference('site_id', 'sites'),
    col.reference('zone_id', 'zones'),
    col.reference('route_id', 'routes'),
    { name: 'sources', sqlType: 'jsonb', schema: Type.Array(incidentSource, { maxItems: 50 }) },
    { ...col.enum('verification', VERIFICATIONS), schema: Type.Enum([...VERIFICATIONS]) },
    { ...col.enum('follow_up', FOLLOW_UPS), schema: Type.Enum([...FOLLOW_UPS]) },
    col.text('description', { maxLength: 20_000 }),
    ...provenanceColumns,
  ],
  // An incident is part of the record from the day it happened on.
  period: { from: 'occurred_on', to: null },
  orderBy: 't.occurred_on, t.id',
  // Drawn by: the symbol by kind of harm, the filters by category, verification and period, the fading of older ones.
  tileFields: ['category', 'verification', 'occurred_on'],
};
