// `npm run bench` (and `npm run bench:quick`): starts the sandbox here and the gateway in a child
// process, runs W1–W9 with both baselines in the same run, prints a summary, and writes
// bench/results/latest.json (quick: latest-quick.json) plus, in full mode, docs/benchmarks.md
// and docs/benchmarks.svg.
//   --quick          a smoke run of every workload, under a minute
//   --only W1,W7     just these workloads (results are written, the report is not)
// bench/render.ts rewrites the report from bench/results/latest.json without measuring.

import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { createDirectClient } from './baselines/direct-rest.js';
import { createNaiveClient } from './baselines/naive-client.js';
import { createRestClient } from './baselines/rest-client.js';
import { buildGateway, startBuiltGateway, type MeasuredGateway } from './env/built-gateway.js';
import { startGatewayChild, type GatewayChild } from './env/gateway-child.js';
import { createGraphQLClient, type GraphQLClient } from './env/graphql-client.js';
import { startBenchSandbox } from './env/sandbox.js';
import { FULL, QUICK } from './modes.js';
import { createProgress } from './progress.js';
import { evaluateTargets } from './report/targets.js';
import { printSummary } from './report/console.js';
import { writeResults } from './report/write.js';
import type { BenchContext } from './workloads/context.js';
import type { BenchRun, WorkloadResult } from './workloads/result.js';
import { runW1 } from './workloads/w1-contact-names.js';
import { runW2 } from './workloads/w2-everything.js';
import { runW3 } from './workloads/w3-paging.js';
import { addLimitedLookups, runW4 } from './workloads/w4-lookups.js';
import { runW5 } from './workloads/w5-create.js';
import { runW6 } from './workloads/w6-repeated.js';
import { AMOCRM_LIMIT, pageCursors, runW7 } from './workloads/w7-rate-limit.js';
import { runW8 } from './workloads/w8-slow-upstream.js';
import { runW9 } from './workloads/w9-shuffled.js';
import { dash } from './report/format.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } }, strict: true });
const mode = values.quick ? QUICK : FULL;
const only = values.only ? new Set(values.only.toUpperCase().split(',').map((id) => id.trim())) : null;
const wanted = (id: string) => !only || only.has(id);

/** Measure the gateway, not the limiter: W1–W6, W8 and W9 run with the limit out of the way. */
const UNTHROTTLED = { rateLimit: 100_000, retryAttempts: 1 };
/** W7 (and W4's second case): the gateway's production defaults against a 7 rps sandbox. */
const PRODUCTION = {};
/** UNTHROTTLED for the `npm start` build, in its environment variables (1,000 per 100 ms is the most they allow). */
const BUILT_ENV = { UPSTREAM_RATE_LIMIT: '1000', UPSTREAM_RATE_WINDOW_MS: '100', UPSTREAM_RETRY_ATTEMPTS: '1', RESPONSE_CACHE: 'false' };
/** A heap cap for W1's second memory case: V8 otherwise sizes the heap from the machine's RAM. */
const HEAP_CAP = '--max-old-space-size=96';
/** W3 pages through 1,000; a few more leave room for the deleted ones and the last page. */
const VISIBLE_LEADS = 1_100;

const startedAt = new Date();
// Other work on the machine skews every timing: recorded so a noisy run can be told apart.
const loadBefore = loadavg()[0]!;
const progress = createProgress();
progress.workload('setup', `${mode.name} mode on ${cpus().length} CPUs, Node ${process.version}`);
const sandbox = await startBenchSandbox({ visibleLeads: VISIBLE_LEADS });
const rest = createRestClient({ baseUrl: sandbox.url, token: sandbox.token });
const direct = createDirectClient(rest);
const naive = createNaiveClient(rest);
const opened: { gateway: GatewayChild; gql: GraphQLClient }[] = [];

/** Every workload but W6 measures the gateway resolving from amoCRM: the response cache is off there. */
async function openGateway(traffic: object, responseCache = false) {
  const gateway = await startGatewayChild({ upstreamUrl: sandbox.url, token: sandbox.token, traffic, responseCache });
  const gql = createGraphQLClient(gateway.url);
  opened.push({ gateway, gql });
  return { gateway, gql };
}

const workloads: WorkloadResult[] = [];
const failures: string[] = [];

/** A workload that throws is reported as failed and the run goes on: one broken part hides nothing else. */
async function attempt(id: string, title: string, run: () => Promise<WorkloadResult | void>): Promise<void> {
  try {
    const result = await run();
    if (result) workloads.push(result);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push(`${id}: ${message}`);
    progress.step(`FAILED: ${message.split('\n')[0]}`);
    workloads.push({ id, title, operation: dash, cases: [], correctness: { checked: 0, wrong: 0, missing: 0, examples: [] }, notes: [], error: message });
  }
}

