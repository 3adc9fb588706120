import { col, periodColumns, provenanceColumns, type LayerDefinition } from '../layers/layer-definition.js';
import { CLAIM_BASES, CLAIM_STATUSES } from '../domain/vocabulary.js';

/** A cooperative's asserted extraction area, in force from `valid_from` to `valid_to`. */
export const claimsLayer: LayerDefinition = {
  name: 'claims',
  table: 'claims',
  title: { fr: 'Revendications des coopératives', en: 'Cooperative claims' },
  geometry: { types: ['Polygon', 'MultiPolygon'], required: true, promoteToMulti: true },
  columns: [
    col.reference('cooperative_id', 'cooperatives', { required: true }),
    col.reference('zone_id', 'zones'),
    col.text('name'),
    col.enum('basis', CLAIM_BASES, { required: true }),
    col.enum('status', CLAIM_STATUSES),
    ...periodColumns({ fromRequired: true }),
    ...provenanceColumns,
  ],
  period: { from: 'valid_from', to: 'valid_to' },
  computed: [
    // The map colours a claim by its claimant's standing, so it travels with the claim.
    { name: 'cooperative_name', sql: () => '(SELECT c.name FROM cooperatives c WHERE c.id = t.cooperative_id)' },
    { name: 'legal_status', sql: () => '(SELECT c.legal_status FROM cooperatives c WHERE c.id = t.cooperative_id)' },
    { name: 'area_ha', sql: () => 'round((ST_Area(t.geom::geography) / 10000)::numeric, 1)::float8' },
  ],
  orderBy: 't.valid_from, t.id',
  // Drawn by: the claimant's standing colours the claim.
  tileFields: ['legal_status'],
};
