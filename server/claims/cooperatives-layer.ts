import { col, periodColumns, provenanceColumns, type LayerDefinition } from '../layers/layer-definition.js';
import { LEGAL_STATUSES } from '../domain/vocabulary.js';

/** Mining cooperatives and their legal standing; the point, when known, is their seat. */
export const cooperativesLayer: LayerDefinition = {
  name: 'cooperatives',
  table: 'cooperatives',
  title: { fr: 'Coopératives minières', en: 'Mining cooperatives' },
  geometry: { types: ['Point'], required: false },
  columns: [
    col.text('name', { required: true }),
    col.text('acronym'),
    col.enum('legal_status', LEGAL_STATUSES, { required: true }),
    col.text('authorisation_ref'),
    col.date('authorisation_date'),
    col.textList('minerals'),
    ...periodColumns(),
    ...provenanceColumns,
  ],
  period: { from: 'valid_from', to: 'valid_to' },
  orderBy: 't.name',
  // Drawn by: one symbol for every seat.
  tileFields: [],
};
