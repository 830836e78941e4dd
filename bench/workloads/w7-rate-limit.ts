// W7: the sandbox enforces amoCRM's 7 requests/second (HTML 429s, counted on arrival in any
// rolling second) and the gateway runs with its production defaults (7 per rolling 1,050 ms
// counted from each answer, FIFO queue, retries). 1, 5 and 20 clients each send W1 queries back to back over six different pages.
// Judged by the sandbox log: 429s, the busiest second, and how much of 7/s was used; the queue
// waits come from the gateway process itself.

import { dataOf, type GraphQLClient } from '../env/graphql-client.js';
import { percentile, round, summarize } from '../measure/stats.js';
import type { BenchContext } from './context.js';
import { correctness, createTally, gatewayPage } from './helpers.js';
import { viewOfNode } from './lead-view.js';
import { W1_QUERY } from './queries.js';
import type { CaseResult, WorkloadResult } from './result.js';
import { expectedLeadIds, verifyPage } from './verify.js';

export const AMOCRM_LIMIT = { perSecond: 7, windowMs: 1000 };
export const CLIENT_LEVELS = [1, 5, 20] as const;
const PAGES = 6;
const PAGE_SIZE = 50;

/** Cursors of the first `PAGES` pages, read once (`null` is the first page). */
export async function pageCursors(gql: GraphQLClient): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [null];
  while (cursors.length < PAGES) cursors.push((await gatewayPage(gql, W1_QUERY, PAGE_SIZE, cursors[cursors.length - 1]!)).endCursor);
  return cursors;
}

export interface ClientsRun {
  operations: number;
  errors: Record<string, number>;
  latencies: number[];
  startedAt: number;
  stoppedAt: number;
}

/** `clients` loops, each sending the next page's W1 query as soon as its last one answered, for `seconds`. */
export async function runClients(
  gql: GraphQLClient,
  cursors: readonly (string | null)[],
  clients: number,
  seconds: number,
  onPage: (views: ReturnType<typeof viewOfNode>[], page: number) => void,
): Promise<ClientsRun> {
  const run: ClientsRun = { operations: 0, errors: {}, latencies: [], startedAt: Date.now(), stoppedAt: 0 };
  const until = run.startedAt + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = client; Date.now() < until; n += clients) {
        const page = n % cursors.length;
        const started = performance.now();
        const answer = await gql.request(W1_QUERY, { first: PAGE_SIZE, after: cursors[page] });
        run.latencies.push(performance.now() - started);
        run.operations++;
        if (answer.errors?.length) {
          const code = answer.errors[0]!.extensions?.code ?? answer.errors[0]!.message;
          run.errors[code] = (run.errors[code] ?? 0) + 1;
        } else {
          onPage(dataOf(answer).leads.nodes.map(viewOfNode), page);
        }
      }
    }),
  );
  run.stoppedAt = Math.min(until, Date.now());
  return run;
}

/**
 * Calls per second the limiter sustains: in a rolling window of 7, a call can only go once the
 * call 7 before it has left the window, so the mean time between call i and call i + 7 is the
 * time 7 calls take. Unlike calls/elapsed, it does not depend on where the run cuts a window.
 */
export function steadyUpstreamRate(calls: readonly { at: number; status: number }[]): number {
  const stride = AMOCRM_LIMIT.perSecond;
  const times = calls.filter((call) => call.status !== 429).map((call) => call.at).sort((a, b) => a - b);
  if (times.length <= stride) return Number.NaN;
  let spans = 0;
  for (let i = stride; i < times.length; i++) spans += times[i]! - times[i - stride]!;
  return (stride * 1000) / (spans / (times.length - stride));
}

export async function runW7(ctx: BenchContext, cursors: readonly (string | null)[]): Promise<WorkloadResult> {
  const { sandbox, gateway, gql, mode, progress } = ctx;
  const store = sandbox.sandbox.store;
  const tally = createTally();
  const onPage = (views: ReturnType<typeof viewOfNode>[], page: number) => tally.add(verifyPage(store, views, expectedLeadIds(store, page * PAGE_SIZE, PAGE_SIZE), 'names'));
  progress.workload('W7', 'sandbox enforcing 7 requests/second');
  const cases: CaseResult[] = [];
  for (const clients of CLIENT_LEVELS) {
    progress.step(`${clients} client${clients > 1 ? 's' : ''} for ${mode.rateSeconds} s (then the queue drains)`);
    // A quiet second first, so each level starts with an empty window on both sides.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    sandbox.resetLog();
    await gateway.resetWaits();
    const run = await runClients(gql, cursors, clients, mode.rateSeconds, onPage);
    const calls = sandbox.upstreamCalls();
    const waits = (await gateway.stats()).queueWaitsMs;
    const steadyRate = steadyUpstreamRate(calls);
    const sortedWaits = [...waits].sort((a, b) => a - b);
    cases.push({
      name: `${clients} client${clients > 1 ? 's' : ''}`,
      upstream: { gateway: round(calls.length / Math.max(1, run.operations)) },
      latency: { gateway: summarize(run.latencies) },
      extra: {
        operations: run.operations,
        'operation errors': Object.values(run.errors).reduce((sum, n) => sum + n, 0),
        'upstream calls': calls.length,
        'upstream 429s': calls.filter((call) => call.status === 429).length,
        'most calls in any 1 s': sandbox.sandbox.log.maxInWindow(1000),
        'steady upstream rate, calls/s': round(steadyRate),
        'share of 7/s used, %': round((steadyRate / AMOCRM_LIMIT.perSecond) * 100),
        'queue wait p50, ms': round(percentile(sortedWaits, 50)),
        'queue wait p99, ms': round(percentile(sortedWaits, 99)),
        'queue wait max, ms': round(sortedWaits[sortedWaits.length - 1] ?? 0),
        ...(Object.keys(run.errors).length > 0 ? { 'error codes': JSON.stringify(run.errors) } : {}),
      },
    });
    progress.result(
      `${clients}: ${run.operations} ops, ${cases.at(-1)!.extra!['upstream 429s']} × 429, ${round(steadyRate)} calls/s (${cases.at(-1)!.extra!['share of 7/s used, %']}%), queue wait p99 ${cases.at(-1)!.extra!['queue wait p99, ms']} ms`,
    );
  }
  return {
    id: 'W7',
    title: 'sandbox enforcing 7 requests/second',
    operation: 'W1 queries over 6 different pages, each client sending its next as soon as the last answered',
    cases,
    correctness: correctness(tally.verdict),
    notes: [
      "Gateway at its production defaults: 7 calls per rolling 1,050 ms window, counted from each call's answer (amoCRM saw the call no later than that; DESIGN.md), FIFO queue of 1,000, 30 s queue timeout, 5 attempts. Sandbox: 7 per rolling 1,000 ms, counted on arrival like amoCRM's nginx.",
      'Steady rate: 7 calls divided by the mean time from each upstream call to the 7th after it (how fast the window lets calls through), over every call of the level, drain included.',
      'Queue wait: how long each upstream call waited for its rate-limit slot inside the gateway (timed around the limiter).',
      'Upstream calls per operation can fall below 2: contact batches of operations waiting together are shared.',
    ],
  };
}
