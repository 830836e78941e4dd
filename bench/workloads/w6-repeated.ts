// W6: the W2 query repeated, answered by the response cache (this workload's gateway has it on,
// at its defaults). Hits are counted by the gateway itself, from its /metrics, and every answer
// is still compared byte for byte with the one checked against the store.

import { runLoad } from '../measure/load.js';
import { round } from '../measure/stats.js';
import { LOAD_CONNECTIONS } from '../modes.js';
import type { BenchContext } from './context.js';
import { byPath, correctness, createTally } from './helpers.js';
import { viewOfNode } from './lead-view.js';
import { W2_QUERY } from './queries.js';
import type { WorkloadResult } from './result.js';
import { expectedLeadIds, verifyPage } from './verify.js';

/** The gateway's own count of cache hits and misses. */
async function cacheLookups(url: string): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const count = (result: string) => Number(new RegExp(`^graphql_response_cache_lookups_total\\{result="${result}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { hits: count('hit'), misses: count('miss') };
}

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
  const lookupsBefore = await cacheLookups(gateway.url);
  const load = await runLoad({ url: gateway.url, query: W2_QUERY, variables: { first: 50 }, connections: LOAD_CONNECTIONS, seconds: mode.loadSeconds, expectBody: body });
  const after = await gateway.stats();
  const lookupsAfter = await cacheLookups(gateway.url);
  const hits = lookupsAfter.hits - lookupsBefore.hits;
  const misses = lookupsAfter.misses - lookupsBefore.misses;
  const calls = sandbox.upstreamCalls();
  sandbox.resetLog();
  if (load.mismatches + load.non2xx + load.errors > 0) {
    tally.verdict.wrong.push(`under load: ${load.mismatches} answers differed from the checked one, ${load.non2xx} non-2xx, ${load.errors} errors`);
  }
  const perQuery = round(calls.length / Math.max(1, load.requests));
  progress.result(`${load.rps} req/s, ${hits} cache hits and ${misses} misses, ${perQuery} upstream calls per query`);
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
          'cache hits': hits,
          'cache misses': misses,
          'upstream calls per query under load': perQuery,
          'gateway CPU per query under load, ms': round((after.cpuMs - before.cpuMs) / Math.max(1, load.requests)),
        },
      },
    ],
    correctness: correctness(tally.verdict),
    notes: [
      'The response cache at its defaults: per account and acting user, entities for 10 s, metadata for 5 min. A miss every 10 s (the entry expiring) costs W2\'s upstream calls again.',
      'Every other workload runs on a gateway with the cache off: they measure resolving from amoCRM.',
    ],
  };
}
