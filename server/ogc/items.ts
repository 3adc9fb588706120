import type { Feature } from 'geojson';
import type { Queryable } from '../db/database.js';
import { notFound } from '../http/errors.js';
import type { LayerDefinition } from '../layers/layer-definition.js';
import { getFeature, listFeatures, type LayerPage } from '../layers/layer-store.js';
import type { Profile } from '../sharing/profiles.js';
import { parseDatetime } from './datetime.js';
import { GEOJSON_TYPE, JSON_TYPE, link, ogcUrl, type Link, type QueryValues } from './ogc-links.js';
import { clampLimit, parseOgcBbox, type ItemsQuery } from './ogc-query.js';

export interface ItemsPage extends LayerPage {
  timeStamp: string;
  links: Link[];
}

/** /req/core/fc-timeStamp: when the response was made, to the second. */
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * One page of a layer's features through the layer store, which applies the profile to fields,
 * geometry and the filters alike. Paging links repeat the whole query with the profile spelled
 * out, so that following them never changes who the data is shaped for.
 */
export async function itemsPage(db: Queryable, layer: LayerDefinition, base: string, query: ItemsQuery, profile: Profile): Promise<ItemsPage> {
  const bbox = query.bbox === undefined ? undefined : parseOgcBbox(query.bbox);
  const period = query.datetime === undefined ? undefined : parseDatetime(query.datetime);
  const limit = clampLimit(query.limit);
  const offset = query.offset ?? 0;
  // /req/core/fc-bbox-response: records with no geometry match any bbox.
  const page = await listFeatures(db, layer, { bbox, period, limit, offset, profile, keepUnlocated: true });

  const path = `/collections/${layer.name}/items`;
  const at = (o: number): string => ogcUrl(base, path, { bbox: query.bbox, datetime: query.datetime, limit, offset: o, profile });
  const links = [link(at(offset), 'self', GEOJSON_TYPE, 'this page')];
  // /rec/core/fc-next-1 (a next link while features remain) and /rec/core/fc-next-2 (it returns the ones not yet sent).
  if (offset + page.numberReturned < page.numberMatched) links.push(link(at(offset + limit), 'next', GEOJSON_TYPE, 'next page'));
  if (offset > 0) links.push(link(at(Math.max(0, offset - limit)), 'prev', GEOJSON_TYPE, 'previous page'));
  links.push(link(ogcUrl(base, `/collections/${layer.name}`, { profile }), 'collection', JSON_TYPE, layer.title.en));
  // /req/core/fc-numberMatched, /req/core/fc-numberReturned.
  return { ...page, timeStamp: now(), links };
}

/** One feature (/req/core/f-success), with `self` and `collection` links (/req/core/f-links); 404 if absent. */
export async function oneItem(
  db: Queryable,
  layer: LayerDefinition,
  base: string,
  featureId: string,
  profile: Profile,
  carried: QueryValues,
): Promise<Feature & { links: Link[] }> {
  // Ids are positive integers; anything else names no feature, which is a 404 like any absent one.
  const id = /^[1-9]\d{0,15}$/.test(featureId) ? Number(featureId) : undefined;
  const feature = id !== undefined && id <= Number.MAX_SAFE_INTEGER ? await getFeature(db, layer, id, undefined, profile) : null;
  if (!feature) throw notFound(`no feature '${featureId}' in collection ${layer.name}`);
  const collection = `/collections/${layer.name}`;
  return {
    ...feature,
    links: [
      link(ogcUrl(base, `${collection}/items/${featureId}`, carried), 'self', GEOJSON_TYPE, 'this feature'),
      link(ogcUrl(base, collection, carried), 'collection', JSON_TYPE, layer.title.en),
    ],
  };
}
