// Chat templates end to end: create, list, update, delete, each checked against the sandbox;
// bad items refused on their own.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store.chatTemplates;

describe('chat templates', () => {
  it('creates, lists, updates and deletes templates as the sandbox then holds them', async () => {
    const created = dataOf(
      await stack.gql(`mutation ($input: [CreateChatTemplateInput!]!) { createChatTemplates(input: $input) { succeededCount results { status errors { path } chatTemplate { amoId type buttons { type url } } } } }`, {
        input: [
          { name: 'Привет', content: 'Здравствуйте!', externalId: 'hi', buttons: [{ type: 'URL', text: 'Сайт', url: 'https://example.test' }] },
          { name: 'Кнопка', content: 'x', buttons: [{ type: 'URL', text: 'no url' }] },
          { name: 'WA', content: 'Заказ готов', type: 'WABA' },
        ],
      }),
    ).createChatTemplates;
    expect(created.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED', 'SUCCEEDED']);
    expect(created.results[1].errors[0].path).toEqual(['buttons', '0', 'url']);
    const [hi, , wa] = created.results.map((r: any) => r.chatTemplate?.amoId);
    expect(store().values().map((row) => row.id)).toEqual([hi, wa]);

    const listed = dataOf(await stack.gql(`{ chatTemplates(withReviews: true) { amoId type reviewStatus } only: chatTemplates(externalIds: ["hi"]) { amoId } }`));
    expect(listed.chatTemplates).toEqual([
      { amoId: hi, type: 'AMOCRM', reviewStatus: null },
      { amoId: wa, type: 'WABA', reviewStatus: 'draft' },
    ]);
    expect(listed.only).toEqual([{ amoId: hi }]);

    const updated = dataOf(
      await stack.gql(`mutation { updateChatTemplates(input: [{ amoId: ${hi}, content: "Добрый день!" }]) { succeededCount } }`),
    ).updateChatTemplates;
    expect(updated.succeededCount).toBe(1);
    expect(store().get(hi)!.content).toBe('Добрый день!');

    const deleted = dataOf(await stack.gql(`mutation { deleteChatTemplates(amoIds: [${hi}, 99999]) { results { status errors { code } } } }`)).deleteChatTemplates;
    expect(deleted.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(store().values().map((row) => row.id)).toEqual([wa]);
  });
});
