// Lead.subscribers and Customer.subscribers: one upstream call per entity (amoCRM has no batch),
// bounded per operation and per entity kind.

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

describe('Customer.subscribers', () => {
  it('reads the subscribers of listed customers, one call per customer, and no field for contacts or companies', async () => {
    const store = stack.sandbox.store;
    {
      const customers = store.customers.rows.values();
      stack.resetLog();
      const data = dataOf(await stack.gql(`{ customers(first: 3) { nodes { amoId subscribers { type subscriberAmoId user { amoId name } } } } }`));
      const byId = new Map(data.customers.nodes.map((customer: any) => [customer.amoId, customer.subscribers]));
      expect(byId.get(customers[0]!.id)).toEqual([
        { type: 'USER', subscriberAmoId: USER_IDS.manager1, user: { amoId: USER_IDS.manager1, name: store.users.get(USER_IDS.manager1)!.name } },
      ]);
      expect(byId.get(customers[1]!.id)).toEqual([]);
      const calls = stack.upstreamCalls().filter((call) => call.path.endsWith('/subscriptions'));
      expect(calls.map((call) => call.path).sort()).toEqual(data.customers.nodes.map((c: any) => `/api/v4/customers/${c.amoId}/subscriptions`).sort());
      const contact = await stack.gql(`{ contacts(first: 1) { nodes { subscribers { type } } } }`);
      expect(contact.errors?.[0]?.message).toMatch(/Cannot query field "subscribers" on type "Contact"/);
    }
  });

  it('says the customers mode is off instead of failing silently', async () => {
    const store = stack.sandbox.store;
    store.account.customers_mode = 'disabled';
    try {
      const response = await stack.gql(`{ customer(amoId: ${store.customers.rows.values()[0]!.id}) { subscribers { type } } }`);
      expect(response.errors?.[0]?.message).toMatch(/Customers are not available in this account/);
    } finally {
      store.account.customers_mode = 'periodicity';
    }
  });

  it('refuses subscribers for more than 50 customers in one operation', async () => {
    const store = stack.sandbox.store;
    const template = store.customers.rows.values()[0]!;
    const added: number[] = [];
    try {
      while (store.customers.rows.size < 60) {
        const id = store.customers.rows.nextId();
        store.customers.rows.put({ ...template, id, name: `Подписанный ${id}` });
        added.push(id);
      }
      stack.resetLog();
      const response = await stack.gql(`{ customers(first: 60) { nodes { subscribers { type } } } }`);
      expect(response.errors?.[0]?.message).toMatch(/at most 50 customers/);
      expect(stack.upstreamCalls().filter((call) => call.path.endsWith('/subscriptions'))).toHaveLength(0);
    } finally {
      for (const id of added) store.customers.rows.delete(id);
    }
  });
});
