import { Type, type Static, type TSchema } from 'typebox';
import { DATE } from '../http/date-param.js';
import { coarseningNoteFields } from '../sharing/incident-coarsening.js';
import {
  featureCollectionSchema,
  featureSchema,
  geometrySchema,
  lineStringSchema,
  multiLineStringSchema,
  multiPolygonSchema,
  pointSchema,
  polygonSchema,
} from './geojson-schema.js';
import type { GeometryType } from './geometry-schema.js';
import { LAYER_NAMES, type Column, type LayerDefinition } from './layer-definition.js';

/**
 * What the layer API answers (layer-routes.ts): one schema per layer, made from its
 * definition, so that the OpenAPI document names each layer's properties. Every property is
 * optional: which of them a caller gets depends on its sharing profile (README, "Sharing").
 * The features are built in SQL (layer-sql.ts featureSql), so the schemas are documentation
 * that tests/http/response-contract.test.ts holds the answers to. No Node here: the pages
 * import the generic types at the end.
 */
const nullable = (schema: TSchema) => Type.Union([schema, Type.Null()]);

/** A stored value as it is read back: the column's vocabulary kept, its write limits (lengths, ranges) not. */
function columnAnswer(column: Column): TSchema {
  switch (column.sqlType) {
    case 'text': {
      const values = enumValues(column.schema);
      return nullable(values ? Type.Enum(values) : Type.String());
    }
    case 'text[]':
      return nullable(Type.Array(Type.String()));
    case 'date':
      return nullable(DATE);
    case 'integer':
    case 'smallint':
    case 'bigint':
      return nullable(Type.Integer());
    case 'boolean':
      return nullable(Type.Boolean());
    case 'jsonb':
      return Type.Unknown();
  }
}

/** The values of an enum column's write schema (`col.enum`: an enum, or an enum or null). */
function enumValues(schema: TSchema): string[] | undefined {
  const s = schema as { enum?: string[]; anyOf?: { enum?: string[] }[] };
  return s.enum ?? s.anyOf?.find((branch) => branch.enum)?.enum;
}

const GEOMETRY: Record<GeometryType, TSchema> = {
  Point: pointSchema,
  LineString: lineStringSchema,
  MultiLineString: multiLineStringSchema,
  Polygon: polygonSchema,
  MultiPolygon: multiPolygonSchema,
};

/** Stored as MultiPolygon when the layer promotes polygons: what comes back is always the multi type. */
function layerGeometry(layer: LayerDefinition): TSchema {
  const types = layer.geometry.promoteToMulti ? layer.geometry.types.filter((t) => t !== 'Polygon') : layer.geometry.types;
  const one = types.length === 1 ? GEOMETRY[types[0]!] : Type.Union(types.map((t) => GEOMETRY[t]));
  return layer.geometry.required ? one : nullable(one);
}

/** The properties of a layer's features, as the internal profile sees them; other profiles see fewer. */
function layerProperties(layer: LayerDefinition): TSchema {
  const properties: Record<string, TSchema> = {};
  for (const column of layer.columns) properties[column.name] = Type.Optional(columnAnswer(column));
  for (const computed of layer.computed ?? []) properties[computed.name] = Type.Optional(Type.Unknown({ description: 'computed on read, not stored' }));
  if (layer.name === 'incidents') {
    for (const note of Object.keys(coarseningNoteFields('partner'))) {
      properties[note] = Type.Optional(Type.Unknown({ description: 'partner and public profiles: how the record was coarsened' }));
    }
  }
  properties.created_at = Type.Optional(Type.String({ description: 'internal profile only: when the record was stored' }));
  properties.updated_at = Type.Optional(Type.String({ description: 'internal profile only: when the record last changed' }));
  return Type.Object(properties, {
    additionalProperties: false,
    description: `${layer.title.en}: the properties your sharing profile may see (all of them for internal callers)`,
  });
}

/** The generic shape of a record of any layer, for code that handles every layer alike (the pages, the routes' types). */
export const layerFeatureSchema = featureSchema(
  Type.Integer({ description: 'the record id as your profile sees it (opaque for coarsened incidents)' }),
  Type.Union([geometrySchema, Type.Null()]),
  Type.Record(Type.String(), Type.Unknown()),
);
export type LayerFeature = Static<typeof layerFeatureSchema>;

const pageMembers = {
  numberMatched: Type.Integer({ minimum: 0, description: 'how many records match, over all pages' }),
  numberReturned: Type.Integer({ minimum: 0, description: 'how many are in this page' }),
};
export const layerCollectionSchema = featureCollectionSchema(layerFeatureSchema, pageMembers);
export type LayerCollection = Static<typeof layerCollectionSchema>;

/** One record of `layer`, typed as the generic LayerFeature for the handlers. */
export function layerFeatureAnswer(layer: LayerDefinition) {
  return Type.Unsafe<LayerFeature>(featureSchema(layerFeatureSchema.properties.id, layerGeometry(layer), layerProperties(layer), `one of ${layer.title.en}`));
}

/** A page of `layer`'s records, typed as the generic LayerCollection for the handlers. */
export function layerCollectionAnswer(layer: LayerDefinition) {
  return Type.Unsafe<LayerCollection>(featureCollectionSchema(layerFeatureAnswer(layer), pageMembers, `${layer.title.en}, a page of them`));
}

/** `GET /api/layers`: what each layer holds. */
export const layerListSchema = Type.Array(
  Type.Object(
    {
      name: Type.Enum([...LAYER_NAMES]),
      title: Type.Object({ fr: Type.String(), en: Type.String() }, { additionalProperties: false }),
      geometryTypes: Type.Array(Type.Enum(Object.keys(GEOMETRY) as GeometryType[])),
      properties: Type.Array(
        Type.Object(
          {
            name: Type.String(),
            required: Type.Boolean(),
            references: Type.Optional(Type.Enum([...LAYER_NAMES], { description: 'the layer whose id it holds' })),
          },
          { additionalProperties: false },
        ),
        { description: 'the stored properties a record can be written with' },
      ),
      href: Type.String({ description: 'where its records are: /api/<layer>' }),
    },
    { additionalProperties: false },
  ),
);
export type LayerInfo = Static<typeof layerListSchema>[number];
