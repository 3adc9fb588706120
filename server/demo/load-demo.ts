import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import type { Database } from '../db/database.js';
import type { ImportReport } from '../import/import-report.js';
import { importGeoJson } from '../import/import-geojson.js';
import { LAYER_NAMES, type LayerName } from '../layers/layer-definition.js';
import { layersAreEmpty } from '../layers/layer-store.js';
import { LAYERS } from '../layers/registry.js';
import { importIpisCsv } from '../sites/ipis/import-ipis.js';
import { importCaseFile } from '../cases/import-case.js';

export const DATA_DIR = join(PROJECT_ROOT, 'data');

/** `03-claims.geojson` → claims: demo files say their layer in their name. */
function layerOfDemoFile(file: string): LayerName {
  const name = basename(file, '.geojson').replace(/^\d+-/, '');
  if (!(LAYER_NAMES as readonly string[]).includes(name)) throw new Error(`demo file ${file} names no layer (expected NN-<layer>.geojson)`);
  return name as LayerName;
}

/**
 * Loads the real reference data (CAMI zones and titles, IPIS visits) and the illustrative Bitale
 * scenario. Every step is an idempotent import, so running it again changes nothing.
 */
export async function loadDemoData(db: Database, dataDir = DATA_DIR, log: (line: string) => void = () => {}): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  const run = async (step: Promise<ImportReport>) => {
    const report = await step;
    reports.push(report);
    log(
      `${report.kind} ${basename(report.file)}: ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected`,
    );
  };
  await run(importGeoJson(db, LAYERS.zones, readFileSync(join(dataDir, 'cami/kalehe-zea.geojson'), 'utf8'), 'cami/kalehe-zea.geojson'));
  await run(importGeoJson(db, LAYERS.permits, readFileSync(join(dataDir, 'cami/permits-south-kivu.geojson'), 'utf8'), 'cami/permits-south-kivu.geojson'));
  await run(importIpisCsv(db, readFileSync(join(dataDir, 'ipis/ipis-kalehe-visits.csv')), 'ipis/ipis-kalehe-visits.csv'));
  const demoDir = join(dataDir, 'demo');
  for (const file of readdirSync(demoDir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()) {
    await run(importGeoJson(db, LAYERS[layerOfDemoFile(file)], readFileSync(join(demoDir, file), 'utf8'), `demo/${file}`));
  }
  // Case files last: their steps name the records above (server/cases/import-case.ts).
  for (const file of readdirSync(demoDir)
    .filter((f) => f.endsWith('-case.json'))
    .sort()) {
    await run(importCaseFile(db, readFileSync(join(demoDir, file), 'utf8'), `demo/${file}`));
  }
  return reports;
}

/** True when no layer holds a record yet: the first start of a new database. */
export async function isEmpty(db: Database): Promise<boolean> {
  return layersAreEmpty(db, Object.values(LAYERS));
}
