import { readFileSync } from 'node:fs';
import { configFromEnv } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { loadDemoData } from '../demo/load-demo.js';
import { importGeoJson } from '../import/import-geojson.js';
import { formatReport, type ImportReport } from '../import/import-report.js';
import { LAYER_NAMES, type LayerName } from '../layers/layer-definition.js';
import { LAYERS } from '../layers/registry.js';
import { importIpisCsv } from '../sites/ipis/import-ipis.js';

const USAGE = `Usage:
  npm run import -- ipis <file.csv>        IPIS open-data CSV (sites and their visits)
  npm run import -- <layer> <file.geojson> GeoJSON into a layer: ${LAYER_NAMES.join(', ')}
  npm run import -- demo                   the demo data in data/ (idempotent)
Targets DATABASE_URL when set, else the embedded database in DATA_DIR.`;

async function run(kind: string | undefined, file: string | undefined): Promise<ImportReport[]> {
  const db = await openDatabase(configFromEnv());
  try {
    await migrate(db);
    if (kind === 'demo') return await loadDemoData(db);
    if (!file) throw new Error(USAGE);
    if (kind === 'ipis') return [await importIpisCsv(db, readFileSync(file), file)];
    if ((LAYER_NAMES as readonly string[]).includes(kind ?? '')) {
      return [await importGeoJson(db, LAYERS[kind as LayerName], readFileSync(file, 'utf8'), file)];
    }
    throw new Error(USAGE);
  } finally {
    await db.close();
  }
}

const [kind, file] = process.argv.slice(2);
try {
  const reports = await run(kind, file);
  for (const report of reports) console.log(formatReport(report));
  process.exitCode = reports.some((r) => r.rejected.length > 0) ? 2 : 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
