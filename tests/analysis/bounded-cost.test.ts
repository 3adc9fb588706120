import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultAnalysisLimits, type AnalysisLimits } from '../../server/analysis/analysis-limits.js';
import { ROUTE_LIMITS } from '../../server/analysis/militarised-routes/route-params.js';
import { buildApp } from '../../server/app.js';
import type { Database, Queryable } from '../../server/db/database.js';
import { seedDemo } from '../support/demo-seed.js';
import { generateProvince } from '../../server/generate/synthetic-province.js';
import { openTestDatabase } from '../support/test-database.js';
import { testLogger } from '../support/test-logger.js';

/**
 * Issue 12, bounded cost per request: the worst routes analysis the parameter ranges allow, a
 * limit on analyses at once with a bounded queue, and a statement timeout, so that layer reads
 * keep being answered while analyses run. The data: the demo data and generated roads,
 * incidents and presence around made-up towns, a fifth of the generator's province so the file
 * stays quick (the ranges were measured at full scale: route-params.ts).
 */
const WORST_ROUTES: InjectOptions = {
  url: `/api/analysis/routes?date=2025-01-01&segment_m=${ROUTE_LIMITS.min_segment_m}&buffer_m=${ROUTE_LIMITS.max_buffer_m}&window_days=${ROUTE_LIMITS.max_window_days}`,
};
const LAYER_READ: InjectOptions = { url: '/api/zones' };
const ON_SERVER = Boolean(process.env.DATABASE_URL);

let db: Database;
/** The server's own statement_timeout, which no analysis may leave on a connection. */
let usualTimeout: string;
const apps: FastifyInstance[] = [];

async function appWith(limits: AnalysisLimits): Promise<FastifyInstance> {
  const app = await buildApp({ db, webRoot: '/nonexistent', auth: { demo: true }, logger: testLogger(), analysisLimits: limits });
  apps.push(app);
  return app;
}

interface Hold {
  release(): Promise<void>;
  /** Statements waiting for the lock: analyses that hold a slot and have reached the database. */
  waiting(): Promise<number>;
}

/**
 * Keeps the incidents table locked until released: an analysis that reads it waits in the
 * database, holding its slot and its connection, for as long as the test says, so what happens
 * meanwhile does not depend on timing. On PGlite the open transaction holds its one
 * connection, so every query waits.
 */
async function holdIncidents(): Promise<Hold> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: (tx: Queryable) => void;
  const holder = new Promise<Queryable>((resolve) => (locked = resolve));
  const done = db.transaction(async (tx) => {
    await tx.exec('LOCK TABLE incidents IN ACCESS EXCLUSIVE MODE');
    locked(tx);
    await released;
  });
  const tx = await holder;
  return {
    async release() {
      release();
      await done;
    },
    // Asked on the holder's own connection, which is free between its statements: the pool may have none left.
    waiting: async () =>
      (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'incidents'::regclass AND NOT granted`))[0]!.n,
  };
}

/**
 * statement_timeout on each of the pool's connections, all held at once so that each is a
 * different one: a timeout set for the session rather than the transaction would stay on one.
 */
async function timeoutOnEveryConnection(): Promise<string[]> {
  const count = db.poolStats!().max;
  let arrived = 0;
  let all!: () => void;
  const together = new Promise<void>((resolve) => (all = resolve));
  return Promise.all(
    Array.from({ length: count }, () =>
      db.transaction(async (tx) => {
        const [row] = await tx.query<{ statement_timeout: string }>('SHOW statement_timeout');
        if (++arrived === count) all();
        await together;
        return row!.statement_timeout;
      }),
    ),
  );
}

beforeAll(async () => {
  db = await openTestDatabase();
  usualTimeout = (await db.query<{ statement_timeout: string }>('SHOW statement_timeout'))[0]!.statement_timeout;
  await seedDemo(db);
  await generateProvince(db, { seed: 12, claims: 0, cooperatives: 0, incidents: 20_000, sites: 0, visits: 0, presence: 2_000, routeKm: 1_000 });
}, 120_000);
afterAll(async () => {
  for (const app of apps) await app.close();
  await db?.close();
});

describe('the parameter ranges', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith(defaultAnalysisLimits(db.kind));
  });

  it.each([
    ['segment_m=100', 'segment_m'],
    ['buffer_m=20000', 'buffer_m'],
    ['window_days=3650', 'window_days'],
  ])('refuse the old worst value %s with a 400 naming %s', async (query, name) => {
    const res = await app.inject({ url: `/api/analysis/routes?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(name);
  });

  it('are in the OpenAPI document with the reason for each', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const params = Object.fromEntries(
      (doc.paths['/api/analysis/routes'].get.parameters as { name: string; schema: Record<string, number>; description: string }[]).map((p) => [p.name, p]),
    );
    expect(params.segment_m!.schema.minimum).toBe(ROUTE_LIMITS.min_segment_m);
    expect(params.buffer_m!.schema.maximum).toBe(ROUTE_LIMITS.max_buffer_m);
    expect(params.window_days!.schema.maximum).toBe(ROUTE_LIMITS.max_window_days);
    expect(params.segment_m!.description).toMatch(/at least 500: recorded points can be a few hundred metres off/);
    expect(doc.paths['/api/analysis/routes'].get.description).toMatch(/503 with Retry-After/);
  });
});

