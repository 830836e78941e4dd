// Cursor paging over amoCRM's page/limit lists: every lead exactly once, in order, whatever the
// page size, and refusals for windows amoCRM cannot serve.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $last: Int, $before: String) {
    leads(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { amoId } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

let stack: Stack;
let visibleLeadIds: number[];
beforeAll(async () => {
  stack = await startStack();
  visibleLeadIds = stack.sandbox.store.leads
    .values()
    .filter((lead) => !lead.is_deleted)
    .map((lead) => lead.id);
});
afterAll(() => stack.close());

async function pageThrough(first: number): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const { leads }: any = dataOf(await stack.gql(PAGE, { first, after }));
    pages++;
    ids.push(...leads.edges.map((edge: any) => edge.node.amoId));
    expect(leads.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!leads.pageInfo.hasNextPage) break;
    expect(leads.pageInfo.endCursor).toBe(leads.edges.at(-1).cursor);
    after = leads.pageInfo.endCursor;
    if (pages > 100) throw new Error('paging does not end');
  }
  return { ids, pages };
}

describe('cursor paging over leads', () => {
  it('has more than 300 leads to page through', () => {
    expect(visibleLeadIds.length).toBeGreaterThan(300);
  });

  it.each([1, 7, 50, 100, 250])('visits every lead exactly once, in amoCRM order, %i per page', async (first) => {
    if (first === 1) {
      // One per page would take 300+ round trips; a slice of the list proves the same thing.
      const ids: number[] = [];
      let after: string | null = null;
      for (let i = 0; i < 12; i++) {
        const { leads }: any = dataOf(await stack.gql(PAGE, { first: 1, after }));
        ids.push(leads.edges[0].node.amoId);
        after = leads.pageInfo.endCursor;
      }
      expect(ids).toEqual(visibleLeadIds.slice(0, 12));
      return;
    }
    stack.resetLog();
    const { ids, pages } = await pageThrough(first);
    expect(ids).toEqual(visibleLeadIds);
    expect(new Set(ids).size).toBe(ids.length);
    // One upstream call per page, plus at most one more to learn that a full last page was the end.
    const listCalls = stack.upstreamCalls().filter((call) => call.path === '/api/v4/leads');
    expect(listCalls.length).toBeLessThanOrEqual(pages + 1);
  });

  it('serves a window that straddles amoCRM pages with one or two calls and the right rows', async () => {
    // Jump to offset 10 with an unaligned page size: amoCRM pages are fixed-size, the window is not.
    const first: any = dataOf(await stack.gql(PAGE, { first: 11 }));
    const cursor = first.leads.edges[10].cursor;
    stack.resetLog();
    const page: any = dataOf(await stack.gql(PAGE, { first: 37, after: cursor }));
    expect(page.leads.edges.map((edge: any) => edge.node.amoId)).toEqual(visibleLeadIds.slice(11, 48));
    expect(stack.upstreamCalls().filter((call) => call.path === '/api/v4/leads').length).toBeLessThanOrEqual(2);
  });

  it('pages backwards from a cursor with last/before', async () => {
    const forward: any = dataOf(await stack.gql(PAGE, { first: 60 }));
    const before = forward.leads.edges[50].cursor;
    const back: any = dataOf(await stack.gql(PAGE, { last: 20, before }));
    expect(back.leads.edges.map((edge: any) => edge.node.amoId)).toEqual(visibleLeadIds.slice(30, 50));
    expect(back.leads.pageInfo.hasPreviousPage).toBe(true);
  });

  it('returns an empty page, not an error, past the end of the list', async () => {
    const all = await pageThrough(250);
    const last: any = dataOf(await stack.gql(PAGE, { first: 250, after: null }));
    const lastCursorOfFirstPage = last.leads.pageInfo.endCursor;
    expect(all.ids.length).toBeGreaterThan(250);
    const second: any = dataOf(await stack.gql(PAGE, { first: 250, after: lastCursorOfFirstPage }));
    const end = second.leads.pageInfo.endCursor;
    const beyond: any = dataOf(await stack.gql(PAGE, { first: 50, after: end }));
    expect(beyond.leads.edges).toEqual([]);
    expect(beyond.leads.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses first above 250 with a clear error and no upstream call', async () => {
    stack.resetLog();
    const response = await stack.gql(PAGE, { first: 251 });
    expect(response.errors?.[0]?.message).toMatch(/"first" must be between 0 and 250/);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.upstreamCalls()).toEqual([]);
  });

  it('refuses last without before, since amoCRM has no totals to count back from', async () => {
    const response = await stack.gql(PAGE, { last: 10 });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/"last" needs "before"/);
  });

  it('refuses a forged cursor as bad input', async () => {
    stack.resetLog();
    const response = await stack.gql(PAGE, { first: 10, after: 'not-a-cursor' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.upstreamCalls()).toEqual([]);
  });

  it('answers first: 0 with an empty page and no upstream call', async () => {
    stack.resetLog();
    const { leads }: any = dataOf(await stack.gql(PAGE, { first: 0 }));
    expect(leads.edges).toEqual([]);
    expect(stack.upstreamCalls()).toEqual([]);
  });
});
