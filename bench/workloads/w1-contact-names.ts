// W1: 50 leads with their contacts' names, the N+1 case. Upstream calls cold and warm, latency
// against both baselines, requests/second at concurrency 10, and the gateway's RSS over two
// back-to-back runs (the 20-second W1 run and the growth between runs).

import { createGraphQLClient } from '../env/graphql-client.js';
import { runLoad } from '../measure/load.js';
import { sampleInterleaved } from '../measure/sample.js';
import { round, summarize } from '../measure/stats.js';
import { LOAD_CONNECTIONS } from '../modes.js';
import type { BenchContext } from './context.js';
import { correctness, counted, createTally, gatewayPage } from './helpers.js';
import { viewOfNode, type LeadView } from './lead-view.js';
import { FLOOR_QUERY, W1_QUERY } from './queries.js';
import type { WorkloadResult } from './result.js';
import { expectedLeadIds, verifyPage } from './verify.js';

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** The `npm start` build again, with V8's heap capped: does RSS stay bounded, and at what cost? */
async function cappedRun(start: NonNullable<BenchContext['startCapped']>, body: string, seconds: number, progress: BenchContext['progress']) {
  const gateway = await start();
  try {
    progress.step(`load on the same build with NODE_OPTIONS="${gateway.cap}" for ${seconds} s`);
    const idle = await gateway.stats();
    const load = await runLoad({ url: gateway.url, query: W1_QUERY, variables: { first: 50 }, connections: LOAD_CONNECTIONS, seconds, expectBody: body });
    return { cap: gateway.cap, idle, load, after: await gateway.stats() };
  } finally {
    await gateway.close();
  }
}

