// Relay object identification: every Node type round-trips through node(id) and nodes(ids),
// nodes(ids) batches per type, unknown and deleted objects are null without errors, and malformed
// ids are refused as bad input before anything reaches amoCRM.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

const NODE_FIELDS = /* GraphQL */ `
  fragment NodeFields on Node {
    __typename
    id
    ... on Lead { amoId name }
    ... on Contact { amoId name }
    ... on Company { amoId name }
    ... on User { amoId name }
    ... on Pipeline { amoId name }
    ... on Status { amoId name pipeline { amoId } }
    ... on CustomFieldDefinition { amoId name entityType }
    ... on LossReason { amoId name }
  }
`;

const NODE = /* GraphQL */ `
  query Node($id: ID!) { node(id: $id) { ...NodeFields } }
  ${NODE_FIELDS}
`;

const NODES = /* GraphQL */ `
  query Nodes($ids: [ID!]!) { nodes(ids: $ids) { ...NodeFields } }
  ${NODE_FIELDS}
`;

/**
 * A global id as the gateway encodes it (Relay's base64 of `Type:key`). The first test pins this
 * against ids the gateway hands out, so the ids forged below are known to be well-formed.
 */
const globalId = (typename: string, key: string | number) => Buffer.from(`${typename}:${key}`).toString('base64');

/** Where each Node type's ids come from: a list the schema offers, and the key inside its id. */
const SOURCES = [
  { typename: 'Lead', query: `{ list: leads(first: 5) { nodes { ...NodeFields } } }`, key: (node: any) => node.amoId },
  { typename: 'Contact', query: `{ list: contacts(first: 5) { nodes { ...NodeFields } } }`, key: (node: any) => node.amoId },
  { typename: 'Company', query: `{ list: companies(first: 5) { nodes { ...NodeFields } } }`, key: (node: any) => node.amoId },
  { typename: 'User', query: `{ list: users(first: 250) { nodes { ...NodeFields } } }`, key: (node: any) => node.amoId },
  { typename: 'Pipeline', query: `{ list: pipelines { ...NodeFields } }`, key: (node: any) => node.amoId },
  {
    typename: 'Status',
    query: `{ list: pipelines { statuses { ...NodeFields } } }`,
    key: (node: any) => `${node.pipeline.amoId}:${node.amoId}`,
  },
  {
    typename: 'CustomFieldDefinition',
    query: `{ leads: customFieldDefinitions(entity: LEADS) { ...NodeFields } contacts: customFieldDefinitions(entity: CONTACTS) { ...NodeFields } }`,
    key: (node: any) => `${node.entityType.toLowerCase()}:${node.amoId}`,
  },
  { typename: 'LossReason', query: `{ list: lossReasons { ...NodeFields } }`, key: (node: any) => node.amoId },
] as const;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

async function listOf(source: (typeof SOURCES)[number]): Promise<any[]> {
  const data: any = dataOf(await stack.gql(`${source.query} ${NODE_FIELDS}`));
  if (source.typename === 'Status') return data.list.flatMap((pipeline: any) => pipeline.statuses);
  if (source.typename === 'CustomFieldDefinition') return [...data.leads, ...data.contacts];
  return Array.isArray(data.list) ? data.list : data.list.nodes;
}

const store = () => stack.sandbox.store;
const liveLeads = () => store().leads.values().filter((lead) => !lead.is_deleted);
const liveContacts = () => store().contacts.values().filter((contact) => !contact.is_deleted);

/** The upstream paths called since the last reset, sorted. */
const calledPaths = () => stack.upstreamCalls().map((call) => call.path).sort();


function expectBadUserInput(response: GraphQLResponse<any>, field: string) {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(response.errors![0]!.path).toEqual([field]);
}

