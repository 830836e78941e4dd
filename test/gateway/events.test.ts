// Events (the audit log) end to end: the connection over amoCRM's 100-a-page list, its filters,
// the entities and users of 100 events resolved in a handful of calls, writes showing up as typed
// events, each entity's own events batched, one event by id, and the event types.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_IDS, WON_STATUS_ID } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const callsTo = (path: string) => stack.upstreamCalls().filter((call) => call.path === path);

const EVENTS = /* GraphQL */ `
  query ($first: Int, $after: String, $filter: EventFilter) {
    events(first: $first, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id type entityType entityAmoId createdAt
        createdBy { amoId name }
        entity {
          __typename
          ... on Lead { amoId name }
          ... on Contact { amoId name }
          ... on Company { amoId name }
          ... on Task { amoId text }
        }
        valueBefore { __typename ... on EventLeadStatusValue { statusAmoId status { amoId name } pipeline { amoId } } }
        valueAfter { __typename ... on EventLeadStatusValue { statusAmoId status { amoId name } pipeline { amoId } } }
      }
    }
  }
`;

describe('events', () => {
  it('answers 100 events with their entities, users, stages and pipelines in a handful of upstream calls', async () => {
    stack.resetLog();
    const { events } = dataOf<any>(await stack.gql(EVENTS, { first: 100 }));
    expect(events.nodes).toHaveLength(100);
    const expected = stack.sandbox.store.events.values().slice(0, 100);
    expect(events.nodes.map((node: any) => node.id)).toEqual(expected.map((event) => event.id));
    for (const node of events.nodes) {
      expect(node.entity, `${node.entityType} ${node.entityAmoId}`).not.toBeNull();
      expect(node.entity.amoId).toBe(node.entityAmoId);
    }
    expect(new Set(events.nodes.map((node: any) => node.entity.__typename)).size).toBeGreaterThan(1);
    expect(events.nodes.some((node: any) => node.valueAfter[0]?.status?.name)).toBe(true);
    // One events call, one batched read per entity type, users and pipelines from the metadata cache.
    expect(callsTo('/api/v4/events')).toHaveLength(1);
    for (const path of ['/api/v4/leads', '/api/v4/contacts', '/api/v4/companies']) expect(callsTo(path).length).toBeLessThanOrEqual(1);
    expect(stack.upstreamCalls().length).toBeLessThanOrEqual(6);
  });

  it('pages 250 events as three upstream pages of 100, and continues from the cursor', async () => {
    stack.resetLog();
    const first = dataOf<any>(await stack.gql(`query { events(first: 250) { pageInfo { hasNextPage endCursor } nodes { id } } }`)).events;
    expect(first.nodes).toHaveLength(250);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const asked = callsTo('/api/v4/events').map((call) => Object.fromEntries(call.query));
    expect(asked.map((query) => [query.page, query.limit])).toEqual([['1', '100'], ['2', '100'], ['3', '100']]);
    const next = dataOf<any>(await stack.gql(`query ($after: String) { events(first: 30, after: $after) { nodes { id } } }`, { after: first.pageInfo.endCursor })).events;
    const all = stack.sandbox.store.events.values();
    expect(first.nodes.map((node: any) => node.id)).toEqual(all.slice(0, 250).map((event) => event.id));
    expect(next.nodes.map((node: any) => node.id)).toEqual(all.slice(250, 280).map((event) => event.id));
  });

  it('filters by entity, type, author and the stage moved into, sending amoCRM comma strings', async () => {
    const lead = stack.sandbox.store.leads.values().find((row) => !row.is_deleted && row.status_id === WON_STATUS_ID)!;
    stack.resetLog();
    const { events } = dataOf<any>(
      await stack.gql(EVENTS, {
        first: 10,
        filter: {
          entityTypes: ['LEAD'],
          entityAmoIds: [lead.id],
          types: ['lead_added', 'lead_status_changed'],
          valueAfter: { leadStatuses: [{ pipelineAmoId: lead.pipeline_id, statusAmoId: WON_STATUS_ID }] },
        },
      }),
    );
    expect(events.nodes).toHaveLength(1);
    expect(events.nodes[0]).toMatchObject({ type: 'lead_status_changed', entityAmoId: lead.id, valueAfter: [{ statusAmoId: WON_STATUS_ID }] });
    const query = Object.fromEntries(callsTo('/api/v4/events')[0]!.query);
    expect(query['filter[type]']).toBe('lead_added,lead_status_changed');
    expect(query['filter[entity]']).toBe('lead');
  });

  it('refuses entity ids without exactly one entity type, and too many types, before calling amoCRM', async () => {
    stack.resetLog();
    const noType = await stack.gql(EVENTS, { first: 5, filter: { entityAmoIds: [1] } });
    expect(noType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(noType.errors?.[0]?.message).toContain('exactly one');
    const many = await stack.gql(EVENTS, { first: 5, filter: { types: Array.from({ length: 11 }, (_, i) => `t${i}`) } });
    expect(many.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(callsTo('/api/v4/events')).toHaveLength(0);
  });

  it('shows a stage change made through the gateway as a typed event by the token user', async () => {
    const lead = stack.sandbox.store.leads.values().find((row) => !row.is_deleted && row.status_id !== WON_STATUS_ID && row.status_id !== 143)!;
    const before = lead.status_id;
    const update = await stack.gql(`mutation ($input: [UpdateLeadInput!]!) { updateLeads(input: $input) { succeededCount } }`, {
      input: [{ amoId: lead.id, pipelineId: lead.pipeline_id, statusId: WON_STATUS_ID }],
    });
    expect(dataOf<any>(update).updateLeads.succeededCount).toBe(1);
    const { lead: read } = dataOf<any>(
      await stack.gql(
        `query ($id: Int!) { lead(amoId: $id) { events { type createdBy { amoId } valueBefore { ... on EventLeadStatusValue { statusAmoId } } valueAfter { ... on EventLeadStatusValue { statusAmoId } } } } }`,
        { id: lead.id },
      ),
    );
    expect(read.events[0]).toEqual({ type: 'lead_status_changed', createdBy: { amoId: USER_IDS.admin }, valueBefore: [{ statusAmoId: before }], valueAfter: [{ statusAmoId: WON_STATUS_ID }] });
  });

  it("reads the events of 50 leads, 50 contacts and 50 companies with one events call per type", async () => {
    stack.resetLog();
    const data = dataOf<any>(
      await stack.gql(`query {
        leads(first: 50) { nodes { amoId events { type entityAmoId } } }
        contacts(first: 50) { nodes { amoId events { type entityAmoId } } }
        companies(first: 50) { nodes { amoId events { type entityAmoId } } }
      }`),
    );
    for (const list of [data.leads, data.contacts, data.companies]) {
      expect(list.nodes.some((node: any) => node.events.length > 0)).toBe(true);
      for (const node of list.nodes) for (const event of node.events) expect(event.entityAmoId).toBe(node.amoId);
    }
    const entities = callsTo('/api/v4/events').map((call) => Object.fromEntries(call.query)['filter[entity]']);
    expect(entities.sort()).toEqual(['company', 'contact', 'lead']);
  });

  it('reads one event by its string id, and null for an unknown one', async () => {
    const known = stack.sandbox.store.events.values()[5]!;
    const { a, b } = dataOf<any>(
      await stack.gql(`query ($a: ID!, $b: ID!) { a: event(id: $a) { id type entityAmoId } b: event(id: $b) { id } }`, { a: known.id, b: '0000000000000000000000000z' }),
    );
    expect(a).toEqual({ id: known.id, type: known.type, entityAmoId: known.entity_id });
    expect(b).toBeNull();
    const bad = await stack.gql(`query { event(id: "../leads") { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists event types in the asked language', async () => {
    const { en, pt } = dataOf<any>(await stack.gql(`query { en: eventTypes(language: EN) { key name } pt: eventTypes(language: PT) { key name } }`));
    expect(en).toContainEqual({ key: 'lead_status_changed', name: 'Lead stage changed' });
    expect(pt).toContainEqual({ key: 'lead_added', name: 'Novo lead' });
  });
});
