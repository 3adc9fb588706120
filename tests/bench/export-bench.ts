/**
 * npm run bench:export: streams a 100 000-feature export over HTTP and prints the peak growth
 * of the process's memory while it streams (sampled every 20 ms against the level just
 * before), the time and size, and, on a PostgreSQL server with GDAL installed, the time
 * ogr2ogr takes to write the same records as GeoJSON, with the ratio. One run, this machine.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildApp } from '../../server/app.js';
import { openBenchDatabase } from './bench-database.js';

const FEATURES = Number(process.env.BENCH_FEATURES ?? 100_000);
const run = promisify(execFile);

function download(url: string): Promise<{ bytes: number; ms: number; peakGrowthMb: number }> {
  return new Promise((resolve, reject) => {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const start = performance.now();
    let bytes = 0;
    get(url, (res) => {
      if (res.statusCode !== 200) reject(new Error(`export answered ${res.statusCode}`));
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => {
        clearInterval(sampler);
        resolve({ bytes, ms: performance.now() - start, peakGrowthMb: (peak - baseline) / 2 ** 20 });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- close() does not use this
  const { db, label, close } = await openBenchDatabase();
  const app = await buildApp({ db, webRoot: '/nonexistent', auth: { demo: true } });
  try {
    await db.query('SELECT setseed(0.7)');
    await db.query(
      `INSERT INTO incidents (occurred_on, category, perpetrator_type, victims, description, source, source_id, geom)
       SELECT DATE '2015-01-01' + (random() * 3000)::int,
              (ARRAY['extortion', 'torture', 'armed_clash', 'harassment', 'illegal_taxation'])[1 + (random() * 4)::int],
              'fardc', (random() * 20)::int, 'generated for the export benchmark', 'bench', i::text,
              ST_SetSRID(ST_MakePoint(28 + random(), -2.5 + random()), 4326)
       FROM generate_series(1, $1::int) i`,
      [FEATURES],
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    console.log(`Export benchmark on ${label}: ${FEATURES} incidents`);
    for (const profile of ['internal', 'partner']) {
      const r = await download(`http://127.0.0.1:${port}/api/export?layers=incidents&profile=${profile}`);
      console.log(
        `  ${profile.padEnd(8)} ${(r.bytes / 2 ** 20).toFixed(1)} MB in ${(r.ms / 1000).toFixed(2)} s; peak memory growth while streaming ${r.peakGrowthMb.toFixed(1)} MB`,
      );
      if (profile === 'internal') (main as { internalMs?: number }).internalMs = r.ms;
    }
    const url = process.env.DATABASE_URL;
    if (url) {
      const out = join(tmpdir(), `riskmap-bench-${process.pid}.geojson`);
      // GDAL's PostgreSQL driver takes libpq keywords rather than a URL.
      const server = new URL(url);
      const connection = `PG:dbname=riskmap_bench host=${server.hostname} port=${server.port || 5432}${server.username ? ` user=${server.username}` : ''}${server.password ? ` password=${server.password}` : ''}`;
      const start = performance.now();
      try {
        await run('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'RFC7946=YES', out, connection, '-sql', 'SELECT * FROM incidents']);
        const gdalMs = performance.now() - start;
        const ours = (main as { internalMs?: number }).internalMs!;
        console.log(`  ogr2ogr  same records to RFC 7946 GeoJSON in ${(gdalMs / 1000).toFixed(2)} s; ours/GDAL time ratio ${(ours / gdalMs).toFixed(2)}`);
      } catch (error) {
        console.log(`  ogr2ogr not run: ${(error as Error).message.split('\n')[0]}`);
      } finally {
        await rm(out, { force: true });
      }
    }
  } finally {
    await app.close();
    await close();
  }
}

await main();
