/**
 * npm run bench:map: the map page in Chromium, as a user would meet it (issue 13's budgets).
 * Not a test: it prints what one run measured.
 *
 * 1. The demo data alone: time from navigation to the map idle with its data, and bytes
 *    transferred, on localhost and on an emulated 1.6 Mbit/s link with 300 ms latency.
 * 2. The demo data plus 100 000 generated claims and incidents (the generator's defaults for
 *    the rest): the map panned and zoomed through a fixed list of views; per view, the tiles
 *    asked for, their time to last byte as the browser saw it (median and slowest), the
 *    server's own time for them (arrival to last byte sent), and everything the page
 *    downloaded for that view.
 *
 * On the server named by DATABASE_URL (a throw-away database), else an in-memory PGlite. The
 * built page is served from web/dist (`npm run build:web`, which `npm run bench:map` runs first
 * when the sources changed).
 */
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import pino from 'pino';
import { buildApp } from '../../server/app.js';
import { logOptions } from '../../server/http/logging.js';
import { loadDemoData } from '../../server/demo/load-demo.js';
import { DEFAULT_SIZE, generateProvince } from '../../server/generate/synthetic-province.js';
import { PROJECT_ROOT } from '../../server/paths.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.js';
import { openBenchDatabase } from './bench-database.js';
import { DEFAULT_TILE_CACHE_MB, madeTiles } from '../../server/tiles/made-tiles.js';
import { warmTiles } from '../../server/tiles/tile-warmer.js';

/** 1.6 Mbit/s both ways, 300 ms: a mobile link in South Kivu on a fair day. */
const SLOW_LINK = { offline: false, latency: 300, downloadThroughput: 200_000, uploadThroughput: 200_000 };
const VIEWS: Array<[string, [number, number], number]> = [
  ['province', [28.5, -2.5], 6],
  ['Kalehe', [28.9, -2.0], 8],
  ['Bitale', [28.87, -1.95], 10],
  ['Bitale, pan east', [29.07, -1.95], 10],
  ['Bitale, pan south', [29.07, -2.15], 10],
  ['Bitale, close', [28.87, -1.95], 12],
  ['Shabunda', [27.5, -3.5], 8],
  ['province again', [28.5, -2.5], 7],
];

interface Seen {
  request: Request;
  tile: boolean;
}

