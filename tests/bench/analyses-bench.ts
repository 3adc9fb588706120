/**
 * npm run bench:analyses: every analysis at province scale, each against its bare SQL, on the
 * server named by DATABASE_URL or, without it, on an in-memory PGlite.
 *
 * Two data sets, each the demo data plus generated records (`npm run generate`):
 * - "IPIS scale": 3 500 sites and 7 000 visits, as many as IPIS's open data for eastern DRC,
 *   and nothing else generated: the size issue 12 sets the priorities (1 s) and the deployment
 *   plan (2 s) against;
 * - "province": the generator's defaults (10 000 claims, 100 000 incidents, 3 500 sites, 7 000
 *   visits, 10 000 presence records, 5 000 km of roads).
 *
 * For each request: API is the time of the call through Fastify's inject (rules and JSON
 * included); SQL is the same statements the request sent, recorded and replayed one after the
 * other on the database (recording-database.ts). Median of BENCH_RUNS (default 3), interleaved.
 */
import type { InjectOptions } from 'fastify';
import { buildApp } from '../../server/app.js';
import { loadDemoData } from '../../server/demo/load-demo.js';
import { DEFAULT_SIZE, generateProvince, removeGenerated, type ProvinceSize } from '../../server/generate/synthetic-province.js';
import { openBenchDatabase } from './bench-database.js';
import { recordingDatabase, replay } from './recording-database.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DATE = '2024-06-30';

const DATA_SETS: Array<[string, ProvinceSize]> = [
  ['IPIS scale', { ...DEFAULT_SIZE, claims: 0, incidents: 0, presence: 0, routeKm: 0 }],
  ['province', DEFAULT_SIZE],
];

const REQUESTS: Array<[string, InjectOptions]> = [
  ['site flags', { url: `/api/analysis/sites?date=${DATE}` }],
  ['zone flags', { url: `/api/analysis/zones?date=${DATE}` }],
  ['route segments', { url: `/api/analysis/routes?date=${DATE}` }],
  ['contested zones', { url: `/api/analysis/contested?date=${DATE}` }],
  ['priorities', { url: `/api/analysis/priorities?date=${DATE}` }],
  ['deployment plan, 3 units', { method: 'POST', url: '/api/analysis/deployment-plan', payload: { date: DATE, units: 3 } }],
];

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const pad = (v: string | number, width: number) => String(v).padStart(width);
const padEnd = (v: string | number, width: number) => String(v).padEnd(width);

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- close() does not use this
  const { db, label, close } = await openBenchDatabase();
  const recorded = recordingDatabase(db);
  const app = await buildApp({
    db: recorded.db,
    webRoot: '/nonexistent',
    auth: { demo: true },
    analysisLimits: { timeoutMs: 3_600_000, concurrency: 1, queue: 1 },
  });
  console.log(`Analyses on ${label}, ${DATE}, default parameters; median of ${RUNS} interleaved runs (ms)`);
  console.log(`${padEnd('data', 11)} ${padEnd('request', 25)} ${pad('API', 8)} ${pad('SQL', 8)} ${pad('API/SQL', 8)} ${pad('statements', 10)} ${pad('KB', 7)}`);
  try {
    await loadDemoData(db);
    for (const [name, size] of DATA_SETS) {
      await removeGenerated(db);
      await generateProvince(db, size);
      for (const [what, request] of REQUESTS) {
        const times = { api: [] as number[], sql: [] as number[] };
        let kilobytes = 0;
        let statements = 0;
        for (let run = 0; run < RUNS; run++) {
          recorded.statements.length = 0;
          const start = performance.now();
          const res = await app.inject(request);
          times.api.push(performance.now() - start);
          if (res.statusCode !== 200) throw new Error(`${what} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
          kilobytes = res.rawPayload.length / 1024;
          const sent = [...recorded.statements];
          statements = sent.length;
          times.sql.push(await replay(db, sent));
        }
        const [api, sql] = [median(times.api), median(times.sql)];
        console.log(
          `${padEnd(name, 11)} ${padEnd(what, 25)} ${pad(api.toFixed(0), 8)} ${pad(sql.toFixed(0), 8)} ${pad((api / sql).toFixed(2), 8)} ${pad(statements, 10)} ${pad(kilobytes.toFixed(0), 7)}`,
        );
      }
    }
  } finally {
    await app.close();
    await close();
  }
}

await main();
