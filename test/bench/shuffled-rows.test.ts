// W9's gate: amoCRM answering lists out of order and leaving requested ids out must never make
// the gateway show one entity's data under another's id. Every row is checked against the store.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growLeads } from '../../bench/env/grow-leads.js';
import { createGraphQLClient, type GraphQLClient } from '../../bench/env/graphql-client.js';
import { expectedLeadIds, verifyPage } from '../../bench/workloads/verify.js';
import { burstIds, lookupBurst } from '../../bench/workloads/w4-lookups.js';
import { omittedExcuse, pageCursors250, shuffledPage } from '../../bench/workloads/w9-shuffled.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let gql: GraphQLClient;
let cursors: (string | null)[];
beforeAll(async () => {
  stack = await startStack();
  growLeads(stack.sandbox.store, 1_100);
  gql = createGraphQLClient(stack.gateway.url);
  cursors = await pageCursors250(gql);
});
afterAll(async () => {
  await gql.close();
  await stack.close();
});

const store = () => stack.sandbox.store;
const excuse = () => omittedExcuse(stack.upstreamCalls());

describe('rows shuffled out of id order', () => {
  beforeAll(() => stack.sandbox.faults.set({ shuffle: { rate: 1 }, seed: 7 }));
  afterAll(() => stack.sandbox.faults.set({ shuffle: null }));

  it('answers 1,000 leads with every relation exactly as the store has them: 0 wrong, 0 missing', async () => {
    stack.resetLog();
    let checked = 0;
    for (const [index, cursor] of cursors.entries()) {
      const page = await shuffledPage(gql, cursor);
      if ('error' in page) throw new Error(page.error);
      const verdict = verifyPage(store(), page.views, expectedLeadIds(store(), index * 250, 250), 'full');
      expect(verdict.wrong).toEqual([]);
      expect(verdict.missing).toBe(0);
      checked += verdict.checked;
    }
    expect(checked).toBeGreaterThan(2_000);
    expect(stack.sandbox.log.count({ fault: 'shuffle' })).toBeGreaterThanOrEqual(12);
  });

  it('answers concurrent look-ups each with its own lead', async () => {
    for (let burst = 0; burst < 3; burst++) {
      const verdict = await lookupBurst(gql, store(), burstIds(store(), burst));
      expect(verdict.wrong).toEqual([]);
      expect(verdict.checked).toBe(20);
    }
  });
});

describe('requested ids left out of the answer', () => {
  beforeAll(() => stack.sandbox.faults.set({ shuffle: { rate: 1, omitRate: 0.2 }, seed: 7 }));
  afterAll(() => stack.sandbox.faults.set({ shuffle: null }));

  it('shows no other entity in place of an omitted one: look-ups answer null, every row shown is right', async () => {
    stack.resetLog();
    let missing = 0;
    for (let burst = 0; burst < 5; burst++) {
      const verdict = await lookupBurst(gql, store(), burstIds(store(), burst), (type, id) => excuse()(type, id));
      expect(verdict.wrong).toEqual([]);
      missing += verdict.missing;
    }
    expect(missing).toBeGreaterThan(0);
    for (const [index, cursor] of cursors.entries()) {
      const page = await shuffledPage(gql, cursor);
      if ('error' in page) continue; // the known failure below; no data is no wrong data
      expect(verifyPage(store(), page.views, expectedLeadIds(store(), index * 250, 250), 'full', excuse()).wrong).toEqual([]);
    }
  });

  // Found by the benchmark (W9): a contact amoCRM leaves out of a filter[id][] answer used to null
  // the whole `leads` list; relations now drop the edges of nodes that did not load.
  it('still answers a page whose contacts amoCRM partly left out, without those edges', async () => {
    stack.resetLog();
    const page = await shuffledPage(gql, cursors[0]!);
    if ('error' in page) throw new Error(page.error);
    const verdict = verifyPage(store(), page.views, expectedLeadIds(store(), 0, 250), 'full', excuse());
    expect(verdict.wrong).toEqual([]);
    expect(verdict.missing).toBeGreaterThan(0);
  });
});
