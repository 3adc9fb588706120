import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // A fresh PGlite with PostGIS takes ~10 s; each test file starts from a migrated template instead.
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // Browser tests poll the page; on a loaded two-core machine a redraw can take seconds.
    expect: { poll: { timeout: 15_000 } },
    // Two cores here: more workers only make each PGlite slower.
    maxWorkers: 2,
  },
});
