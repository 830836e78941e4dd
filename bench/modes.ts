// How much of everything a run measures. Full mode is what docs/benchmarks.md reports (under 10
// minutes on a 2-core machine); quick mode is a smoke run of every workload (under a minute).

export interface BenchMode {
  name: 'full' | 'quick';
  /** Timed sequential calls per variant for W1/W2 (gateway, direct REST, the `__typename` floor). */
  latencySamples: number;
  /** Timed calls of the naive client for W1/W2 (each is 50–200 upstream calls). */
  naiveSamples: number;
  /** Timed pass-throughs per size in W3, and naive passes (1,000 leads naive is ~3,700 calls). */
  pagingSamples: number;
  naivePagingSamples: number;
  /** Bursts of 20 concurrent look-ups in W4. */
  bursts: number;
  /** Timed 120-lead batches in W5 (each writes 120 leads), and naive ones (120 POSTs each). */
  writeSamples: number;
  naiveWriteSamples: number;
  /** autocannon run for W6. */
  loadSeconds: number;
  /** Each of the two W1 runs whose RSS is compared (the issue asks for 20 seconds). */
  rssSeconds: number;
  /** Each concurrency level of W7. */
  rateSeconds: number;
  /** Timed calls per latency in W8, and naive ones (51+ calls × the latency each). */
  slowSamples: number;
  naiveSlowSamples: number;
}

export const FULL: BenchMode = {
  name: 'full',
  latencySamples: 300,
  naiveSamples: 20,
  pagingSamples: 5,
  naivePagingSamples: 1,
  bursts: 30,
  writeSamples: 5,
  naiveWriteSamples: 2,
  loadSeconds: 10,
  rssSeconds: 20,
  rateSeconds: 10,
  slowSamples: 10,
  naiveSlowSamples: 1,
};

export const QUICK: BenchMode = {
  name: 'quick',
  latencySamples: 40,
  naiveSamples: 2,
  pagingSamples: 1,
  naivePagingSamples: 0,
  bursts: 5,
  writeSamples: 1,
  naiveWriteSamples: 1,
  loadSeconds: 2,
  rssSeconds: 2,
  rateSeconds: 2,
  slowSamples: 2,
  naiveSlowSamples: 0,
};

/** The fixed concurrency of the requests/second figures (the "concurrency 10"). */
export const LOAD_CONNECTIONS = 10;
