// W9: amoCRM answering out of order and leaving rows out. With the sandbox's shuffle fault every
// list answer comes back in random order and `filter[id][]` answers drop some of the ids asked
// for. The gateway must stay exact: every row it shows is the entity its id names, with that
// entity's own relations; a row amoCRM left out may be missing, never replaced by another's.

import type { LoggedRequest } from '../../src/sandbox/index.js';
import type { GraphQLClient } from '../env/graphql-client.js';
import { summarize } from '../measure/stats.js';
import type { BenchContext } from './context.js';
import { correctness, createTally } from './helpers.js';
import { viewOfNode, type LeadView } from './lead-view.js';
import { W2_QUERY } from './queries.js';
import type { CaseResult, WorkloadResult } from './result.js';
import { expectedLeadIds, verifyPage, type MissingExcuse } from './verify.js';
import { burstIds, lookupBurst } from './w4-lookups.js';

const PAGE = 250;
const TOTAL = 1000;
export const OMIT_RATE = 0.1;

/** A row may be missing only if the gateway asked for it by id in a call the fault disordered. */
export function omittedExcuse(calls: readonly LoggedRequest[]): MissingExcuse {
  const asked = new Set<string>();
  for (const call of calls) {
    if (call.fault !== 'shuffle') continue;
    const type = call.path.split('/')[3];
    for (const [key, value] of call.query) if (key.startsWith('filter[id]')) asked.add(`${type}:${value}`);
  }
  return (type, id) => asked.has(`${type}:${id}`);
}

/** Cursors of the 250-lead pages, read before the fault is on, so a failed page does not stop the pass. */
export async function pageCursors250(gql: GraphQLClient): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [null];
  while (cursors.length < TOTAL / PAGE) {
    const answer = await gql.request(`query($after: String) { leads(first: ${PAGE}, after: $after) { pageInfo { endCursor } } }`, { after: cursors.at(-1) });
    cursors.push(answer.data.leads.pageInfo.endCursor);
  }
  return cursors;
}

export type PageAnswer = { views: LeadView[] } | { error: string };

/** One page of W2's selection; a GraphQL error is returned, not thrown, with its code and path. */
export async function shuffledPage(gql: GraphQLClient, after: string | null): Promise<PageAnswer> {
  const answer = await gql.request(W2_QUERY, { first: PAGE, after });
  if (answer.errors?.length || !answer.data?.leads) {
    const first = answer.errors?.[0] as { message: string; path?: (string | number)[]; extensions?: { code?: string } } | undefined;
    // Indices vary from page to page; the path's shape is what says where it broke.
    const path = first?.path?.map((part) => (typeof part === 'number' ? 'N' : part)).join('.') ?? '?';
    return { error: `${first?.extensions?.code ?? first?.message ?? 'no data'} at ${path}` };
  }
  return { views: answer.data.leads.nodes.map(viewOfNode) };
}

export async function runW9(ctx: BenchContext): Promise<WorkloadResult> {
  const { sandbox, gql, mode, progress } = ctx;
  const store = sandbox.sandbox.store;
  const tally = createTally();
  progress.workload('W9', 'rows out of order, some ids omitted');
  const cursors = await pageCursors250(gql);
  const cases: CaseResult[] = [];
  try {
    for (const omitRate of [0, OMIT_RATE]) {
      sandbox.sandbox.faults.set({ shuffle: { rate: 1, omitRate }, seed: 7 });
      const passes = mode.name === 'full' ? 3 : 1;
      progress.step(`omit rate ${omitRate}: ${passes}× ${TOTAL} leads paged with W2's selection, ${passes * 3} look-up bursts`);
      sandbox.resetLog();
      const local = createTally();
      const errors: Record<string, number> = {};
      let answers = 0;
      const times: number[] = [];
      for (let pass = 0; pass < passes; pass++) {
        const started = performance.now();
        const pages = [];
        for (const cursor of cursors) pages.push(await shuffledPage(gql, cursor));
        times.push(performance.now() - started);
        const excuse = omittedExcuse(sandbox.upstreamCalls());
        pages.forEach((page, index) => {
          answers++;
          if ('error' in page) errors[page.error] = (errors[page.error] ?? 0) + 1;
          else local.add(verifyPage(store, page.views, expectedLeadIds(store, index * PAGE, PAGE), 'full', excuse));
        });
        for (let burst = 0; burst < 3; burst++) {
          answers += 20;
          local.add(await lookupBurst(gql, store, burstIds(store, 100 + pass * 3 + burst), (type, id) => omittedExcuse(sandbox.upstreamCalls())(type, id)));
        }
      }
      const calls = sandbox.upstreamCalls();
      tally.add(local.verdict);
      const failed = Object.values(errors).reduce((sum, n) => sum + n, 0);
      cases.push({
        name: omitRate === 0 ? 'shuffled rows' : `shuffled, ${omitRate * 100}% of ids omitted`,
        upstream: { gateway: calls.length / passes },
        latency: { gateway: summarize(times) },
        extra: {
          'rows checked': local.verdict.checked,
          'wrong rows': local.verdict.wrong.length,
          'rows missing (omitted upstream)': local.verdict.missing,
          answers,
          'answers that failed': failed,
          ...(failed > 0 ? { 'errors (code at path)': Object.entries(errors).map(([error, n]) => `${n} × ${error}`).join('; ') } : {}),
          'list answers disordered': calls.filter((call) => call.fault === 'shuffle').length,
        },
      });
      progress.result(`omit ${omitRate}: ${local.verdict.checked} rows checked, ${local.verdict.wrong.length} wrong, ${local.verdict.missing} missing as omitted, ${failed} of ${answers} answers failed`);
    }
  } finally {
    sandbox.sandbox.faults.set({ shuffle: null });
  }
  return {
    id: 'W9',
    title: 'rows out of order, some ids omitted',
    operation: `W2's selection over ${TOTAL} leads (4 pages of ${PAGE}) plus 3 bursts of 20 \`lead(amoId:)\` look-ups per pass, with the sandbox's shuffle fault`,
    cases,
    correctness: correctness(tally.verdict),
    notes: [
      'Every list answer is shuffled (`sandbox.faults.set({ shuffle: { rate: 1, omitRate } })`, or `npm run sandbox -- --shuffle 1 --omit-rate 0.1`); with `omitRate` each row of an answer to a `filter[id][]` request is left out with that probability (seeded, so runs repeat).',
      'A missing row is excused only when the gateway asked for that id in a disordered `filter[id][]` call; with the omit rate at 0 nothing may be missing at all.',
      'Rows of a page that failed as a whole are not counted as checked; the failures are listed instead.',
    ],
  };
}
