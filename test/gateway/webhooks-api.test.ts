// The webhooks API through the gateway (issue 8): list, subscribe (and resubscribe), unsubscribe,
// each checked against the sandbox's state; bad input is refused before any upstream call.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => {
  for (const hook of stack.sandbox.store.webhooks.values()) stack.sandbox.store.webhooks.delete(hook.id);
  stack.sandbox.store.account.current_user_id = USER_IDS.admin;
  stack.resetLog();
});

const store = () => stack.sandbox.store;
const writes = () => stack.upstreamCalls().filter((call) => call.path === '/api/v4/webhooks' && call.method !== 'GET');

const LIST = /* GraphQL */ `
  query ($destination: String) {
    webhooks(destination: $destination) { amoId destination events sort disabled createdByAmoId createdAt }
  }
`;
const SUBSCRIBE = /* GraphQL */ `
  mutation ($input: SubscribeWebhookInput!) {
    subscribeWebhook(input: $input) {
      status
      errors { code path message }
      webhook { amoId destination events sort }
    }
  }
`;
const UNSUBSCRIBE = /* GraphQL */ `
  mutation ($destination: String!) {
    unsubscribeWebhook(destination: $destination) { status errors { code path } destination }
  }
`;

describe('webhooks through the gateway', () => {
  it('lists nothing as an empty list', async () => {
    const answer = await stack.gql(LIST);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.webhooks).toEqual([]);
  });

  it('subscribes, lists, resubscribes and unsubscribes, as the sandbox stores it', async () => {
    const created = await stack.gql(SUBSCRIBE, { input: { destination: 'https://hooks.example.test/a', events: ['ADD_LEAD', 'STATUS_LEAD'], sort: 3 } });
    expect(created.errors).toBeUndefined();
    const hook = store().webhooks.values()[0]!;
    expect(hook).toMatchObject({ destination: 'https://hooks.example.test/a', settings: ['add_lead', 'status_lead'], sort: 3, created_by: USER_IDS.admin });
    expect(created.data.subscribeWebhook).toEqual({
      status: 'SUCCEEDED',
      errors: [],
      webhook: { amoId: hook.id, destination: 'https://hooks.example.test/a', events: ['ADD_LEAD', 'STATUS_LEAD'], sort: 3 },
    });
    await stack.gql(SUBSCRIBE, { input: { destination: 'https://hooks.example.test/b', events: ['NOTE_CONTACT'] } });

    const all = await stack.gql(LIST);
    expect(all.data.webhooks.map((w: any) => w.destination).sort()).toEqual(['https://hooks.example.test/a', 'https://hooks.example.test/b']);
    const one = await stack.gql(LIST, { destination: 'https://hooks.example.test/b' });
    expect(one.data.webhooks).toEqual([
      expect.objectContaining({ destination: 'https://hooks.example.test/b', events: ['NOTE_CONTACT'], disabled: false, createdByAmoId: USER_IDS.admin }),
    ]);

    const again = await stack.gql(SUBSCRIBE, { input: { destination: 'https://hooks.example.test/a', events: ['UPDATE_LEAD'] } });
    expect(again.data.subscribeWebhook.webhook).toMatchObject({ amoId: hook.id, events: ['UPDATE_LEAD'] });
    expect(store().webhooks.size).toBe(2);

    const removed = await stack.gql(UNSUBSCRIBE, { destination: 'https://hooks.example.test/a' });
    expect(removed.data.unsubscribeWebhook).toEqual({ status: 'SUCCEEDED', errors: [], destination: 'https://hooks.example.test/a' });
    expect(store().webhooks.values().map((w) => w.destination)).toEqual(['https://hooks.example.test/b']);
  });

  it('refuses a bad destination or no events without calling amoCRM, and changes nothing', async () => {
    const bad = await stack.gql(SUBSCRIBE, { input: { destination: 'not a url', events: [] } });
    expect(bad.data.subscribeWebhook).toEqual({
      status: 'FAILED',
      errors: [
        { code: 'BAD_USER_INPUT', path: ['destination'], message: expect.any(String) },
        { code: 'BAD_USER_INPUT', path: ['events'], message: expect.any(String) },
      ],
      webhook: null,
    });
    const unknown = await stack.gql(SUBSCRIBE, { input: { destination: 'https://hooks.example.test/a', events: ['EAT_LEAD'] } });
    expect(unknown.errors?.[0]?.message).toMatch(/EAT_LEAD/);
    const empty = await stack.gql(UNSUBSCRIBE, { destination: ' ' });
    expect(empty.data.unsubscribeWebhook.status).toBe('FAILED');
    expect(writes()).toHaveLength(0);
    expect(store().webhooks.size).toBe(0);
  });

  it("maps amoCRM's validation errors to the input: the 101st webhook", async () => {
    for (let i = 0; i < 100; i += 1) {
      store().webhooks.put({ id: 1000 + i, destination: `https://hooks.example.test/${i}`, created_at: 0, updated_at: 0, account_id: 1, created_by: 1, sort: 1, disabled: false, settings: ['add_lead'] });
    }
    const over = await stack.gql(SUBSCRIBE, { input: { destination: 'https://hooks.example.test/new', events: ['ADD_LEAD'] } });
    expect(over.data.subscribeWebhook).toMatchObject({ status: 'FAILED', errors: [{ code: 'TooMany', path: [] }], webhook: null });
    expect(store().webhooks.size).toBe(100);
  });

  it('says so when the user is not an administrator', async () => {
    store().account.current_user_id = USER_IDS.manager1;
    const answer = await stack.gql(SUBSCRIBE, { input: { destination: 'https://hooks.example.test/a', events: ['ADD_LEAD'] } });
    expect(answer.data.subscribeWebhook.status).toBe('FAILED');
    expect(answer.data.subscribeWebhook.errors[0].message).toMatch(/administrator/);
    expect(store().webhooks.size).toBe(0);
  });
});
