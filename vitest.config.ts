import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships both index.mjs (Vite's pick, via "module") and index.js (Node's pick for
    // the Pothos and Yoga packages it loads); two copies break `instanceof`. Use Node's, always.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts its own sandbox and gateway on port 0, so files run in parallel safely.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