let built: MeasuredGateway | null = null;
try {
  progress.step(`sandbox at ${sandbox.url} with ${VISIBLE_LEADS} visible leads; starting the gateway processes`);
  // Both start now: each loads the source once, through tsx, and the limited one idles until W7.
  const [fast, slow, cached] = await Promise.all([openGateway(UNTHROTTLED), openGateway(PRODUCTION), openGateway(UNTHROTTLED, true)]);
  progress.step(`gateways at ${fast.gateway.url} (unthrottled), ${slow.gateway.url} (production limits) and ${cached.gateway.url} (response cache on), through tsx`);
  let measured: MeasuredGateway = { ...fast.gateway, label: 'the tsx child process (quick mode: no build)', close: async () => {} };
  if (mode.name === 'full' && wanted('W1')) {
    progress.step('compiling the gateway as `npm run build` does, for the memory and throughput figures');
    const warning = await buildGateway();
    if (warning) progress.step(warning);
    built = await startBuiltGateway({ upstreamUrl: sandbox.url, token: sandbox.token, env: BUILT_ENV });
    measured = built;
    progress.step(`npm start's gateway at ${built.url} (pid ${built.pid})`);
  }
  const startCapped = built
    ? async () => ({ ...(await startBuiltGateway({ upstreamUrl: sandbox.url, token: sandbox.token, env: { ...BUILT_ENV, NODE_OPTIONS: HEAP_CAP } })), cap: HEAP_CAP })
    : undefined;
  const ctx: BenchContext = { mode, sandbox, gateway: fast.gateway, gql: fast.gql, measured, startCapped, direct, naive, progress };

  const phaseOne: [string, string, (ctx: BenchContext) => Promise<WorkloadResult>][] = [
    ['W1', '50 leads with contact names', runW1],
    ['W2', '50 leads with everything', runW2],
    ['W3', '250 and 1,000 leads paged through', runW3],
    ['W4', '20 concurrent look-ups', runW4],
    ['W6', 'the W2 query repeated', runW6],
    ['W8', 'upstream latency 100 ms and 250 ms', runW8],
    ['W9', 'rows out of order, some ids omitted', runW9],
    // Last: it adds leads to the store.
    ['W5', 'create 120 leads', runW5],
  ];
  // W6 alone measures the response cache, on a gateway of its own that has it on.
  const cachedCtx: BenchContext = { ...ctx, gateway: cached.gateway, gql: cached.gql };
  for (const [id, title, run] of phaseOne) if (wanted(id)) await attempt(id, title, () => run(id === 'W6' ? cachedCtx : ctx));

  if (wanted('W7') || wanted('W4')) {
    const cursors = await pageCursors(fast.gql);
    progress.workload('setup', 'the gateway at its production rate limit, the sandbox enforcing 7 requests/second');
    sandbox.sandbox.faults.set({ rateLimit: AMOCRM_LIMIT });
    const limited: BenchContext = { ...ctx, gateway: slow.gateway, gql: slow.gql };
    try {
      const w4 = workloads.find((w) => w.id === 'W4' && !w.error);
      if (w4) await attempt('W4', '20 concurrent look-ups behind the limiter', () => addLimitedLookups(w4, limited));
      if (wanted('W7')) await attempt('W7', 'sandbox enforcing 7 requests/second', () => runW7(limited, cursors));
    } finally {
      sandbox.sandbox.faults.set({ rateLimit: null });
    }
  }
} finally {
  await built?.close();
  for (const { gateway, gql } of opened) {
    await gql.close();
    await gateway.close();
  }
  await rest.close();
  await sandbox.close();
}

workloads.sort((a, b) => a.id.localeCompare(b.id));
const run: BenchRun = {
  mode: mode.name,
  startedAt: startedAt.toISOString(),
  durationS: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    platform: `${process.platform} ${process.arch}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: `${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after (1-minute)`,
  },
  setup: {
    sandbox: `in the bench process, seed 1, grown to ${VISIBLE_LEADS} visible leads; loopback`,
    gateway: 'a child process started through tsx (no build); production settings (masked errors, no GraphiQL), metadata TTL 60 s',
    'W1 load and RSS': mode.name === 'full' ? '`node dist/main.js` after `tsc -p tsconfig.build.json`, configured by environment as `npm start` is (UPSTREAM_RATE_LIMIT=1000 per 100 ms, the most the configuration allows); RSS and CPU read from /proc' : 'the tsx child (quick mode builds nothing; tsx adds ~40 MB of RSS)',
    'traffic W1–W6, W8, W9': 'sandbox without a rate limit; gateway limit 100,000 per window, 1 attempt (measures the gateway, not the limiter)',
    'response cache': 'off for every workload but W6, which runs on a gateway of its own with the cache at its defaults',
    'traffic W7': "sandbox enforcing 7 per rolling 1,000 ms; gateway at its defaults (7 per rolling 1,050 ms counted from each answer, 5 attempts)",
    'load generator': `autocannon in the bench process, ${10} connections`,
  },
  workloads,
  targets: evaluateTargets(workloads),
};
printSummary(run);
// A run where a workload failed is no report to publish over the last good one.
await writeResults(run, { report: mode.name === 'full' && !only && failures.length === 0 });
if (failures.length > 0) {
  process.stderr.write(`\n${failures.length} workload(s) failed:\n  ${failures.join('\n  ')}\n`);
  process.exitCode = 1;
}
