import { describe, expect, it } from 'vitest';
import { useFreshSandbox } from './helpers.js';

const running = useFreshSandbox();

const store = () => running().sandbox.store.chatTemplates;
const snapshot = () => JSON.stringify(store().values());

describe('/api/v4/chats/templates', () => {
  it('adds, lists (with reviews, by external_id), edits and deletes templates', async () => {
    expect((await running().api('/api/v4/chats/templates')).status).toBe(204);
    const added = await running().api('/api/v4/chats/templates', {
      method: 'POST',
      body: [
        { name: 'Привет', content: 'Здравствуйте, {{contact.name}}!', external_id: 'hello', buttons: [{ type: 'url', text: 'Сайт', url: 'https://example.test' }] },
        { name: 'WA', content: 'Заказ готов', type: 'waba', request_id: 'w' },
      ],
    });
    expect(added.status).toBe(200);
    const [hello, wa] = added.body._embedded.chat_templates;
    expect(wa.request_id).toBe('w');
    expect(store().get(hello.id)).toMatchObject({ type: 'amocrm', external_id: 'hello', buttons: [{ type: 'url', url: 'https://example.test' }] });
    const listed = await running().api('/api/v4/chats/templates?with=reviews&filter[external_id][]=hello');
    expect(listed.body._embedded.chat_templates).toMatchObject([{ id: hello.id, review_status: null }]);
    expect((await running().api('/api/v4/chats/templates')).body._embedded.chat_templates[1]).not.toHaveProperty('review_status');
    const edited = await running().api('/api/v4/chats/templates', { method: 'PATCH', body: [{ id: wa.id, content: 'Ваш заказ готов' }] });
    expect(edited.status).toBe(200);
    expect(store().get(wa.id)!.content).toBe('Ваш заказ готов');
    expect((await running().api('/api/v4/chats/templates', { method: 'DELETE', body: [{ id: hello.id }] })).status).toBe(204);
    expect(store().values().map((row) => row.id)).toEqual([wa.id]);
  });

  it('refuses a bad batch with nothing changed: a blank name, a URL button without url, a reviewed WhatsApp template', async () => {
    const wa = store().put({ id: 7, name: 'WA', content: 'x', is_editable: false, type: 'waba', buttons: [], external_id: null, created_at: 1, updated_at: 1, review_status: 'approved' });
    const before = snapshot();
    const added = await running().api('/api/v4/chats/templates', { method: 'POST', body: [{ name: ' ', content: 'x' }, { name: 'b', content: 'x', buttons: [{ type: 'url', text: 'go' }] }] });
    expect(added.status).toBe(400);
    expect(added.body['validation-errors'].map((item: any) => item.errors.map((e: any) => `${e.code} ${e.path}`))).toEqual([['NotBlank name'], ['NotBlank buttons.0.url']]);
    const edited = await running().api('/api/v4/chats/templates', { method: 'PATCH', body: [{ id: wa.id, content: 'y' }] });
    expect(edited.status).toBe(400);
    expect(snapshot()).toBe(before);
  });
});
