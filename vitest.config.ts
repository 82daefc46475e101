import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The emulator example runs against the built package (`npm test` builds first).
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    pool: 'forks',
    // Many tests wait on child processes and sockets rather than the CPU: more workers than cores pays.
    maxWorkers: 3,
    minWorkers: 1,
    // End-to-end tests spawn the binary several times in a row; a loaded 2-core CI box needs room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    restoreMocks: true,
    // `npm run test:coverage` (CI runs it on one Node version). Only in-process tests count: the e2e
    // tests spawn the built binary, whose code v8 does not see from here.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { statements: 0, branches: 0, functions: 0, lines: 0 },
    },
    unstubEnvs: true,
  },
});
