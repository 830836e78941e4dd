// The issue's targets, judged from the measured results: met or missed, and for a miss the
// reason, worked out from the numbers of the same run rather than written in advance.

import type { CaseResult, TargetResult, WorkloadResult } from '../workloads/result.js';

const find = (workloads: readonly WorkloadResult[], id: string) => workloads.find((w) => w.id === id);
const caseOf = (workloads: readonly WorkloadResult[], id: string, name?: string): CaseResult | undefined => {
  const workload = find(workloads, id);
  return name ? workload?.cases.find((c) => c.name === name) : workload?.cases[0];
};
const num = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);

export function evaluateTargets(workloads: readonly WorkloadResult[]): TargetResult[] {
  const out: TargetResult[] = [];
  const add = (target: TargetResult) => out.push(target);

  const w1 = caseOf(workloads, 'W1');
  if (w1) {
    add({
      workload: 'W1',
      target: 'upstream calls = 2',
      measured: `${w1.upstream.gateway} warm, ${w1.upstream.gatewayCold} cold (metadata cache emptied)`,
      met: w1.upstream.gateway === 2 && w1.upstream.gatewayCold === 2,
    });
    add({
      workload: 'W1',
      target: 'naive baseline: 51 calls',
      measured: `${w1.upstream.naive} calls`,
      met: (w1.upstream.naive ?? 0) >= 51,
      explanation: `Reproduced: the naive client makes one call per contact link (${w1.upstream.naive! - 1} links on the first 50 leads, plus the list); one call per lead would be 51.`,
    });
    const added = w1.addedMs!;
    const floor = w1.latency.floor!;
    const cpu = num(w1.extra?.['gateway CPU per query under load, ms']);
    add({
      workload: 'W1',
      target: 'added latency over direct REST at concurrency 1: p50 ≤ 1 ms, p99 ≤ 5 ms',
      measured: `p50 +${added.p50} ms, p99 +${added.p99} ms (gateway ${w1.latency.gateway!.p50}/${w1.latency.gateway!.p99}, direct ${w1.latency.direct!.p50}/${w1.latency.direct!.p99})`,
      met: added.p50 <= 1 && added.p99 <= 5,
      explanation:
        added.p50 <= 1 && added.p99 <= 5
          ? undefined
          : `A GraphQL round trip that resolves nothing (\`{ __typename }\`) already costs p50 ${floor.p50} ms here: the extra HTTP hop plus Yoga's parse/validate/execute pipeline. ` +
            `The rest is resolving and serialising 50 leads with their contacts (the gateway spends ${cpu} ms of CPU per W1 query under load), on a 2-core machine that also runs the sandbox and the client.`,
    });
    const rps = w1.load?.rps ?? 0;
    add({
      workload: 'W1',
      target: 'uncached W1 at concurrency 10: ≥ 500 requests/second',
      measured: `${rps} req/s (p50 ${w1.load?.latencyP50} ms, p99 ${w1.load?.latencyP99} ms)`,
      met: rps >= 500,
      explanation:
        rps >= 500
          ? undefined
          : `The gateway process spends ${cpu} ms of CPU per W1 query, so one core's worth of CPU serves about ${Math.round(1000 / cpu)} queries a second (V8's GC threads add a little beside it). 500 req/s would need ≤ 2 ms of CPU per query; on this 2-core machine the other core runs the sandbox (2 upstream answers of 50 rows per query) and autocannon.`,
    });
    const rss = num(w1.extra?.['RSS after run 1, MB']);
    const growth = num(w1.extra?.['RSS growth run 1 → 2, %']);
    const seconds = w1.load?.seconds ?? 0;
    const cappedRss = num(w1.extra?.['RSS with the heap capped, after the run, MB']);
    const rssMissed = [
      `Idle, the process already holds ${w1.extra?.['RSS idle, MB']} MB (Node, Yoga, Pothos, graphql-armor, undici, ioredis, jose loaded).`,
      w1.extra?.['V8 heap total / used after run 2, MB']
        ? `Under load V8 grows its heap to ${w1.extra['V8 heap total / used after run 2, MB']} MB (total / used; used includes garbage not yet collected: V8 sizes the heap from the machine's RAM, 24 GB here); external and array buffers are only ${w1.extra['external / array buffers after run 2, MB']} MB.`
        : '',
      Number.isFinite(cappedRss)
        ? `With the old generation capped (see the W1 notes) the same load runs in ${cappedRss} MB at ${w1.extra?.['req/s with the heap capped']} req/s (${rps} uncapped): the memory is garbage V8 was allowed to keep, not a leak, and NODE_OPTIONS bounds it in a deployment.`
        : '',
    ]
      .filter(Boolean)
      .join(' ');
    add({
      workload: 'W1',
      target: `RSS ≤ 150 MB after a 20-second W1 run`,
      measured: `${rss} MB after ${Math.round(seconds)} s (idle ${w1.extra?.['RSS idle, MB']} MB)`,
      met: rss <= 150 && seconds >= 19,
      explanation: seconds < 19 ? `Quick mode runs ${Math.round(seconds)} s, not 20: only the full run judges this. ${rss > 150 ? rssMissed : ''}` : rss > 150 ? rssMissed : undefined,
    });
    add({
      workload: 'W1',
      target: 'RSS growth between two runs < 10%',
      measured: `${growth}% (${w1.extra?.['RSS after run 1, MB']} → ${w1.extra?.['RSS after run 2, MB']} MB)`,
      met: growth < 10,
    });
  }

  const w2 = caseOf(workloads, 'W2');
  if (w2) {
    const metadata = (w2.upstream.gatewayCold ?? 0) - (w2.upstream.gateway ?? 0);
    add({
      workload: 'W2',
      target: 'upstream calls ≤ 3 plus cached metadata',
      measured: `${w2.upstream.gateway} warm; ${w2.upstream.gatewayCold} cold (${metadata} metadata calls, then cached)`,
      met: (w2.upstream.gateway ?? 99) <= 3,
    });
  }

  for (const c of find(workloads, 'W3')?.cases ?? []) {
    const expected = num(c.extra?.['expected calls (pages × 3)']);
    add({
      workload: 'W3',
      target: `${c.name}: calls = pages + related batches (${c.extra?.pages} × (leads + contacts + companies) = ${expected})`,
      measured: `${c.upstream.gateway} calls (direct ${c.upstream.direct}, naive ${c.upstream.naive ?? 'not run'})`,
      met: c.upstream.gateway === expected,
    });
  }

  for (const c of find(workloads, 'W4')?.cases ?? []) {
    const max = num(c.extra?.['calls per burst, max']);
    add({
      workload: 'W4',
      target: `${c.name}: ≤ 2 upstream calls per burst of 20 look-ups`,
      measured: `max ${max}, mean ${c.extra?.['calls per burst, mean']} over ${c.extra?.bursts} bursts`,
      met: max <= 2,
      explanation:
        max <= 2
          ? undefined
          : c.name.includes('7 rps')
            ? `A batch keeps taking ids only while it waits for a rate-limit slot. After a quiet spell the window has 7 free slots, so the first look-ups of a burst each get one at once (up to 8 calls); once the window is full, a whole burst shares one call (mean ${c.extra?.['calls per burst, mean']}). Holding batches briefly even when slots are free would trade a little latency for fewer calls.`
            : 'With no rate limit to wait for, a batch waits only one event-loop turn (setImmediate) for more ids. The 20 requests reach the gateway over several turns (HTTP parsing, Yoga\'s async pipeline), so look-ups arriving later start batches of their own; a short batching window would merge them.',
    });
  }

  const w5 = caseOf(workloads, 'W5');
  if (w5) {
    const posts = num(w5.extra?.['gateway POSTs']);
    add({
      workload: 'W5',
      target: 'create 120 leads in 3 upstream calls',
      measured: `${posts} POSTs; ${w5.upstream.gateway} calls in all warm, ${w5.upstream.gatewayCold} cold`,
      met: posts === 3 && w5.upstream.gateway === 3,
      explanation:
        w5.upstream.gatewayCold !== w5.upstream.gateway
          ? `Cold, the first write also reads the metadata it validates against (${Object.keys(w5.upstream.gatewayPaths ?? {}).filter((p) => !p.startsWith('POST')).join(', ')}), cached per account afterwards.`
          : undefined,
    });
  }

  const w6 = caseOf(workloads, 'W6');
  if (w6) {
    const rps = w6.load?.rps ?? 0;
    add({
      workload: 'W6',
      target: 'cache hits ≥ 3,000 requests/second',
      measured: `${rps} req/s, ${w6.extra?.['cache hits']} cache hits, ${w6.extra?.['cache misses']} misses, ${w6.upstream.gateway} upstream calls per query`,
      met: rps >= 3000,
      explanation:
        rps >= 3000
          ? undefined
          : 'Hits are answered without resolving, but each still passes through Yoga\'s request pipeline, client auth, the session and key hashing (SHA-256 of the document and variables) on a 2-core machine shared with the load generator and the sandbox.',
    });
  }

  const w7 = find(workloads, 'W7');
  if (w7) {
    const levels = w7.cases;
    const rejected = levels.reduce((sum, c) => sum + num(c.extra?.['upstream 429s']), 0);
    add({
      workload: 'W7',
      target: '0 upstream 429s with 1, 5 and 20 clients',
      measured: levels.map((c) => `${c.name}: ${c.extra?.['upstream 429s']}`).join(', '),
      met: rejected === 0,
    });
    const shares = levels.map((c) => num(c.extra?.['share of 7/s used, %']));
    add({
      workload: 'W7',
      target: '≥ 90% of the allowed 7 requests/second used',
      measured: levels.map((c) => `${c.name}: ${c.extra?.['share of 7/s used, %']}%`).join(', '),
      met: shares.every((share) => share >= 90),
      explanation: shares.every((share) => share >= 90)
        ? undefined
        : `By design the gateway allows 7 calls per rolling 1,050 ms counted from each call's answer (DESIGN.md: amoCRM counts arrivals, which the network delays and bunches, so the limiter keeps a margin). That caps the steady rate at 7 per (1,050 ms + a call's time), about 94% of 7/s with the sandbox's latency; the rest is time between one caller's answer and its next call.`,
    });
    add({
      workload: 'W7',
      target: 'queue waits bounded and reported',
      measured: levels.map((c) => `${c.name}: p50 ${c.extra?.['queue wait p50, ms']} / p99 ${c.extra?.['queue wait p99, ms']} / max ${c.extra?.['queue wait max, ms']} ms`).join('; '),
      met: levels.every((c) => num(c.extra?.['queue wait max, ms']) < 30_000 && num(c.extra?.['operation errors']) === 0),
      explanation: 'Bounded: every wait stayed under the 30 s queue timeout and no operation failed with UPSTREAM_BUSY.',
    });
  }

  for (const c of find(workloads, 'W9')?.cases ?? []) {
    const failed = num(c.extra?.['answers that failed']);
    const errors = String(c.extra?.['errors (code at path)'] ?? '');
    add({
      workload: 'W9',
      target: `${c.name}: every answer exact (rows amoCRM left out missing, nothing else lost)`,
      measured: `${failed} of ${c.extra?.answers} answers failed; ${c.extra?.['rows missing (omitted upstream)']} rows shown missing where omitted`,
      met: failed === 0,
      explanation:
        failed === 0
          ? undefined
          : `${errors}. When amoCRM leaves a requested contact out of a \`filter[id][]\` answer (as it does for one deleted between two calls), \`LeadContactEdge.node\` is non-null, so the null propagates and the whole \`leads\` list is lost with INTERNAL_SERVER_ERROR. No wrong data is shown, but one missing contact costs the page: the edge should be dropped (or \`node\` made nullable) in src/schema.`,
    });
  }

  for (const workload of workloads) {
    if (workload.error) {
      add({ workload: workload.id, target: 'runs to the end', measured: 'failed', met: false, explanation: workload.error.split('\n')[0] });
      continue;
    }
    add({
      workload: workload.id,
      target: workload.id === 'W9' ? '0 wrong rows with rows shuffled and ids omitted' : '0 wrong rows (every answer checked against the store)',
      measured: `${workload.correctness.wrong} wrong of ${workload.correctness.checked} checked${workload.correctness.missing ? `, ${workload.correctness.missing} missing where the upstream omitted them` : ''}`,
      met: workload.correctness.wrong === 0,
      explanation: workload.correctness.wrong === 0 ? undefined : workload.correctness.examples.join('; '),
    });
  }
  return out;
}
