import { col, periodColumns, provenanceColumns, type LayerDefinition } from '../layers/layer-definition.js';
import { ACTOR_TYPES } from '../domain/vocabulary.js';

/** Roadblocks, who holds them and what they tax; `valid_from`/`valid_to` are first and last seen. */
export const roadblocksLayer: LayerDefinition = {
  name: 'roadblocks',
  table: 'roadblocks',
  title: { fr: 'Barrières routières', en: 'Roadblocks' },
  geometry: { types: ['Point'], required: true },
  columns: [
    col.text('name'),
    col.enum('operator_type', ACTOR_TYPES, { required: true }),
    col.text('operator_name'),
    col.boolean('taxes'),
    col.textList('goods_taxed'),
    col.boolean('taxes_minerals'),
    col.reference('route_id', 'routes'),
    ...periodColumns({ fromRequired: true }),
    ...provenanceColumns,
  ],
  period: { from: 'valid_from', to: 'valid_to' },
  orderBy: 't.valid_from, t.id',
  // Drawn by: R8: militarised when an armed actor holds it or it taxes minerals.
  tileFields: ['operator_type', 'taxes_minerals'],
};
