// W5: create 120 leads in one mutation. amoCRM takes 50 per POST, so the floor is 3 POSTs; every
// result must name the lead made from its own input item, in input order.

import type { SandboxStore } from '../../src/sandbox/index.js';
import { dataOf } from '../env/graphql-client.js';
import { sampleInterleaved } from '../measure/sample.js';
import { round, summarize } from '../measure/stats.js';
import type { BenchContext } from './context.js';
import { byPath, correctness, counted, createTally } from './helpers.js';
import { W5_MUTATION } from './queries.js';
import type { WorkloadResult } from './result.js';
import { emptyVerdict, type Verdict } from './verify.js';

export const BATCH_SIZE = 120;

let batches = 0;
/** A fresh batch of distinct names, so each created lead can be told apart in the store. */
export function newBatch(label: string): { name: string; price: number }[] {
  const batch = ++batches;
  return Array.from({ length: BATCH_SIZE }, (_, i) => ({ name: `W5 ${label} ${batch}-${String(i).padStart(3, '0')}`, price: 1000 + i }));
}

/** Each id must be a stored lead made from the input item at the same position. */
export function verifyCreated(store: SandboxStore, input: readonly { name: string; price: number }[], ids: readonly (number | null)[]): Verdict {
  const verdict = emptyVerdict();
  if (ids.length !== input.length) verdict.wrong.push(`${ids.length} results for ${input.length} items`);
  input.forEach((item, i) => {
    verdict.checked++;
    const row = ids[i] == null ? undefined : store.leads.get(ids[i]!);
    if (!row) verdict.wrong.push(`item ${i}: no lead ${ids[i]} in the store`);
    else if (row.name !== item.name || row.price !== item.price) verdict.wrong.push(`item ${i}: lead ${row.id} is ${JSON.stringify(row.name)}, ${row.price}`);
  });
  return verdict;
}

export async function createViaGateway(ctx: Pick<BenchContext, 'gql'>, input: { name: string; price: number }[]): Promise<(number | null)[]> {
  const payload = dataOf(await ctx.gql.request(W5_MUTATION, { input })).createLeads;
  return payload.results.map((result: any, i: number) => (result.index === i && result.status === 'SUCCEEDED' ? result.amoId : null));
}

export async function runW5(ctx: BenchContext): Promise<WorkloadResult> {
  const { sandbox, direct, naive, mode, progress } = ctx;
  const store = sandbox.sandbox.store;
  const tally = createTally();
  progress.workload('W5', `create ${BATCH_SIZE} leads`);

  const create = {
    gateway: async () => {
      const input = newBatch('gateway');
      tally.add(verifyCreated(store, input, await createViaGateway(ctx, input)));
    },
    direct: async () => {
      const input = newBatch('direct');
      tally.add(verifyCreated(store, input, await direct.createLeads(input)));
    },
    naive: async () => {
      const input = newBatch('naive');
      tally.add(verifyCreated(store, input, await naive.createLeads(input)));
    },
  };
  // Cold: the first write reads the metadata it validates against (cached per account after).
  const gatewayCold = await counted(sandbox, create.gateway);
  const gatewayRun = await counted(sandbox, create.gateway);
  const directRun = await counted(sandbox, create.direct);
  const naiveRun = await counted(sandbox, create.naive);
  const posts = gatewayRun.calls.filter((call) => call.method === 'POST').length;
  progress.step(`upstream calls: gateway ${gatewayRun.calls.length} (${posts} POSTs; ${gatewayCold.calls.length} cold), direct ${directRun.calls.length}, naive ${naiveRun.calls.length}; timing ${mode.writeSamples} batches`);
  const times = await sampleInterleaved(create, {
    samples: { gateway: mode.writeSamples, direct: mode.writeSamples, naive: mode.naiveWriteSamples },
  });
  const latency = { gateway: summarize(times.gateway!), direct: summarize(times.direct!), naive: times.naive ? summarize(times.naive) : undefined };
  progress.result(`${posts} POSTs, p50 ${latency.gateway.p50} ms (direct ${latency.direct.p50})`);

  return {
    id: 'W5',
    title: `create ${BATCH_SIZE} leads`,
    operation: '`createLeads(input: [120 × { name, price }]) { results { index status amoId } }`',
    cases: [
      {
        name: `${BATCH_SIZE} leads`,
        upstream: {
          gateway: gatewayRun.calls.length,
          gatewayCold: gatewayCold.calls.length,
          direct: directRun.calls.length,
          naive: naiveRun.calls.length,
          gatewayPaths: byPath(gatewayCold.calls),
        },
        latency: latency.naive ? latency : { gateway: latency.gateway, direct: latency.direct },
        addedMs: { p50: round(latency.gateway.p50 - latency.direct.p50), p99: round(latency.gateway.p99 - latency.direct.p99) },
        extra: { 'gateway POSTs': posts },
      },
    ],
    correctness: correctness(tally.verdict),
    notes: ['Every sample writes a new batch; each result is checked against the lead the store now holds under its id.'],
  };
}
