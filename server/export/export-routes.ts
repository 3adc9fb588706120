import { Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { actorName, profileFor } from '../auth/caller.js';
import { badRequest } from '../http/errors.js';
import { assertValidGeometry } from '../layers/layer-store.js';
import { parseBbox } from '../http/bbox-param.js';
import { LAYERS } from '../layers/registry.js';
import type { LayerName } from '../layers/layer-definition.js';
import { csvText } from './csv-writer.js';
import { logExport } from './export-log.js';
import { exportMetadata } from './export-metadata.js';
import { exportQuerySchema, parsePolygon, type ExportQuery, type ExportRequest } from './export-params.js';
import { exportColumns, exportFeatures, exportSummary } from './export-query.js';
import { geojsonText } from './geojson-writer.js';
import { dataDictionary } from './data-dictionary.js';
import { labelled, withLabelColumns } from './readable-labels.js';

async function exportRequestFrom(db: Database, request: FastifyRequest, q: ExportQuery): Promise<ExportRequest> {
  const profile = profileFor(request, q.profile);
  const exportRequest: ExportRequest = {
    layers: [...new Set(q.layers.split(',') as LayerName[])],
    bbox: q.bbox ? parseBbox(q.bbox) : undefined,
    polygon: q.polygon ? parsePolygon(q.polygon) : undefined,
    asOf: q.as_of,
    incidentDays: q.incident_days || undefined,
    from: q.from,
    to: q.to,
    profile,
    format: q.format,
    lang: q.lang,
  };
  if (exportRequest.from && exportRequest.to && exportRequest.to < exportRequest.from) throw badRequest('to must not be before from');
  if (exportRequest.asOf && (exportRequest.from || exportRequest.to))
    throw badRequest('give as_of (the situation on one day, as the map shows it) or from/to (a period), not both');
  if (exportRequest.incidentDays && !exportRequest.asOf) throw badRequest('incident_days counts back from as_of: give as_of too');
  // An invalid polygon would fail inside the query, half-way through a download.
  if (exportRequest.polygon) await assertValidGeometry(db, LAYERS.zones, exportRequest.polygon as never);
  return exportRequest;
}

function fileText(db: Database, layer: LayerName, request: ExportRequest, summary: { bbox: number[] | null }, metadata: object): AsyncGenerator<string> {
  const raw = exportFeatures(db, LAYERS[layer], request);
  const features = request.lang ? labelled(raw, request.lang) : raw;
  const columns = exportColumns(LAYERS[layer], request);
  return request.format === 'csv'
    ? csvText(request.lang ? withLabelColumns(columns) : columns, features)
    : geojsonText({ layer, bbox: summary.bbox, metadata: { ...metadata, layer } }, features);
}

/**
 * GET /api/export: one layer as a GeoJSON or CSV file, several layers as a zip with one
 * file per layer (GIS tools want one schema per file). Streamed page by page.
 */
export async function exportRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  app.get<{ Querystring: ExportQuery }>(
    '/api/export/count',
    { schema: { tags: ['export'], summary: 'How many records an export with these filters would hold, per layer', querystring: exportQuerySchema } },
    async (request) => {
      const exportRequest = await exportRequestFrom(options.db, request, request.query);
      const counts: Record<string, number> = {};
      for (const layer of exportRequest.layers) counts[layer] = (await exportSummary(options.db.reads, LAYERS[layer], exportRequest)).count;
      return { profile: exportRequest.profile, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
    },
  );

  app.get<{ Querystring: ExportQuery }>(
    '/api/export',
    {
      schema: {
        tags: ['export'],
        summary: 'Export layers for sharing, through a sharing profile (GeoJSON or CSV; several layers as a zip)',
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const exportRequest = await exportRequestFrom(options.db, request, request.query);
      const generatedAt = new Date();
      const metadata = exportMetadata(exportRequest, actorName(request.caller), generatedAt);
      const summaries = new Map<LayerName, { count: number; bbox: number[] | null }>();
      for (const layer of exportRequest.layers) summaries.set(layer, await exportSummary(options.db.reads, LAYERS[layer], exportRequest));
      const featureCount = [...summaries.values()].reduce((s, x) => s + x.count, 0);
      await logExport(options.db, { request: exportRequest, requestedBy: actorName(request.caller), clientAddress: request.ip, featureCount });

      // The day the records are of, when one was chosen: a file of 2019-07-25 is not "of" the day it was made.
      const stamp = exportRequest.asOf ?? exportRequest.to ?? generatedAt.toISOString().slice(0, 10);
      const extension = exportRequest.format === 'csv' ? 'csv' : 'geojson';
      if (exportRequest.layers.length === 1) {
        const [layer] = exportRequest.layers as [LayerName];
        return reply
          .type(exportRequest.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json')
          .header('content-disposition', `attachment; filename="riskmap-${layer}-${exportRequest.profile}-${stamp}.${extension}"`)
          .send(Readable.from(fileText(options.db.reads, layer, exportRequest, summaries.get(layer)!, metadata)));
      }
      const zip = new ZipArchive({ zlib: { level: 6 } });
      for (const layer of exportRequest.layers) {
        zip.append(Readable.from(fileText(options.db.reads, layer, exportRequest, summaries.get(layer)!, metadata)), { name: `${layer}.${extension}` });
      }
      zip.append(JSON.stringify(metadata, null, 2), { name: 'metadata.json' });
      zip.append(JSON.stringify(dataDictionary(exportRequest), null, 2), { name: 'data-dictionary.json' });
      void zip.finalize();
      return reply.type('application/zip').header('content-disposition', `attachment; filename="riskmap-${exportRequest.profile}-${stamp}.zip"`).send(zip);
    },
  );
}
