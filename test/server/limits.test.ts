// Documents too deep, too wide or too expensive are refused before execution, as request errors
// naming the limit, and cost amoCRM nothing; every operation in examples/ fits well inside the
// limits, and GraphiQL's introspection query too.

import { readdirSync, readFileSync } from 'node:fs';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RELATION_PAGE_SIZE } from '../../src/schema/builder.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../src/schema/connection.js';
import { schema } from '../../src/schema/index.js';
import { createGateway, type Gateway } from '../../src/server/gateway.js';
import { DEFAULT_SECURITY, type SecurityOptions } from '../../src/server/security.js';
import { startStack, type Stack } from '../helpers/stack.js';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, any> }[] };
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetLog());

async function post(query: string, variables?: Record<string, unknown>, target: Pick<Gateway, 'fetch'> | null = null): Promise<Answer> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE },
    body: JSON.stringify({ query, variables }),
  };
  const response = target ? await target.fetch('http://gateway.test/graphql', init) : await fetch(`${stack.gateway.url}/graphql`, init);
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** A gateway in-process over the same account and sandbox, with other security settings. */
function gatewayWith(security: Partial<SecurityOptions>, production = false): Gateway {
  return createGateway({ account: stack.gateway.account, graphiql: false, production, security });
}

function expectRefused(answer: Answer, code: string, message: string | RegExp) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.body).not.toHaveProperty('data');
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors![0]!.extensions?.code).toBe(code);
  if (typeof message === 'string') expect(answer.body.errors![0]!.message).toBe(message);
  else expect(answer.body.errors![0]!.message).toMatch(message);
  expect(stack.upstreamCalls(), 'nothing reached amoCRM').toEqual([]);
}

describe('document limits', () => {
  it(`refuses a document nested deeper than ${DEFAULT_SECURITY.maxDepth} levels`, async () => {
    const limit = DEFAULT_SECURITY.maxDepth;
    const deep = `{ leads(first: 1) { nodes { status { ${'pipeline { statuses { '.repeat(5)}name${' } }'.repeat(5)} } } } }`;
    expectRefused(await post(deep), 'DEPTH_LIMIT_EXCEEDED', `Query depth limit of ${limit} exceeded, found 14.`);
  });

  it('counts depth through fragments as the fields they select, not as extra levels', async () => {
    // Depth 12 written with a fragment at every level: still depth 12, so it runs.
    const fragments = `
      query { leads(first: 1) { nodes { ...L } } }
      fragment L on Lead { status { ...S } }
      fragment S on Status { pipeline { ...P } }
      fragment P on Pipeline { statuses { pipeline { statuses { pipeline { statuses { pipeline { statuses { name } } } } } } } }`;
    const answer = await post(fragments);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
  });

  it(`refuses more than ${DEFAULT_SECURITY.maxAliases} aliases, but not aliased __typename`, async () => {
    const aliases = (count: number) => Array.from({ length: count }, (_, i) => `a${i}: account { name }`).join(' ');
    expectRefused(await post(`{ ${aliases(DEFAULT_SECURITY.maxAliases + 1)} }`), 'ALIAS_LIMIT_EXCEEDED', `Aliases limit of ${DEFAULT_SECURITY.maxAliases} exceeded, found ${DEFAULT_SECURITY.maxAliases + 1}.`);
    const typenames = Array.from({ length: 40 }, (_, i) => `t${i}: __typename`).join(' ');
    expect((await post(`{ ${typenames} }`)).status).toBe(200);
  });

  it(`refuses a document of more than ${DEFAULT_SECURITY.maxTokens} tokens while parsing it`, async () => {
    const flood = `{ ${'__typename '.repeat(DEFAULT_SECURITY.maxTokens)}}`; // braces make it maxTokens + 2
    expectRefused(await post(flood), 'TOKEN_LIMIT_EXCEEDED', `Token limit of ${DEFAULT_SECURITY.maxTokens} exceeded.`);
  });

  it(`refuses more than ${DEFAULT_SECURITY.maxDirectives} directives`, async () => {
    const flood = `{ ${Array.from({ length: DEFAULT_SECURITY.maxDirectives + 1 }, () => '__typename @include(if: true)').join(' ')} }`;
    expectRefused(await post(flood), 'DIRECTIVE_LIMIT_EXCEEDED', `Directives limit of ${DEFAULT_SECURITY.maxDirectives} exceeded, found ${DEFAULT_SECURITY.maxDirectives + 1}.`);
  });

  it("lets GraphiQL's full introspection query through", async () => {
    const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true });
    const answer = await post(query);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
  });

  it('takes each limit from the options', async () => {
    expectRefused(await post('{ leads(first: 1) { nodes { status { name } } } }', undefined, gatewayWith({ maxDepth: 3 })), 'DEPTH_LIMIT_EXCEEDED', 'Query depth limit of 3 exceeded, found 4.');
    expectRefused(await post('{ a: account { name } b: account { name } }', undefined, gatewayWith({ maxAliases: 1 })), 'ALIAS_LIMIT_EXCEEDED', 'Aliases limit of 1 exceeded, found 2.');
    expectRefused(await post(`{ ${'__typename '.repeat(20)}}`, undefined, gatewayWith({ maxTokens: 20 })), 'TOKEN_LIMIT_EXCEEDED', 'Token limit of 20 exceeded.');
    expectRefused(await post('{ __typename @skip(if: false) account @skip(if: false) { name } }', undefined, gatewayWith({ maxDirectives: 1 })), 'DIRECTIVE_LIMIT_EXCEEDED', 'Directives limit of 1 exceeded, found 2.');
  });
});

