import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generator tests install real dependencies into temp projects; they are slow by nature.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Two cores: installs and compilers in parallel files fight for them.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
