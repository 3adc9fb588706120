import type { TSchema } from 'typebox';
import { Type } from 'typebox';

/**
 * JSON Schemas for GeoJSON geometries (RFC 7946) that reject, before any SQL runs,
 * the wrong geometry type and any position outside WGS84 bounds, with the exact
 * path of the offending coordinate in the error.
 */
export type GeometryType = 'Point' | 'LineString' | 'Polygon' | 'MultiPolygon' | 'MultiLineString';

/** Generous but finite, so one request cannot ask PostGIS to chew on millions of vertices. */
const MAX_POSITIONS = 50_000;

/** Longitude and latitude only: the tables are 2D, so a height (Z) or measure (M) is refused, by name (validation.ts). */
const position = Type.Unsafe<number[]>({
  type: 'array',
  minItems: 2,
  maxItems: 2,
  description: 'longitude, latitude (no height)',
  items: [
    { type: 'number', minimum: -180, maximum: 180, description: 'longitude' },
    { type: 'number', minimum: -90, maximum: 90, description: 'latitude' },
  ],
  additionalItems: { type: 'number' },
});

const lineString = Type.Array(position, { minItems: 2, maxItems: MAX_POSITIONS });
const linearRing = Type.Array(position, { minItems: 4, maxItems: MAX_POSITIONS });
const polygon = Type.Array(linearRing, { minItems: 1, maxItems: 1_000 });

const coordinatesOf: Record<GeometryType, TSchema> = {
  Point: position,
  LineString: lineString,
  MultiLineString: Type.Array(lineString, { minItems: 1, maxItems: 1_000 }),
  Polygon: polygon,
  MultiPolygon: Type.Array(polygon, { minItems: 1, maxItems: 1_000 }),
};

function geometryOfType(type: GeometryType): TSchema {
  return Type.Object(
    { type: Type.Literal(type), coordinates: coordinatesOf[type], bbox: Type.Optional(Type.Array(Type.Number())) },
    { additionalProperties: false },
  );
}

/** A geometry of one of `types`; Ajv's discriminator keeps errors about the type that was sent. */
export function geometrySchema(types: readonly GeometryType[]): TSchema {
  if (types.length === 1) return geometryOfType(types[0]!);
  return Type.Unsafe({
    type: 'object',
    required: ['type'],
    properties: { type: { enum: [...types] } },
    discriminator: { propertyName: 'type' },
    oneOf: types.map(geometryOfType),
  });
}
