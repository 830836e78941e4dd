// The acceptance budget: a full page of leads with every relation costs at most 6 upstream calls
// cold and at most 3 warm, whatever the page size.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startStack, TEST_TOKEN, type Stack } from '../helpers/stack.js';

const LEADS_WITH_EVERYTHING = /* GraphQL */ `
  query LeadsWithEverything($first: Int!, $after: String) {
    leads(first: $first, after: $after) {
      nodes {
        amoId
        name
        status { amoId name kind pipeline { amoId name } }
        pipeline { amoId name }
        responsibleUser { amoId name }
        contacts { edges { isMain node { amoId name phones company { amoId name } } } }
        mainContact { amoId name }
        company { amoId name }
        tags { name }
        customFields {
          fieldId
          fieldName
          field { name type }
          __typename
          ... on TextCustomFieldValue { texts: values }
          ... on SelectCustomFieldValue { options: values { value enumId } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('upstream call budget', () => {
  it('answers leads(first: 250) with contacts, company, status/pipeline, user and custom fields in ≤ 6 calls cold and ≤ 3 warm', async () => {
    stack.gateway.account.metadata.invalidate();
    stack.resetLog();
    const cold = dataOf(await stack.gql(LEADS_WITH_EVERYTHING, { first: 250 }));
    const coldCalls = stack.upstreamCalls();
    expect(cold.leads.nodes).toHaveLength(250);
    // The page really has relations to resolve, or the budget proves nothing.
    expect(cold.leads.nodes.filter((lead: any) => lead.contacts.edges.length > 0).length).toBeGreaterThan(100);
    expect(cold.leads.nodes.filter((lead: any) => lead.company).length).toBeGreaterThan(50);
    expect(coldCalls.map((c) => c.path).sort()).toEqual(
      [
        '/api/v4/companies',
        '/api/v4/contacts',
        '/api/v4/leads',
        '/api/v4/leads/custom_fields',
        '/api/v4/leads/pipelines',
        '/api/v4/users',
      ].sort(),
    );
    expect(coldCalls.length).toBeLessThanOrEqual(6);

    stack.resetLog();
    const warm = dataOf(await stack.gql(LEADS_WITH_EVERYTHING, { first: 250 }));
    const warmCalls = stack.upstreamCalls();
    expect(warm).toEqual(cold);
    expect(warmCalls.map((c) => c.path).sort()).toEqual(['/api/v4/companies', '/api/v4/contacts', '/api/v4/leads']);
  });

  it('batches related ids into filter[id][] calls of at most 250 and never asks for a limit above 250', async () => {
    stack.resetLog();
    let after: string | null = null;
    for (;;) {
      const page: any = dataOf(await stack.gql(LEADS_WITH_EVERYTHING, { first: 250, after }));
      if (!page.leads.pageInfo.hasNextPage) break;
      after = page.leads.pageInfo.endCursor;
    }
    const calls = stack.upstreamCalls();
    expect(calls.length).toBeGreaterThan(3);
    for (const call of calls) {
      const limits = call.query.filter(([key]) => key === 'limit').map(([, value]) => Number(value));
      for (const limit of limits) expect(limit).toBeLessThanOrEqual(250);
      expect(call.query.filter(([key]) => key.startsWith('filter[id]')).length).toBeLessThanOrEqual(250);
      expect(call.authorized).toBe(true);
    }
  });

  it('presents the bearer token on every upstream call', async () => {
    const seen: (string | undefined)[] = [];
    const stop = stack.sandbox.intercept((request) => {
      seen.push(request.headers.authorization as string | undefined);
      return undefined;
    });
    try {
      stack.gateway.account.metadata.invalidate();
      dataOf(await stack.gql(LEADS_WITH_EVERYTHING, { first: 20 }));
    } finally {
      stop();
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((value) => value === `Bearer ${TEST_TOKEN}`)).toBe(true);
  });
});
