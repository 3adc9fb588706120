import { defineConfig } from 'vitest/config';

/**
 * Three projects, so that a developer can run one kind (`npm test -- --project unit`):
 * - unit: no database, no browser; runs in seconds;
 * - api: the real app and a real database (embedded PGlite, or the server named by DATABASE_URL);
 * - browser: the same, plus the web built once for the run and headless Chromium.
 * The database projects share a migrated template; their workers are reused across files
 * (isolate: false) so that each keeps its PGlite instances warm (tests/support/test-database.ts).
 */
const UNIT = 'tests/**/*.unit.test.ts';
const BROWSER = 'tests/web/**/*.test.ts';

export default defineConfig({
  test: {
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // Two cores here, but the browser tests spend much of their time waiting on Chromium, so a
    // third worker keeps both busy (5 min 55 s against 6 min 47 s for two, one run each).
    maxWorkers: 3,
    projects: [
      { extends: true, test: { name: 'unit', include: [UNIT] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: [BROWSER],
          exclude: [UNIT],
          // Before api: its setup prepares the database while the web builds (tests/support/build-web.ts).
          globalSetup: ['tests/support/build-web.ts'],
          isolate: false,
          // Browser tests poll the page; on a loaded two-core machine a redraw can take seconds.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['tests/**/*.test.ts'],
          exclude: [UNIT, BROWSER],
          globalSetup: ['tests/support/global-setup.ts'],
          isolate: false,
        },
      },
    ],
  },
});
