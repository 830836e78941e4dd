// W8: amoCRM far away. The sandbox waits 100 ms, then 250 ms, before every answer; W1 and W2
// are timed through the gateway and the baselines. Latency then counts upstream round trips: the
// gateway's sequential rounds (leads, then related rows in parallel) against the baselines' calls.

import { sampleInterleaved } from '../measure/sample.js';
import { round, summarize } from '../measure/stats.js';
import type { BenchContext } from './context.js';
import { correctness, createTally, gatewayPage } from './helpers.js';
import type { LeadView } from './lead-view.js';
import { W1_QUERY, W2_QUERY } from './queries.js';
import type { CaseResult, WorkloadResult } from './result.js';
import { expectedLeadIds, verifyPage } from './verify.js';

export const LATENCIES_MS = [100, 250] as const;

export async function runW8(ctx: BenchContext): Promise<WorkloadResult> {
  const { sandbox, gql, direct, naive, mode, progress } = ctx;
  const store = sandbox.sandbox.store;
  const expected = expectedLeadIds(store, 0, 50);
  const tally = createTally();
  progress.workload('W8', 'upstream latency 100 ms and 250 ms');
  const cases: CaseResult[] = [];
  try {
    for (const latencyMs of LATENCIES_MS) {
      sandbox.sandbox.faults.set({ latencyMs });
      for (const [label, query, shape] of [['W1', W1_QUERY, 'names'], ['W2', W2_QUERY, 'full']] as const) {
        // Naive W2 at 250 ms would be ~200 calls × 250 ms = 50 s a sample: only W1 runs naive.
        const naiveSamples = shape === 'names' ? mode.naiveSlowSamples : 0;
        progress.step(`${latencyMs} ms, ${label}: ${mode.slowSamples}× gateway and direct, ${naiveSamples}× naive`);
        const times = await sampleInterleaved(
          {
            gateway: async () => (await gatewayPage(gql, query, 50)).views,
            direct: () => direct.leadsPage(shape, 1, 50),
            naive: () => naive.leadsPage(shape, 1, 50),
          },
          {
            samples: { gateway: mode.slowSamples, direct: mode.slowSamples, naive: naiveSamples },
            // Everything is warm from the earlier workloads; full mode still spends one call each.
            warmup: mode.name === 'full' ? { gateway: 1, direct: 1 } : 0,
            check: (_, views) => tally.add(verifyPage(store, views as LeadView[], expected, shape)),
          },
        );
        const gateway = summarize(times.gateway!);
        const directTimes = summarize(times.direct!);
        cases.push({
          name: `${label} at ${latencyMs} ms`,
          upstream: {},
          latency: { gateway, direct: directTimes, ...(times.naive ? { naive: summarize(times.naive) } : {}) },
          addedMs: { p50: round(gateway.p50 - directTimes.p50), p99: round(gateway.p99 - directTimes.p99) },
          extra: { 'upstream latency, ms': latencyMs, 'gateway p50 in upstream round trips': round(gateway.p50 / latencyMs) },
        });
      }
    }
  } finally {
    sandbox.sandbox.faults.set({ latencyMs: null });
  }
  progress.result(cases.map((c) => `${c.name}: ${c.latency.gateway!.p50} ms (direct ${c.latency.direct!.p50})`).join('; '));
  return {
    id: 'W8',
    title: 'upstream latency 100 ms and 250 ms',
    operation: "W1's and W2's queries with the sandbox's latency fault on every answer",
    cases,
    correctness: correctness(tally.verdict),
    notes: [
      'W1 is 2 round trips for the gateway and the direct client alike; W2 is 2 for the gateway (contacts and companies fetched in parallel) and 3 for the sequential direct client (metadata cached for both), so the gateway is faster than "direct" there: negative added latency.',
      'Naive W1 is one sequential round trip per call (the list, then one per contact link: 63 with seed 1); quick mode does not run it.',
    ],
  };
}
