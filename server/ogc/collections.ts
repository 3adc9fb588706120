import type { Queryable } from '../db/database.js';
import type { LayerDefinition } from '../layers/layer-definition.js';
import { layerExtent } from '../layers/layer-store.js';
import type { Profile } from '../sharing/profiles.js';
import { GEOJSON_TYPE, JSON_TYPE, link, ogcUrl, type Link, type QueryValues } from './ogc-links.js';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const GREGORIAN = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian';

export type Language = 'en' | 'fr';

/**
 * The layers have titles in English and French: the first of the two the client's
 * Accept-Language prefers, English when it names neither (/rec/core/string-i18n).
 */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: tag.split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.find((entry) => entry.primary === 'fr' || entry.primary === 'en')?.primary === 'fr' ? 'fr' : 'en';
}

export interface Collection {
  id: string;
  title: string;
  description: string;
  links: Link[];
  extent?: { spatial?: { bbox: number[][]; crs: string }; temporal?: { interval: Array<Array<string | null>>; trs: string } };
  itemType: 'feature';
  crs: string[];
}

/** How the `datetime` parameter reads the layer's dates, for the description. */
function periodWording(layer: LayerDefinition, language: Language): string {
  const { from, to } = layer.period;
  if (language === 'fr') {
    return to ? `datetime retient les enregistrements dont la période ${from}–${to} le recoupe` : `datetime retient les enregistrements dont ${from} y tombe`;
  }
  return to ? `datetime selects records whose period ${from}–${to} overlaps it` : `datetime selects records whose ${from} falls within it`;
}

/**
 * One layer as a feature collection (/req/core/sfc-md-success): `self` and `items` links with
 * their media types (/req/core/fc-md-links, /req/core/fc-md-items-links), and an extent holding
 * every geometry and period the profile sees (/req/core/fc-md-extent; null ends are open).
 */
export async function collectionDocument(
  db: Queryable,
  layer: LayerDefinition,
  base: string,
  profile: Profile,
  language: Language,
  carried: QueryValues,
): Promise<Collection> {
  const other: Language = language === 'en' ? 'fr' : 'en';
  const path = `/collections/${layer.name}`;
  const extent = await layerExtent(db, layer, profile);
  const collection: Collection = {
    id: layer.name,
    title: layer.title[language],
    description: `${layer.title[language]} (${other}: ${layer.title[other]}). ${periodWording(layer, language)}. Profile: ${profile}.`,
    links: [
      link(ogcUrl(base, path, carried), 'self', JSON_TYPE, layer.title[language]),
      link(ogcUrl(base, `${path}/items`, carried), 'items', GEOJSON_TYPE, `${layer.title[language]} (GeoJSON)`),
    ],
    itemType: 'feature',
    crs: [CRS84],
  };
  if (extent.bbox || extent.interval) {
    collection.extent = {};
    // Features go out at 7 decimals (layer-sql.ts geometryJsonSql): so does the box around them.
    if (extent.bbox) collection.extent.spatial = { bbox: [extent.bbox.map((v) => Math.round(v * 1e7) / 1e7)], crs: CRS84 };
    if (extent.interval) {
      const [first, last] = extent.interval;
      // The layers record whole days: the interval runs from the first day's start to the last day's end.
      collection.extent.temporal = { interval: [[first && `${first}T00:00:00Z`, last && `${last}T23:59:59Z`]], trs: GREGORIAN };
    }
  }
  return collection;
}