describe('node(id) round trips', () => {
  const bySource = SOURCES.map((source) => [source.typename, source] as const);

  it.each(bySource)('encodes %s ids as base64 of "Type:key" and keeps them opaque', async (_typename, source) => {
    const nodes = await listOf(source);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.__typename).toBe(source.typename);
      expect(node.id).toBe(globalId(source.typename, source.key(node)));
      expect(node.id).not.toBe(String(node.amoId));
    }
  });

  it.each(bySource)('fetches a %s by the id a list gave, as the same object', async (_typename, source) => {
    const listed = await listOf(source);
    for (const item of [listed[0], listed.at(-1)]) {
      const { node } = dataOf(await stack.gql(NODE, { id: item.id }));
      expect(node).toEqual(item);
    }
    const { nodes } = dataOf(await stack.gql(NODES, { ids: listed.map((item) => item.id) }));
    expect(nodes).toEqual(listed);
  });

  it('answers the objects the sandbox holds for those ids', async () => {
    const [lead, contact, company] = [liveLeads()[7]!, liveContacts()[7]!, store().companies.values().find((c) => !c.is_deleted)!];
    const ids = [globalId('Lead', lead.id), globalId('Contact', contact.id), globalId('Company', company.id)];
    const { nodes } = dataOf(await stack.gql(NODES, { ids }));
    expect(nodes.map((node: any) => [node.__typename, node.amoId, node.name])).toEqual([
      ['Lead', lead.id, lead.name],
      ['Contact', contact.id, contact.name],
      ['Company', company.id, company.name],
    ]);
  });
});

