import { defineConfig } from 'vitest/config';

// One worker process per core; each worker shares one database (PGlite in memory, or the PostgreSQL server in
// DATABASE_URL) across its test files, and tests isolate by tenant, not by a new database per test.
// Two projects on those settings: `unit` (shared + server, `npm run test:unit`) and `e2e` (the browser tests, which
// start a server and Chromium, so their steps get longer limits). `vitest run` runs both.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['packages/server/test/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['packages/*/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 240_000 },
      },
    ],
  },
});