describe('field suggestions', () => {
  const typo = '{ leads(first: 1) { nodes { nmae } } }';

  it('are shown in development, to help whoever is typing the query', async () => {
    const answer = await post(typo);
    expect(answer.status).toBe(400);
    expect(answer.body.errors![0]!.message).toBe('Cannot query field "nmae" on type "Lead". Did you mean "name"?');
  });

  it('are hidden in production, so a prober cannot map the schema from typos', async () => {
    const answer = await post(typo, undefined, gatewayWith({}, true));
    expect(answer.status).toBe(400);
    expect(answer.body.errors![0]!.message).toBe('Cannot query field "nmae" on type "Lead". [Suggestion hidden]');
    expect(stack.upstreamCalls()).toEqual([]);
  });
});

describe('cost', () => {
  const nested = (size: number | string) =>
    `query${typeof size === 'string' ? `(${size}: Int)` : ''} { leads(first: ${size}) { nodes { contacts(first: ${size}) { nodes { leads(first: ${size}) { nodes { name } } } } } } }`;

  it('refuses three nested relation pages of 250 before anything runs, saying what a list costs', async () => {
    const answer = await post(nested(250));
    expectRefused(answer, 'COST_LIMIT_EXCEEDED', /^Query cost \d+ exceeds the limit of 2000000\. A list costs what it selects once per item/);
    const cost = answer.body.errors![0]!.extensions!.cost;
    expect(cost.max).toBe(DEFAULT_SECURITY.maxCost);
    // 250 leads × 250 contacts × 250 leads × (nodes + name) and change.
    expect(cost.estimated).toBeGreaterThan(2 * 250 ** 3);
  });

  it('charges `first` from variables afresh on every request: a cheap run never vouches for a dear one', async () => {
    const query = nested('$n');
    const cheap = await post(query, { n: 2 });
    expect(cheap.body.errors).toBeUndefined();
    expect(stack.upstreamCalls().length).toBeGreaterThan(0);
    stack.resetLog();
    expectRefused(await post(query, { n: 250 }), 'COST_LIMIT_EXCEEDED', /^Query cost \d+ exceeds the limit/);
    expect((await post(query, { n: 2 })).body.errors).toBeUndefined();
  });

  it.each([
    ['first', 251, `{ leads(first: 251) { nodes { name } } }`],
    ['first', -1, `{ leads(first: -1) { nodes { name } } }`],
    ['last', 1000, `{ leads(last: 1000, before: "x") { nodes { name } } }`],
    ['first', 100000, `{ lead(amoId: 1) { contacts(first: 100000) { nodes { name } } } }`],
  ])('refuses %s: %i outside amoCRM page before execution', async (name, value, query) => {
    expectRefused(await post(query), 'BAD_USER_INPUT', `"${name}" must be between 0 and ${MAX_PAGE_SIZE} (amoCRM's page size), got ${value}`);
  });

  it('refuses an oversized `first` passed as a variable the same way', async () => {
    expectRefused(await post('query($n: Int) { contacts(first: $n) { nodes { name } } }', { n: 2 ** 31 - 1 }), 'BAD_USER_INPUT', `"first" must be between 0 and ${MAX_PAGE_SIZE} (amoCRM's page size), got ${2 ** 31 - 1}`);
  });

  it(`assumes ${DEFAULT_PAGE_SIZE} items for a root list and ${RELATION_PAGE_SIZE} for a relation when no size is given`, () => {
    const cost = (query: string) => complexityFromQuery(query, { schema }).complexity;
    // The builder repeats connection.ts's default (it cannot import it); this keeps them equal.
    expect(cost('{ leads { nodes { name } } }')).toBe(cost(`{ leads(first: ${DEFAULT_PAGE_SIZE}) { nodes { name } } }`));
    expect(cost('{ leads { nodes { name } } }')).toBeLessThan(cost(`{ leads(first: ${DEFAULT_PAGE_SIZE + 1}) { nodes { name } } }`));
    // A relation is estimated at a typical size; an explicit `first` counts as given.
    expect(cost('{ lead(amoId: 1) { contacts { nodes { name } } } }')).toBe(cost(`{ lead(amoId: 1) { contacts(first: ${RELATION_PAGE_SIZE}) { nodes { name } } } }`));
    // `edges { node }` and `nodes` cost the same: the connection multiplies, not the list under it.
    expect(cost('{ leads(first: 10) { edges { node { name } } } }')).toBe(cost('{ leads(first: 10) { nodes { name } } }') + 10);
  });

  it('takes the limit from the options', async () => {
    const tight = gatewayWith({ maxCost: 100 });
    expectRefused(await post('{ leads(first: 60) { nodes { name } } }', undefined, tight), 'COST_LIMIT_EXCEEDED', /^Query cost 121 exceeds the limit of 100\./);
    expect((await post('{ leads(first: 40) { nodes { name } } }', undefined, tight)).body.errors).toBeUndefined();
  });
});

