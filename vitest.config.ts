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
    unstubEnvs: true,
  },
});