/** Records the page's requests; `quiet()` waits until none has been in flight for half a second. */
function watch(page: Page) {
  const seen: Seen[] = [];
  let inFlight = 0;
  let lastChange = performance.now();
  page.on('request', (request) => {
    inFlight++;
    lastChange = performance.now();
    seen.push({ request, tile: new URL(request.url()).pathname.startsWith('/tiles/') });
  });
  const done = () => {
    inFlight--;
    lastChange = performance.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    seen,
    async quiet(): Promise<void> {
      while (inFlight > 0 || performance.now() - lastChange < 500) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

async function transferred(requests: Request[]): Promise<number> {
  const sizes = await Promise.all(requests.map(async (r) => (await r.sizes().catch(() => undefined))?.responseBodySize ?? 0));
  return sizes.reduce((a, b) => a + b, 0);
}

const idle = (page: Page) =>
  page.evaluate(async () => {
    const { map, ready } = window.__riskmap!;
    await ready;
    if (!map.loaded() || !map.areTilesLoaded()) await map.once('idle');
  });

async function firstView(context: BrowserContext, origin: string, slow: boolean): Promise<{ ms: number; kb: number; requests: number }> {
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  }
  const watcher = watch(page);
  const start = performance.now();
  await page.goto(origin);
  await page.waitForFunction(() => window.__riskmap !== undefined, undefined, { timeout: 120_000 });
  await idle(page);
  const ms = performance.now() - start;
  await watcher.quiet();
  const kb = (await transferred(watcher.seen.map((s) => s.request))) / 1024;
  await page.close();
  return { ms, kb, requests: watcher.seen.length };
}

/** The server's time for each tile answered since the list was last emptied. */
const serverTileMs: number[] = [];

const median = (values: number[]) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! : 0);
const pad = (v: string | number, width: number) => String(v).padStart(width);

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- close() does not use this
  const { db, label, close } = await openBenchDatabase();
  // BENCH_LOG=file: the server's request log, to see which request a slow view waited for.
  const logger = process.env.BENCH_LOG ? logOptions('info', pino.destination({ dest: process.env.BENCH_LOG, sync: false })) : false;
  const app = await buildApp({ db, webRoot: `${PROJECT_ROOT}/web/dist`, auth: { demo: true }, logger });
  // The server's own time for each tile (issue 13's budget is on the server): from the request's arrival to its last byte sent.
  app.addHook('onResponse', async (request, reply) => {
    if (request.url.startsWith('/tiles/')) serverTileMs.push(reply.elapsedTime);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    await loadDemoData(db);
    console.log(`Map page on ${label}, Chromium headless, 1280×800`);
    console.log('\nFirst view, demo data (navigation to map idle with its data; a fresh browser cache each time):');
    for (const slow of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const { ms, kb, requests } = await firstView(context, origin, slow);
      console.log(`  ${slow ? '1.6 Mbit/s, 300 ms' : 'localhost'}: ${(ms / 1000).toFixed(1)} s, ${kb.toFixed(0)} KB in ${requests} requests`);
      await context.close();
    }

    const started = performance.now();
    await generateProvince(db, { ...DEFAULT_SIZE, claims: 100_000, incidents: 100_000 });
    console.log(
      `\nGenerated 100 000 claims and incidents (and the generator's defaults) in ${((performance.now() - started) / 1000).toFixed(0)} s; views on localhost:`,
    );
    // What a running server does after a change of the data (tile-warmer.ts), timed on a cache of its own.
    const warmStart = performance.now();
    const warmed = await warmTiles(db, madeTiles(DEFAULT_TILE_CACHE_MB), 8);
    console.log(`Making the tiles of zooms 5–8 ahead (TILE_WARM_ZOOM=8): ${warmed} tiles in ${((performance.now() - warmStart) / 1000).toFixed(1)} s`);
    // First a user who meets every tile made for them; then another, in a browser of their own, who meets the tiles the server kept.
    for (const pass of ['tiles made on demand', 'another browser: tiles kept by the server']) {
      console.log(`\n${pass}`);
      await views(browser, origin);
    }
  } finally {
    await browser.close();
    await app.close();
    await close();
  }
}

/** The fixed list of views, one after the other, in a new browser context: what each asked for and how long its tiles took. */
async function views(browser: Browser, origin: string): Promise<void> {
  console.log(
    `${'view'.padEnd(20)} ${pad('z', 3)} ${pad('tiles', 6)} ${pad('median ms', 10)} ${pad('slowest ms', 11)} ${pad('server med', 11)} ${pad('server max', 11)} ${pad('view KB', 8)} ${pad('requests', 9)}`,
  );
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const watcher = watch(page);
    await page.goto(origin);
    await page.waitForFunction(() => window.__riskmap !== undefined, undefined, { timeout: 120_000 });
    await idle(page);
    await watcher.quiet();
    for (const [name, center, zoom] of VIEWS) {
      watcher.seen.length = 0;
      serverTileMs.length = 0;
      // The idle that follows the move: the one before it may still be pending, and tiles are asked for on the next frame.
      await page.evaluate(
        ([c, z]) => {
          const { map } = window.__riskmap!;
          const moved = map.once('idle');
          map.jumpTo({ center: c, zoom: z });
          return moved.then(() => undefined);
        },
        [center, zoom] as const,
      );
      await watcher.quiet();
      const tiles = watcher.seen.filter((s) => s.tile).map((s) => s.request);
      const times = tiles.map((r) => r.timing().responseEnd).filter((t) => t >= 0);
      const kb = (await transferred(watcher.seen.map((s) => s.request))) / 1024;
      console.log(
        `${name.padEnd(20)} ${pad(zoom, 3)} ${pad(tiles.length, 6)} ${pad(median(times).toFixed(0), 10)} ${pad(Math.max(0, ...times).toFixed(0), 11)} ${pad(median(serverTileMs).toFixed(0), 11)} ${pad(Math.max(0, ...serverTileMs).toFixed(0), 11)} ${pad(kb.toFixed(0), 8)} ${pad(watcher.seen.length, 9)}`,
      );
    }
  } finally {
    await context.close();
  }
}

await main();
