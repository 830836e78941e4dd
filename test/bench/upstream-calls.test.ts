// The benchmark's deterministic half (issue 7): exactly how many upstream calls each workload
// costs, counted from the sandbox's request log, with every answer checked against the store.
// The timings stay in `npm run bench`; these counts must never drift.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectClient } from '../../bench/baselines/direct-rest.js';
import { createNaiveClient } from '../../bench/baselines/naive-client.js';
import { createRestClient, type RestClient } from '../../bench/baselines/rest-client.js';
import { growLeads } from '../../bench/env/grow-leads.js';
import { createGraphQLClient, type GraphQLClient } from '../../bench/env/graphql-client.js';
import { gatewayPage, gatewayPages } from '../../bench/workloads/helpers.js';
import { W1_QUERY, W2_QUERY } from '../../bench/workloads/queries.js';
import { expectedLeadIds, verifyPage } from '../../bench/workloads/verify.js';
import { burstIds, lookupBurst } from '../../bench/workloads/w4-lookups.js';
import { createViaGateway, newBatch, verifyCreated } from '../../bench/workloads/w5-create.js';
import { startStack, TEST_TOKEN, type Stack } from '../helpers/stack.js';

let stack: Stack;
let gql: GraphQLClient;
let rest: RestClient;
beforeAll(async () => {
  stack = await startStack();
  growLeads(stack.sandbox.store, 1_100);
  gql = createGraphQLClient(stack.gateway.url);
  rest = createRestClient({ baseUrl: stack.sandboxUrl, token: TEST_TOKEN });
});
afterAll(async () => {
  await gql.close();
  await rest.close();
  await stack.close();
});

const store = () => stack.sandbox.store;
const paths = () => stack.upstreamCalls().map((call) => `${call.method} ${call.path}`).sort();
const FIRST_50 = () => expectedLeadIds(store(), 0, 50);

describe('W1: 50 leads with contact names', () => {
  it('costs exactly 2 upstream calls, cold or warm: the leads page and one contacts batch', async () => {
    stack.gateway.account.metadata.invalidate();
    for (const _ of ['cold', 'warm']) {
      stack.resetLog();
      const page = await gatewayPage(gql, W1_QUERY, 50);
      expect(paths()).toEqual(['GET /api/v4/contacts', 'GET /api/v4/leads']);
      expect(verifyPage(store(), page.views, FIRST_50(), 'names').wrong).toEqual([]);
    }
  });

  it('costs the direct REST baseline 2 calls and the naive client one per contact link plus the list', async () => {
    stack.resetLog();
    const direct = await createDirectClient(rest).leadsPage('names', 1, 50);
    expect(stack.upstreamCalls()).toHaveLength(2);
    expect(verifyPage(store(), direct, FIRST_50(), 'names').wrong).toEqual([]);

    stack.resetLog();
    const naive = await createNaiveClient(rest).leadsPage('names', 1, 50);
    const links = naive.reduce((sum, lead) => sum + lead.contacts.length, 0);
    expect(links).toBeGreaterThanOrEqual(50);
    expect(stack.upstreamCalls()).toHaveLength(1 + links);
    expect(verifyPage(store(), naive, FIRST_50(), 'names').wrong).toEqual([]);
  });
});

describe('W2: 50 leads with contacts, company, status/pipeline, user and custom fields', () => {
  it('costs 5 calls cold (pipelines and users once) and exactly 3 warm', async () => {
    stack.gateway.account.metadata.invalidate();
    stack.resetLog();
    const cold = await gatewayPage(gql, W2_QUERY, 50);
    expect(paths()).toEqual(['GET /api/v4/companies', 'GET /api/v4/contacts', 'GET /api/v4/leads', 'GET /api/v4/leads/pipelines', 'GET /api/v4/users']);
    stack.resetLog();
    const warm = await gatewayPage(gql, W2_QUERY, 50);
    expect(paths()).toEqual(['GET /api/v4/companies', 'GET /api/v4/contacts', 'GET /api/v4/leads']);
    for (const page of [cold, warm]) expect(verifyPage(store(), page.views, FIRST_50(), 'full').wrong).toEqual([]);
  });
});

describe('W3: 250 and 1,000 leads paged through', () => {
  it.each([
    [250, 1],
    [1000, 4],
  ])('pages %i leads in exactly 3 calls per page of 250 (leads, contacts, companies)', async (total, pages) => {
    await gatewayPage(gql, W2_QUERY, 1); // metadata warm
    stack.resetLog();
    const views = await gatewayPages(gql, W2_QUERY, total, 250);
    const calls = stack.upstreamCalls();
    expect(calls).toHaveLength(pages * 3);
    for (const path of ['/api/v4/leads', '/api/v4/contacts', '/api/v4/companies']) expect(calls.filter((c) => c.path === path)).toHaveLength(pages);
    views.forEach((page, index) => expect(verifyPage(store(), page, expectedLeadIds(store(), index * 250, 250), 'full').wrong).toEqual([]));
  });
});

describe('W5: create 120 leads', () => {
  it('writes them in exactly 3 POSTs, and in 3 calls in all once the metadata it validates against is cached', async () => {
    for (const round of ['cold', 'warm']) {
      stack.resetLog();
      const input = newBatch(`gate-${round}`);
      const ids = await createViaGateway({ gql }, input);
      expect(stack.upstreamCalls().filter((call) => call.method === 'POST' && call.path === '/api/v4/leads')).toHaveLength(3);
      if (round === 'warm') expect(stack.upstreamCalls()).toHaveLength(3);
      expect(verifyCreated(store(), input, ids).wrong).toEqual([]);
    }
  });
});

describe('W4: 20 concurrent lead(amoId:) look-ups', () => {
  let limited: Stack;
  let limitedGql: GraphQLClient;
  beforeAll(async () => {
    // One call per 3 s: once the window is taken, a batch waits for its slot long enough for all
    // 20 look-ups to join it, however slowly a busy machine delivers them.
    limited = await startStack({ traffic: { rateLimit: 1, rateWindowMs: 3_000 } });
    limitedGql = createGraphQLClient(limited.gateway.url);
  });
  afterAll(async () => {
    await limitedGql.close();
    await limited.close();
  });

  it('coalesces into at most 2 upstream calls while the rate-limit window is full, each answer its own lead', async () => {
    const ids = burstIds(limited.sandbox.store, 0);
    await lookupBurst(limitedGql, limited.sandbox.store, [ids[0]!]);
    limited.resetLog();
    const verdict = await lookupBurst(limitedGql, limited.sandbox.store, ids);
    expect(verdict.wrong).toEqual([]);
    expect(verdict.checked).toBe(20);
    expect(limited.upstreamCalls().length).toBeLessThanOrEqual(2);
    expect(limited.idsAskedFor('/api/v4/leads')).toEqual([...ids].sort((a, b) => a - b));
  });
});
