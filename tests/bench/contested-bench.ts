/**
 * npm run bench:contested: the contested-zone analysis at 1 000, 10 000 and 100 000 claims
 * (BENCH_SIZES to change them), on the server named by DATABASE_URL or, without it, on an
 * in-memory PGlite. The records come from the generator (`npm run generate`): claims of
 * 220–550 m over lon 26.5–31.5, lat −5–0, 2 000 cooperatives, and around them the default
 * 100 000 incidents and 10 000 presence records that each zone lists.
 *
 * Per size, three times on the same rows, interleaved (median of BENCH_RUNS, default 3):
 * - bare: the self-join of the claims with the area of each intersection, the floor issue
 *   12 measures the analysis against;
 * - SQL: the analysis's own statement (contested-sql.ts);
 * - API: GET /api/analysis/contested through Fastify's inject, rules and JSON included.
 * API/bare is the figure the issue sets at 1.2; SQL growth per ×10 claims should stay near
 * ×10 when the GiST index does its work.
 */
import { buildApp } from '../../server/app.js';
import { CONTESTED_DEFAULTS } from '../../server/analysis/contested/contested-params.js';
import { contestedZonesSql } from '../../server/analysis/contested/contested-sql.js';
import { DEFAULT_SIZE, generateProvince, removeGenerated } from '../../server/generate/synthetic-province.js';
import { openBenchDatabase } from './bench-database.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DATE = '2020-01-01';

/** The floor: every pair of claims of different cooperatives in force, and the area they share. */
const BARE_SELF_JOIN = `
  SELECT count(*)::int AS pairs, sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography)) / 10000 AS hectares
  FROM claims a JOIN claims b ON b.id + 0 > a.id + 0 AND b.cooperative_id <> a.cooperative_id AND ST_Intersects(a.geom, b.geom)
  WHERE a.valid_from <= $1::date AND b.valid_from <= $1::date AND a.status <> 'withdrawn' AND b.status <> 'withdrawn'`;

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const pad = (v: string | number, width: number) => String(v).padStart(width);

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- close() does not use this
  const { db, label, close } = await openBenchDatabase();
  const app = await buildApp({ db, webRoot: '/nonexistent', auth: { demo: true }, analysisLimits: { timeoutMs: 3_600_000, concurrency: 1, queue: 1 } });
  const params = {
    date: DATE,
    minAreaHa: CONTESTED_DEFAULTS.min_area_ha,
    minShare: CONTESTED_DEFAULTS.min_share,
    nearKm: CONTESTED_DEFAULTS.near_km,
    incidentDays: CONTESTED_DEFAULTS.incident_days,
  };
  const { text, values } = contestedZonesSql(params);
  console.log(`Contested zones on ${label}, ${DATE}, default parameters; median of ${RUNS} interleaved runs per figure (ms)`);
  console.log(
    `${pad('claims', 8)} ${pad('pairs', 7)} ${pad('zones', 7)} ${pad('bare', 8)} ${pad('SQL', 8)} ${pad('API', 8)} ${pad('SQL/bare', 9)} ${pad('API/bare', 9)} ${pad('SQL growth', 11)}`,
  );
  let previous: { n: number; sql: number } | undefined;
  try {
    for (const n of SIZES) {
      await removeGenerated(db);
      const [generated] = await timed(() => generateProvince(db, { ...DEFAULT_SIZE, claims: n }));
      const times = { bare: [] as number[], sql: [] as number[], api: [] as number[] };
      let pairs = 0;
      let zones = 0;
      // Interleaved, so that no side gets the warmer cache or the quieter machine.
      for (let run = 0; run < RUNS; run++) {
        const [bare, [row]] = await timed(() => db.query<{ pairs: number }>(BARE_SELF_JOIN, [DATE]));
        pairs = row?.pairs ?? 0;
        times.bare.push(bare);
        times.sql.push((await timed(() => db.query(text, values)))[0]);
        const [api, res] = await timed(() => app.inject({ method: 'GET', url: `/api/analysis/contested?date=${DATE}` }));
        if (res.statusCode !== 200) throw new Error(`API answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
        zones = (res.json() as { features: unknown[] }).features.length;
        times.api.push(api);
      }
      const [bare, sql, api] = [median(times.bare), median(times.sql), median(times.api)];
      const growth = previous ? `×${(sql / previous.sql).toFixed(1)} for ×${n / previous.n}` : '';
      console.log(
        `${pad(n, 8)} ${pad(pairs, 7)} ${pad(zones, 7)} ${pad(bare.toFixed(0), 8)} ${pad(sql.toFixed(0), 8)} ${pad(api.toFixed(0), 8)} ${pad((sql / bare).toFixed(2), 9)} ${pad((api / bare).toFixed(2), 9)} ${pad(growth, 11)}   (generated in ${(generated / 1000).toFixed(1)} s)`,
      );
      previous = { n, sql };
    }
  } finally {
    await app.close();
    await close();
  }
}

await main();
