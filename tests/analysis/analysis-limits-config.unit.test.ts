import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.js';

/** ANALYSIS_CONCURRENCY, ANALYSIS_QUEUE and ANALYSIS_TIMEOUT_MS (issue 12, bounded cost per request). */
describe('analysis limits configuration', () => {
  it('runs two analyses at once on a server, one on the embedded database, eight waiting, 20 s a statement', () => {
    expect(configFromEnv({ DATABASE_URL: 'postgres://u@db/riskmap' }).analysisLimits).toEqual({ concurrency: 2, queue: 8, timeoutMs: 20_000 });
    expect(configFromEnv({}).analysisLimits).toEqual({ concurrency: 1, queue: 8, timeoutMs: 20_000 });
  });

  it('takes each from the environment, a queue of 0 included', () => {
    expect(configFromEnv({ ANALYSIS_CONCURRENCY: '4', ANALYSIS_QUEUE: '0', ANALYSIS_TIMEOUT_MS: '5000' }).analysisLimits).toEqual({
      concurrency: 4,
      queue: 0,
      timeoutMs: 5000,
    });
  });

  it.each([
    ['ANALYSIS_CONCURRENCY', '0', /ANALYSIS_CONCURRENCY must be a whole number from 1 to 9 \(analyses at once; fewer than the 10 database connections/],
    ['ANALYSIS_CONCURRENCY', '10', /ANALYSIS_CONCURRENCY must be a whole number from 1 to 9/],
    ['ANALYSIS_QUEUE', '-1', /ANALYSIS_QUEUE must be a whole number from 0 to 1000/],
    ['ANALYSIS_QUEUE', 'many', /ANALYSIS_QUEUE must be a whole number/],
    ['ANALYSIS_TIMEOUT_MS', '20s', /ANALYSIS_TIMEOUT_MS must be a whole number from 100 to 3600000 \(milliseconds/],
    ['ANALYSIS_TIMEOUT_MS', '1.5', /ANALYSIS_TIMEOUT_MS must be a whole number/],
  ])('refuses %s=%s in words', (name, value, message) => {
    expect(() => configFromEnv({ [name]: value })).toThrow(message);
  });
});
