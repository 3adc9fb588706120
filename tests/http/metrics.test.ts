import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { openAuthFixture, type AuthFixture } from '../auth/auth-fixture.js';

/**
 * Issue 18: Prometheus metrics at /metrics, for this machine or a scraper holding
 * METRICS_TOKEN, labelled by route pattern and never by what a caller asked for.
 */
const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789abcdef';
const REMOTE = '198.51.100.23';

let f: AuthFixture;
beforeAll(async () => {
  f = await openAuthFixture({ metricsToken: METRICS_TOKEN });
});
afterAll(() => f?.close());

const scrape = (headers: Record<string, string> = {}, remoteAddress?: string) =>
  f.app.inject({ url: '/metrics', headers, ...(remoteAddress ? { remoteAddress } : {}) });

/** One sample's value, or undefined when the series is absent. */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('the metrics', () => {
  it('count requests and time them by route pattern, method and status class, with no id, query or tile address', async () => {
    const viewer = f.as('viewer');
    expect((await f.app.inject({ url: '/api/zones/424242?date=2031-05-17', headers: viewer })).statusCode).toBe(404);
    expect((await f.app.inject({ url: '/api/zones/535353', headers: viewer })).statusCode).toBe(404);
    expect((await f.app.inject({ url: '/api/zones?limit=7', headers: viewer })).statusCode).toBe(200);
    expect((await f.app.inject({ url: '/api/no-such-route-9191' })).statusCode).toBe(401);

    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = res.body;
    expect(sample(body, 'http_requests_total{route="/api/zones/:id",method="GET",status_class="4xx"}')).toBe(2);
    expect(sample(body, 'http_requests_total{route="/api/zones",method="GET",status_class="2xx"}')).toBe(1);
    // With a web root, the web app's catch-all route answers every other GET.
    expect(sample(body, 'http_requests_total{route="/*",method="GET",status_class="4xx"}')).toBe(1);
    expect(sample(body, 'http_request_duration_seconds_count{route="/api/zones/:id",method="GET",status_class="4xx"}')).toBe(2);
    expect(body).toMatch(/http_request_duration_seconds_bucket\{le="0\.1",route="\/api\/zones",method="GET",status_class="2xx"\} [01]/);
    // Nothing a caller wrote, and no one's name or token.
    for (const text of ['424242', '535353', '2031-05-17', 'limit=7', 'no-such-route', 'viewer', ...Object.values(f.tokens)])
      expect(body, text).not.toContain(text);
    // The process, once per process.
    expect(body).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('time the analyses by route, and count tiles sent afresh and revalidated (304), made or kept, by layer', async () => {
    const viewer = f.as('viewer');
    expect((await f.app.inject({ url: '/api/analysis/sites', headers: viewer })).statusCode).toBe(200);
    const tile = await f.app.inject({ url: '/tiles/zones/5/19/16.mvt', headers: viewer });
    expect(tile.statusCode).toBe(200);
    // The same tile in full again, from those the server keeps.
    expect((await f.app.inject({ url: '/tiles/zones/5/19/16.mvt', headers: viewer })).headers['x-tile-cache']).toBe('hit');
    const again = await f.app.inject({ url: '/tiles/zones/5/19/16.mvt', headers: { ...viewer, 'if-none-match': String(tile.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await f.app.inject({ url: '/tiles/zones/5/19/17.mvt', headers: { ...viewer, 'if-none-match': String(tile.headers.etag) } })).statusCode).toBe(304);
    // A layer that does not exist is no label.
    expect((await f.app.inject({ url: '/tiles/secret-place/5/19/16.mvt', headers: viewer })).statusCode).toBe(404);

    const body = (await scrape()).body;
    expect(sample(body, 'analysis_duration_seconds_count{route="/api/analysis/sites"}')).toBe(1);
    // Nothing runs between requests: the gate's gauges say so (a stuck slot would show here).
    expect(sample(body, 'analyses_in_progress{state="running"}')).toBe(0);
    expect(sample(body, 'analyses_in_progress{state="waiting"}')).toBe(0);
    expect(sample(body, 'tile_responses_total{layer="zones",status="200"}')).toBe(2);
    expect(sample(body, 'tile_cache_total{layer="zones",result="miss"}')).toBe(1);
    expect(sample(body, 'tile_cache_total{layer="zones",result="hit"}')).toBe(1);
    expect(sample(body, 'tile_responses_total{layer="zones",status="304"}')).toBe(2);
    expect(body).not.toContain('secret-place');
    expect(body).not.toMatch(/19\/16|5\/19/);
  });

  it('show the database pool on the server, and nothing for it on the embedded database', async () => {
    const body = (await scrape()).body;
    if (f.db.kind === 'postgres') {
      expect(sample(body, 'db_pool_connections{state="max"}')).toBe(10);
      expect(sample(body, 'db_pool_connections{state="total"}')).toBeGreaterThan(0);
      expect(sample(body, 'db_pool_connections{state="waiting"}')).toBe(0);
    } else {
      expect(body).not.toContain('db_pool_connections');
    }
  });

  it('are each app’s own: another app in the same process has not counted these requests', async () => {
    const other = await buildApp({ db: f.db, webRoot: '/nonexistent', auth: { demo: false } });
    try {
      const body = (await other.inject({ url: '/metrics' })).body;
      expect(body).not.toContain('route="/api/zones/:id"');
      expect(body).toMatch(/^process_cpu_user_seconds_total \d/m);
    } finally {
      await other.close();
    }
  });
});

describe('who may read the metrics', () => {
  it('this machine, without credentials', async () => {
    expect((await scrape()).statusCode).toBe(200);
    expect((await scrape({}, '::1')).statusCode).toBe(200);
  });

  it('a scraper elsewhere with the metrics token, compared whole', async () => {
    expect((await scrape({ authorization: `Bearer ${METRICS_TOKEN}` }, REMOTE)).statusCode).toBe(200);
    expect((await scrape({ authorization: `bearer ${METRICS_TOKEN}` }, REMOTE)).statusCode).toBe(200);
    expect((await scrape({ authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}` }, REMOTE)).statusCode).toBe(403);
    expect((await scrape({ authorization: `Bearer ${METRICS_TOKEN}x` }, REMOTE)).statusCode).toBe(403);
  });

  it('nobody else: a caller elsewhere, a caller through a proxy on this machine, another site through DNS rebinding, any account', async () => {
    const refusals = [
      await scrape({}, REMOTE),
      await scrape({ 'x-forwarded-for': REMOTE }),
      await scrape({ forwarded: `for=${REMOTE}` }),
      await scrape({ host: 'attacker.example' }),
      await scrape(f.as('admin')),
      await scrape(f.as('admin'), REMOTE),
      await scrape({ authorization: 'Basic bWV0cmljczptZXRyaWNz' }),
    ];
    for (const res of refusals) {
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toMatch(/\/metrics/);
      expect(res.body).not.toContain('http_requests_total');
    }
    expect(refusals[0]!.json().message).toMatch(/this machine, or for a scraper that presents the metrics token/);
  });

  it('the metrics token opens nothing else', async () => {
    expect((await f.app.inject({ url: '/api/zones', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).statusCode).toBe(401);
  });

  it('without METRICS_TOKEN on the server, only this machine, and a presented token is refused in words', async () => {
    const app = await buildApp({ db: f.db, webRoot: '/nonexistent', auth: { demo: false } });
    try {
      expect((await app.inject({ url: '/metrics' })).statusCode).toBe(200);
      const remote = await app.inject({ url: '/metrics', remoteAddress: REMOTE, headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(remote.statusCode).toBe(403);
      expect(remote.json().message).toMatch(/METRICS_TOKEN is not set/);
      expect((await app.inject({ url: '/metrics', remoteAddress: REMOTE })).json().message).toMatch(/set METRICS_TOKEN/);
    } finally {
      await app.close();
    }
  });
});
