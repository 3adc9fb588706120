import type { Feature } from 'geojson';

/**
 * The DRC mining cadastre's ZEA polygons as Global Forest Watch publishes them
 * (properties `code`, `statut`, `parties`, `gfwid`…), mapped onto the zones layer.
 */
export function isCamiZone(feature: Feature): boolean {
  const p: Record<string, unknown> = feature.properties ?? {};
  return typeof p.code === 'string' && 'gfwid' in p && 'statut' in p;
}

const STATUS: Record<string, string> = { actif: 'active', suspendu: 'suspended', ferme: 'closed', fermé: 'closed' };

export function camiZoneToLayer(feature: Feature): Feature {
  const p: Record<string, unknown> = feature.properties ?? {};
  const declaredHa = Number(p.sup_sig_ha);
  const notes = [
    'CAMI (cadastre minier de la RDC), via Global Forest Watch.',
    p.parties ? `Parties: ${String(p.parties)}.` : '',
    Number.isFinite(declaredHa) ? `Declared area ${declaredHa} ha.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    type: 'Feature',
    geometry: feature.geometry,
    properties: {
      code: p.code,
      name: p.code,
      status:
        STATUS[
          String(p.statut ?? '')
            .trim()
            .toLowerCase()
        ] ?? 'active',
      notes,
      source: 'cami',
      source_id: p.code,
    },
  };
}
