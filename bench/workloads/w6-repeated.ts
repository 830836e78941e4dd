// W6: the W2 query repeated, where a response cache would answer from memory. The gateway has no
// response cache yet, so every repeat is a miss that costs the same upstream calls as W2 warm;
// this measures that honestly rather than pretending.

import { runLoad } from '../measure/load.js';
import { round } from '../measure/stats.js';
import { LOAD_CONNECTIONS } from '../modes.js';
import type { BenchContext } from './context.js';
import { byPath, correctness, createTally } from './helpers.js';
import { viewOfNode } from './lead-view.js';
import { W2_QUERY } from './queries.js';
import type { WorkloadResult } from './result.js';
import { expectedLeadIds, verifyPage } from './verify.js';

export async function runW6(ctx: BenchContext): Promise<WorkloadResult> {
  const { sandbox, gateway, gql, mode, progress } = ctx;
  const store = sandbox.sandbox.store;
  const tally = createTally();
  progress.workload('W6', 'the W2 query repeated (cache hits)');
  const body = await gql.requestText(W2_QUERY, { first: 50 });
  tally.add(verifyPage(store, JSON.parse(body).data.leads.nodes.map(viewOfNode), expectedLeadIds(store, 0, 50), 'full'));
  progress.step(`load: ${LOAD_CONNECTIONS} connections for ${mode.loadSeconds} s`);
  sandbox.resetLog();
  const before = await gateway.stats();
  const load = await runLoad({ url: gateway.url, query: W2_QUERY, variables: { first: 50 }, connections: LOAD_CONNECTIONS, seconds: mode.loadSeconds, expectBody: body });
  const after = await gateway.stats();
  const calls = sandbox.upstreamCalls();
  sandbox.resetLog();
  if (load.mismatches + load.non2xx + load.errors > 0) {
    tally.verdict.wrong.push(`under load: ${load.mismatches} answers differed from the checked one, ${load.non2xx} non-2xx, ${load.errors} errors`);
  }
  const perQuery = round(calls.length / Math.max(1, load.requests));
  progress.result(`${load.rps} req/s, ${perQuery} upstream calls per query (0 would be a cache hit)`);
  return {
    id: 'W6',
    title: 'the W2 query repeated (cache hits)',
    operation: "W2's query, identical every time, at concurrency 10",
    cases: [
      {
        name: 'repeat of W2',
        upstream: { gateway: perQuery, gatewayPaths: byPath(calls) },
        latency: {},
        load,
        extra: {
          'cache hits': 0,
          'upstream calls per query under load': perQuery,
          'gateway CPU per query under load, ms': round((after.cpuMs - before.cpuMs) / Math.max(1, load.requests)),
        },
      },
    ],
    correctness: correctness(tally.verdict),
    notes: [
      'A measured miss: the gateway has no response cache yet (it is another issue), so no repeat is a hit. Entities are never cached across requests on purpose (README, "Writes"); only metadata is.',
      'Upstream calls per query under load can be below W2\'s 3: contact and company look-ups of concurrent operations share batches (the coalescer).',
    ],
  };
}
