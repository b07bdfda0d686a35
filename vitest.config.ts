import { defineConfig } from 'vitest/config';

// One worker process per core; each worker shares one database (PGlite in memory, or the PostgreSQL server in
// DATABASE_URL) across its test files, and tests isolate by tenant, not by a new database per test.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/server/test/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['packages/server/test/global-setup.ts'],
  },
});
