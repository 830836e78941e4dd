// Customers end to end, each checked against the sandbox's state: the mode, customers (read,
// create, update, bad input refused with nothing written), statuses, segments, purchases and
// bonus points; a switched-off mode answers with an error that says why; and 100 customers with
// their contacts, company, status and purchases cost a handful of upstream calls.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_CUSTOMER_ID } from '../../src/sandbox/customers/records.js';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;
const data = () => store().customers;
const snapshot = () => JSON.stringify(Object.fromEntries(Object.entries(data()).map(([key, table]) => [key, table.values()])));
const writes = () => stack.upstreamCalls().filter((call) => call.method !== 'GET');

describe('customers through the gateway', () => {
  it('reads the mode, statuses and one customer with its relations as the sandbox has them', async () => {
    const row = data().rows.get(FIRST_CUSTOMER_ID)!;
    const result = dataOf(
      await stack.gql(
        `query ($id: Int!) {
          customersMode
          customerStatuses { amoId name isEditable }
          customer(amoId: $id) { id amoId name nextPrice ltv purchasesCount status { amoId } contacts { amoId } company { amoId } transactions { amoId price } }
        }`,
        { id: row.id },
      ),
    ) as any;
    expect(result.customersMode).toBe('PERIODICITY');
    expect(result.customerStatuses.map((s: any) => s.amoId)).toEqual(data().statuses.values().map((s) => s.id));
    expect(result.customer).toMatchObject({ amoId: row.id, name: row.name, nextPrice: row.next_price, ltv: row.ltv, purchasesCount: row.purchases_count });
    expect(result.customer.status.amoId).toBe(row.status_id);
    expect(result.customer.contacts.map((c: any) => c.amoId)).toEqual(row.contact_ids);
    expect(result.customer.company?.amoId ?? null).toBe(row.company_id);
    expect(result.customer.transactions.map((t: any) => t.amoId)).toEqual(data().transactions.values().filter((t) => t.customer_id === row.id).map((t) => t.id));
    const node = dataOf(await stack.gql(`query ($id: ID!) { node(id: $id) { ... on Customer { amoId } } }`, { id: result.customer.id })) as any;
    expect(node.node.amoId).toBe(row.id);
  });

  it('creates and updates customers; bad items are refused per item and the rest is written', async () => {
    const contact = store().contacts.values()[5]!;
    const created = dataOf(
      await stack.gql(
        `mutation ($input: [CreateCustomerInput!]!) { createCustomers(input: $input) { succeededCount results { index status amoId errors { path code } customer { name contacts { amoId } } } } }`,
        { input: [{ name: 'Гейтвей', nextPrice: 4200, contactAmoIds: [contact.id] }, { name: '  ' }, { name: 'Чужой', responsibleUserId: 1 }] },
      ),
    ) as any;
    const results = created.createCustomers.results;
    expect(results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED', 'FAILED']);
    expect(results[1].errors[0].path).toEqual(['name']);
    expect(results[2].errors[0].path).toEqual(['responsibleUserId']);
    expect(results[0].customer).toEqual({ name: 'Гейтвей', contacts: [{ amoId: contact.id }] });
    const id = results[0].amoId;
    expect(data().rows.get(id)).toMatchObject({ name: 'Гейтвей', next_price: 4200, contact_ids: [contact.id] });
    expect(data().rows.values().filter((r) => r.name === 'Чужой')).toEqual([]);

    const updated = dataOf(
      await stack.gql(`mutation ($input: [UpdateCustomerInput!]!) { updateCustomers(input: $input) { results { status errors { code path } customer { nextPrice } } } }`, {
        input: [{ amoId: id, nextPrice: 9900 }, { amoId: 1, name: 'нет такого' }],
      }),
    ) as any;
    expect(updated.updateCustomers.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(updated.updateCustomers.results[1].errors[0]).toEqual({ code: 'NotFound', path: ['amoId'] });
    expect(updated.updateCustomers.results[0].customer.nextPrice).toBe(9900);
    expect(data().rows.get(id)!.next_price).toBe(9900);
  });

  it('adds and deletes purchases and changes bonus points; bad items write nothing', async () => {
    const id = FIRST_CUSTOMER_ID + 4;
    const ltv = data().rows.get(id)!.ltv;
    const points = data().rows.get(id)!.bonus_points;
    stack.resetLog();
    const added = dataOf(
      await stack.gql(`mutation ($input: [AddTransactionInput!]!) { addTransactions(input: $input) { results { status amoId errors { path } } } }`, {
        input: [{ customerAmoId: id, price: 800, comment: 'онлайн' }, { customerAmoId: id, price: -1 }, { customerAmoId: id, price: 200 }],
      }),
    ) as any;
    expect(added.addTransactions.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED', 'SUCCEEDED']);
    expect(writes().map((call) => `${call.method} ${call.path}`)).toEqual([`POST /api/v4/customers/${id}/transactions`]);
    expect(data().rows.get(id)!.ltv).toBe(ltv + 1000);
    const tid = added.addTransactions.results[0].amoId;
    expect(data().transactions.get(tid)).toMatchObject({ price: 800, comment: 'онлайн', customer_id: id });

    const deleted = dataOf(
      await stack.gql(`mutation ($input: [TransactionRefInput!]!) { deleteTransactions(input: $input) { results { status errors { code } } } }`, {
        input: [{ customerAmoId: id, transactionAmoId: tid }, { customerAmoId: id, transactionAmoId: 1 }],
      }),
    ) as any;
    expect(deleted.deleteTransactions.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(data().transactions.has(tid)).toBe(false);
    expect(data().rows.get(id)!.ltv).toBe(ltv + 200);

    const bonus = dataOf(
      await stack.gql(`mutation ($input: [BonusPointsInput!]!) { changeBonusPoints(input: $input) { results { status bonusPoints errors { code } } } }`, {
        input: [{ customerAmoId: id, earn: 40 }, { customerAmoId: id, earn: 1, redeem: 1 }, { customerAmoId: id, redeem: 10 ** 9 }, { customerAmoId: id, redeem: 15 }],
      }),
    ) as any;
    expect(bonus.changeBonusPoints.results).toEqual([
      { status: 'SUCCEEDED', bonusPoints: points + 40, errors: [] },
      { status: 'FAILED', bonusPoints: null, errors: [{ code: 'BAD_USER_INPUT' }] },
      { status: 'FAILED', bonusPoints: null, errors: [{ code: 'NotSupportedChoice' }] },
      { status: 'SUCCEEDED', bonusPoints: points + 25, errors: [] },
    ]);
    expect(data().rows.get(id)!.bonus_points).toBe(points + 25);
  });

  it('creates, updates and deletes periodic-mode statuses; system stages are refused', async () => {
    const system = data().statuses.values().find((row) => !row.is_editable)!;
    const created = dataOf(
      await stack.gql(`mutation ($input: [CreateCustomerStatusInput!]!) { createCustomerStatuses(input: $input) { results { status amoId errors { path } customerStatus { name } } } }`, {
        input: [{ name: 'Оптовик', color: '#aabbcc' }, { name: 'x', color: 'red' }],
      }),
    ) as any;
    const [ok, bad] = created.createCustomerStatuses.results;
    expect(bad.errors[0].path).toEqual(['color']);
    expect(data().statuses.get(ok.amoId)).toMatchObject({ name: 'Оптовик', color: '#aabbcc', is_editable: true });
    expect(data().statuses.values().filter((row) => row.name === 'x')).toEqual([]);

    const updated = dataOf(
      await stack.gql(`mutation ($input: [UpdateCustomerStatusInput!]!) { updateCustomerStatuses(input: $input) { results { errors { code path } } } }`, {
        input: [{ amoId: ok.amoId, name: 'Опт' }, { amoId: system.id, name: 'нельзя' }],
      }),
    ) as any;
    expect(updated.updateCustomerStatuses.results.map((r: any) => r.errors)).toEqual([[], [{ code: 'NotSupportedChoice', path: ['amoId'] }]]);
    expect(data().statuses.get(ok.amoId)!.name).toBe('Опт');
    expect(data().statuses.get(system.id)!.name).not.toBe('нельзя');

    const deleted = dataOf(await stack.gql(`mutation ($ids: [Int!]!) { deleteCustomerStatuses(amoIds: $ids) { succeededCount failedCount } }`, { ids: [ok.amoId, system.id] })) as any;
    expect(deleted.deleteCustomerStatuses).toEqual({ succeededCount: 1, failedCount: 1 });
    expect(data().statuses.has(ok.amoId)).toBe(false);
    expect(data().statuses.has(system.id)).toBe(true);
  });

  it('switches the mode (admin only), shows segments, and explains a switched-off mode', async () => {
    try {
      const set = dataOf(await stack.gql(`mutation { setCustomersMode(mode: SEGMENTS, isEnabled: true) { mode isEnabled } }`)) as any;
      expect(set.setCustomersMode).toEqual({ mode: 'SEGMENTS', isEnabled: true });
      expect(store().account.customers_mode).toBe('segments');
      const read = dataOf(await stack.gql(`{ customersMode customerSegments { amoId name customersCount } }`)) as any;
      expect(read.customersMode).toBe('SEGMENTS');
      expect(read.customerSegments.map((s: any) => s.amoId)).toEqual(data().segments.values().map((s) => s.id));

      await stack.gql(`mutation { setCustomersMode(mode: SEGMENTS, isEnabled: false) { isEnabled } }`);
      expect(store().account.customers_mode).toBe('disabled');
      const before = snapshot();
      const off = await stack.gql(`{ customers(first: 5) { nodes { amoId } } }`);
      expect(off.errors?.[0]?.extensions?.code).toBe('CUSTOMERS_DISABLED');
      expect(off.errors?.[0]?.message).toMatch(/setCustomersMode/);
      const write = await stack.gql(`mutation { createCustomers(input: [{ name: "x" }]) { succeededCount } }`);
      expect(write.errors?.[0]?.extensions?.code).toBe('CUSTOMERS_DISABLED');
      expect(snapshot()).toBe(before);

      store().account.current_user_id = USER_IDS.manager1;
      const refused = await stack.gql(`mutation { setCustomersMode(mode: PERIODICITY, isEnabled: true) { isEnabled } }`);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(store().account.customers_mode).toBe('disabled');
    } finally {
      store().account.current_user_id = USER_IDS.admin;
      store().account.customers_mode = 'periodicity';
    }
  });

  it('reads 100 customers with contacts, company, status and purchases in a handful of upstream calls', async () => {
    const template = data().rows.get(FIRST_CUSTOMER_ID + 1)!;
    const contacts = store().contacts.values().filter((contact) => !contact.is_deleted);
    while (data().rows.size < 100) {
      const id = data().rows.nextId();
      data().rows.put({ ...template, id, name: `Массовый ${id}`, contact_ids: [contacts[id % contacts.length]!.id], segment_ids: [] });
    }
    stack.resetLog();
    const result = dataOf(
      await stack.gql(`{ customers(first: 100) { nodes { amoId contacts { name } company { name } status { name } transactions { price } } } }`),
    ) as any;
    const nodes = result.customers.nodes;
    expect(nodes).toHaveLength(100);
    const expectedIds = data().rows.values().slice(0, 100).map((row) => row.id);
    expect(nodes.map((n: any) => n.amoId)).toEqual(expectedIds);
    expect(nodes.every((n: any) => n.contacts.length > 0 && n.contacts.every((c: any) => typeof c.name === 'string'))).toBe(true);
    const calls = stack.upstreamCalls().map((call) => call.path);
    expect(calls.sort()).toEqual(['/api/v4/companies', '/api/v4/contacts', '/api/v4/customers', '/api/v4/customers/statuses', '/api/v4/customers/transactions']);
  });

  it("reads contacts' customers batched: one with=customers read and one customer read for many contacts", async () => {
    const linked = [...new Set(data().rows.values().flatMap((row) => row.contact_ids))].slice(0, 60);
    stack.resetLog();
    const result = dataOf(
      await stack.gql(`query ($ids: [Int!]) { contacts(first: 100, filter: { amoIds: $ids }) { nodes { amoId customers { amoId name } } } }`, { ids: linked }),
    ) as any;
    for (const node of result.contacts.nodes) {
      const expected = data().rows.values().filter((row) => row.contact_ids.includes(node.amoId)).map((row) => row.id);
      expect(node.customers.map((c: any) => c.amoId)).toEqual(expected);
    }
    expect(result.contacts.nodes).toHaveLength(linked.length);
    const calls = stack.upstreamCalls();
    expect(calls.map((call) => call.path).sort()).toEqual(['/api/v4/contacts', '/api/v4/contacts', '/api/v4/customers']);
    expect(calls.filter((call) => call.query.some(([key, value]) => key === 'with' && value.includes('customers')))).toHaveLength(1);
  });
});
