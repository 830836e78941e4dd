// W7's gate: against a sandbox enforcing amoCRM's 7 requests a second, the gateway at its
// production defaults never draws a 429, whatever the clients do. Short on purpose (a few
// seconds); the rate it reaches and its queue waits are measured by `npm run bench`. In the
// `timing` project: other files' load would bunch its requests, which is what it judges.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLClient, type GraphQLClient } from '../../bench/env/graphql-client.js';
import { expectedLeadIds, mergeVerdicts, verifyPage, type Verdict } from '../../bench/workloads/verify.js';
import { AMOCRM_LIMIT, pageCursors, runClients } from '../../bench/workloads/w7-rate-limit.js';
import { startStack, type Stack } from '../helpers/stack.js';

/** The gateway's defaults, as a production start has them. */
const PRODUCTION_TRAFFIC = { rateLimit: 7, rateWindowMs: 1_050, retryAttempts: 5 };

let stack: Stack;
let gql: GraphQLClient;
beforeAll(async () => {
  stack = await startStack({ traffic: PRODUCTION_TRAFFIC });
  gql = createGraphQLClient(stack.gateway.url);
});
afterAll(async () => {
  await gql.close();
  await stack.close();
});

describe('W7: the sandbox enforcing 7 requests a second', () => {
  it('answers 5 clients sending W1 queries back to back for 3 s with 0 upstream 429s', async () => {
    const cursors = await pageCursors(gql);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    stack.sandbox.faults.set({ rateLimit: AMOCRM_LIMIT });
    stack.resetLog();
    const verdicts: Verdict[] = [];
    const run = await runClients(gql, cursors, 5, 3, (views, page) =>
      verdicts.push(verifyPage(stack.sandbox.store, views, expectedLeadIds(stack.sandbox.store, page * 50, 50), 'names')),
    );
    expect(run.errors).toEqual({});
    expect(run.operations).toBeGreaterThan(5);
    expect(mergeVerdicts(...verdicts).wrong).toEqual([]);
    expect(stack.sandbox.log.count({ status: 429 })).toBe(0);
    expect(stack.sandbox.log.maxInWindow(1_000)).toBeLessThanOrEqual(7);
  }, 30_000);
});
