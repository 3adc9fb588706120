import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.js';

/** Issue 18: the load-shedding limits and the metrics token, read from the environment. */
describe('load shedding and metrics configuration', () => {
  it('sheds on a second of event-loop delay on the server by default, and not on the embedded database', () => {
    expect(configFromEnv({ DATABASE_URL: 'postgres://u@db/riskmap' }).loadShedding).toEqual({
      maxEventLoopDelayMs: 1000,
      maxEventLoopUtilization: 0,
      maxHeapUsedBytes: 0,
    });
    expect(configFromEnv({}).loadShedding).toEqual({ maxEventLoopDelayMs: 0, maxEventLoopUtilization: 0, maxHeapUsedBytes: 0 });
  });

  it('takes each limit from SHED_*, 0 turning it off', () => {
    const config = configFromEnv({ SHED_EVENT_LOOP_DELAY_MS: '250', SHED_EVENT_LOOP_UTILIZATION: '0.95', SHED_HEAP_MB: '1536' });
    expect(config.loadShedding).toEqual({ maxEventLoopDelayMs: 250, maxEventLoopUtilization: 0.95, maxHeapUsedBytes: 1536 * 1024 * 1024 });
    expect(configFromEnv({ DATABASE_URL: 'postgres://u@db/riskmap', SHED_EVENT_LOOP_DELAY_MS: '0' }).loadShedding.maxEventLoopDelayMs).toBe(0);
  });

  it.each([
    ['SHED_EVENT_LOOP_DELAY_MS', 'soon'],
    ['SHED_EVENT_LOOP_DELAY_MS', '-1'],
    ['SHED_EVENT_LOOP_UTILIZATION', '1.5'],
    ['SHED_HEAP_MB', 'lots'],
  ])('refuses %s=%s in words', (name, value) => {
    expect(() => configFromEnv({ [name]: value })).toThrow(new RegExp(`${name} must be a number from 0 \\(off\\)`));
  });

  it('takes METRICS_TOKEN when it is long enough not to be guessed', () => {
    expect(configFromEnv({}).metricsToken).toBeUndefined();
    const token = 'a'.repeat(64);
    expect(configFromEnv({ METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(() => configFromEnv({ METRICS_TOKEN: 'hunter2' })).toThrow(/METRICS_TOKEN must be at least 32 characters/);
    expect(() => configFromEnv({ METRICS_TOKEN: `${'a'.repeat(20)} ${'b'.repeat(20)}` })).toThrow(/METRICS_TOKEN/);
  });
});

/** Issue 13: every tile up to TILE_WARM_ZOOM is made ahead, four times more at each zoom. */
describe('tiles made ahead', () => {
  it('go up to zoom 10 on a server by default, none embedded, and no deeper than 10', () => {
    expect(configFromEnv({ DATABASE_URL: 'postgres://db/x' }).tileWarmZoom).toBe(10);
    expect(configFromEnv({}).tileWarmZoom).toBe(0);
    expect(configFromEnv({ TILE_WARM_ZOOM: '8' }).tileWarmZoom).toBe(8);
    expect(() => configFromEnv({ TILE_WARM_ZOOM: '11' })).toThrow(/TILE_WARM_ZOOM.*from 0 to 10/);
  });
});
