// Talks end to end: read one with its contact and lead; close some, forcing past the NPS bot.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_TALK_ID } from '../../src/sandbox/seed/talks.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;

describe('talks', () => {
  it('reads a talk with its contact and lead, and null for an unknown one', async () => {
    const talk = store().talks.get(FIRST_TALK_ID)!;
    const data = dataOf(await stack.gql(`{ talk(amoId: ${FIRST_TALK_ID}) { amoId origin isOpen contact { amoId } lead { amoId } createdAt } none: talk(amoId: 9) { amoId } }`));
    expect(data.talk).toMatchObject({ amoId: FIRST_TALK_ID, origin: talk.origin, isOpen: true, contact: { amoId: talk.contact_id } });
    expect(data.talk.lead).toEqual(talk.entity_id ? { amoId: talk.entity_id } : null);
    expect(data.none).toBeNull();
  });

  it('closes talks one call each and reports an unknown talk on its own', async () => {
    stack.resetLog();
    const result = dataOf(
      await stack.gql(`mutation { closeTalks(input: [{ amoId: ${FIRST_TALK_ID + 1}, forceClose: true }, { amoId: 9 }, { amoId: ${FIRST_TALK_ID + 1} }]) { results { status errors { code path } talk { isOpen } } } }`),
    ).closeTalks;
    expect(result.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED', 'FAILED']);
    expect(result.results[0].talk).toEqual({ isOpen: false });
    expect(result.results[1].errors[0]).toEqual({ code: 'AMOCRM_NOT_FOUND', path: ['amoId'] });
    expect(store().talks.get(FIRST_TALK_ID + 1)!.is_in_work).toBe(false);
    const closes = stack.upstreamCalls().filter((call) => call.method === 'POST');
    expect(closes.map((call) => call.path)).toEqual([`/api/v4/talks/${FIRST_TALK_ID + 1}/close`, '/api/v4/talks/9/close']);
  });

  it('refuses more than 50 talks at once with nothing closed', async () => {
    stack.resetLog();
    const input = Array.from({ length: 51 }, (_, i) => `{ amoId: ${i + 1} }`).join(',');
    const response = await stack.gql(`mutation { closeTalks(input: [${input}]) { succeededCount } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.upstreamCalls().filter((call) => call.method === 'POST')).toHaveLength(0);
  });
});
