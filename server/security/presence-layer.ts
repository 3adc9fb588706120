import { Type } from 'typebox';
import { col, periodColumns, provenanceColumns, type LayerDefinition } from '../layers/layer-definition.js';
import { ACTOR_TYPES, BEHAVIOURS, CONFIDENCES, LINK_KINDS } from '../domain/vocabulary.js';

/** Security forces and armed groups seen at or around mine sites, with what they do there. */
export const presenceLayer: LayerDefinition = {
  name: 'presence',
  table: 'security_presence',
  title: { fr: 'Présence des forces de sécurité et groupes armés', en: 'Security forces and armed groups' },
  geometry: { types: ['Point', 'Polygon', 'MultiPolygon'], required: true },
  columns: [
    col.enum('actor_type', ACTOR_TYPES, { required: true }),
    col.text('actor_name'),
    col.enumList('behaviours', BEHAVIOURS),
    col.reference('linked_cooperative_id', 'cooperatives'),
    col.enum('link_kind', LINK_KINDS),
    col.reference('site_id', 'sites'),
    col.reference('zone_id', 'zones'),
    { ...col.enum('confidence', CONFIDENCES), schema: Type.Enum([...CONFIDENCES]) },
    col.date('observed_on'),
    ...periodColumns({ fromRequired: true }),
    ...provenanceColumns,
  ],
  period: { from: 'valid_from', to: 'valid_to' },
  orderBy: 't.valid_from, t.id',
  // Drawn by: colour, symbol and filter by actor.
  tileFields: ['actor_type'],
};
