// Customer tags, segment writes and customers in linkEntities end to end, each checked against the
// sandbox's state and the upstream call count: 100 customers with their tags cost one customers
// read, tags written by id or name land in the customers' own dictionary, segment writes answer per
// item, and a switched-off mode says why.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_CUSTOMER_ID } from '../../src/sandbox/customers/records.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';
import { inCustomersMode } from '../helpers/sandbox-state.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;
const data = () => store().customers;
const snapshot = () => JSON.stringify({ tags: store().tags.customers.values(), ...Object.fromEntries(Object.entries(data()).map(([key, table]) => [key, table.values()])) });
const calls = () => stack.upstreamCalls().map((call) => `${call.method} ${call.path}`);

const inMode = (mode: 'segments' | 'disabled', body: () => Promise<void>) => inCustomersMode(store(), mode, body);

describe('customer tags through the gateway', () => {
  it('reads 100 customers with their tags in one upstream call, and the tag dictionary', async () => {
    const template = data().rows.get(FIRST_CUSTOMER_ID + 1)!;
    const tags = store().tags.customers.values();
    while (data().rows.size < 100) {
      const id = data().rows.nextId();
      data().rows.put({ ...template, id, name: `Массовый ${id}`, tag_ids: [tags[id % tags.length]!.id] });
    }
    stack.resetLog();
    const result = dataOf(await stack.gql(`{ customers(first: 100) { nodes { amoId tags { amoId name } } } }`)) as any;
    const nodes = result.customers.nodes;
    expect(nodes).toHaveLength(100);
    for (const node of nodes) {
      const row = data().rows.get(node.amoId)!;
      expect(node.tags).toEqual(row.tag_ids.map((id) => ({ amoId: id, name: store().tags.customers.get(id)!.name })));
    }
    expect(nodes.some((node: any) => node.tags.length > 0)).toBe(true);
    expect(calls()).toEqual(['GET /api/v4/customers']);

    stack.resetLog();
    const dictionary = dataOf(await stack.gql(`{ customerTags(first: 50) { nodes { amoId name color } } }`)) as any;
    expect(dictionary.customerTags.nodes.map((tag: any) => tag.amoId)).toEqual(tags.map((tag) => tag.id));
    expect(calls()).toEqual(['GET /api/v4/customers/tags']);
  });

  it('writes tags by id and by name on create and update; bad tag input changes nothing', async () => {
    const [a, b] = store().tags.customers.values();
    stack.resetLog();
    const created = dataOf(
      await stack.gql(
        `mutation ($input: [CreateCustomerInput!]!) { createCustomers(input: $input) { results { status amoId customer { tags { amoId name } } } } }`,
        { input: [{ name: 'Тегированный', tags: [{ amoId: a!.id }, { name: 'Гейтвейный' }] }] },
      ),
    ) as any;
    const result = created.createCustomers.results[0];
    expect(result.status).toBe('SUCCEEDED');
    const named = store().tags.customers.values().find((tag) => tag.name === 'Гейтвейный')!;
    expect(data().rows.get(result.amoId)!.tag_ids).toEqual([a!.id, named.id].sort((x, y) => x - y));
    expect(result.customer.tags.map((tag: any) => tag.amoId).sort()).toEqual([a!.id, named.id].sort());
    // The users list is account metadata, read once and cached.
    expect(calls().filter((call) => call !== 'GET /api/v4/users')).toEqual(['POST /api/v4/customers', 'GET /api/v4/customers']);

    await stack.gql(`mutation ($input: [UpdateCustomerInput!]!) { updateCustomers(input: $input) { results { status } } }`, {
      input: [{ amoId: result.amoId, addTags: [{ amoId: b!.id }], removeTags: [{ name: 'Гейтвейный' }] }],
    });
    expect(data().rows.get(result.amoId)!.tag_ids).toEqual([a!.id, b!.id].sort((x, y) => x - y));

    const before = snapshot();
    stack.resetLog();
    const bad = dataOf(
      await stack.gql(`mutation ($input: [UpdateCustomerInput!]!) { updateCustomers(input: $input) { results { status errors { path } } } }`, {
        input: [{ amoId: result.amoId, tags: [{ amoId: 1, name: 'both' }] }],
      }),
    ) as any;
    expect(bad.updateCustomers.results[0]).toEqual({ status: 'FAILED', errors: [{ path: ['tags', '0'] }] });
    expect(calls()).toEqual([]);
    expect(snapshot()).toBe(before);
  });
});

