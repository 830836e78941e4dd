// W3: 250 and 1,000 leads paged through 250 at a time with W2's selection. Expected upstream
// calls: per page one leads call plus one batch per related type (contacts, companies).

import { sampleInterleaved } from '../measure/sample.js';
import { round, summarize } from '../measure/stats.js';
import type { BenchContext } from './context.js';
import { byPath, correctness, counted, createTally, gatewayPages } from './helpers.js';
import type { LeadView } from './lead-view.js';
import { W2_QUERY } from './queries.js';
import type { CaseResult, WorkloadResult } from './result.js';
import { expectedLeadIds, verifyPage } from './verify.js';

const PAGE = 250;

export async function runW3(ctx: BenchContext): Promise<WorkloadResult> {
  const { sandbox, gql, direct, naive, mode, progress } = ctx;
  const store = sandbox.sandbox.store;
  const tally = createTally();
  const checkPages = (pages: LeadView[][]) => {
    pages.forEach((views, index) => tally.add(verifyPage(store, views, expectedLeadIds(store, index * PAGE, views.length), 'full')));
  };
  const pagesOf = (total: number) => Math.ceil(total / PAGE);
  const restPages = async (client: { leadsPage: typeof direct.leadsPage }, total: number) => {
    const pages: LeadView[][] = [];
    for (let page = 1; page <= pagesOf(total); page++) pages.push(await client.leadsPage('full', page, PAGE));
    return pages;
  };

  progress.workload('W3', '250 and 1,000 leads paged through');
  const cases: CaseResult[] = [];
  for (const total of [250, 1000]) {
    const viaGateway = () => gatewayPages(gql, W2_QUERY, total, PAGE);
    const viaDirect = () => restPages(direct, total);
    const viaNaive = () => restPages(naive, total);
    // Metadata is warm from W2; these are the per-pass calls.
    const gatewayRun = await counted(sandbox, viaGateway);
    const directRun = await counted(sandbox, viaDirect);
    checkPages(gatewayRun.value);
    checkPages(directRun.value);
    const naiveSamples = total === 250 ? Math.max(1, mode.naivePagingSamples) : mode.naivePagingSamples;
    let naiveCalls: number | undefined;
    const naiveMs: number[] = [];
    if (naiveSamples > 0) {
      const started = performance.now();
      const naiveRun = await counted(sandbox, viaNaive);
      naiveMs.push(performance.now() - started);
      checkPages(naiveRun.value);
      naiveCalls = naiveRun.calls.length;
    }
    progress.step(`${total} leads: gateway ${gatewayRun.calls.length} calls, direct ${directRun.calls.length}, naive ${naiveCalls ?? 'not run'}; timing ${mode.pagingSamples} passes`);
    const times = await sampleInterleaved(
      { gateway: viaGateway, direct: viaDirect, naive: viaNaive },
      {
        samples: { gateway: mode.pagingSamples, direct: mode.pagingSamples, naive: Math.max(0, naiveSamples - 1) },
        warmup: 1,
        check: (_, pages) => checkPages(pages as LeadView[][]),
      },
    );
    naiveMs.push(...(times.naive ?? []));
    const latency = { gateway: summarize(times.gateway!), direct: summarize(times.direct!), naive: naiveMs.length > 0 ? summarize(naiveMs) : undefined };
    cases.push({
      name: `${total} leads`,
      upstream: { gateway: gatewayRun.calls.length, direct: directRun.calls.length, naive: naiveCalls, gatewayPaths: byPath(gatewayRun.calls) },
      latency: latency.naive ? latency : { gateway: latency.gateway, direct: latency.direct },
      addedMs: { p50: round(latency.gateway.p50 - latency.direct.p50), p99: round(latency.gateway.p99 - latency.direct.p99) },
      extra: { pages: pagesOf(total), 'expected calls (pages × 3)': pagesOf(total) * 3 },
    });
  }
  progress.result(cases.map((c) => `${c.name}: ${c.upstream.gateway} calls, p50 ${c.latency.gateway!.p50} ms`).join('; '));

  return {
    id: 'W3',
    title: '250 and 1,000 leads paged through',
    operation: "W2's selection, `first: 250` pages following `endCursor` (the sandbox is grown to 1,100 leads with copies of the seeded ones)",
    cases,
    correctness: correctness(tally.verdict),
    notes: [
      'Latency here is one whole pass (1 or 4 sequential GraphQL requests; the baselines page the same way).',
      'The naive pass over 1,000 leads is ~3,700 calls; quick mode skips it, full mode times it once.',
    ],
  };
}