export async function runW1(ctx: BenchContext): Promise<WorkloadResult> {
  const { sandbox, gateway, gql, direct, naive, mode, progress, measured } = ctx;
  const store = sandbox.sandbox.store;
  const expected = expectedLeadIds(store, 0, 50);
  const tally = createTally();
  const check = (views: LeadView[]) => tally.add(verifyPage(store, views, expected, 'names'));
  const viaGateway = async () => (await gatewayPage(gql, W1_QUERY, 50)).views;
  const viaDirect = () => direct.leadsPage('names', 1, 50);
  const viaNaive = () => naive.leadsPage('names', 1, 50);

  progress.workload('W1', '50 leads with contact names');
  await gateway.invalidateMetadata();
  const cold = await counted(sandbox, viaGateway);
  const warm = await counted(sandbox, viaGateway);
  const directRun = await counted(sandbox, viaDirect);
  const naiveRun = await counted(sandbox, viaNaive);
  for (const run of [cold, warm, directRun, naiveRun]) check(run.value);
  progress.step(`upstream calls: gateway ${cold.calls.length} cold / ${warm.calls.length} warm, direct ${directRun.calls.length}, naive ${naiveRun.calls.length}`);

  progress.step(`latency at concurrency 1: ${mode.latencySamples}× gateway, direct and floor, ${mode.naiveSamples}× naive`);
  const times = await sampleInterleaved(
    { gateway: viaGateway, direct: viaDirect, naive: viaNaive, floor: () => gql.request(FLOOR_QUERY) },
    {
      samples: { gateway: mode.latencySamples, direct: mode.latencySamples, floor: mode.latencySamples, naive: mode.naiveSamples },
      warmup: 5,
      check: (name, answer) => {
        if (name !== 'floor') check(answer as LeadView[]);
      },
    },
  );
  const latency = { gateway: summarize(times.gateway!), direct: summarize(times.direct!), naive: summarize(times.naive ?? []), floor: summarize(times.floor!) };

  // Every answer under load must be byte-identical to this one, which is checked against the store.
  const probe = createGraphQLClient(measured.url, 1);
  const body = await probe.requestText(W1_QUERY, { first: 50 });
  await probe.close();
  check(JSON.parse(body).data.leads.nodes.map(viewOfNode));
  const idle = await measured.stats();
  progress.step(`load on ${measured.label}: ${LOAD_CONNECTIONS} connections for ${mode.rssSeconds} s, twice (RSS after each)`);
  sandbox.resetLog();
  const first = await runLoad({ url: measured.url, query: W1_QUERY, variables: { first: 50 }, connections: LOAD_CONNECTIONS, seconds: mode.rssSeconds, expectBody: body });
  const callsUnderLoad = sandbox.upstreamCalls().length / Math.max(1, first.requests);
  sandbox.resetLog();
  const afterFirst = await measured.stats();
  const second = await runLoad({ url: measured.url, query: W1_QUERY, variables: { first: 50 }, connections: LOAD_CONNECTIONS, seconds: mode.rssSeconds, expectBody: body });
  sandbox.resetLog();
  const afterSecond = await measured.stats();
  for (const run of [first, second]) {
    if (run.mismatches + run.non2xx + run.errors > 0) {
      tally.verdict.wrong.push(`under load: ${run.mismatches} answers differed from the checked one, ${run.non2xx} non-2xx, ${run.errors} errors`);
    }
  }
  const growth = ((afterSecond.rssBytes - afterFirst.rssBytes) / afterFirst.rssBytes) * 100;
  const capped = ctx.startCapped ? await cappedRun(ctx.startCapped, body, mode.rssSeconds, progress) : null;
  if (capped && capped.load.mismatches + capped.load.non2xx + capped.load.errors > 0) {
    tally.verdict.wrong.push(`under load with the heap capped: ${capped.load.mismatches} answers differed, ${capped.load.non2xx} non-2xx, ${capped.load.errors} errors`);
  }
  progress.result(
    `p50 ${latency.gateway.p50} ms (direct ${latency.direct.p50}, naive ${latency.naive.p50}); ${first.rps} req/s; RSS ${mb(afterFirst.rssBytes)} → ${mb(afterSecond.rssBytes)} MB`,
  );

  return {
    id: 'W1',
    title: '50 leads with contact names',
    operation: '`leads(first: 50) { nodes { amoId name contacts { edges { isMain node { amoId name } } } } }`',
    cases: [
      {
        name: '50 leads',
        upstream: { gateway: warm.calls.length, gatewayCold: cold.calls.length, direct: directRun.calls.length, naive: naiveRun.calls.length },
        latency,
        addedMs: { p50: round(latency.gateway.p50 - latency.direct.p50), p99: round(latency.gateway.p99 - latency.direct.p99) },
        load: first,
        extra: {
          'upstream calls per query under load': round(callsUnderLoad),
          'gateway CPU per query under load, ms': round((afterFirst.cpuMs - idle.cpuMs) / Math.max(1, first.requests)),
          'req/s, second run': second.rps,
          'RSS idle, MB': mb(idle.rssBytes),
          'RSS after run 1, MB': mb(afterFirst.rssBytes),
          'RSS after run 2, MB': mb(afterSecond.rssBytes),
          'RSS growth run 1 → 2, %': round(growth),
          'V8 heap total / used after run 2, MB': afterSecond.heapTotalBytes === undefined ? null : `${mb(afterSecond.heapTotalBytes)} / ${mb(afterSecond.heapUsedBytes!)}`,
          'external / array buffers after run 2, MB': afterSecond.externalBytes === undefined ? null : `${mb(afterSecond.externalBytes)} / ${mb(afterSecond.arrayBuffersBytes!)}`,
          'process measured': measured.label,
          ...(capped
            ? { 'RSS with the heap capped, after the run, MB': mb(capped.after.rssBytes), 'req/s with the heap capped': capped.load.rps }
            : {}),
        },
      },
    ],
    correctness: correctness(tally.verdict),
    notes: [
      ...(capped
        ? [
            `With V8's heap capped (\`NODE_OPTIONS="${capped.cap}"\`), the same ${mode.rssSeconds}-second run: RSS ${mb(capped.idle.rssBytes)} MB idle, ${mb(capped.after.rssBytes)} MB after; ${capped.load.rps} req/s (p50 ${capped.load.latencyP50} ms, p99 ${capped.load.latencyP99} ms) against ${first.rps} uncapped.`,
          ]
        : []),
      'Cold means the per-account metadata cache was emptied first; W1 needs no metadata, so cold and warm cost the same.',
      '"floor" is `{ __typename }` through the same HTTP client: what one round trip through the gateway costs without any resolver or upstream call.',
      `The naive client makes one call per contact link (${naiveRun.calls.length} here: 1 list + ${naiveRun.calls.length - 1} contacts); the issue's "51" is the one-call-per-lead form of the same N+1 pattern.`,
    ],
  };
}
