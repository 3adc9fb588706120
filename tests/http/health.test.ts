import { readdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { Database } from '../../server/db/database.js';
import { READY_TIMEOUT_MS } from '../../server/health.js';
import type { LoadShedding } from '../../server/http/load-shedding.js';
import { openTestDatabase } from '../support/test-database.js';

/**
 * Issue 18: liveness answers without the database, readiness asks it (and gives up quickly),
 * and under load requests are shed with 503 while liveness and the metrics still answer.
 */
let db: Database;
const apps: FastifyInstance[] = [];

/** The app in accounts mode (no demo caller), on `database`. */
async function appOn(database: Database, loadShedding?: LoadShedding): Promise<FastifyInstance> {
  const app = await buildApp({ db: database, webRoot: '/nonexistent', auth: { demo: false }, loadShedding });
  apps.push(app);
  return app;
}

/** The test database with every statement failing as pg fails when the server is gone, or never answering. */
function unreachable(database: Database, how: 'refused' | 'hangs'): Database {
  const fail = () =>
    how === 'hangs'
      ? new Promise<never>(() => {})
      : Promise.reject(Object.assign(new Error('connect ECONNREFUSED 10.9.8.7:5432'), { code: 'ECONNREFUSED', address: '10.9.8.7' }));
  const broken: Database = {
    ...database,
    query: fail,
    exec: fail,
    transaction: fail,
    get reads() {
      return broken;
    },
  };
  return broken;
}

const REMOTE = '203.0.113.9';
const latestMigration = () => Math.max(...readdirSync(new URL('../../migrations/', import.meta.url)).map((f) => Number(/^(\d+)\.do\./.exec(f)?.[1] ?? 0)));

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await db?.close();
});

describe('liveness and readiness', () => {
  it('are open to an anonymous caller from elsewhere, and say only the database kind, PostGIS and the migration level', async () => {
    const app = await appOn(db);
    const live = await app.inject({ url: '/api/health', remoteAddress: REMOTE });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok', database: db.kind });
    const ready = await app.inject({ url: '/api/health/ready', remoteAddress: REMOTE });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: db.kind, postgis: expect.stringMatching(/^3\./), migration: latestMigration() });
  });

  it('liveness answers 200 while the database is unreachable; readiness answers 503 with Retry-After, in words', async () => {
    const app = await appOn(unreachable(db, 'refused'));
    expect((await app.inject({ url: '/api/health', remoteAddress: REMOTE })).statusCode).toBe(200);
    const ready = await app.inject({ url: '/api/health/ready', remoteAddress: REMOTE });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBe('5');
    expect(ready.json()).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'not ready: the database cannot be reached; try again in a few seconds',
    });
    expect(ready.body).not.toMatch(/10\.9\.8\.7|ECONNREFUSED/);
  });

  it('readiness gives up on a database that does not answer, after a short timeout', async () => {
    const app = await appOn(unreachable(db, 'hangs'));
    // The database never answers: an answer at all is the timeout at work (no stopwatch here,
    // which a loaded machine would trip).
    const ready = await app.inject({ url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBe('5');
    expect(ready.json().message).toBe(`not ready: the database did not answer within ${READY_TIMEOUT_MS / 1000} s; try again in a few seconds`);
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('load shedding', () => {
  // Any heap is over one byte: the app is under pressure from its first sample on.
  const overloaded: LoadShedding = { maxEventLoopDelayMs: 0, maxEventLoopUtilization: 0, maxHeapUsedBytes: 1, sampleIntervalMs: 10 };

  it('answers 503 with Retry-After and words under pressure, before asking for credentials; liveness and the metrics still answer', async () => {
    const app = await appOn(db, overloaded);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const url of ['/api/zones', '/api/health/ready', '/api/nothing-here']) {
      const res = await app.inject({ url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 503 });
      expect(res.headers['retry-after']).toBe('10');
      expect(res.headers['content-security-policy'], 'a shed answer carries the security headers too').toBeDefined();
      expect(res.json()).toMatchObject({ error: 'Service Unavailable', message: expect.stringMatching(/overloaded.*try again in a few seconds/) });
    }
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(200);
  });

  it('sheds nothing without limits, or under them', async () => {
    // Samples of several event-loop ticks: under-pressure takes a sample without one for an endless delay.
    for (const app of [
      await appOn(db),
      await appOn(db, { maxEventLoopDelayMs: 60_000, maxEventLoopUtilization: 0, maxHeapUsedBytes: 0, sampleIntervalMs: 50 }),
    ]) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect((await app.inject({ url: '/api/zones' })).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/health/ready' })).statusCode).toBe(200);
    }
  });
});
