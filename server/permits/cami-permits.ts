import type { Feature } from 'geojson';
import type { PERMIT_STATUSES, PERMIT_TYPES } from '../domain/vocabulary.js';

/**
 * The mining cadastre's titles (CAMI) as Global Forest Watch publishes them, the same format
 * as its ZEAs (server/zones/cami-zones.ts): `code`, `parties` (the holder), `type`, `statut`,
 * `date_do` (granted), `date_de1` (expires), `resource`, `sup_sig_ha`, `gfwid`… mapped onto
 * the permits layer. A type or status this table does not know is passed on as it is, so the
 * import rejects that record with the layer's own message rather than guessing.
 */
export function isCamiPermit(feature: Feature): boolean {
  const p: Record<string, unknown> = feature.properties ?? {};
  return (typeof p.code === 'string' || typeof p.code === 'number') && 'gfwid' in p && 'statut' in p && typeof p.type === 'string';
}

/** CAMI's `type`, spaces and case aside. */
const TYPES: Record<string, (typeof PERMIT_TYPES)[number]> = {
  pe: 'pe',
  pepm: 'pepm',
  'pr (as)': 'pr_as',
  'pr (pp)': 'pr_pp',
  'aecp (car)': 'aecp',
  aecp: 'aecp',
  'arpc (car)': 'arpc',
  arpc: 'arpc',
  zea: 'zea',
  zrg: 'zrg',
};

/**
 * CAMI's `statut`, lower case. A title struck off (`droit déchu`) is lapsed; one being
 * forfeited or struck off is still on the register until it is, so it is `lapsing`;
 * force majeure suspends obligations, not the title.
 */
const STATUSES: Record<string, (typeof PERMIT_STATUSES)[number]> = {
  actif: 'active',
  'actif-en convention': 'active',
  'actif-en renouvellement': 'active',
  'actif-en cours de cession totale': 'active',
  'actif-levée de force majeure': 'active',
  'actif-transformation pr en pe': 'active',
  'actif-transformation pr en pepm': 'active',
  'droit octroyé pr->pepm': 'active',
  'renouvellment octroi': 'active',
  'renouvellement octroi': 'active',
  'actif-en force majeure': 'force_majeure',
  'radiation en cours': 'lapsing',
  'actif-en déchéance_nonpaiement': 'lapsing',
  'a déchoir pour non paiement': 'lapsing',
  'droit déchu': 'lapsed',
  'nouvelle demande': 'application',
  'demande approuvée': 'application',
};

const normal = (value: unknown) =>
  String(value ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

const dateOrNull = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 10) : null);

export function camiPermitToLayer(feature: Feature): Feature {
  const p: Record<string, unknown> = feature.properties ?? {};
  const declaredHa = Number(p.sup_sig_ha);
  const minerals = String(p.resource ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  const type = normal(p.type);
  const status = normal(p.statut);
  return {
    type: 'Feature',
    geometry: feature.geometry,
    properties: {
      code: String(p.code),
      holder: typeof p.parties === 'string' && p.parties.trim() !== '' ? p.parties.trim() : null,
      permit_type: TYPES[type] ?? String(p.type),
      ...(status === '' ? {} : { permit_status: STATUSES[status] ?? String(p.statut) }),
      cami_status: status === '' ? null : String(p.statut).trim(),
      minerals,
      declared_area_ha: p.sup_sig_ha != null && Number.isFinite(declaredHa) ? Math.round(declaredHa) : null,
      valid_from: dateOrNull(p.date_do),
      valid_to: dateOrNull(p.date_de1),
      notes: 'CAMI (cadastre minier de la RDC), via Global Forest Watch.',
      source: 'cami',
      // One record per polygon: a code can come in several (ZRG02225 in the South Kivu extract),
      // and Global Forest Watch gives each polygon its own id.
      source_id: typeof p.gfwid === 'string' && p.gfwid.trim() !== '' ? p.gfwid.trim() : String(p.code),
    },
  };
}