describe('a layer read while the worst allowed routes analyses run', () => {
  it.runIf(ON_SERVER)('answers before any of them finishes (server)', async () => {
    const limits = defaultAnalysisLimits('postgres');
    const app = await appWith(limits);
    const gate = app.analysisGate;
    const finished: string[] = [];
    const hold = await holdIncidents();
    // Every slot and every place in the queue taken, and one more, which is refused at once.
    const analyses = Array.from({ length: limits.concurrency + limits.queue + 1 }, () =>
      app.inject(WORST_ROUTES).then((res) => (finished.push(`analysis ${res.statusCode}`), res)),
    );
    await vi.waitFor(() => expect(finished).toEqual(['analysis 503']));
    // Each analysis with a slot is in the database, its statement running (waiting on the lock);
    // with more slots than the pool can spare this never comes true.
    await vi.waitFor(async () => expect(await hold.waiting()).toBe(limits.concurrency), { timeout: 10_000 });
    expect([gate.active, gate.waiting]).toEqual([limits.concurrency, limits.queue]);
    // And the operator's metrics say so (inject comes from this machine).
    const metrics = (await app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain(`analyses_in_progress{state="running"} ${limits.concurrency}`);
    expect(metrics).toContain(`analyses_in_progress{state="waiting"} ${limits.queue}`);
    // Without the limit the analyses would take every pooled connection, and the layer read
    // would wait for one until they finished: after the lock is released, never before.
    const layer = await app.inject(LAYER_READ);
    finished.push(`layer ${layer.statusCode}`);
    await hold.release();
    const answers = await Promise.all(analyses);
    expect(finished.slice(0, 2)).toEqual(['analysis 503', 'layer 200']);
    expect(finished.slice(2)).toEqual(Array(limits.concurrency + limits.queue).fill('analysis 200'));
    expect(layer.json().features.length).toBeGreaterThan(0);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([...Array(limits.concurrency + limits.queue).fill(200), 503]);
    expect(answers.find((a) => a.statusCode === 200)!.json().features.length).toBeGreaterThan(1000);
    // The analyses' timeout ended with their transactions.
    expect(new Set(await timeoutOnEveryConnection())).toEqual(new Set([usualTimeout]));
  });

  it.runIf(!ON_SERVER)('both answer on the embedded database', async () => {
    const app = await appWith(defaultAnalysisLimits('pglite'));
    // PGlite runs one query at a time on the Node event loop, with no timer that can stop it: a
    // layer read asked for while the analysis's statement runs is served when that statement
    // ends (or before it starts), never during it; so the order is not asserted. What holds is
    // that both answer, the analysis whole: the ranges keep that statement to seconds (about
    // 4 s at full province scale), which is all that bounds it here. That a layer read never
    // waits for an analysis's slot is checked below on both databases.
    const [analysis, layer] = await Promise.all([app.inject(WORST_ROUTES), app.inject(LAYER_READ)]);
    expect(analysis.statusCode, analysis.body.slice(0, 300)).toBe(200);
    expect(analysis.json().features.length).toBeGreaterThan(1000);
    expect(layer.statusCode).toBe(200);
    expect(layer.json().features.length).toBeGreaterThan(0);
    expect(app.analysisGate.active).toBe(0);
  });
});

describe('the limit on analyses at once', () => {
  it('refuses the third of three heavy requests with one slot and one place in the queue, then takes new ones again', async () => {
    const app = await appWith({ concurrency: 1, queue: 1, timeoutMs: 60_000 });
    const hold = await holdIncidents();
    const calls = [0, 1, 2].map(() => app.inject(WORST_ROUTES));
    const first = await Promise.race(calls);
    expect(first.statusCode).toBe(503);
    expect(first.headers['retry-after']).toBe('60');
    expect(first.json().message).toMatch(/busy with other analyses \(1 running, 1 waiting.*try again in 60 s/);
    await hold.release();
    expect((await Promise.all(calls)).map((c) => c.statusCode).sort()).toEqual([200, 200, 503]);
    expect([app.analysisGate.active, app.analysisGate.waiting]).toEqual([0, 0]);
    expect((await app.inject(WORST_ROUTES)).statusCode).toBe(200);
  });

  it.runIf(ON_SERVER)('answers a timeline it has kept while every slot is taken and none may wait (server)', async () => {
    const app = await appWith({ concurrency: 1, queue: 0, timeoutMs: 60_000 });
    const timeline = (months: number) => ({ url: `/api/analysis/timeline?to=2019-12-31&months=${months}&bbox=28.7,-2.2,28.9,-2.0` });
    const first = await app.inject(timeline(3));
    expect(first.statusCode).toBe(200);
    const hold = await holdIncidents();
    const busy = app.inject(WORST_ROUTES);
    await vi.waitFor(async () => expect(await hold.waiting()).toBe(1), { timeout: 10_000 });
    expect(app.analysisGate.active).toBe(1);
    // One not kept needs a slot, as every analysis does: none is free and none may wait.
    expect((await app.inject(timeline(2))).statusCode).toBe(503);
    // The kept one costs a read of the data version: it does not queue behind the analysis that computes.
    const again = await app.inject(timeline(3));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    await hold.release();
    expect((await busy).statusCode).toBe(200);
  });

  it('drops a queued request whose client went away, so that the next one queues instead of being refused', async () => {
    const app = await appWith({ concurrency: 1, queue: 1, timeoutMs: 60_000 });
    const gate = app.analysisGate;
    const hold = await holdIncidents();
    const running = app.inject(WORST_ROUTES);
    await vi.waitFor(() => expect(gate.active).toBe(1));
    const gone = new AbortController();
    const abandoned = app.inject({ ...WORST_ROUTES, signal: gone.signal });
    await vi.waitFor(() => expect(gate.waiting).toBe(1));
    gone.abort();
    await expect(abandoned).rejects.toThrow(/abort/i);
    await vi.waitFor(() => expect(gate.waiting).toBe(0));
    const next = app.inject(WORST_ROUTES);
    await vi.waitFor(() => expect(gate.waiting).toBe(1));
    await hold.release();
    expect((await running).statusCode).toBe(200);
    expect((await next).statusCode).toBe(200);
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it.runIf(ON_SERVER)('stops the SQL of a running analysis whose client went away, and frees its slot at once (server)', async () => {
    const app = await appWith({ concurrency: 1, queue: 1, timeoutMs: 60_000 });
    const gate = app.analysisGate;
    const hold = await holdIncidents();
    const gone = new AbortController();
    const abandoned = app.inject({ ...WORST_ROUTES, signal: gone.signal });
    // Its statement is in the database, waiting on the lock.
    await vi.waitFor(async () => expect(await hold.waiting()).toBe(1), { timeout: 10_000 });
    gone.abort();
    await expect(abandoned).rejects.toThrow(/abort/i);
    // Cancelled while the lock is still held: it no longer waits, and its slot is free for the next analysis.
    await vi.waitFor(async () => expect(await hold.waiting()).toBe(0), { timeout: 10_000 });
    await vi.waitFor(() => expect(gate.active).toBe(0));
    const next = app.inject(WORST_ROUTES);
    await vi.waitFor(async () => expect(await hold.waiting()).toBe(1), { timeout: 10_000 });
    await hold.release();
    expect((await next).statusCode).toBe(200);
    // The cancel reached only the abandoned statement: the connections it went back to answer as usual.
    for (let i = 0; i < 3; i++) expect((await app.inject(LAYER_READ)).statusCode).toBe(200);
    expect(new Set(await timeoutOnEveryConnection())).toEqual(new Set([usualTimeout]));
  });

  it('holds no slot for layer reads or tiles, and none for refused requests', async () => {
    const app = await appWith({ concurrency: 1, queue: 0, timeoutMs: 60_000 });
    const hold = await holdIncidents();
    const running = app.inject(WORST_ROUTES);
    await vi.waitFor(() => expect(app.analysisGate.active).toBe(1));
    // A bad request is refused before it would take a slot: 400, not the 503 of a full gate.
    expect((await app.inject({ url: '/api/analysis/routes?segment_m=1' })).statusCode).toBe(400);
    expect((await app.inject(WORST_ROUTES)).statusCode).toBe(503);
    const layer = app.inject(LAYER_READ);
    const tile = app.inject({ url: '/tiles/zones/8/145/129.mvt' });
    await hold.release();
    expect((await layer).statusCode).toBe(200);
    expect((await tile).statusCode).toBe(200);
    expect((await running).statusCode).toBe(200);
  });
});

describe('the statement timeout', () => {
  it.runIf(ON_SERVER)('stops an analysis with a 503 in words, and leaves the connection clean (server)', async () => {
    const app = await appWith({ concurrency: 2, queue: 8, timeoutMs: 50 });
    const hold = await holdIncidents();
    // The analysis waits on the lock: the statement timeout counts that wait, so it fires.
    const stopped = await app.inject(WORST_ROUTES);
    await hold.release();
    expect(stopped.statusCode).toBe(503);
    expect(stopped.headers['retry-after']).toBe('1');
    expect(stopped.json().message).toMatch(
      /took longer than 50 ms.*was stopped\. Narrow the area \(bbox\), lower window_days or buffer_m, or raise segment_m; or try again/,
    );
    // The pool hands back its most recently released connection first: the analysis's own,
    // which must have left its transaction and its timeout behind.
    for (let i = 0; i < 3; i++) expect((await app.inject(LAYER_READ)).statusCode).toBe(200);
    expect(new Set(await timeoutOnEveryConnection())).toEqual(new Set([usualTimeout]));
  });

  it.runIf(!ON_SERVER)('cannot stop a statement on the embedded database: the parameter ranges bound it there', async () => {
    // PGlite accepts statement_timeout and never applies it (SET statement_timeout = 100;
    // SELECT pg_sleep(1) returns after a second): nothing interrupts WebAssembly on the event loop.
    const app = await appWith({ concurrency: 1, queue: 8, timeoutMs: 1 });
    expect((await app.inject(WORST_ROUTES)).statusCode).toBe(200);
  });
});
