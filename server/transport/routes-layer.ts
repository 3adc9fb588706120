import { col, periodColumns, provenanceColumns, type LayerDefinition } from '../layers/layer-definition.js';
import { ROUTE_SURFACES } from '../domain/vocabulary.js';

/** Transport routes from mine sites to trading places. */
export const routesLayer: LayerDefinition = {
  name: 'routes',
  table: 'routes',
  title: { fr: 'Routes de transport', en: 'Transport routes' },
  geometry: { types: ['LineString'], required: true },
  columns: [
    col.text('name', { required: true }),
    col.text('from_place'),
    col.text('to_place'),
    col.reference('site_id', 'sites'),
    col.enum('surface', ROUTE_SURFACES),
    ...periodColumns(),
    ...provenanceColumns,
  ],
  period: { from: 'valid_from', to: 'valid_to' },
  computed: [{ name: 'length_km', sql: () => 'round((ST_Length(t.geom::geography) / 1000)::numeric, 2)::float8' }],
  orderBy: 't.name',
  // Drawn by: one line for every route.
  tileFields: [],
};