describe('the example operations', () => {
  const files = readdirSync(new URL('../../examples/', import.meta.url)).filter((file) => file.endsWith('.graphql'));
  // What the limits may shrink to and every example still runs: a quarter of the cost budget,
  // half of the alias, token and directive allowances, three levels less depth.
  const headroom: Partial<SecurityOptions> = {
    maxCost: DEFAULT_SECURITY.maxCost / 4,
    maxAliases: DEFAULT_SECURITY.maxAliases / 2,
    maxTokens: DEFAULT_SECURITY.maxTokens / 2,
    maxDirectives: DEFAULT_SECURITY.maxDirectives / 2,
    maxDepth: DEFAULT_SECURITY.maxDepth - 3,
  };

  function variablesFor(operation: string): Record<string, unknown> {
    const store = stack.sandbox.store;
    const lead = store.leads.values().find((row) => !row.is_deleted)!;
    const company = store.companies.values().find((row) => !row.is_deleted)!;
    const contact = store.contacts.values().find((row) => !row.is_deleted)!;
    const table: Record<string, Record<string, unknown>> = {
      Account: {},
      CompanyWithPeople: { amoId: company.id },
      CustomFieldCatalog: { entity: 'CONTACTS' },
      ImportLeads: { leads: [{ name: 'Within limits', price: 100 }] },
      LeadCard: { amoId: lead.id },
      LeadsPage: { first: 25, orderBy: { field: 'CREATED_AT', direction: 'DESC' } },
      NodeRefetch: { id: encodeGlobalID('Lead', lead.id) },
      PipelineBoard: {},
      RecentLeads: {},
      SearchContacts: { query: contact.name, first: 20 },
    };
    expect(table, `variables for ${operation} (add the new example here)`).toHaveProperty(operation);
    return table[operation]!;
  }

  it('are all here', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(files)('%s runs within a fraction of every limit', async (file) => {
    const query = readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8');
    const operation = parse(query).definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
    const answer = await post(query, variablesFor(operation.name!.value), gatewayWith(headroom));
    expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeTruthy();
  });
});
