import { cooperativesLayer } from '../claims/cooperatives-layer.js';
import { claimsLayer } from '../claims/claims-layer.js';
import { incidentsLayer } from '../incidents/incidents-layer.js';
import { permitsLayer } from '../permits/permits-layer.js';
import { presenceLayer } from '../security/presence-layer.js';
import { sitesLayer } from '../sites/sites-layer.js';
import { roadblocksLayer } from '../transport/roadblocks-layer.js';
import { routesLayer } from '../transport/routes-layer.js';
import { zonesLayer } from '../zones/zones-layer.js';
import type { LayerDefinition, LayerName } from './layer-definition.js';

/** Every layer the API serves, in the order a map draws them (bottom first). */
export const LAYERS: Readonly<Record<LayerName, LayerDefinition>> = {
  permits: permitsLayer,
  zones: zonesLayer,
  claims: claimsLayer,
  cooperatives: cooperativesLayer,
  routes: routesLayer,
  sites: sitesLayer,
  roadblocks: roadblocksLayer,
  presence: presenceLayer,
  incidents: incidentsLayer,
};
