import type { Feature } from 'geojson';
import type { Database, Queryable } from '../db/database.js';
import { HttpError, badRequest } from '../http/errors.js';
import { compileBodyValidator, describeIssue, type ValidationIssue } from '../http/validation.js';
import { featureInputSchema } from '../layers/feature-schema.js';
import type { LayerDefinition } from '../layers/layer-definition.js';
import { upsertFeature } from '../layers/layer-store.js';
import { camiPermitToLayer, isCamiPermit } from '../permits/cami-permits.js';
import { camiZoneToLayer, isCamiZone } from '../zones/cami-zones.js';
import { countOutcome, emptyReport, type ImportReport } from './import-report.js';
import { resolveReferences } from './resolve-references.js';
import { recordChange } from '../audit/audit-log.js';

function featuresOf(input: unknown): Feature[] {
  const doc = input as { type?: string; features?: unknown };
  if (doc?.type === 'FeatureCollection' && Array.isArray(doc.features)) return doc.features as Feature[];
  if (doc?.type === 'Feature') return [doc as Feature];
  throw badRequest('a GeoJSON import must be a FeatureCollection or a Feature');
}

/** Known source formats are mapped onto the layer's own properties first. */
function adapt(layer: LayerDefinition, feature: Feature): Feature {
  if (layer.name === 'zones' && isCamiZone(feature)) return camiZoneToLayer(feature);
  if (layer.name === 'permits' && isCamiPermit(feature)) return camiPermitToLayer(feature);
  return feature;
}

/**
 * Properties the API adds on output (computed ones, timestamps): a file exported from this
 * API, or from it through GDAL or QGIS, carries them, and re-importing it must not fail on them.
 */
function readOnlyProperties(layer: LayerDefinition): Set<string> {
  return new Set([...(layer.computed ?? []).map((c) => c.name), 'created_at', 'updated_at']);
}

function withoutReadOnly(properties: Record<string, unknown>, readOnly: Set<string>, ignored: Set<string>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (readOnly.has(key)) ignored.add(key);
    else kept[key] = value;
  }
  return kept;
}

/** One savepoint a record, so a rejected record leaves the others and the transaction intact. */
async function inSavepoint<T>(tx: Queryable, work: () => Promise<T>): Promise<T> {
  await tx.exec('SAVEPOINT import_record');
  try {
    const result = await work();
    await tx.exec('RELEASE SAVEPOINT import_record');
    return result;
  } catch (error) {
    await tx.exec('ROLLBACK TO SAVEPOINT import_record');
    throw error;
  }
}

/**
 * Imports GeoJSON features into a layer in one transaction. Each feature is validated as
 * the API validates a new record; features that fail are rejected with the reason and
 * the rest are kept. Records are matched on `source` and `source_id`, so importing the
 * same file twice reports everything unchanged the second time.
 */
export async function importGeoJson(db: Database, layer: LayerDefinition, input: unknown, fileName: string): Promise<ImportReport> {
  const features = featuresOf(typeof input === 'string' ? parseJson(input) : input);
  const validate = compileBodyValidator(featureInputSchema(layer, 'create'));
  const report = emptyReport(`geojson:${layer.name}`, fileName);
  // A key seen twice in one file is a mistake in the file: the second would silently win.
  const firstSeenAt = new Map<string, string>();
  const readOnly = readOnlyProperties(layer);
  const ignored = new Set<string>();
  await db.transaction(async (tx) => {
    for (const [index, raw] of features.entries()) {
      let at = `feature ${index + 1}${raw?.properties?.source_id ? ` (${String(raw.properties.source_id)})` : ''}`;
      if (raw === null || typeof raw !== 'object' || (raw as { type?: unknown }).type !== 'Feature') {
        report.rejected.push({ at, reason: 'not a GeoJSON Feature (an object with "type": "Feature")' });
        continue;
      }
      // The key after mapping: a known source format (CAMI) makes its own source_id.
      const feature = adapt(layer, raw);
      const own = feature.properties ?? {};
      if (raw.properties?.source_id == null && own.source_id != null) at = `${at} (${String(own.source_id)})`;
      const key = own.source_id != null ? `${String(own.source ?? 'manual')}/${String(own.source_id)}` : undefined;
      if (key && firstSeenAt.has(key)) {
        report.rejected.push({ at, reason: `same source and source_id (${key}) as ${firstSeenAt.get(key)}` });
        continue;
      }
      if (key) firstSeenAt.set(key, at);
      const { properties, error } = await resolveReferences(tx, layer, withoutReadOnly(feature.properties ?? {}, readOnly, ignored));
      if (error) {
        report.rejected.push({ at, reason: error });
        continue;
      }
      const candidate = { type: 'Feature', geometry: feature.geometry ?? null, properties };
      if (!validate(candidate)) {
        const issues = (validate.errors ?? []) as ValidationIssue[];
        report.rejected.push({ at, reason: issues.map((i) => describeIssue('feature', i)).join('; ') });
        continue;
      }
      try {
        const { id, outcome } = await inSavepoint(tx, () => upsertFeature(tx, layer, { geometry: feature.geometry, properties }));
        countOutcome(report, outcome);
        if (outcome !== 'unchanged') {
          const action = outcome === 'inserted' ? 'create' : 'update';
          await recordChange(tx, {
            actor: `import:${fileName}`,
            action,
            layer: layer.name,
            recordId: id,
            before: null,
            after: { geometry: feature.geometry ?? null, properties },
          });
        }
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        report.rejected.push({ at, reason: error.message });
      }
    }
  });
  if (ignored.size > 0) {
    report.warnings.push({ at: 'file', message: `ignored properties that the API computes itself: ${[...ignored].sort().join(', ')}` });
  }
  return report;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`the file is not JSON: ${(error as Error).message}`);
  }
}
