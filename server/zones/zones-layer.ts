import { col, periodColumns, provenanceColumns, type LayerDefinition } from '../layers/layer-definition.js';
import { PRODUCTION_LEVELS, QUALIFICATIONS, ZONE_STATUSES } from '../domain/vocabulary.js';

/** Artisanal mining zones (ZEA) as declared in the mining cadastre. */
export const zonesLayer: LayerDefinition = {
  name: 'zones',
  table: 'zones',
  title: { fr: "Zones d'exploitation artisanale (ZEA)", en: 'Artisanal mining zones (ZEA)' },
  geometry: { types: ['Polygon', 'MultiPolygon'], required: true, promoteToMulti: true },
  columns: [
    col.text('code', { required: true, maxLength: 100 }),
    col.text('name'),
    col.text('province'),
    col.text('territory'),
    col.textList('minerals'),
    col.enum('status', ZONE_STATUSES),
    col.enum('production_level', PRODUCTION_LEVELS),
    col.enum('qualification', QUALIFICATIONS),
    col.date('qualification_date'),
    col.count('worker_estimate'),
    ...periodColumns(),
    ...provenanceColumns,
  ],
  period: { from: 'valid_from', to: 'valid_to' },
  computed: [{ name: 'area_ha', sql: () => 'round((ST_Area(t.geom::geography) / 10000)::numeric, 1)::float8' }],
  orderBy: 't.code',
  // Drawn by: the ZEA's code labels its boundary.
  tileFields: ['code'],
};
