import type { TSchema } from 'typebox';
import { Type } from 'typebox';
import type { GeometryType } from './geometry-schema.js';
import { DATE } from '../http/date-param.js';

export const LAYER_NAMES = ['zones', 'cooperatives', 'claims', 'presence', 'incidents', 'routes', 'roadblocks', 'sites', 'permits'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

/** One property of a layer: a column of its table. */
export interface Column {
  name: string;
  /** The SQL type a written value is cast to: values always travel as parameters. */
  sqlType: 'text' | 'text[]' | 'date' | 'integer' | 'smallint' | 'bigint' | 'boolean' | 'jsonb';
  /** Validation of the value on write. */
  schema: TSchema;
  /** Must be given when a record is created. */
  required?: boolean;
  /** A foreign key: the layer whose id it holds (imports may name it by source id instead). */
  references?: LayerName;
}

/** A property computed on read, not stored (e.g. the claimant's name on a claim). */
export interface ComputedProperty {
  name: string;
  /** SQL over the row alias `t`; `asOf` is the placeholder of the date looked at. */
  sql: (asOf: string) => string;
}

/**
 * Everything the generic layer store and routes need to serve one layer.
 * Each domain module (server/zones, server/claims…) exports one of these.
 */
export interface LayerDefinition {
  name: LayerName;
  table: string;
  title: { fr: string; en: string };
  geometry: {
    types: readonly GeometryType[];
    required: boolean;
    /** Stored as MultiPolygon: a Polygon sent in is promoted. */
    promoteToMulti?: boolean;
  };
  columns: readonly Column[];
  /** Which columns bound the period a record holds for; drives the `date` (as-of) filter. */
  period: { from: string; to: string | null };
  computed?: readonly ComputedProperty[];
  /** Default order of a listing. */
  orderBy?: string;
  /**
   * The fields the map draws and filters this layer by: all that its vector tiles carry of a
   * record, besides its id and place. The popup of a record drawn from tiles reads the whole
   * record from the layer API (web/src/map/main.ts), as the profile sees it. At province scale
   * the other fields were most of a tile's cost: a zoom-10 tile of 534 claims took 31 ms and
   * 73 KB with every field, 14 ms and 27 KB with these (tests/tiles/tile-fields.unit.test.ts
   * checks the map's style reads no other field).
   */
  tileFields: readonly string[];
}

const nullable = (schema: TSchema) => Type.Union([schema, Type.Null()]);
const text = (maxLength = 2_000) => Type.String({ maxLength });

export const col = {
  text: (name: string, options: { required?: boolean; maxLength?: number } = {}): Column => ({
    name,
    sqlType: 'text',
    schema: options.required ? Type.String({ minLength: 1, maxLength: options.maxLength ?? 300 }) : nullable(text(options.maxLength)),
    required: options.required,
  }),
  enum: (name: string, values: readonly string[], options: { required?: boolean } = {}): Column => ({
    name,
    sqlType: 'text',
    schema: options.required ? Type.Enum([...values]) : nullable(Type.Enum([...values])),
    required: options.required,
  }),
  enumList: (name: string, values: readonly string[]): Column => ({
    name,
    sqlType: 'text[]',
    schema: Type.Array(Type.Enum([...values]), { maxItems: values.length, uniqueItems: true }),
  }),
  textList: (name: string): Column => ({ name, sqlType: 'text[]', schema: Type.Array(text(200), { maxItems: 50 }) }),
  date: (name: string, options: { required?: boolean } = {}): Column => ({
    name,
    sqlType: 'date',
    schema: options.required ? DATE : nullable(DATE),
    required: options.required,
  }),
  count: (name: string): Column => ({ name, sqlType: 'integer', schema: nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 })) }),
  smallint: (name: string, minimum: number, maximum: number): Column => ({
    name,
    sqlType: 'smallint',
    schema: Type.Integer({ minimum, maximum }),
  }),
  boolean: (name: string): Column => ({ name, sqlType: 'boolean', schema: Type.Boolean() }),
  reference: (name: string, layer: LayerName, options: { required?: boolean } = {}): Column => ({
    name,
    sqlType: 'bigint',
    schema: options.required ? Type.Integer({ minimum: 1 }) : nullable(Type.Integer({ minimum: 1 })),
    required: options.required,
    references: layer,
  }),
};

/** Provenance columns that every layer has. */
export const provenanceColumns: readonly Column[] = [
  col.text('notes', { maxLength: 10_000 }),
  col.boolean('illustrative'),
  { name: 'source', sqlType: 'text', schema: Type.String({ minLength: 1, maxLength: 100 }) },
  col.text('source_id', { maxLength: 200 }),
];

/** The validity period, for the layers whose records hold for a span of time. */
export function periodColumns(options: { fromRequired?: boolean } = {}): Column[] {
  return [col.date('valid_from', { required: options.fromRequired }), col.date('valid_to')];
}
