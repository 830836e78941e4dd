// The gateway as an Apollo Federation v2 subgraph: composed with a second subgraph by a real
// Apollo Gateway, queries that need `_entities` from both sides answer what the sandbox holds, and
// a federated query costs amoCRM exactly the calls the same query costs directly, because
// `_entities` resolves through the same per-request DataLoaders as `nodes(ids:)`.

import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../../src/sandbox/index.js';
import { dataOf, type GraphQLResponse, startStack, type Stack } from '../helpers/stack.js';

const globalId = (typename: string, amoId: number) => Buffer.from(`${typename}:${amoId}`).toString('base64');

/**
 * A second subgraph that knows leads only by `amoId`: it adds `heat` to Lead (so the router asks
 * it for `_entities`) and offers `hotLeads` (so the router asks the amoCRM subgraph for them).
 */
function heatSubgraph(hotLeadIds: () => number[]) {
  const typeDefs = parse(/* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
    type Lead @key(fields: "amoId") {
      amoId: Int!
      heat: Int!
    }
    type Query {
      hotLeads: [Lead!]!
    }
  `);
  const resolvers = {
    Query: { hotLeads: () => hotLeadIds().map((amoId) => ({ amoId })) },
    Lead: {
      __resolveReference: (lead: { amoId: number }) => lead,
      heat: (lead: { amoId: number }) => lead.amoId % 100,
    },
  };
  return new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers }), plugins: [ApolloServerPluginInlineTraceDisabled()] });
}

/** Upstream calls as comparable strings: method, path and sorted query, in sorted order. */
const callSignatures = (calls: LoggedRequest[]) =>
  calls
    .map((call) => `${call.method} ${call.path}?${call.query.map(([key, value]) => `${key}=${value}`).sort().join('&')}`)
    .sort();

let stack: Stack;
let heatServer: ApolloServer;
let router: ApolloServer;
let routerUrl: string;
let hotLeadIds: number[] = [];

async function viaRouter<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const response = await fetch(routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** The upstream calls one operation makes, with the log cleared before it. */
async function callsOf<T>(send: () => Promise<GraphQLResponse<T>>): Promise<{ data: T; calls: LoggedRequest[] }> {
  stack.resetLog();
  const data = dataOf(await send());
  return { data, calls: stack.upstreamCalls() };
}

beforeAll(async () => {
  stack = await startStack();
  heatServer = heatSubgraph(() => hotLeadIds);
  const { url: heatUrl } = await startStandaloneServer(heatServer, { listen: { port: 0, host: '127.0.0.1' } });
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: [
        { name: 'amocrm', url: `${stack.gateway.url}/graphql` },
        { name: 'heat', url: heatUrl },
      ],
    }),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  router = new ApolloServer({ gateway });
  ({ url: routerUrl } = await startStandaloneServer(router, { listen: { port: 0, host: '127.0.0.1' } }));
});

afterAll(async () => {
  // stop() throws for a server that never started (a failed composition says why on its own).
  await router?.stop().catch(() => {});
  await heatServer?.stop().catch(() => {});
  await stack?.close();
});

const store = () => stack.sandbox.store;
const liveLeads = () => store().leads.values().filter((lead) => !lead.is_deleted);
const contactIdsOf = (leadId: number) =>
  store()
    .links.linked({ type: 'leads', id: leadId }, 'contacts')
    .map((link) => link.id)
    .filter((id) => {
      const contact = store().contacts.get(id);
      return contact !== undefined && !contact.is_deleted;
    })
    .sort((a, b) => a - b);

/** What the sandbox holds for a lead, in the shape the queries below ask for. */
const expectedLead = (amoId: number) => ({ amoId, name: store().leads.get(amoId)!.name, contacts: contactIdsOf(amoId) });
const answeredLead = (lead: any) => ({
  amoId: lead.amoId,
  name: lead.name,
  contacts: lead.contacts.nodes.map((contact: any) => contact.amoId).sort((a: number, b: number) => a - b),
});

describe('federation subgraph', () => {
  const LEADS = /* GraphQL */ `
    query Leads { leads(first: 100) { nodes { amoId name contacts { nodes { amoId name } } } } }
  `;

  it('100 leads with contacts through the router answer what the sandbox holds, at the same upstream calls as directly', async () => {
    // Warm the per-account metadata caches, so neither measured run pays for them alone.
    dataOf(await stack.gql(LEADS));
    const direct = await callsOf(() => stack.gql(LEADS));
    const federated = await callsOf(() => viaRouter(LEADS));

    expect(federated.data).toEqual(direct.data);
    const nodes = (federated.data as any).leads.nodes;
    expect(nodes).toHaveLength(100);
    expect(nodes.map(answeredLead)).toEqual(nodes.map((lead: any) => expectedLead(lead.amoId)));
    expect(nodes.some((lead: any) => lead.contacts.nodes.length > 0)).toBe(true);
    expect(callSignatures(federated.calls)).toEqual(callSignatures(direct.calls));
    // A list of leads and one batch of their contacts, not one call per lead.
    expect(federated.calls.length).toBeLessThanOrEqual(3);
  });

  it('a query needing _entities from both subgraphs answers both sides, batching the amoCRM side like nodes(ids:)', async () => {
    hotLeadIds = liveLeads()
      .slice(0, 100)
      .map((lead) => lead.id);
    const FEDERATED = /* GraphQL */ `
      { hotLeads { amoId heat name contacts { nodes { amoId name } } } }
    `;
    const DIRECT = /* GraphQL */ `
      query Direct($ids: [ID!]!) { nodes(ids: $ids) { ... on Lead { amoId name contacts { nodes { amoId name } } } } }
    `;
    const direct = await callsOf(() => stack.gql(DIRECT, { ids: hotLeadIds.map((id) => globalId('Lead', id)) }));
    const federated = await callsOf(() => viaRouter(FEDERATED));

    const hot = (federated.data as any).hotLeads;
    expect(hot.map((lead: any) => lead.amoId)).toEqual(hotLeadIds);
    expect(hot.map((lead: any) => lead.heat)).toEqual(hotLeadIds.map((id) => id % 100));
    expect(hot.map(answeredLead)).toEqual(hotLeadIds.map(expectedLead));
    expect(callSignatures(federated.calls)).toEqual(callSignatures(direct.calls));
    expect(stack.idsAskedFor('/api/v4/leads')).toEqual([...hotLeadIds].sort((a, b) => a - b));
    expect(federated.calls.filter((call) => call.path === '/api/v4/leads')).toHaveLength(1);

    // The other direction: amoCRM's leads, heat added by the second subgraph through its `_entities`.
    const rated = dataOf(await viaRouter(`{ leads(first: 100) { nodes { amoId heat } } }`)) as any;
    expect(rated.leads.nodes).toHaveLength(100);
    expect(rated.leads.nodes.every((lead: any) => lead.heat === lead.amoId % 100)).toBe(true);
  });

  const ENTITIES = /* GraphQL */ `
    query Entities($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Lead { id amoId name } }
    }
  `;

  const byKey: [string, (amoId: number) => Record<string, unknown>][] = [
    ['id', (amoId) => ({ __typename: 'Lead', id: globalId('Lead', amoId) })],
    ['amoId', (amoId) => ({ __typename: 'Lead', amoId })],
  ];

  it.each(byKey)('_entities for 100 leads by %s costs one batched upstream call, not 100', async (_key, representation) => {
    const ids = liveLeads()
      .slice(100, 200)
      .map((lead) => lead.id);
    const { data, calls } = await callsOf(() => stack.gql(ENTITIES, { representations: ids.map(representation) }));

    expect((data as any)._entities).toEqual(ids.map((id) => ({ id: globalId('Lead', id), amoId: id, name: store().leads.get(id)!.name })));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.path).toBe('/api/v4/leads');
    expect(stack.idsAskedFor('/api/v4/leads')).toEqual([...ids].sort((a, b) => a - b));
  });

  it('_entities gives null for a missing lead and refuses another type\'s id, item by item', async () => {
    const [lead] = liveLeads();
    const response = await stack.gql(ENTITIES, {
      representations: [
        { __typename: 'Lead', amoId: lead!.id },
        { __typename: 'Lead', amoId: 99_999_999 },
        { __typename: 'Lead', id: globalId('Contact', lead!.id) },
      ],
    });
    expect(response.data?._entities).toEqual([{ id: globalId('Lead', lead!.id), amoId: lead!.id, name: lead!.name }, null, null]);
    expect(response.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['_entities', 2], 'BAD_USER_INPUT']]);
  });

  it('_service { sdl } declares Lead, Contact, Company and User as entities keyed by id and by amoId', async () => {
    const { _service } = dataOf(await stack.gql<{ _service: { sdl: string } }>(`{ _service { sdl } }`));
    expect(_service.sdl).toMatch(/extend schema\s+@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+", import: \["@key"\]\)/);
    for (const type of ['Lead', 'Contact', 'Company', 'User']) {
      expect(_service.sdl).toMatch(new RegExp(`type ${type} implements Node\\s+@key\\(fields: "id"\\)\\s+@key\\(fields: "amoId"\\)`));
    }
    // Only those four: a Pipeline or Status is not an entity other subgraphs can extend.
    expect(_service.sdl.match(/@key\(fields: "id"\)/g)).toHaveLength(4);
  });
});
