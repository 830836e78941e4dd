// Filters, search and ordering reach amoCRM as its own filter[...] parameters and come back as
// exactly the matching entities. Expectations are computed from the sandbox's data.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_IDS, LOST_STATUS_ID, PIPELINE_IDS, USER_IDS, WON_STATUS_ID, type LeadRecord } from '../../src/sandbox/index.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

const LEADS = /* GraphQL */ `
  query Leads($first: Int, $after: String, $filter: LeadFilter, $query: String, $orderBy: LeadOrder) {
    leads(first: $first, after: $after, filter: $filter, query: $query, orderBy: $orderBy) {
      nodes { amoId status { amoId pipeline { amoId } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

let stack: Stack;
let leads: LeadRecord[];
beforeAll(async () => {
  stack = await startStack();
  leads = stack.sandbox.store.leads.values().filter((lead) => !lead.is_deleted);
});
afterAll(() => stack.close());

/** Every lead id matching a GraphQL filter, through all pages. */
async function leadIds(variables: Record<string, unknown>): Promise<number[]> {
  const ids: number[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 20; guard++) {
    const data: any = dataOf(await stack.gql(LEADS, { first: 250, after, ...variables }));
    ids.push(...data.leads.nodes.map((node: any) => node.amoId));
    if (!data.leads.pageInfo.hasNextPage) return ids;
    after = data.leads.pageInfo.endCursor;
  }
  throw new Error('paging does not end');
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('lead filters', () => {
  it('filters by amo ids, in both directions of a miss', async () => {
    const wanted = [leads[3]!.id, leads[40]!.id, 99_999_999];
    expect(await leadIds({ filter: { amoIds: wanted } })).toEqual([leads[3]!.id, leads[40]!.id]);
  });

  it('answers an empty id list with no leads and no upstream call', async () => {
    stack.resetLog();
    expect(await leadIds({ filter: { amoIds: [] } })).toEqual([]);
    expect(stack.upstreamCalls()).toEqual([]);
  });

  it('resolves won and lost by (pipeline, status) pairs, never by status id alone', async () => {
    const pairs = [
      { pipelineId: PIPELINE_IDS.sales, statusId: WON_STATUS_ID },
      { pipelineId: PIPELINE_IDS.corporate, statusId: LOST_STATUS_ID },
    ];
    const expected = leads
      .filter((lead) => pairs.some((p) => p.pipelineId === lead.pipeline_id && p.statusId === lead.status_id))
      .map((lead) => lead.id);
    const wonElsewhere = leads.filter((lead) => lead.status_id === WON_STATUS_ID && lead.pipeline_id !== PIPELINE_IDS.sales);
    expect(expected.length).toBeGreaterThan(0);
    expect(wonElsewhere.length).toBeGreaterThan(0);
    expect(await leadIds({ filter: { statuses: pairs } })).toEqual(expected);
  });

  it('filters by pipelines, responsible users and price range together', async () => {
    const users = [USER_IDS.manager1, USER_IDS.manager2];
    const expected = leads
      .filter((lead) => lead.pipeline_id === PIPELINE_IDS.sales)
      .filter((lead) => (users as number[]).includes(lead.responsible_user_id))
      .filter((lead) => lead.price >= 50_000 && lead.price <= 500_000)
      .map((lead) => lead.id);
    expect(expected.length).toBeGreaterThan(0);
    const ids = await leadIds({
      filter: { pipelineIds: [PIPELINE_IDS.sales], responsibleUserIds: users, price: { from: 50_000, to: 500_000 } },
    });
    expect(ids).toEqual(expected);
  });

  it('filters by created and closed time ranges given as DateTime', async () => {
    const sorted = leads.map((lead) => lead.created_at).sort((a, b) => a - b);
    const from = sorted[50]!;
    const to = sorted[150]!;
    const expected = leads.filter((lead) => lead.created_at >= from && lead.created_at <= to).map((lead) => lead.id);
    expect(await leadIds({ filter: { createdAt: { from: iso(from), to: iso(to) } } })).toEqual(expected);

    const closed = leads.filter((lead) => lead.closed_at !== null).map((lead) => lead.closed_at!).sort((a, b) => a - b);
    const since = closed[Math.floor(closed.length / 2)]!;
    const expectedClosed = leads.filter((lead) => lead.closed_at !== null && lead.closed_at >= since).map((lead) => lead.id);
    expect(await leadIds({ filter: { closedAt: { from: iso(since) } } })).toEqual(expectedClosed);
  });

  it('filters by a select custom field value', async () => {
    const fieldId = FIELD_IDS.leads.requestSource;
    const field = stack.sandbox.store.customFields.leads.get(fieldId)!;
    const option = field.enums![0]!;
    const expected = leads
      .filter((lead) => lead.custom_fields_values.some((f) => f.field_id === fieldId && f.values.some((v) => v.enum_id === option.id)))
      .map((lead) => lead.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await leadIds({ filter: { customFields: [{ fieldId, values: [option.value] }] } })).toEqual(expected);
  });

  it('searches with query= and sorts with orderBy', async () => {
    const target = leads[17]!;
    const word = target.name.split(/\s+/).find((part) => part.length > 4)!;
    const found = await leadIds({ query: word });
    expect(found).toContain(target.id);
    expect(found.length).toBeLessThan(leads.length);

    const newestFirst = [...leads].sort((a, b) => b.created_at - a.created_at || b.id - a.id).map((lead) => lead.id);
    const page: any = dataOf(await stack.gql(LEADS, { first: 30, orderBy: { field: 'CREATED_AT', direction: 'DESC' } }));
    expect(page.leads.nodes.map((node: any) => node.amoId)).toEqual(newestFirst.slice(0, 30));
  });

  it('refuses inverted ranges and contradictory custom field filters before calling amoCRM', async () => {
    stack.resetLog();
    const inverted = await stack.gql(LEADS, { filter: { price: { from: 10, to: 1 } } });
    expect(inverted.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inverted.errors?.[0]?.message).toMatch(/price/);
    const both = await stack.gql(LEADS, { filter: { customFields: [{ fieldId: 1, values: ['a'], range: { from: 1 } }] } });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const longSearch = await stack.gql(LEADS, { query: 'x'.repeat(10_000) });
    expect(longSearch.errors?.[0]?.message).toMatch(/"query" may be at most 256 characters/);
    const badDate = await stack.gql(LEADS, { filter: { createdAt: { from: 'yesterday' } } });
    expect(badDate.errors?.[0]?.message).toMatch(/DateTime/);
    expect(stack.upstreamCalls()).toEqual([]);
  });
});

describe('contact and company filters', () => {
  it('finds a contact by the digits of its phone, however it was typed', async () => {
    const store = stack.sandbox.store;
    const contact = store.contacts
      .values()
      .find((c) => !c.is_deleted && c.custom_fields_values.some((f) => f.field_id === FIELD_IDS.contacts.phone))!;
    const phone = String(contact.custom_fields_values.find((f) => f.field_id === FIELD_IDS.contacts.phone)!.values[0]!.value);
    const digits = phone.replace(/\D/g, '').slice(-10);
    const data: any = dataOf(
      await stack.gql(`query($q: String) { contacts(first: 50, query: $q) { nodes { amoId phones } } }`, { q: digits }),
    );
    expect(data.contacts.nodes.map((node: any) => node.amoId)).toContain(contact.id);
  });

  it('filters companies by responsible user and orders them by update time', async () => {
    const store = stack.sandbox.store;
    const companies = store.companies.values().filter((c) => !c.is_deleted && c.responsible_user_id === USER_IDS.corporate1);
    expect(companies.length).toBeGreaterThan(0);
    const expected = [...companies].sort((a, b) => b.updated_at - a.updated_at || b.id - a.id).map((c) => c.id);
    const data: any = dataOf(
      await stack.gql(
        `query($u: [Int!]) { companies(first: 250, filter: { responsibleUserIds: $u }, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { amoId } } }`,
        { u: [USER_IDS.corporate1] },
      ),
    );
    expect(data.companies.nodes.map((node: any) => node.amoId)).toEqual(expected);
  });
});
