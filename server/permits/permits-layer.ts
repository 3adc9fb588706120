import { col, periodColumns, provenanceColumns, type LayerDefinition } from '../layers/layer-definition.js';
import { PERMIT_STATUSES, PERMIT_TYPES } from '../domain/vocabulary.js';

/**
 * Mining titles and reserved zones from the mining cadastre (CAMI): exploitation and research
 * permits, quarry authorisations, ZRG and ZEA. `valid_from`/`valid_to` are the grant and
 * expiry dates, so `?date=` shows the titles in force that day; applications have no dates.
 * Rule R12 reads the permits in force under claims and ZEAs (docs/domain.md).
 */
export const permitsLayer: LayerDefinition = {
  name: 'permits',
  table: 'permits',
  title: { fr: 'Titres miniers (CAMI)', en: 'Mining titles (CAMI)' },
  geometry: { types: ['Polygon', 'MultiPolygon'], required: true, promoteToMulti: true },
  columns: [
    col.text('code', { required: true, maxLength: 100 }),
    col.text('holder', { maxLength: 300 }),
    col.enum('permit_type', PERMIT_TYPES, { required: true }),
    col.enum('permit_status', PERMIT_STATUSES),
    col.text('cami_status', { maxLength: 200 }),
    col.textList('minerals'),
    col.count('declared_area_ha'),
    ...periodColumns(),
    ...provenanceColumns,
  ],
  period: { from: 'valid_from', to: 'valid_to' },
  computed: [{ name: 'area_ha', sql: () => 'round((ST_Area(t.geom::geography) / 10000)::numeric, 1)::float8' }],
  orderBy: 't.code, t.id',
  // Drawn by: the cadastre's ZEAs are left to the zones layer.
  tileFields: ['permit_type'],
};
