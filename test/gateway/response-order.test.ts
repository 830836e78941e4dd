// The GraphQL spec orders response keys as the selection set does, even when fields resolve at
// different times (ours wait on different upstream calls). GraphiQL users see the difference.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('response shape', () => {
  it('keeps selection order in every object, whatever resolved first', async () => {
    const data: any = dataOf(
      await stack.gql(`{
        leads(first: 5) {
          nodes { amoId company { name } status { name } name responsibleUser { name } price mainContact { name } }
        }
        account { name }
      }`),
    );
    expect(Object.keys(data)).toEqual(['leads', 'account']);
    for (const lead of data.leads.nodes) {
      expect(Object.keys(lead)).toEqual(['amoId', 'company', 'status', 'name', 'responsibleUser', 'price', 'mainContact']);
    }
  });
});