describe('customer segment writes through the gateway', () => {
  it('creates, updates and deletes segments per item in the segments mode', async () => {
    await inMode('segments', async () => {
      stack.resetLog();
      const created = dataOf(
        await stack.gql(
          `mutation ($input: [CreateCustomerSegmentInput!]!) { createCustomerSegments(input: $input) { succeededCount results { status amoId errors { path } customerSegment { name color } } } }`,
          { input: [{ name: 'VIP', color: '#FFCE5A' }, { name: ' ' }, { name: 'x', color: 'red' }] },
        ),
      ) as any;
      const results = created.createCustomerSegments.results;
      expect(results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED', 'FAILED']);
      expect(results[1].errors[0].path).toEqual(['name']);
      expect(results[2].errors[0].path).toEqual(['color']);
      expect(results[0].customerSegment).toEqual({ name: 'VIP', color: 'ffce5a' });
      const id = results[0].amoId;
      expect(data().segments.get(id)).toMatchObject({ name: 'VIP', color: 'ffce5a' });
      expect(calls()).toEqual(['POST /api/v4/customers/segments']);

      const updated = dataOf(
        await stack.gql(`mutation ($input: [UpdateCustomerSegmentInput!]!) { updateCustomerSegments(input: $input) { results { status errors { message } customerSegment { name } } } }`, {
          input: [{ amoId: id, name: 'Очень важные' }, { amoId: id }, { amoId: 99, name: 'нет такого' }],
        }),
      ) as any;
      expect(updated.updateCustomerSegments.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED', 'FAILED']);
      expect(updated.updateCustomerSegments.results[0].customerSegment.name).toBe('Очень важные');
      expect(data().segments.get(id)!.name).toBe('Очень важные');

      stack.resetLog();
      const listed = dataOf(await stack.gql(`mutation ($ids: [Int!]!) { deleteCustomerSegments(amoIds: $ids) { results { status amoId } } }`, { ids: [id, id] })) as any;
      expect(listed.deleteCustomerSegments.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
      expect(data().segments.has(id)).toBe(false);
      // The repeat fails before anything is sent: one DELETE.
      expect(calls()).toEqual([`DELETE /api/v4/customers/segments/${id}`]);
    });
  });

  it('says why outside the segments mode, and writes nothing', async () => {
    const before = snapshot();
    const refused = await stack.gql(`mutation { createCustomerSegments(input: [{ name: "x" }]) { succeededCount } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CUSTOMERS_DISABLED');
    expect(snapshot()).toBe(before);
  });
});

describe('customers in linkEntities through the gateway', () => {
  const LINK = `mutation ($input: [EntityLinkInput!]!) {
    linkEntities(input: $input) { succeededCount results { status errors { path message } from { ... on Customer { amoId contacts { amoId } company { amoId } } } } }
  }`;

  it('links customers to contacts and companies in one call per source type, and the customer reads fresh', async () => {
    const customer = data().rows.values().find((row) => row.contact_ids.length === 1 && row.company_id === null)!;
    const contact = store().contacts.values().filter((row) => !row.is_deleted && !customer.contact_ids.includes(row.id))[3]!;
    const company = store().companies.values().find((row) => !row.is_deleted)!;
    // The customer is read first, so the link must make the request read it again.
    await stack.gql(`query ($id: Int!) { customer(amoId: $id) { contacts { amoId } } }`, { id: customer.id });
    stack.resetLog();
    const result = dataOf(
      await stack.gql(LINK, {
        input: [
          { from: { entity: 'CUSTOMERS', amoId: customer.id }, to: { entity: 'CONTACTS', amoId: contact.id }, isMain: true },
          // Either way round: sent from the customer's side.
          { from: { entity: 'COMPANIES', amoId: company.id }, to: { entity: 'CUSTOMERS', amoId: customer.id } },
          { from: { entity: 'CUSTOMERS', amoId: customer.id }, to: { entity: 'LEADS', amoId: 1 } },
        ],
      }),
    ) as any;
    const results = result.linkEntities.results;
    expect(results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'FAILED']);
    expect(results[2].errors[0].path).toEqual(['to', 'entity']);
    expect(data().rows.get(customer.id)).toMatchObject({ contact_ids: [contact.id, ...customer.contact_ids.filter((id) => id !== contact.id)], company_id: company.id });
    expect(results[0].from).toEqual({ amoId: customer.id, contacts: data().rows.get(customer.id)!.contact_ids.map((id) => ({ amoId: id })), company: { amoId: company.id } });
    const writes = stack.upstreamCalls().filter((call) => call.method !== 'GET').map((call) => `${call.method} ${call.path}`);
    expect(writes).toEqual(['POST /api/v4/customers/link']);

    stack.resetLog();
    const unlinked = dataOf(
      await stack.gql(`mutation ($input: [EntityLinkInput!]!) { unlinkEntities(input: $input) { succeededCount } }`, {
        input: [
          { from: { entity: 'CUSTOMERS', amoId: customer.id }, to: { entity: 'CONTACTS', amoId: contact.id } },
          { from: { entity: 'CUSTOMERS', amoId: customer.id }, to: { entity: 'COMPANIES', amoId: company.id } },
        ],
      }),
    ) as any;
    expect(unlinked.unlinkEntities.succeededCount).toBe(2);
    expect(data().rows.get(customer.id)).toMatchObject({ contact_ids: customer.contact_ids.filter((id) => id !== contact.id), company_id: null });
    expect(stack.upstreamCalls().map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/v4/customers/unlink']);
  });

  it('answers a customer link per item with the reason while the mode is off, and links nothing', async () => {
    const customer = data().rows.values()[0]!;
    const contact = store().contacts.values().filter((row) => !row.is_deleted && !customer.contact_ids.includes(row.id))[0]!;
    const before = snapshot();
    await inMode('disabled', async () => {
      const result = dataOf(
        await stack.gql(LINK, { input: [{ from: { entity: 'CUSTOMERS', amoId: customer.id }, to: { entity: 'CONTACTS', amoId: contact.id } }] }),
      ) as any;
      expect(result.linkEntities.results[0].status).toBe('FAILED');
      expect(result.linkEntities.results[0].errors[0].message).toMatch(/Customers are disabled/);
    });
    expect(snapshot()).toBe(before);
  });
});
