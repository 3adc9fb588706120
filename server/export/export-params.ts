import { Type, type Static } from 'typebox';
import { LAYER_NAMES, type LayerName } from '../layers/layer-definition.js';
import { bboxParam } from '../http/bbox-param.js';
import { DATE } from '../http/date-param.js';
import { badRequest } from '../http/errors.js';
import { compileBodyValidator, describeIssue, type ValidationIssue } from '../http/validation.js';
import { geometrySchema } from '../layers/geometry-schema.js';

const isPolygon = compileBodyValidator(geometrySchema(['Polygon', 'MultiPolygon']));
import { PROFILES, type Profile } from '../sharing/profiles.js';

export const exportQuerySchema = Type.Object(
  {
    layers: Type.String({
      pattern: `^(${LAYER_NAMES.join('|')})(,(${LAYER_NAMES.join('|')}))*$`,
      description: `comma-separated layers: ${LAYER_NAMES.join(', ')}`,
    }),
    bbox: bboxParam(),
    polygon: Type.Optional(Type.String({ maxLength: 200_000, description: 'a GeoJSON Polygon or MultiPolygon (WGS84): records intersecting it' })),
    as_of: Type.Optional({
      ...DATE,
      description: 'records as the map shows them on this date: in force on it, incidents that occurred on or before it (not with from/to)',
    }),
    incident_days: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 36_500,
        description: "with as_of: only incidents of the N days up to as_of, as the map's period filter; 0 or absent: all",
      }),
    ),
    from: Type.Optional({ ...DATE, description: 'records in force or occurring on or after this date' }),
    to: Type.Optional({ ...DATE, description: 'records in force or occurring on or before this date' }),
    // Partner is the default: an export is made to leave, and leaving is what partner is for.
    profile: Type.Enum([...PROFILES], { default: 'partner', description: 'sharing profile (README, "Sharing")' }),
    format: Type.Enum(['geojson', 'csv'], { default: 'geojson' }),
    lang: Type.Optional(
      Type.Enum(['fr', 'en'], {
        description: 'adds after each coded field (geo_precision, category…) a `<field>_label` with its words in this language; the codes stay',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof exportQuerySchema>;

export interface ExportRequest {
  layers: LayerName[];
  bbox?: number[];
  polygon?: object;
  /** The map's date: records in force on it (ExportQuery.as_of). */
  asOf?: string;
  /** With asOf: incidents of this many days up to it only. */
  incidentDays?: number;
  from?: string;
  to?: string;
  profile: Profile;
  format: 'geojson' | 'csv';
  /** Words beside the codes, in this language (readable-labels.ts). */
  lang?: 'fr' | 'en';
}

/** The polygon arrives as text in the URL; it must be a polygon, or the export would be of nothing in particular. */
export function parsePolygon(text: string): object {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('polygon must be a GeoJSON Polygon or MultiPolygon (it is not JSON)');
  }
  const type = (value as { type?: unknown } | null)?.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') throw badRequest('polygon must be a GeoJSON Polygon or MultiPolygon');
  // The same shape check as a posted geometry: a polygon without coordinates, or with text for
  // numbers, would otherwise reach PostGIS and fail there (found in review).
  if (!isPolygon(value)) {
    const issues = (isPolygon.errors ?? []) as ValidationIssue[];
    throw badRequest(
      issues
        .slice(0, 3)
        .map((issue) => describeIssue('polygon', issue))
        .join('; ') || 'polygon is not a valid GeoJSON geometry',
    );
  }
  return value as object;
}
