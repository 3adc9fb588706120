import type { TSchema } from 'typebox';
import { Type } from 'typebox';
import { geometrySchema } from './geometry-schema.js';
import type { LayerDefinition } from './layer-definition.js';

/**
 * The GeoJSON Feature a client sends to create (`mode: 'create'`) or change
 * (`mode: 'patch'`) a record of a layer. Unknown properties are refused, not dropped:
 * a misspelt field must not vanish silently.
 */
export function featureInputSchema(layer: LayerDefinition, mode: 'create' | 'patch'): TSchema {
  const properties: Record<string, TSchema> = {};
  for (const column of layer.columns) {
    properties[column.name] = mode === 'create' && column.required ? column.schema : Type.Optional(column.schema);
  }
  const geometry = layer.geometry.required ? geometrySchema(layer.geometry.types) : Type.Union([geometrySchema(layer.geometry.types), Type.Null()]);
  const requiredProperties = mode === 'create' && layer.columns.some((c) => c.required);
  return Type.Object(
    {
      type: Type.Literal('Feature'),
      id: Type.Optional(Type.Union([Type.String(), Type.Number()])),
      geometry: mode === 'create' && layer.geometry.required ? geometry : Type.Optional(geometry),
      properties: requiredProperties
        ? Type.Object(properties, { additionalProperties: false })
        : Type.Optional(Type.Union([Type.Object(properties, { additionalProperties: false }), Type.Null()])),
      bbox: Type.Optional(Type.Array(Type.Number())),
    },
    { additionalProperties: false },
  );
}
