// Lead.subscribers: one upstream call per lead (amoCRM has no batch), bounded per operation.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('Lead.subscribers', () => {
  it('reads subscribers of listed leads, one call per lead and the users batched once', async () => {
    const live = stack.sandbox.store.leads.values().filter((lead) => !lead.is_deleted);
    stack.resetLog();
    const data = dataOf(await stack.gql(`{ leads(first: 5, orderBy: { field: ID, direction: ASC }) { nodes { amoId subscribers { type subscriberAmoId user { amoId } } } } }`));
    const byId = new Map(data.leads.nodes.map((lead: any) => [lead.amoId, lead.subscribers]));
    expect(byId.get(live[0]!.id)).toEqual([
      { type: 'USER', subscriberAmoId: USER_IDS.admin, user: { amoId: USER_IDS.admin } },
      { type: 'USER', subscriberAmoId: USER_IDS.salesHead, user: { amoId: USER_IDS.salesHead } },
    ]);
    expect(byId.get(live[1]!.id)).toContainEqual(expect.objectContaining({ type: 'GROUP', user: null }));
    const calls = stack.upstreamCalls();
    expect(calls.filter((call) => call.path.endsWith('/subscriptions'))).toHaveLength(data.leads.nodes.length);
    expect(calls.length).toBeLessThanOrEqual(data.leads.nodes.length + 3);
  });

  it('refuses subscribers for more than 50 leads in one operation', async () => {
    const response = await stack.gql(`{ leads(first: 60) { nodes { subscribers { type } } } }`);
    expect(response.errors?.[0]?.message).toMatch(/at most 50 leads/);
  });
});
