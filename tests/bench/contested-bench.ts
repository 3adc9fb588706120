/**
 * npm run bench: the contested-zone analysis at 1 000, 10 000 and 100 000 claims.
 * Per size it prints the time of the API call (GET /api/analysis/contested through Fastify's
 * inject, JSON included) and of the bare SQL it runs, their ratio, and how much each grew
 * from the previous size: a tenfold size should cost about tenfold, not a hundredfold,
 * when the GiST index does its work. Figures are from one run on this machine.
 */
import { buildApp } from '../../server/app.js';
import { CONTESTED_DEFAULTS } from '../../server/analysis/contested/contested-params.js';
import { contestedZonesSql } from '../../server/analysis/contested/contested-sql.js';
import type { Database } from '../../server/db/database.js';
import { interleavedMedians, openBenchDatabase } from './bench-database.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const COOPERATIVES = 200;
const DATE = '2020-01-01';
/** Hectares of land per claim: about one overlap per claim on average, as in a busy mining area. */
const HECTARES_PER_CLAIM = 300;

/**
 * Claims of 30–150 ha, scattered at constant density over a square that grows with N
 * (centred on Kalehe), so each size looks like a bigger territory, not a denser one.
 */
async function generateClaims(db: Database, n: number): Promise<void> {
  await db.exec('TRUNCATE claims, cooperatives RESTART IDENTITY CASCADE');
  await db.query(
    `INSERT INTO cooperatives (name, legal_status, source, source_id)
     SELECT 'Bench cooperative ' || i, (ARRAY['authorised', 'pending', 'unrecognised'])[1 + i % 3], 'bench', i::text
     FROM generate_series(1, $1::int) i`,
    [COOPERATIVES],
  );
  // √ha is hundreds of metres: √(n·ha) / 10 is the side in km.
  const sideDegrees = Math.sqrt(n * HECTARES_PER_CLAIM) / 10 / 111.32;
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `INSERT INTO claims (cooperative_id, basis, valid_from, source, source_id, geom)
     SELECT 1 + floor(random() * $2::int)::int, 'title', '2018-01-01', 'bench', i::text,
            ST_Multi(ST_MakeEnvelope(x, y, x + w, y + h, 4326))
     FROM (SELECT i, 28.6 + (random() - 0.5) * $3::float8 AS x, -2.2 + (random() - 0.5) * $3::float8 AS y,
                  0.005 + random() * 0.006 AS w, 0.005 + random() * 0.006 AS h
           FROM generate_series(1, $1::int) i) g`,
    [n, COOPERATIVES, sideDegrees],
  );
  await db.exec('ANALYZE claims; ANALYZE cooperatives');
}

const pad = (v: string | number, width: number) => String(v).padStart(width);

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- close() does not use this
  const { db, label, close } = await openBenchDatabase();
  const app = await buildApp({ db, webRoot: '/nonexistent', auth: { demo: true } });
  const params = {
    date: DATE,
    minAreaHa: CONTESTED_DEFAULTS.min_area_ha,
    minShare: CONTESTED_DEFAULTS.min_share,
    nearKm: CONTESTED_DEFAULTS.near_km,
    incidentDays: CONTESTED_DEFAULTS.incident_days,
  };
  const url = `/api/analysis/contested?date=${DATE}`;
  console.log(`Contested zones benchmark on ${label}; median of 5 interleaved runs per figure`);
  console.log(`${pad('claims', 8)} ${pad('zones', 7)} ${pad('SQL ms', 9)} ${pad('API ms', 9)} ${pad('API/SQL', 8)} ${pad('SQL growth', 11)}`);
  let previous: { n: number; sql: number } | undefined;
  try {
    for (const n of SIZES) {
      const start = performance.now();
      await generateClaims(db, n);
      const generated = performance.now() - start;
      const { text, values } = contestedZonesSql(params);
      const rows = await db.query(text, values); // warm-up, and the zone count
      let zones = 0;
      // Interleaved, so that neither side gets the warmer cache or the quieter machine.
      const { sql, api } = await interleavedMedians(
        5,
        () => db.query(text, values),
        async () => {
          const res = await app.inject({ method: 'GET', url });
          if (res.statusCode !== 200) throw new Error(`API answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
          zones = (res.json() as { features: unknown[] }).features.length;
        },
      );
      const growth = previous ? `×${(sql / previous.sql).toFixed(1)} for ×${n / previous.n}` : '';
      console.log(
        `${pad(n, 8)} ${pad(zones, 7)} ${pad(sql.toFixed(0), 9)} ${pad(api.toFixed(0), 9)} ${pad((api / sql).toFixed(2), 8)} ${pad(growth, 11)}   (${rows.length} candidate areas; data generated in ${(generated / 1000).toFixed(1)} s)`,
      );
      previous = { n, sql };
    }
  } finally {
    await app.close();
    await close();
  }
}

await main();
