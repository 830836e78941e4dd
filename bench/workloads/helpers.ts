// Small pieces the workloads share: counting upstream calls around an action, paging the
// gateway, folding verdicts into the result's correctness block.

import type { LoggedRequest } from '../../src/sandbox/index.js';
import type { BenchSandbox } from '../env/sandbox.js';
import { dataOf, type GraphQLClient } from '../env/graphql-client.js';
import { viewOfNode, type LeadView } from './lead-view.js';
import type { Correctness } from './result.js';
import type { Verdict } from './verify.js';

/** Runs `action` alone and returns what it answered and the upstream calls it caused. */
export async function counted<T>(sandbox: BenchSandbox, action: () => Promise<T>): Promise<{ value: T; calls: LoggedRequest[] }> {
  sandbox.resetLog();
  const value = await action();
  return { value, calls: sandbox.upstreamCalls() };
}

export function byPath(calls: readonly LoggedRequest[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const call of calls) {
    const key = `${call.method} ${call.path}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

export interface GatewayPage {
  views: LeadView[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export async function gatewayPage(gql: GraphQLClient, query: string, first: number, after: string | null = null): Promise<GatewayPage> {
  const data = dataOf(await gql.request(query, { first, after }));
  return { views: data.leads.nodes.map(viewOfNode), endCursor: data.leads.pageInfo.endCursor, hasNextPage: data.leads.pageInfo.hasNextPage };
}

/** Pages through `total` leads, `size` at a time; returns each page's views. */
export async function gatewayPages(gql: GraphQLClient, query: string, total: number, size: number): Promise<LeadView[][]> {
  const pages: LeadView[][] = [];
  let after: string | null = null;
  for (let seen = 0; seen < total; seen += size) {
    const page: GatewayPage = await gatewayPage(gql, query, Math.min(size, total - seen), after);
    pages.push(page.views);
    after = page.endCursor;
  }
  return pages;
}

export function correctness(verdict: Verdict): Correctness {
  return { checked: verdict.checked, wrong: verdict.wrong.length, missing: verdict.missing, examples: verdict.wrong.slice(0, 5) };
}

/** Accumulates verdicts across every answer a workload checks. */
export function createTally() {
  const all: Verdict = { checked: 0, wrong: [], missing: 0 };
  return {
    add(verdict: Verdict) {
      all.checked += verdict.checked;
      all.wrong.push(...verdict.wrong);
      all.missing += verdict.missing;
    },
    get verdict() {
      return all;
    },
  };
}