describe('nodes(ids)', () => {
  it('costs one leads call and one contacts call for 3 lead ids and 3 contact ids', async () => {
    const leads = liveLeads().slice(10, 13);
    const contacts = liveContacts().slice(10, 13);
    const ids = leads.flatMap((lead, index) => [globalId('Lead', lead.id), globalId('Contact', contacts[index]!.id)]);

    stack.resetLog();
    const { nodes } = dataOf(await stack.gql(NODES, { ids }));

    expect(nodes.map((node: any) => [node.__typename, node.amoId])).toEqual(
      leads.flatMap((lead, index) => [['Lead', lead.id], ['Contact', contacts[index]!.id]]),
    );
    expect(calledPaths()).toEqual(['/api/v4/contacts', '/api/v4/leads']);
    expect(stack.idsAskedFor('/api/v4/leads')).toEqual(leads.map((lead) => lead.id));
    expect(stack.idsAskedFor('/api/v4/contacts')).toEqual(contacts.map((contact) => contact.id));
  });

  it('answers a mix of every type in request order, null in place of unknown and deleted ids, one call per upstream resource', async () => {
    const [lead1, lead2] = liveLeads().slice(20, 22);
    const deletedLead = store().leads.values().find((lead) => lead.is_deleted)!;
    const contact = liveContacts()[20]!;
    const company = store().companies.values().find((row) => !row.is_deleted)!;
    const user = store().users.values()[0]!;
    const pipeline = store().pipelines.values()[1]!;
    const status = pipeline.statuses[2]!;
    const field = store().customFields.companies.values()[0]!;
    const reason = store().lossReasons.values()[0]!;
    expect(deletedLead).toBeDefined();

    const request: [id: string, expected: [string, number] | null][] = [
      [globalId('Lead', lead1!.id), ['Lead', lead1!.id]],
      [globalId('User', user.id), ['User', user.id]],
      [globalId('Contact', contact.id), ['Contact', contact.id]],
      [globalId('Lead', 99_999_999), null],
      [globalId('Status', `${pipeline.id}:${status.id}`), ['Status', status.id]],
      [globalId('Company', company.id), ['Company', company.id]],
      [globalId('Lead', deletedLead.id), null],
      [globalId('CustomFieldDefinition', `companies:${field.id}`), ['CustomFieldDefinition', field.id]],
      [globalId('Pipeline', pipeline.id), ['Pipeline', pipeline.id]],
      [globalId('LossReason', reason.id), ['LossReason', reason.id]],
      [globalId('Lead', lead2!.id), ['Lead', lead2!.id]],
      [globalId('Lead', lead1!.id), ['Lead', lead1!.id]],
    ];

    stack.gateway.account.metadata.invalidate();
    stack.resetLog();
    const response = await stack.gql(NODES, { ids: request.map(([id]) => id) });

    expect(response.errors).toBeUndefined();
    expect(response.data!.nodes.map((node: any) => (node ? [node.__typename, node.amoId] : null))).toEqual(
      request.map(([, expected]) => expected),
    );
    // Pipelines and statuses share one metadata call; entities one filter[id][] call per type.
    expect(calledPaths()).toEqual([
      '/api/v4/companies',
      '/api/v4/companies/custom_fields',
      '/api/v4/contacts',
      '/api/v4/leads',
      '/api/v4/leads/loss_reasons',
      '/api/v4/leads/pipelines',
      '/api/v4/users',
    ]);
    expect(stack.idsAskedFor('/api/v4/leads')).toEqual([lead1!.id, lead2!.id, deletedLead.id, 99_999_999].sort((a, b) => a - b));
  });

  it('splits more than 250 ids of one type into upstream calls of at most 250 ids, answering in order', async () => {
    const leads = liveLeads();
    expect(leads.length).toBeGreaterThan(250);
    const ids = [...leads].reverse().map((lead) => globalId('Lead', lead.id));

    stack.resetLog();
    const { nodes } = dataOf(await stack.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Lead { amoId } } }`, { ids }));

    expect(nodes.map((node: any) => node.amoId)).toEqual([...leads].reverse().map((lead) => lead.id));
    const calls = stack.upstreamCalls();
    expect(calls.map((call) => call.path)).toEqual(['/api/v4/leads', '/api/v4/leads']);
    for (const call of calls) expect(call.query.filter(([key]) => key === 'filter[id][]').length).toBeLessThanOrEqual(250);
    expect(stack.idsAskedFor('/api/v4/leads')).toEqual(leads.map((lead) => lead.id));
  });

  it('answers an empty list without calling amoCRM', async () => {
    stack.resetLog();
    expect(dataOf(await stack.gql(NODES, { ids: [] }))).toEqual({ nodes: [] });
    expect(stack.upstreamCalls()).toEqual([]);
  });
});

describe('unknown and deleted objects', () => {
  const unknownIds = [
    ['Lead', 99_999_999],
    ['Contact', 99_999_999],
    ['Company', 99_999_999],
    ['User', 1],
    ['Pipeline', 1],
    ['Status', '3000001:999'],
    ['Status', '1:142'],
    ['CustomFieldDefinition', 'leads:999'],
    ['CustomFieldDefinition', `contacts:551001`],
    ['LossReason', 1],
  ] as const;

  it.each(unknownIds)('gives null without errors for a well-formed %s id that names nothing (%s)', async (typename, key) => {
    const response = await stack.gql(NODE, { id: globalId(typename, key) });
    expect(response).toEqual({ data: { node: null } });
  });

  it('gives null in place, without errors, for every unknown id in nodes(ids)', async () => {
    const response = await stack.gql(NODES, { ids: unknownIds.map(([typename, key]) => globalId(typename, key)) });
    expect(response).toEqual({ data: { nodes: unknownIds.map(() => null) } });
  });

  it("gives null without errors for a status paired with a pipeline it does not belong to", async () => {
    const [first, second] = store().pipelines.values();
    const foreign = second!.statuses.find((status) => status.id !== 142 && status.id !== 143)!;
    expect(first!.statuses.some((status) => status.id === foreign.id)).toBe(false);
    const own = dataOf(await stack.gql(NODE, { id: globalId('Status', `${second!.id}:${foreign.id}`) })).node;
    expect(own).toMatchObject({ __typename: 'Status', amoId: foreign.id, pipeline: { amoId: second!.id } });
    expect(await stack.gql(NODE, { id: globalId('Status', `${first!.id}:${foreign.id}`) })).toEqual({ data: { node: null } });
  });

  it('gives null without errors for entities the sandbox seeded as deleted', async () => {
    const deleted = [
      ...store().leads.values().filter((row) => row.is_deleted).map((row) => globalId('Lead', row.id)),
      ...store().contacts.values().filter((row) => row.is_deleted).map((row) => globalId('Contact', row.id)),
      ...store().companies.values().filter((row) => row.is_deleted).map((row) => globalId('Company', row.id)),
    ];
    expect(deleted.length).toBeGreaterThanOrEqual(3);
    const response = await stack.gql(NODES, { ids: deleted });
    expect(response).toEqual({ data: { nodes: deleted.map(() => null) } });
  });

  it('gives null without errors once a lead is marked deleted, and the lead again once restored', async () => {
    const lead = liveLeads()[30]!;
    const id = globalId('Lead', lead.id);
    expect(dataOf(await stack.gql(NODE, { id })).node).toMatchObject({ amoId: lead.id });
    lead.is_deleted = true;
    try {
      expect(await stack.gql(NODE, { id })).toEqual({ data: { node: null } });
      expect(await stack.gql(`{ lead(amoId: ${lead.id}) { amoId } }`)).toEqual({ data: { lead: null } });
    } finally {
      lead.is_deleted = false;
    }
    expect(dataOf(await stack.gql(NODE, { id })).node).toMatchObject({ amoId: lead.id });
  });

  it('gives null without errors once a contact row is removed from the sandbox', async () => {
    // A contact with no links, so putting the row back restores the account exactly.
    const contact = liveContacts().find(
      (row) =>
        store().links.linked({ type: 'contacts', id: row.id }, 'leads').length === 0 &&
        store().links.linked({ type: 'contacts', id: row.id }, 'companies').length === 0,
    )!;
    expect(contact).toBeDefined();
    const id = globalId('Contact', contact.id);
    store().contacts.delete(contact.id);
    try {
      expect(await stack.gql(NODE, { id })).toEqual({ data: { node: null } });
      expect(await stack.gql(`{ contact(amoId: ${contact.id}) { amoId } }`)).toEqual({ data: { contact: null } });
    } finally {
      store().contacts.put(contact);
    }
  });
});

describe('malformed ids', () => {
  const malformed: [reason: string, id: string][] = [
    ['not base64', '!!!'],
    ['base64 without a type separator', Buffer.from('Lead20000001').toString('base64')],
    ['an empty key', globalId('Lead', '')],
    ['a non-numeric amoId', globalId('Lead', 'abc')],
    ['a negative amoId', globalId('Lead', -1)],
    ['a zero amoId', globalId('Contact', 0)],
    ['a fractional amoId', globalId('Company', '1.5')],
    ['a key with an extra part', globalId('Lead', '20000001:5')],
    ['a status id without its pipeline', globalId('Status', 142)],
    ['a custom field id of an unknown entity type', globalId('CustomFieldDefinition', 'deals:1')],
    ['a type that is not a Node', globalId('Tag', 1)],
    ['the root type', globalId('Query', 1)],
    // Number() would take these, minting a second global id for the same lead.
    ['a hexadecimal amoId', globalId('Lead', '0x1312D01')],
    ['an amoId with a decimal fraction of zero', globalId('Lead', '20000001.0')],
    ['an amoId in exponent notation', globalId('Lead', '2e7')],
    ['an amoId with leading whitespace', globalId('Lead', ' 20000001')],
    ['an unknown type name', globalId('Deal', 1)],
    ['an interface name', globalId('Node', 1)],
  ];

  async function expectRefusedBeforeUpstream(id: string) {
    stack.resetLog();
    const single = await stack.gql(NODE, { id });
    expectBadUserInput(single, 'node');
    expect(single.data).toEqual({ node: null });

    const alone = await stack.gql(NODES, { ids: [id] });
    expectBadUserInput(alone, 'nodes');
    expect(stack.upstreamCalls()).toEqual([]);
  }

  it.each(malformed)('refuses %s as BAD_USER_INPUT without calling amoCRM', async (_reason, id) => {
    await expectRefusedBeforeUpstream(id);
  });

  /** Refused lists answer before stray loads would land; give those a moment to show in the log. */
  async function expectListRefusedBeforeUpstream(id: string) {
    stack.resetLog();
    const ids = [globalId('Lead', liveLeads()[0]!.id), id, globalId('Contact', liveContacts()[0]!.id)];
    const response = await stack.gql(NODES, { ids });
    expectBadUserInput(response, 'nodes');
    expect(response.data).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stack.upstreamCalls()).toEqual([]);
  }

  it.each(malformed)('refuses a whole nodes(ids) list holding %s without fetching its valid ids', async (_reason, id) => {
    await expectListRefusedBeforeUpstream(id);
  });
});

describe('root look-ups by amoId', () => {
  it.each([
    ['lead', 99_999_999],
    ['contact', 99_999_999],
    ['company', 99_999_999],
    ['user', 1],
    ['pipeline', 1],
  ])('gives null without errors from %s(amoId: %i) when nothing has that id', async (field, amoId) => {
    const response = await stack.gql(`{ found: ${field}(amoId: ${amoId}) { id amoId } }`);
    expect(response).toEqual({ data: { found: null } });
  });

  it.each(['lead', 'contact', 'company', 'user', 'pipeline'])('gives null from %s(amoId:) for 0 and negative ids without calling amoCRM', async (field) => {
    stack.resetLog();
    const response = await stack.gql(`{ zero: ${field}(amoId: 0) { id } negative: ${field}(amoId: -7) { id } }`);
    expect(response).toEqual({ data: { zero: null, negative: null } });
    expect(stack.upstreamCalls()).toEqual([]);
  });

  it('gives null from status(pipelineId, statusId) for a pair that does not exist', async () => {
    const pipeline = store().pipelines.values()[0]!;
    const response = await stack.gql(`{ a: status(pipelineId: ${pipeline.id}, statusId: 999) { id } b: status(pipelineId: 1, statusId: 142) { id } }`);
    expect(response).toEqual({ data: { a: null, b: null } });
  });

  it('answers the same node from lead(amoId:) and node(id:)', async () => {
    const lead = liveLeads()[40]!;
    const byAmoId = dataOf(await stack.gql(`{ lead(amoId: ${lead.id}) { ...NodeFields } } ${NODE_FIELDS}`)).lead;
    const byId = dataOf(await stack.gql(NODE, { id: byAmoId.id })).node;
    expect(byId).toEqual(byAmoId);
    expect(byId).toMatchObject({ __typename: 'Lead', amoId: lead.id, name: lead.name });
  });
});

describe('statuses', () => {
  const STATUS = /* GraphQL */ `
    query Status($pipelineId: Int!, $statusId: Int!) {
      status(pipelineId: $pipelineId, statusId: $statusId) { id amoId kind pipeline { amoId } }
    }
  `;

  it('round-trips a status global id to the same (pipeline, status) pair', async () => {
    for (const pipeline of store().pipelines.values()) {
      for (const status of pipeline.statuses) {
        const { status: found } = dataOf(await stack.gql(STATUS, { pipelineId: pipeline.id, statusId: status.id }));
        expect(found).toMatchObject({ amoId: status.id, pipeline: { amoId: pipeline.id } });
        const { node } = dataOf(await stack.gql(`query($id: ID!) { node(id: $id) { ... on Status { id amoId kind pipeline { amoId } } } }`, { id: found.id }));
        expect(node).toEqual(found);
      }
    }
  });

  it('makes won (142) and lost (143) of two pipelines four different nodes, each in its own pipeline', async () => {
    const [first, second] = store().pipelines.values();
    const pairs = [
      [first!.id, 142],
      [first!.id, 143],
      [second!.id, 142],
      [second!.id, 143],
    ] as const;
    const found = await Promise.all(
      pairs.map(async ([pipelineId, statusId]) => dataOf(await stack.gql(STATUS, { pipelineId, statusId })).status),
    );
    expect(new Set(found.map((status: any) => status.id)).size).toBe(4);
    expect(found.map((status: any) => [status.pipeline.amoId, status.amoId, status.kind])).toEqual([
      [first!.id, 142, 'WON'],
      [first!.id, 143, 'LOST'],
      [second!.id, 142, 'WON'],
      [second!.id, 143, 'LOST'],
    ]);
    const { nodes } = dataOf(
      await stack.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Status { id amoId kind pipeline { amoId } } } }`, {
        ids: found.map((status: any) => status.id),
      }),
    );
    expect(nodes).toEqual(found);
  });
});
