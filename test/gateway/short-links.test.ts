// Short links end to end: one per contact, in one upstream call; bad items refused on their own.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;
const MUTATION = /* GraphQL */ `
  mutation ($input: [CreateShortLinkInput!]!) {
    createShortLinks(input: $input) { succeededCount failedCount results { index status shortUrl url errors { path code } contact { amoId } } }
  }
`;

describe('createShortLinks', () => {
  it('makes a link per contact in one upstream write, as the sandbox then holds them', async () => {
    const contacts = store().contacts.values().slice(0, 3);
    stack.resetLog();
    const result = dataOf(await stack.gql(MUTATION, { input: contacts.map((c) => ({ url: 'https://example.test/price', contactAmoId: c.id })) })).createShortLinks;
    expect(result.succeededCount).toBe(3);
    expect(result.results.map((r: any) => r.contact.amoId)).toEqual(contacts.map((c) => c.id));
    expect(result.results.map((r: any) => r.shortUrl)).toEqual(store().shortLinks.values().map((row) => row.short_url));
    expect(stack.upstreamCalls().filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('refuses a bad URL before any call and an unknown contact from amoCRM; the rest is made', async () => {
    const before = store().shortLinks.size;
    const contact = store().contacts.values()[0]!;
    const result = dataOf(
      await stack.gql(MUTATION, {
        input: [
          { url: 'ftp://example.test', contactAmoId: contact.id },
          { url: 'https://example.test', contactAmoId: 999_999_999 },
          { url: 'https://example.test/ok', contactAmoId: contact.id },
        ],
      }),
    ).createShortLinks;
    expect(result.results.map((r: any) => [r.status, r.errors.map((e: any) => `${e.code} ${e.path.join('.')}`)])).toEqual([
      ['FAILED', ['BAD_USER_INPUT url']],
      ['FAILED', ['NotFound contactAmoId']],
      ['SUCCEEDED', []],
    ]);
    expect(store().shortLinks.size).toBe(before + 1);
    expect(store().shortLinks.values().at(-1)!.url).toBe('https://example.test/ok');
  });
});
