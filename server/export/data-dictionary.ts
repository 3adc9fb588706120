import { fieldLabel, valueLabels, type Localized } from '../domain/field-labels.js';
import { LAYERS } from '../layers/registry.js';
import type { LayerName } from '../layers/layer-definition.js';
import { GRID_DEGREES, LINK_DAYS, SENSITIVE_CATEGORIES, SMALL_COUNT } from '../sharing/incident-coarsening.js';
import { LICENCES, NO_DATA_STATEMENT } from './export-metadata.js';
import type { ExportRequest } from './export-params.js';
import { exportColumns } from './export-query.js';
import { labelColumnLabel, withLabelColumns } from './readable-labels.js';

/**
 * The key to an export, inside its zip (issue 14): what each field of each file means, what
 * its codes stand for, in French and in English, what the sharing profile did to the records
 * (coarsening), what the ids refer to, and the licences. A partner reading `geo_precision: 2`
 * or `zone_id: 4` must not have to guess, nor ask us.
 */
interface FieldEntry {
  name: string;
  label: Localized;
  codes?: Record<string, Localized>;
  note?: Localized;
}

/** Fields whose value is the id of another layer's record: in the same export, that layer's feature `id`. */
const REFERENCES: Record<string, LayerName> = {
  zone_id: 'zones',
  route_id: 'routes',
  site_id: 'sites',
  cooperative_id: 'cooperatives',
  linked_cooperative_id: 'cooperatives',
};

const COARSENING_FIELDS: Record<string, { label: Localized; note: Localized }> = {
  location_precision: {
    label: { fr: 'Précision du lieu publié', en: 'Precision of the published place' },
    note: { fr: '« as recorded » ou la cellule de grille où l’incident a été déplacé.', en: '"as recorded", or the grid cell the incident was moved to.' },
  },
  small_counts_suppressed: {
    label: { fr: 'Petits effectifs masqués', en: 'Small counts withheld' },
    note: {
      fr: `true : un effectif entre 1 et ${SMALL_COUNT - 1} est publié vide (null).`,
      en: `true: a count from 1 to ${SMALL_COUNT - 1} is published empty (null).`,
    },
  },
};

function fieldEntry(layer: LayerName, name: string): FieldEntry {
  const coded = name.endsWith('_label') ? name.slice(0, -'_label'.length) : null;
  if (coded && valueLabels(coded)) return { name, label: labelColumnLabel(coded) };
  const coarsening = COARSENING_FIELDS[name];
  if (coarsening) return { name, ...coarsening };
  const entry: FieldEntry = { name, label: fieldLabel(name) ?? { fr: name, en: name } };
  const codes = valueLabels(name);
  if (codes) entry.codes = codes;
  const target = REFERENCES[name];
  if (target) {
    entry.note = {
      fr: `L’identifiant d’un enregistrement de la couche ${LAYERS[target].title.fr} : le \`id\` de l’entité correspondante dans ${target}.geojson de cet export, s’il y est.`,
      en: `The id of a record of the ${LAYERS[target].title.en} layer: the \`id\` of the matching feature in ${target}.geojson of this export, when it is there.`,
    };
  }
  if (layer === 'incidents' && name === 'id')
    entry.note = { fr: 'Identifiant opaque, propre à ce profil de partage.', en: 'An opaque id, proper to this sharing profile.' };
  return entry;
}

/** What the profile did to the records before they left. */
function coarseningRules(request: ExportRequest): Localized[] {
  const grid = GRID_DEGREES[request.profile];
  if (!grid)
    return [
      {
        fr: 'Lieux et dates tels qu’enregistrés (profil interne ou groupe de travail).',
        en: 'Places and dates as recorded (internal or working-group profile).',
      },
    ];
  const km = Math.round(grid * 111);
  const sensitive = SENSITIVE_CATEGORIES.join(', ');
  return [
    {
      fr: `Incidents graves (${sensitive}) : placés au centre d’une cellule de grille de ${grid}° (environ ${km} km), datés au mois.`,
      en: `Serious incidents (${sensitive}): placed at the centre of a ${grid}° grid cell (about ${km} km), dated to the month.`,
    },
    {
      fr: `Un autre incident à moins d’une cellule et de ${LINK_DAYS} jours d’un incident grave est traité de même, pour qu’il ne le situe pas.`,
      en: `Another incident within one cell and ${LINK_DAYS} days of a serious one is treated the same, so that it does not give its place away.`,
    },
    {
      fr: `Effectifs (victimes, tués, blessés) de 1 à ${SMALL_COUNT - 1} publiés vides.`,
      en: `Counts (victims, killed, injured) from 1 to ${SMALL_COUNT - 1} published empty.`,
    },
    {
      fr: 'Noms des auteurs, descriptions, sources et notes ne sont jamais publiés.',
      en: 'Perpetrators’ names, descriptions, sources and notes are never published.',
    },
  ];
}

/** The properties of the layer's file, in its order; the internal profile's records also carry their timestamps (layer-sql.ts featureSql). */
function fieldNames(layer: LayerName, request: ExportRequest): string[] {
  const columns = exportColumns(LAYERS[layer], request);
  const names = ['id', ...(request.lang ? withLabelColumns(columns) : columns)];
  return request.profile === 'internal' ? [...names, 'created_at', 'updated_at'] : names;
}

export function dataDictionary(request: ExportRequest) {
  return {
    profile: request.profile,
    layers: Object.fromEntries(
      request.layers.map((layer) => [
        layer,
        {
          title: LAYERS[layer].title,
          file: `${layer}.${request.format === 'csv' ? 'csv' : 'geojson'}`,
          fields: fieldNames(layer, request).map((name) => fieldEntry(layer, name)),
        },
      ]),
    ),
    coarsening: coarseningRules(request),
    licences: LICENCES,
    statement: NO_DATA_STATEMENT,
  };
}
