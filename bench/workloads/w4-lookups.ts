// W4: 20 concurrent `lead(amoId:)` look-ups, as 20 widgets opening 20 lead cards at once. The
// gateway coalesces by-id loads of concurrent operations into shared `filter[id][]` batches;
// the promise is at most 2 upstream calls per burst.

import type { SandboxStore } from '../../src/sandbox/index.js';
import type { BenchSandbox } from '../env/sandbox.js';
import { dataOf, type GraphQLClient } from '../env/graphql-client.js';
import { sampleInterleaved } from '../measure/sample.js';
import { round, summarize } from '../measure/stats.js';
import type { BenchContext } from './context.js';
import { correctness, counted, createTally } from './helpers.js';
import { viewOfNode, type LeadView } from './lead-view.js';
import { W4_QUERY } from './queries.js';
import type { CaseResult, WorkloadResult } from './result.js';
import { emptyVerdict, verifyLead, type MissingExcuse, type Verdict } from './verify.js';

export const BURST = 20;

/** Distinct visible lead ids for burst `n`, spread over the account. */
export function burstIds(store: SandboxStore, n: number): number[] {
  const visible = store.leads.values().filter((lead) => !lead.is_deleted);
  return Array.from({ length: BURST }, (_, i) => visible[(n * BURST * 7 + i * 37) % visible.length]!.id);
}

/** One burst: every look-up at once; each answer must be its own lead, or null where excused. */
export async function lookupBurst(gql: GraphQLClient, store: SandboxStore, ids: readonly number[], excuse?: MissingExcuse): Promise<Verdict> {
  const answers = await Promise.all(ids.map((id) => gql.request(W4_QUERY, { id })));
  const verdict = emptyVerdict();
  answers.forEach((answer, i) => {
    const lead = dataOf(answer).lead;
    if (lead === null) {
      if (excuse?.('leads', ids[i]!)) verdict.missing++;
      else verdict.wrong.push(`lead(amoId: ${ids[i]}) answered null`);
      return;
    }
    if (lead.amoId !== ids[i]) verdict.wrong.push(`lead(amoId: ${ids[i]}) answered lead ${lead.amoId}`);
    verifyLead(store, viewOfNode(lead), 'card', verdict);
  });
  return verdict;
}

/** Bursts against `gql`; returns the calls each burst caused and how long each took. */
export async function measureBursts(gql: GraphQLClient, sandbox: BenchSandbox, bursts: number, tally: ReturnType<typeof createTally>, first = 0) {
  const store = sandbox.sandbox.store;
  const calls: number[] = [];
  const times: number[] = [];
  for (let n = first; n < first + bursts; n++) {
    const started = performance.now();
    const run = await counted(sandbox, () => lookupBurst(gql, store, burstIds(store, n)));
    times.push(performance.now() - started);
    calls.push(run.calls.length);
    tally.add(run.value);
  }
  return { calls, times };
}

export function burstCase(name: string, measured: { calls: number[]; times: number[] }, extra: CaseResult['extra'] = {}): CaseResult {
  const mean = measured.calls.reduce((sum, n) => sum + n, 0) / Math.max(1, measured.calls.length);
  return {
    name,
    upstream: { gateway: Math.max(...measured.calls) },
    latency: { gateway: summarize(measured.times) },
    extra: { 'calls per burst, mean': round(mean), 'calls per burst, max': Math.max(...measured.calls), bursts: measured.calls.length, ...extra },
  };
}

/** W4 again on W7's gateway (production limits, 7 rps sandbox): adds that case to W4's result. */
export async function addLimitedLookups(w4: WorkloadResult, ctx: BenchContext): Promise<void> {
  ctx.progress.workload('W4', 'the same bursts behind the 7 rps limiter');
  const tally = createTally();
  ctx.sandbox.resetLog();
  const measured = await measureBursts(ctx.gql, ctx.sandbox, ctx.mode.bursts, tally);
  const rejected = ctx.sandbox.upstreamCalls().filter((call) => call.status === 429).length;
  w4.cases.push(burstCase('gateway at 7 rps', measured, { 'upstream 429s': rejected }));
  const verdict = tally.verdict;
  w4.correctness = {
    checked: w4.correctness.checked + verdict.checked,
    wrong: w4.correctness.wrong + verdict.wrong.length,
    missing: w4.correctness.missing + verdict.missing,
    examples: [...w4.correctness.examples, ...verdict.wrong.slice(0, 5)],
  };
  ctx.progress.result(`calls per burst: max ${Math.max(...measured.calls)}, mean ${w4.cases.at(-1)!.extra!['calls per burst, mean']}`);
}

export async function runW4(ctx: BenchContext): Promise<WorkloadResult> {
  const { sandbox, gql, direct, naive, mode, progress } = ctx;
  const store = sandbox.sandbox.store;
  const tally = createTally();
  progress.workload('W4', `${BURST} concurrent lead(amoId:) look-ups`);
  // Warm connections and JIT: a cold first burst opens 20 sockets and is not what W4 measures.
  await measureBursts(gql, sandbox, 2, tally, 1000);
  progress.step(`${mode.bursts} bursts, upstream calls counted per burst`);
  const measured = await measureBursts(gql, sandbox, mode.bursts, tally);

  const ids = burstIds(store, 0);
  const check = (views: LeadView[]) => {
    const verdict = emptyVerdict();
    if (views.length !== ids.length) verdict.wrong.push(`baseline got ${views.length} of ${ids.length} leads`);
    for (const view of views) verifyLead(store, view, 'card', verdict);
    tally.add(verdict);
  };
  const directRun = await counted(sandbox, () => direct.leadsById(ids));
  const naiveRun = await counted(sandbox, () => naive.leadsById(ids));
  check(directRun.value);
  check(naiveRun.value);
  const times = await sampleInterleaved(
    { direct: () => direct.leadsById(ids), naive: () => naive.leadsById(ids) },
    { samples: { direct: mode.bursts, naive: mode.bursts }, warmup: 1, check: (_, views) => check(views as LeadView[]) },
  );
  const unthrottled = burstCase('gateway unthrottled', measured);
  unthrottled.upstream.direct = directRun.calls.length;
  unthrottled.upstream.naive = naiveRun.calls.length;
  unthrottled.latency.direct = summarize(times.direct!);
  unthrottled.latency.naive = summarize(times.naive!);
  progress.result(`calls per burst: max ${unthrottled.extra!['calls per burst, max']}, mean ${unthrottled.extra!['calls per burst, mean']}`);

  return {
    id: 'W4',
    title: `${BURST} concurrent lead(amoId:) look-ups`,
    operation: `${BURST} separate GraphQL requests at once, each \`lead(amoId: $id) { amoId name price }\` for a different lead`,
    cases: [unthrottled],
    correctness: correctness(tally.verdict),
    notes: [
      'Latency is the whole burst: from sending the first request until the 20th answer. The baselines do the same 20 look-ups from one client: direct REST as one `filter[id][]` call, naive as 20 GETs by id.',
      "Unthrottled: a batch waits one event-loop turn for ids, so look-ups that arrive within it share a call. Behind the 7 rps limiter (W7's gateway) a batch also keeps taking ids while it waits for its slot.",
    ],
  };
}
