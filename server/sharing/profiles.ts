import type { LayerName } from '../layers/layer-definition.js';

/**
 * Sharing profiles (docs/domain.md, "Sharing rules"): what each audience may see.
 * `internal` sees everything; the others see only the fields listed for them (allowlists:
 * a new column stays internal until someone decides otherwise), and sensitive incidents
 * reach partner and public coarsened in place, date and counts (incident-coarsening.ts).
 * Every path that returns layer records (layer API, export, OGC API) goes through
 * layer-sql.ts featureSql, which reads these lists: there is no other way out.
 */
export const PROFILES = ['internal', 'working-group', 'partner', 'public'] as const;
export type Profile = (typeof PROFILES)[number];

/** Shown on every record of every profile: what the record is and where it came from. */
const ALWAYS = ['illustrative', 'source'];
const PERIOD = ['valid_from', 'valid_to'];

type Allowlists = Record<Exclude<Profile, 'internal'>, readonly string[]>;

/**
 * Names of people, contacts, free text and source identities never leave `internal`:
 * `notes`, `description`, `sources`, `perpetrator_name`, `source_id`, visit records.
 */
export const ALLOWED_FIELDS: Record<LayerName, Allowlists> = {
  zones: {
    'working-group': [
      ...ALWAYS,
      ...PERIOD,
      'code',
      'name',
      'province',
      'territory',
      'minerals',
      'status',
      'production_level',
      'qualification',
      'qualification_date',
      'worker_estimate',
      'area_ha',
    ],
    partner: [
      ...ALWAYS,
      ...PERIOD,
      'code',
      'name',
      'province',
      'territory',
      'minerals',
      'status',
      'production_level',
      'qualification',
      'qualification_date',
      'worker_estimate',
      'area_ha',
    ],
    public: [...ALWAYS, ...PERIOD, 'code', 'name', 'province', 'territory', 'minerals', 'status', 'qualification', 'area_ha'],
  },
  cooperatives: {
    'working-group': [...ALWAYS, ...PERIOD, 'name', 'acronym', 'legal_status', 'authorisation_ref', 'authorisation_date', 'minerals'],
    partner: [...ALWAYS, ...PERIOD, 'name', 'acronym', 'legal_status', 'authorisation_date', 'minerals'],
    public: [...ALWAYS, ...PERIOD, 'name', 'acronym', 'legal_status'],
  },
  claims: {
    'working-group': [...ALWAYS, ...PERIOD, 'cooperative_id', 'zone_id', 'name', 'basis', 'status', 'cooperative_name', 'legal_status', 'area_ha'],
    partner: [...ALWAYS, ...PERIOD, 'cooperative_id', 'zone_id', 'name', 'basis', 'status', 'cooperative_name', 'legal_status', 'area_ha'],
    public: [...ALWAYS, ...PERIOD, 'cooperative_id', 'zone_id', 'basis', 'status', 'cooperative_name', 'legal_status', 'area_ha'],
  },
  presence: {
    'working-group': [
      ...ALWAYS,
      ...PERIOD,
      'actor_type',
      'actor_name',
      'behaviours',
      'linked_cooperative_id',
      'link_kind',
      'site_id',
      'zone_id',
      'confidence',
      'observed_on',
    ],
    partner: [...ALWAYS, ...PERIOD, 'actor_type', 'behaviours', 'linked_cooperative_id', 'link_kind', 'site_id', 'zone_id', 'confidence'],
    public: [...ALWAYS, ...PERIOD, 'actor_type', 'zone_id'],
  },
  incidents: {
    'working-group': [
      ...ALWAYS,
      'occurred_on',
      'time_precision',
      'category',
      'sub_category',
      'perpetrator_type',
      'victims',
      'killed',
      'injured',
      'geo_precision',
      'site_id',
      'zone_id',
      'route_id',
      'verification',
      'follow_up',
    ],
    partner: [
      ...ALWAYS,
      'occurred_on',
      'time_precision',
      'category',
      'perpetrator_type',
      'victims',
      'killed',
      'injured',
      'geo_precision',
      'zone_id',
      'route_id',
      'verification',
    ],
    public: [...ALWAYS, 'occurred_on', 'time_precision', 'category', 'perpetrator_type', 'victims', 'killed', 'injured', 'geo_precision', 'verification'],
  },
  routes: {
    'working-group': [...ALWAYS, ...PERIOD, 'name', 'from_place', 'to_place', 'site_id', 'surface', 'length_km'],
    partner: [...ALWAYS, ...PERIOD, 'name', 'from_place', 'to_place', 'site_id', 'surface', 'length_km'],
    public: [...ALWAYS, ...PERIOD, 'name', 'from_place', 'to_place', 'surface', 'length_km'],
  },
  roadblocks: {
    'working-group': [...ALWAYS, ...PERIOD, 'name', 'operator_type', 'operator_name', 'taxes', 'goods_taxed', 'taxes_minerals', 'route_id'],
    partner: [...ALWAYS, ...PERIOD, 'name', 'operator_type', 'taxes', 'goods_taxed', 'taxes_minerals', 'route_id'],
    public: [...ALWAYS, ...PERIOD, 'operator_type', 'taxes', 'taxes_minerals'],
  },
  sites: {
    'working-group': [
      ...ALWAYS,
      'name',
      'pcode',
      'province',
      'territory',
      'collectivite',
      'groupement',
      'village',
      'minerals',
      'location_precision',
      'location_issue',
      'latest_visit',
      'visit_count',
    ],
    partner: [
      ...ALWAYS,
      'name',
      'pcode',
      'province',
      'territory',
      'collectivite',
      'groupement',
      'village',
      'minerals',
      'location_precision',
      'location_issue',
      'visit_count',
    ],
    public: [...ALWAYS, 'name', 'pcode', 'province', 'territory', 'minerals', 'location_precision'],
  },
  // The cadastre is public record (CAMI publishes it, Global Forest Watch republishes it), so
  // every profile sees the titles. The holder is a company or, for some research permits, a
  // person: named to the working group and partners, who need it to act on R12, and left out
  // of the public profile, where this project would be the one republishing a person's name.
  permits: {
    'working-group': [...ALWAYS, ...PERIOD, 'code', 'holder', 'permit_type', 'permit_status', 'cami_status', 'minerals', 'declared_area_ha', 'area_ha'],
    partner: [...ALWAYS, ...PERIOD, 'code', 'holder', 'permit_type', 'permit_status', 'cami_status', 'minerals', 'declared_area_ha', 'area_ha'],
    public: [...ALWAYS, ...PERIOD, 'code', 'permit_type', 'permit_status', 'cami_status', 'minerals', 'declared_area_ha', 'area_ha'],
  },
};

export function isAllowed(layer: LayerName, profile: Profile, field: string): boolean {
  return profile === 'internal' || ALLOWED_FIELDS[layer][profile].includes(field);
}
