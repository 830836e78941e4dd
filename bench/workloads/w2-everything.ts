// W2: 50 leads with contacts, company, status and pipeline, responsible user and custom fields.
// The gateway's promise: three calls (leads, contacts, companies) once pipelines and users are
// cached per account, five cold.

import { sampleInterleaved } from '../measure/sample.js';
import { round, summarize } from '../measure/stats.js';
import type { BenchContext } from './context.js';
import { byPath, correctness, counted, createTally, gatewayPage } from './helpers.js';
import type { LeadView } from './lead-view.js';
import { W2_QUERY } from './queries.js';
import type { WorkloadResult } from './result.js';
import { expectedLeadIds, verifyPage } from './verify.js';

export async function runW2(ctx: BenchContext): Promise<WorkloadResult> {
  const { sandbox, gateway, gql, direct, naive, mode, progress } = ctx;
  const store = sandbox.sandbox.store;
  const expected = expectedLeadIds(store, 0, 50);
  const tally = createTally();
  const check = (views: LeadView[]) => tally.add(verifyPage(store, views, expected, 'full'));
  const viaGateway = async () => (await gatewayPage(gql, W2_QUERY, 50)).views;
  const viaDirect = () => direct.leadsPage('full', 1, 50);
  const viaNaive = () => naive.leadsPage('full', 1, 50);

  progress.workload('W2', '50 leads with contacts, company, status/pipeline, user, custom fields');
  await gateway.invalidateMetadata();
  const cold = await counted(sandbox, viaGateway);
  const warm = await counted(sandbox, viaGateway);
  direct.forgetMetadata();
  const directCold = await counted(sandbox, viaDirect);
  const directWarm = await counted(sandbox, viaDirect);
  const naiveRun = await counted(sandbox, viaNaive);
  for (const run of [cold, warm, directCold, directWarm, naiveRun]) check(run.value);
  progress.step(`upstream calls: gateway ${cold.calls.length} cold / ${warm.calls.length} warm, direct ${directCold.calls.length} / ${directWarm.calls.length}, naive ${naiveRun.calls.length}`);

  progress.step(`latency at concurrency 1: ${mode.latencySamples}× gateway and direct, ${mode.naiveSamples}× naive`);
  const times = await sampleInterleaved(
    { gateway: viaGateway, direct: viaDirect, naive: viaNaive },
    {
      samples: { gateway: mode.latencySamples, direct: mode.latencySamples, naive: mode.naiveSamples },
      warmup: 5,
      check: (_, answer) => check(answer as LeadView[]),
    },
  );
  const latency = { gateway: summarize(times.gateway!), direct: summarize(times.direct!), naive: summarize(times.naive ?? []) };
  progress.result(`p50 ${latency.gateway.p50} ms (direct ${latency.direct.p50}, naive ${latency.naive.p50})`);

  return {
    id: 'W2',
    title: '50 leads with contacts, companies, status/pipeline, user, custom fields',
    operation: '`leads(first: 50)` with `status { pipeline }`, `responsibleUser`, `contacts`, `company`, `customFields { fieldId fieldName displayValues }`',
    cases: [
      {
        name: '50 leads',
        upstream: {
          gateway: warm.calls.length,
          gatewayCold: cold.calls.length,
          direct: directWarm.calls.length,
          naive: naiveRun.calls.length,
          gatewayPaths: byPath(cold.calls),
        },
        latency,
        addedMs: { p50: round(latency.gateway.p50 - latency.direct.p50), p99: round(latency.gateway.p99 - latency.direct.p99) },
        extra: { 'direct REST calls cold (metadata fetched)': directCold.calls.length },
      },
    ],
    correctness: correctness(tally.verdict),
    notes: [
      'Warm: pipelines and users are in the per-account metadata cache (the direct client keeps them too). Field names come with the values, so no custom-field definitions are fetched.',
      'The gateway fetches contacts and companies concurrently after the leads page; the direct client fetches them one after the other, as the issue defines it.',
      'The naive client fetches each contact, company, user and pipeline by id, per lead, remembering nothing.',
    ],
  };
}
