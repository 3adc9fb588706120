import type { Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { Type, type TSchema } from 'typebox';

/**
 * GeoJSON as the server answers it (RFC 7946, written by PostGIS's ST_AsGeoJSON), for the
 * response schemas of the layers and the analyses. What a client may send, with its bounds and
 * size limits, is geometry-schema.ts. Typed as the `geojson` package's types, so that the pages
 * hand these answers to MapLibre and Turf as they are. No Node here: the web imports its types.
 */
const position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3, description: 'longitude, latitude' });
const positions = Type.Array(position);
const rings = Type.Array(positions);

const geometryOfType = <T extends Geometry>(type: T['type'], coordinates: TSchema) =>
  Type.Unsafe<T>(Type.Object({ type: Type.Literal(type), coordinates, bbox: Type.Optional(Type.Array(Type.Number())) }, { additionalProperties: false }));

export const pointSchema = geometryOfType<Point>('Point', position);
export const lineStringSchema = geometryOfType<LineString>('LineString', positions);
export const multiLineStringSchema = geometryOfType<MultiLineString>('MultiLineString', rings);
export const polygonSchema = geometryOfType<Polygon>('Polygon', rings);
export const multiPolygonSchema = geometryOfType<MultiPolygon>('MultiPolygon', Type.Array(rings));

/** Any of the geometries the layers hold. */
export const geometrySchema = Type.Unsafe<Geometry>(
  Type.Union([pointSchema, lineStringSchema, multiLineStringSchema, polygonSchema, multiPolygonSchema], { description: 'a GeoJSON geometry, WGS84' }),
);

/** A Feature with the given id, geometry and properties schemas; nothing else on it. */
export function featureSchema<Id extends TSchema, G extends TSchema, P extends TSchema>(id: Id, geometry: G, properties: P, description?: string) {
  return Type.Object({ type: Type.Literal('Feature'), id, geometry, properties }, { additionalProperties: false, description });
}

/** A FeatureCollection of `feature`, with the collection's own members beside `features`. */
export function featureCollectionSchema<F extends TSchema, M extends Record<string, TSchema>>(feature: F, members: M, description?: string) {
  return Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(feature), ...members }, { additionalProperties: false, description });
}
