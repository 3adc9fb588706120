import { col, periodColumns, provenanceColumns, type LayerDefinition } from '../layers/layer-definition.js';
import { LOCATION_ISSUES, LOCATION_PRECISIONS } from '../domain/vocabulary.js';

/**
 * The site's latest visit on or before the date looked at, with the armed actors seen then:
 * a site's state is its latest visit (docs/domain.md, mine sites and visits).
 */
const latestVisit = (asOf: string) => `(
  SELECT json_build_object(
    'visited_on', v.visited_on,
    'project', v.project,
    'workers', v.workers,
    'armed_presence', v.armed_presence,
    'interference', v.interference,
    'qualification', v.qualification,
    'actors', coalesce((
      SELECT json_agg(json_build_object('name', a.actor_name, 'type', a.actor_type,
                                        'frequency', a.frequency, 'behaviours', a.behaviours) ORDER BY a.position)
      FROM site_visit_actors a WHERE a.visit_id = v.id), '[]'::json))
  FROM site_visits v
  WHERE v.site_id = t.id AND v.visited_on <= coalesce(${asOf}, current_date)
  ORDER BY v.visited_on DESC, v.id DESC
  LIMIT 1)`;

/** Artisanal mine sites (IPIS and others). */
export const sitesLayer: LayerDefinition = {
  name: 'sites',
  table: 'sites',
  title: { fr: 'Sites miniers', en: 'Mine sites' },
  geometry: { types: ['Point'], required: true },
  columns: [
    col.text('name', { required: true }),
    col.text('pcode', { maxLength: 100 }),
    col.text('province'),
    col.text('territory'),
    col.text('collectivite'),
    col.text('groupement'),
    col.text('village'),
    col.textList('minerals'),
    col.enum('location_precision', LOCATION_PRECISIONS),
    col.enum('location_issue', LOCATION_ISSUES),
    ...periodColumns(),
    ...provenanceColumns,
  ],
  period: { from: 'valid_from', to: 'valid_to' },
  computed: [
    { name: 'latest_visit', sql: latestVisit },
    {
      name: 'visit_count',
      sql: (asOf) => `(SELECT count(*)::int FROM site_visits v WHERE v.site_id = t.id AND v.visited_on <= coalesce(${asOf}, current_date))`,
    },
  ],
  orderBy: 't.name, t.id',
  // Drawn by: the armed-presence rings come from the analysis, on the page's own records only.
  tileFields: [],
};
