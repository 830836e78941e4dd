import { defineConfig } from 'vitest/config';

// Tests that measure rates and timings against real clocks run last and alone: on a busy
// machine, other files' load would delay their requests and bunch them, which is exactly what
// those tests measure. Everything else runs in parallel (each file starts its own sandbox and
// gateway on port 0).
const TIMING = [
  'test/gateway/resilience.test.ts',
  'test/gateway/oauth.test.ts',
  'test/server/graphiql-browser.test.ts',
  'test/server/start.test.ts',
  'test/server/shutdown.test.ts',
  'test/server/tracing-export.test.ts',
  'test/rest/rate-limiter.test.ts',
  'test/bench/rate-limit.test.ts',
  'test/gateway/subscriptions.test.ts',
];

export default defineConfig({
  resolve: {
    // graphql 16 ships both index.mjs (Vite's pick, via "module") and index.js (Node's pick for
    // the Pothos and Yoga packages it loads); two copies break `instanceof`. Use Node's, always.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'parallel', include: ['test/**/*.test.ts'], exclude: TIMING, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'timing', include: TIMING, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
